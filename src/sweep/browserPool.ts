// The lab's sweep: a pool of Web Workers, all cores but one (at least one), each running chunks
// of seeds off the main thread so the page stays responsive. Cancel terminates the workers.
import { outputOf, identityOf, type SweepOutput } from './sweepOutput';
import { PoolCancelled, runPool, type ChunkRunner, type Progress } from './pool';
import type { SeedRow } from './runSeed';
import type { SweepReply, SweepRequest } from './sweepProtocol';
import { prepareSweep, type SweepSpec } from './sweepSpec';

export { PoolCancelled, type Progress };

export function browserWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, cores - 1);
}

interface PooledWorker {
  readonly runner: ChunkRunner;
  /** Ends the worker; a chunk it was running rejects with PoolCancelled. */
  stop(): void;
}

function workerRunner(spec: SweepSpec): PooledWorker {
  let pending: ((error: Error) => void) | null = null;
  const worker = new Worker(new URL('../worker/sweepWorker.ts', import.meta.url), { type: 'module' });
  const send = (message: SweepRequest) => worker.postMessage(message);
  send({ type: 'prepare', spec });
  const runner: ChunkRunner = {
    run: (from, to) =>
      new Promise<SeedRow[]>((resolve, reject) => {
        pending = reject;
        worker.onmessage = (event: MessageEvent<SweepReply>) => {
          const reply = event.data;
          if (reply.type === 'rows') resolve(reply.rows);
          else reject(new Error(reply.message));
        };
        worker.onerror = (event) => reject(new Error(event.message || 'a sweep worker failed'));
        send({ type: 'run', from, to });
      }),
  };
  const stop = () => {
    worker.terminate();
    pending?.(new PoolCancelled());
  };
  return { runner, stop };
}

export interface BrowserSweepOptions {
  readonly workers?: number;
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

/** Runs the sweep; rejects with the refusal for a bad spec, or PoolCancelled when cancelled. */
export async function runSweepInBrowser(spec: SweepSpec, options: BrowserSweepOptions = {}): Promise<SweepOutput> {
  const prepared = prepareSweep(spec);
  if (!prepared.ok) throw new Error(prepared.error);
  const count = Math.max(1, Math.min(options.workers ?? browserWorkerCount(), spec.seeds.to - spec.seeds.from + 1));
  const pool = Array.from({ length: count }, () => workerRunner(spec));
  const stop = () => pool.forEach((p) => p.stop());
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const rows = await runPool(
      spec.seeds,
      pool.map((p) => p.runner),
      options,
    );
    return outputOf(identityOf(prepared.value), rows, null);
  } catch (error) {
    if (options.signal?.aborted) throw new PoolCancelled();
    throw error;
  } finally {
    stop();
    options.signal?.removeEventListener('abort', stop);
  }
}
