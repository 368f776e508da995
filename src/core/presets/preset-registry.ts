import type { PresetDef } from './preset-types';
import { mobilenetV1, mobilenetV1Conv } from './mobilenet-v1';
import { mobilenetV2 } from './mobilenet-v2';
import { mobilenetV3Large, mobilenetV3Small } from './mobilenet-v3';
import { squeezenet1_0, squeezenet1_1 } from './squeezenet';
import { shufflenetV1 } from './shufflenet-v1';
import {
  shufflenetV2x0_5,
  shufflenetV2x1_0,
  shufflenetV2x1_5,
  shufflenetV2x2_0,
} from './shufflenet-v2-preset';

/** Every preset, in the order the palette lists them. Presets add themselves here. */
export const presets: readonly PresetDef[] = [
  squeezenet1_0,
  squeezenet1_1,
  mobilenetV1,
  mobilenetV1Conv,
  mobilenetV2,
  mobilenetV3Small,
  mobilenetV3Large,
  shufflenetV1,
  shufflenetV2x0_5,
  shufflenetV2x1_0,
  shufflenetV2x1_5,
  shufflenetV2x2_0,
];

export function findPreset(name: string): PresetDef | undefined {
  return presets.find((p) => p.name === name);
}
