import { describe, expect, it } from 'vitest';
import { attributeTimes, layerMatcher, nodeTimes, traceEvents } from './profile';

const event = (name: string, dur: number, op = 'Conv') => ({
  cat: 'Node',
  name: `${name}_kernel_time`,
  dur,
  args: { op_name: op },
});

describe('trace parsing', () => {
  it('finds the JSON array among other printed lines', () => {
    const text = ['some log line', JSON.stringify([event('a', 1000)]).replace(/},/g, '},\n'), 'trailer'].join(
      '\n',
    );
    expect(traceEvents(text)).toHaveLength(1);
    expect(traceEvents('no trace here')).toEqual([]);
    expect(traceEvents('[ broken')).toEqual([]);
  });
  it('gives the median per node over runs, in ms, ignoring session and fence events', () => {
    const events = [
      { cat: 'Session', name: 'model_run', dur: 99999 },
      { cat: 'Node', name: 'a_fence_before', dur: 5 },
      event('a', 1000),
      event('b', 3000, 'Relu'),
      event('a', 3000),
      event('a', 2000),
    ];
    expect(nodeTimes(events)).toEqual([
      { name: 'a', op: 'Conv', ms: 2 },
      { name: 'b', op: 'Relu', ms: 3 },
    ]);
  });
});

describe('attributing trace nodes to design nodes', () => {
  const layers = [
    { name: 'features.1/depthwise', key: 'n1/depthwise', nodeId: 'n1' },
    { name: 'features.1/depthwise_bn', key: 'n1/depthwise_bn', nodeId: 'n1' },
    { name: 'features.10/conv', key: 'n10/conv', nodeId: 'n10' },
    { name: 'conv1', key: 'c', nodeId: 'c' },
    { name: 'conv1_2', key: 'c2', nodeId: 'c2' },
  ];
  const match = (name: string): string | undefined => layerMatcher(layers)(name)?.key;
  it('matches exact names and names onnxruntime extended by fusion', () => {
    expect(match('features.10/conv')).toBe('n10/conv');
    expect(match('features.1/depthwise_bn_nchwc')).toBe('n1/depthwise_bn');
    expect(match('conv1_relu_nchwc')).toBe('c');
    expect(match('conv1_2')).toBe('c2');
  });
  it('does not match across a name boundary', () => {
    expect(match('features.10')).toBeUndefined();
    expect(match('conv10')).toBeUndefined();
    expect(match('ReorderOutput_token_3')).toBeUndefined();
  });
  it('sums per design node and keeps what belongs to none apart', () => {
    const t = attributeTimes(
      [
        { name: 'features.1/depthwise', op: 'Conv', ms: 1 },
        { name: 'features.1/depthwise_bn', op: 'BatchNormalization', ms: 0.5 },
        { name: 'ReorderInput', op: 'ReorderInput', ms: 0.25 },
      ],
      layers,
    );
    expect(t).toEqual({
      byNode: { n1: 1.5 },
      byLayer: { 'n1/depthwise': 1, 'n1/depthwise_bn': 0.5 },
      unattributed: 0.25,
      total: 1.75,
    });
  });
});
