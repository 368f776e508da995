import type { InferenceSession } from 'onnxruntime-web';
import { decideBackend, type BackendDecision } from './backend-choice';
import { classifyError } from './errors';
import { computeFeatures, firstChannels, type FeatureValue } from './feature-maps';
import { buildModel, type RunnableModel } from './model';
import {
  configure,
  fetchWithProgress,
  importBuild,
  probeWebGpu,
  wasmThreads,
  wasmUrl,
  type OrtModule,
} from './ort-loader';
import { randomTensor } from './preprocess';
import type {
  BackendChoice,
  BackendKind,
  OutputTensor,
  Stage,
  WorkerRequest,
  WorkerResponse,
} from './protocol';
import {
  createSession,
  feedsFor,
  type Feeds,
  profileRuns,
  readTensor,
  timeRuns,
  TimeoutError,
} from './session';

type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;
type Req<T extends WorkerRequest['type']> = Extract<WorkerRequest, { type: T }>;

const SESSION_TIMEOUT_MS = 90_000;
const PROFILE_RUNS = 5;

/** What the worker keeps of the design it last ran: one design at a time, to bound memory. */
interface Current {
  readonly key: string;
  readonly fold: boolean;
  readonly model: RunnableModel;
  readonly sessions: Map<BackendKind, InferenceSession>;
  lastBackend?: BackendKind;
  input?: { readonly data: Float32Array; readonly shape: readonly number[] };
  features?: Map<string, FeatureValue>;
}

/** Handles the worker's requests; `post` sends the answers (the worker entry validates requests). */
export class Runner {
  private readonly builds = new Map<BackendKind, Promise<OrtModule>>();
  private current: Current | undefined;

  constructor(private readonly post: Post) {}

  async handle(req: WorkerRequest): Promise<void> {
    try {
      if (req.type === 'run') await this.run(req);
      else if (req.type === 'features') await this.features(req);
      else this.model(req);
    } catch (e) {
      const error =
        e instanceof TimeoutError
          ? { code: 'timeout' as const, message: e.message, details: [] }
          : classifyError(e);
      this.post({ type: 'error', id: req.id, ...error });
    }
    this.post({ type: 'done', id: req.id });
  }

  private progress(id: number, stage: Stage, done?: number, total?: number): void {
    this.post({
      type: 'progress',
      id,
      stage,
      ...(done !== undefined && { done }),
      ...(total !== undefined && { total }),
    });
  }

  private load(kind: BackendKind, id: number): Promise<OrtModule> {
    let loading = this.builds.get(kind);
    if (loading === undefined) {
      loading = (async () => {
        this.progress(id, 'load-code');
        const ort = await importBuild(kind);
        const url = wasmUrl(kind);
        let last = 0;
        const binary = await fetchWithProgress(url, (done, total) => {
          if (done - last < 256 * 1024 && done !== total) return;
          last = done;
          this.progress(id, 'load-wasm', done, total);
        });
        configure(ort, { threads: wasmThreads(), wasmUrl: url, wasmBinary: binary });
        return ort;
      })();
      this.builds.set(kind, loading);
      loading.catch(() => this.builds.delete(kind));
    }
    return loading;
  }

  private async chooseBackend(choice: BackendChoice): Promise<BackendDecision> {
    // Asking for an adapter costs nothing worth saving when the user chose WASM.
    if (choice === 'wasm') return { kind: 'wasm' };
    return decideBackend(choice, await probeWebGpu());
  }

  private prepare(req: Req<'run'>): Current | readonly string[] {
    const fold = req.options.foldBatchNorm;
    if (this.current?.key === req.designKey && this.current.fold === fold) return this.current;
    this.dropCurrent();
    const built = buildModel(req.design, { foldBatchNorm: fold });
    if (!built.ok) return built.errors;
    this.current = { key: req.designKey, fold, model: built.model, sessions: new Map() };
    return this.current;
  }

  private dropCurrent(): void {
    for (const s of this.current?.sessions.values() ?? []) void s.release();
    this.current = undefined;
  }

  private async session(
    cur: Current,
    ort: OrtModule,
    kind: BackendKind,
    id: number,
  ): Promise<InferenceSession> {
    const known = cur.sessions.get(kind);
    if (known !== undefined) return known;
    this.progress(id, 'create-session');
    const s = await createSession(ort, cur.model.bytes, {
      backend: kind,
      profiling: false,
      timeoutMs: SESSION_TIMEOUT_MS,
    });
    cur.sessions.set(kind, s);
    return s;
  }

