import { describe, expect, it } from 'vitest';
import type { CardData } from './card-model';
import { unmeasuredCard } from './unmeasured-card';

const card = (inputs: number, outputs: number, block?: 'closed'): CardData =>
  ({ inputs, outputs, block, problem: undefined }) as unknown as CardData;

describe('a card React Flow has not drawn yet', () => {
  it('has the size the layout gives it and a box for each port', () => {
    const c = unmeasuredCard(card(2, 1));
    expect([c.initialWidth, c.initialHeight]).toEqual([240, 66]);
    expect(c.handles.map((h) => h.id)).toEqual(['in-0', 'in-1', 'out-0']);
    expect(unmeasuredCard(card(1, 1, 'closed')).initialWidth).toBe(280);
  });

  it('places its ports where a drawn card has them (measured in Chromium: x 115, inputs at y −10, outputs at the card bottom)', () => {
    // One input and one output on a 240-wide card: each port's 10-wide box is centred at 120.
    const [input, output] = unmeasuredCard(card(1, 1)).handles;
    expect([input?.x, input?.y, input?.width]).toEqual([115, -10, 10]);
    expect([output?.x, output?.y]).toEqual([115, 66]);
    // Two inputs at a third and two thirds of the width: centres at 80 and 160.
    const two = unmeasuredCard(card(2, 0)).handles;
    expect(two.map((h) => (h.x ?? 0) + 5)).toEqual([80, 160]);
  });
});
