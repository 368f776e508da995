import { describe, expect, it } from 'vitest';
import { findPreset } from '../presets/preset-registry';
import { referenceOf, referenceText } from './references';
import { lessons } from './lesson-registry';

describe('the paper behind each lesson', () => {
  it('names the first author, title, venue and year for every lesson', () => {
    for (const l of lessons) {
      const r = referenceOf(l);
      expect(r, l.id).toBeDefined();
      expect(r?.authors, l.id).toMatch(/^[A-Z][a-z]+ et al\.$/);
      expect(r?.year, l.id).toBeGreaterThanOrEqual(2015);
      expect(r?.year, l.id).toBeLessThanOrEqual(2019);
      expect(r?.venue, l.id).toMatch(/^(CVPR|ICCV|ECCV|ICML|NeurIPS|AAAI|arXiv:\d{4}\.\d{5})$/);
    }
  });

  it('agrees with the presets’ own citations of the same papers (first author, year, arXiv id)', () => {
    const pairs: [number, string][] = [
      [124, 'squeezenet1_0'],
      [125, 'mobilenet_v1'],
      [126, 'mobilenet_v2'],
      [127, 'shufflenet_v1'],
      [128, 'shufflenet_v2_x1_0'],
    ];
    for (const [ref, preset] of pairs) {
      const cited = findPreset(preset)?.paper;
      const r = referenceOf({ surveyRef: ref });
      expect(cited, preset).toBeDefined();
      expect(cited?.startsWith(`${r?.authors ?? '?'} ${String(r?.year)}`), `${preset}: ${cited ?? ''}`).toBe(
        true,
      );
      if (r?.venue.startsWith('arXiv:') === true) expect(cited).toContain(r.venue);
    }
  });

  it('reads as one line', () => {
    const r = referenceOf({ surveyRef: 128 });
    expect(r === undefined ? '' : referenceText(r)).toBe(
      'Ma et al., ShuffleNet V2: Practical guidelines for efficient CNN architecture design, ECCV, 2018',
    );
  });
});
