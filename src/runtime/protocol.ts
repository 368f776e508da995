import { z } from 'zod';
import type { Design } from '../core/design/design-types';
import { designShape } from './design-shape';

/**
 * The messages between the UI and the runtime worker. Both directions are discriminated unions on
 * `type`, and both sides validate what arrives (a message is data from another realm).
 */

export type BackendChoice = 'auto' | 'wasm' | 'webgpu';
export type BackendKind = 'wasm' | 'webgpu';

export type Stage =
  'load-code' | 'load-wasm' | 'export' | 'create-session' | 'warm-up' | 'timing' | 'profile' | 'features';

export const errorCodes = [
  'design-invalid',
  'unsupported-op',
  'out-of-memory',
  'worker-died',
  'timeout',
  'load-failed',
  'bad-input',
  'no-run',
  'internal',
] as const;
export type RuntimeErrorCode = (typeof errorCodes)[number];

export interface RunOptions {
  readonly warmup: number;
  readonly runs: number;
  /** Stop timing after this many milliseconds (at least 5 runs are kept). */
  readonly budgetMs: number;
  /** Fold batch norm into convs before running (the deploy graph). */
  readonly foldBatchNorm: boolean;
  /** Also measure per-node times with a profiling session. */
  readonly profile: boolean;
}

export interface FeatureTarget {
  readonly nodeId: string;
  /** Tensor names that may hold the node's output, most likely first. */
  readonly candidates: readonly string[];
}

export type WorkerRequest =
  | {
      readonly type: 'run';
      readonly id: number;
      /** Changes whenever the design does: sessions are cached per key. */
      readonly designKey: string;
      readonly design: Design;
      readonly input: { readonly data: Float32Array; readonly shape: readonly number[] };
      readonly backend: BackendChoice;
      readonly options: RunOptions;
    }
  | {
      readonly type: 'features';
      readonly id: number;
      readonly designKey: string;
      readonly targets: readonly FeatureTarget[];
      readonly nodeId: string;
      readonly maxChannels: number;
    }
  | { readonly type: 'model'; readonly id: number; readonly designKey: string };

export interface OutputTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface NodeTime {
  /** The node name in onnxruntime's trace (fused nodes carry onnxruntime's suffixes). */
  readonly name: string;
  readonly op: string;
  readonly ms: number;
}

export type WorkerResponse =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly stage: Stage;
      readonly done?: number;
      readonly total?: number;
    }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly backend: BackendKind;
      readonly threads: number;
      /** Why the requested backend was not used, when it was not. */
      readonly note?: string;
      readonly createMs: number;
      readonly samples: readonly number[];
      readonly outputs: readonly OutputTensor[];
    }
  | { readonly type: 'profile'; readonly id: number; readonly nodes: readonly NodeTime[] }
  | {
      readonly type: 'features';
      readonly id: number;
      readonly nodeId: string;
      readonly tensor: string;
      readonly shape: readonly number[];
      readonly data: Float32Array;
    }
  | { readonly type: 'model'; readonly id: number; readonly bytes: Uint8Array }
  | { readonly type: 'done'; readonly id: number }
  | {
      readonly type: 'error';
      readonly id: number;
      readonly code: RuntimeErrorCode;
      readonly message: string;
      readonly details?: readonly string[];
    };

const id = z.number().int();
const shape = z.array(z.number().int().nonnegative());
const f32 = z.instanceof(Float32Array);
const stage = z.enum([
  'load-code',
  'load-wasm',
  'export',
  'create-session',
  'warm-up',
  'timing',
  'profile',
  'features',
]);
const backendKind = z.enum(['wasm', 'webgpu']);

const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run'),
    id,
    designKey: z.string(),
    design: designShape,
    input: z.object({ data: f32, shape }),
    backend: z.enum(['auto', 'wasm', 'webgpu']),
    options: z.object({
      warmup: z.number().int().min(0).max(100),
      runs: z.number().int().min(1).max(1000),
      budgetMs: z.number().positive(),
      foldBatchNorm: z.boolean(),
      profile: z.boolean(),
    }),
  }),
  z.object({
    type: z.literal('features'),
    id,
    designKey: z.string(),
    targets: z.array(z.object({ nodeId: z.string(), candidates: z.array(z.string()) })),
    nodeId: z.string(),
    maxChannels: z.number().int().positive(),
  }),
  z.object({ type: z.literal('model'), id, designKey: z.string() }),
]);

const responseSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    id,
    stage,
    done: z.number().optional(),
    total: z.number().optional(),
  }),
  z.object({
    type: z.literal('result'),
    id,
    backend: backendKind,
    threads: z.number().int().positive(),
    note: z.string().optional(),
    createMs: z.number(),
    samples: z.array(z.number()),
    outputs: z.array(z.object({ name: z.string(), shape, data: f32 })),
  }),
  z.object({
    type: z.literal('profile'),
    id,
    nodes: z.array(z.object({ name: z.string(), op: z.string(), ms: z.number() })),
  }),
  z.object({ type: z.literal('features'), id, nodeId: z.string(), tensor: z.string(), shape, data: f32 }),
  z.object({ type: z.literal('model'), id, bytes: z.instanceof(Uint8Array) }),
  z.object({ type: z.literal('done'), id }),
  z.object({
    type: z.literal('error'),
    id,
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.array(z.string()).optional(),
  }),
]);

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function parseWith<T>(schema: z.ZodType, data: unknown): Parsed<T> {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data as T };
  const first = r.error.issues[0];
  return { ok: false, error: `${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}` };
}

export const parseRequest = (data: unknown): Parsed<WorkerRequest> => parseWith(requestSchema, data);
export const parseResponse = (data: unknown): Parsed<WorkerResponse> => parseWith(responseSchema, data);