  private async run(req: Req<'run'>): Promise<void> {
    let { kind, note } = await this.chooseBackend(req.backend);
    let ort = await this.load(kind, req.id);
    this.progress(req.id, 'export');
    const cur = this.prepare(req);
    if (!('key' in cur)) {
      this.post({
        type: 'error',
        id: req.id,
        code: 'design-invalid',
        message: 'The design cannot be exported.',
        details: cur,
      });
      return;
    }
    const [first, ...others] = cur.model.inputs;
    const count = req.input.shape.reduce((a, b) => a * b, 1);
    if (
      first === undefined ||
      first.shape.join('x') !== req.input.shape.join('x') ||
      req.input.data.length !== count
    ) {
      const want = first?.shape.join('×') ?? 'none';
      this.post({
        type: 'error',
        id: req.id,
        code: 'bad-input',
        message: `The input is ${req.input.shape.join('×')}; the design reads ${want}.`,
      });
      return;
    }
    const t0 = performance.now();
    let session: InferenceSession;
    try {
      session = await this.session(cur, ort, kind, req.id);
    } catch (e) {
      if (kind !== 'webgpu' || req.backend !== 'auto' || e instanceof TimeoutError) throw e;
      note = `WebGPU could not run this design (${classifyError(e).message}); WASM ran it instead.`;
      kind = 'wasm';
      ort = await this.load(kind, req.id);
      session = await this.session(cur, ort, kind, req.id);
    }
    const createMs = performance.now() - t0;
    cur.lastBackend = kind;
    cur.input = req.input;
    cur.features = undefined;
    const main = feedsFor(ort, first.name, req.input.data, req.input.shape);
    const extra = others.map((i) =>
      feedsFor(ort, i.name, randomTensor(i.shape.reduce((a, b) => a * b, 1)), i.shape),
    );
    const feeds: Feeds = () => {
      const all = main();
      for (const f of extra) Object.assign(all, f());
      return all;
    };
    const { samples, outputs } = await timeRuns(session, feeds, req.options, (stage, done, total) => {
      this.progress(req.id, stage, done, total);
    });
    const tensors: OutputTensor[] = [];
    for (const o of cur.model.outputs) {
      const t = outputs[o.name];
      if (t !== undefined) tensors.push({ name: o.name, shape: [...t.dims], data: await readTensor(t) });
      t?.dispose();
    }
    const threads = kind === 'wasm' ? wasmThreads() : 1;
    this.post(
      {
        type: 'result',
        id: req.id,
        backend: kind,
        threads,
        createMs,
        samples,
        outputs: tensors,
        ...(note !== undefined && { note }),
      },
      tensors.map((t) => t.data.buffer as ArrayBuffer),
    );
    if (!req.options.profile) return;
    this.progress(req.id, 'profile');
    const profiled = await createSession(ort, cur.model.bytes, {
      backend: kind,
      profiling: true,
      timeoutMs: SESSION_TIMEOUT_MS,
    });
    try {
      const nodes = await profileRuns(profiled, feeds, PROFILE_RUNS);
      this.post({ type: 'profile', id: req.id, nodes });
    } finally {
      await profiled.release();
    }
  }

  private async features(req: Req<'features'>): Promise<void> {
    const cur = this.current;
    if (cur?.key !== req.designKey || cur.input === undefined) {
      this.post({
        type: 'error',
        id: req.id,
        code: 'no-run',
        message: 'Run this design before opening feature maps.',
      });
      return;
    }
    if (cur.features === undefined) {
      this.progress(req.id, 'features');
      const kind = cur.lastBackend ?? 'wasm';
      const ort = await this.load(kind, req.id);
      cur.features = await computeFeatures(ort, kind, cur.model, cur.input, req.targets, SESSION_TIMEOUT_MS);
    }
    const f = cur.features.get(req.nodeId);
    if (f === undefined) {
      this.post({
        type: 'error',
        id: req.id,
        code: 'no-run',
        message: 'This node writes no tensor of its own (it only passes its input on).',
      });
      return;
    }
    const data = firstChannels(f, req.maxChannels);
    this.post({ type: 'features', id: req.id, nodeId: req.nodeId, tensor: f.tensor, shape: f.shape, data }, [
      data.buffer,
    ]);
  }

  private model(req: Req<'model'>): void {
    const cur = this.current;
    if (cur?.key !== req.designKey) {
      this.post({
        type: 'error',
        id: req.id,
        code: 'no-run',
        message: 'Run this design before saving its model.',
      });
      return;
    }
    const bytes = cur.model.bytes.slice();
    this.post({ type: 'model', id: req.id, bytes }, [bytes.buffer]);
  }
}
