import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { blockRegistry } from '../blocks/block-registry';
import { opRegistry } from '../ops/op-registry';
import { clearedBy, fieldLabel, fieldsOf, overriddenBy, specOf } from './field-spec';

describe('field specs from zod schemas', () => {
  it('reads Conv2d: ints with bounds, pairs and a boolean', () => {
    const fields = fieldsOf(opRegistry.Conv2d.schema);
    const byName = new Map(fields.map((f) => [f.name, f.spec]));
    expect(byName.get('outChannels')).toEqual({ type: 'number', int: true, min: 1, optional: false });
    expect(byName.get('kernel')).toEqual({ type: 'pair', int: true, min: 1 });
    expect(byName.get('padding')).toEqual({ type: 'pair', int: true, min: 0 });
    expect(byName.get('bias')).toEqual({ type: 'boolean' });
  });

  it('reads enums, optional numbers, ranges and lists', () => {
    expect(specOf(z.enum(['relu', 'relu6']).default('relu'))).toEqual({
      type: 'enum',
      options: ['relu', 'relu6'],
    });
    expect(specOf(z.number().int().min(1).optional())).toEqual({
      type: 'number',
      int: true,
      min: 1,
      optional: true,
    });
    expect(specOf(z.number().min(0).max(1).default(0.2))).toEqual({
      type: 'number',
      int: false,
      min: 0,
      max: 1,
      optional: false,
    });
    expect(specOf(z.array(z.number().int().min(1)).default([]))).toEqual({ type: 'list', int: true, min: 1 });
    expect(specOf(z.string())).toEqual({ type: 'other' });
  });

  it('names fields the way people read them: from the schema, else from the name', () => {
    const label = (fields: ReturnType<typeof fieldsOf>, name: string) =>
      fields.find((f) => f.name === name)?.label;
    const ir = fieldsOf(blockRegistry.InvertedResidual.schema);
    expect(label(ir, 'outChannels')).toBe('Output channels');
    expect(label(ir, 'squeezeExcite')).toBe('Squeeze-excite');
    expect(label(ir, 'batchNorm')).toMatch(/^Batch norm/);
    expect(label(fieldsOf(opRegistry.Dropout.schema), 'p')).toBe('Drop probability');
    expect(fieldLabel('expandedChannels')).toBe('Expanded channels');
    expect(fieldLabel('expand3x3')).toBe('Expand 3×3');
    expect(fieldLabel('groups')).toBe('Groups');
  });

  it('reads units and help from the schema metadata, through defaults and wrappers', () => {
    const conv = fieldsOf(opRegistry.Conv2d.schema);
    expect(conv.find((f) => f.name === 'kernel')?.unit).toBe('px');
    expect(conv.find((f) => f.name === 'groups')?.help).toMatch(/depthwise/);
    expect(conv.find((f) => f.name === 'bias')?.help).toBeUndefined();
    const wrapped = z.object({
      n: z.number().meta({ label: 'Inner', unit: 'px' }).default(1).meta({ label: 'Outer' }),
    });
    expect(fieldsOf(wrapped)[0]).toMatchObject({ label: 'Outer', unit: 'px' });
  });

  it('an absolute width read from a file gives way when its ratio is edited, and only then', () => {
    // An imported MobileNetV3 block keeps the file's 240 channels; the ratio 6 is not in force.
    const imported = { outChannels: 40, expansion: 6, expandedChannels: 240 };
    for (const kind of ['InvertedResidual', 'MBConv'] as const) {
      const fields = fieldsOf(blockRegistry[kind].schema);
      expect(overriddenBy(fields, imported, 'expansion')?.name).toBe('expandedChannels');
      expect(clearedBy(fields, imported, 'expansion')).toEqual({ expandedChannels: undefined });
      expect(clearedBy(fields, imported, 'outChannels')).toEqual({});
      expect(clearedBy(fields, imported, 'expandedChannels')).toEqual({});
      // Without an absolute width the ratio is in force: nothing to say, nothing to clear.
      expect(overriddenBy(fields, { expansion: 6 }, 'expansion')).toBeUndefined();
      expect(clearedBy(fields, { expansion: 6 }, 'expansion')).toEqual({});
    }
    const se = fieldsOf(blockRegistry.SqueezeExcite.schema);
    expect(clearedBy(se, { squeezeChannels: 5, reduction: 4 }, 'reduction')).toEqual({
      squeezeChannels: undefined,
    });
  });
});
