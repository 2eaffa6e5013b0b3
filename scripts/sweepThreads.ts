// The command line's sweep pool: node:worker_threads meeting src/sweep/pool.ts's ChunkRunner, one
// thread a worker, each preparing the sweep once and then running the chunks it is handed.
// Threads run the TypeScript sources: Node 20 does not apply the parent's `--import tsx` to a
// worker's entry file, so each thread starts from a line of JavaScript that registers tsx's
// loader and then imports sweepWorkerThread.ts.
import { Worker } from 'node:worker_threads';
import { PoolCancelled, type ChunkRunner } from '../src/sweep/pool';
import type { SeedRow } from '../src/sweep/runSeed';
import type { SweepReply, SweepRequest } from '../src/sweep/sweepProtocol';
import type { SweepSpec } from '../src/sweep/sweepSpec';

export interface ThreadPool {
  readonly runners: readonly ChunkRunner[];
  /** Ends every thread; a chunk still running rejects with PoolCancelled. */
  stop(): Promise<void>;
}

function bootstrap(): string {
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./sweepWorkerThread.ts', import.meta.url).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

interface Thread {
  readonly runner: ChunkRunner;
  stop(): Promise<void>;
}

function startThread(code: string, spec: SweepSpec): Thread {
  // No execArgv of ours: the thread registers tsx itself, once.
  const worker = new Worker(code, { eval: true, execArgv: [] });
  let pending: { resolve: (rows: SeedRow[]) => void; reject: (error: Error) => void } | null = null;
  let stopped = false;
  const fail = (error: Error) => {
    const p = pending;
    pending = null;
    p?.reject(error);
  };
  worker.on('message', (reply: SweepReply) => {
    const p = pending;
    pending = null;
    if (reply.type === 'rows') p?.resolve(reply.rows);
    else p?.reject(new Error(reply.message));
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => {
    if (stopped) fail(new PoolCancelled());
    else fail(new Error(`a sweep thread stopped with code ${code}`));
  });
  const send = (message: SweepRequest) => worker.postMessage(message);
  send({ type: 'prepare', spec });
  const runner: ChunkRunner = {
    run: (from, to) =>
      new Promise<SeedRow[]>((resolve, reject) => {
        if (stopped) return reject(new PoolCancelled());
        pending = { resolve, reject };
        send({ type: 'run', from, to });
      }),
  };
  const stop = async () => {
    stopped = true;
    await worker.terminate();
    fail(new PoolCancelled());
  };
  return { runner, stop };
}

export function startThreads(spec: SweepSpec, count: number): ThreadPool {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`a pool needs at least one thread, not ${count}`);
  const code = bootstrap();
  const threads = Array.from({ length: count }, () => startThread(code, spec));
  return {
    runners: threads.map((t) => t.runner),
    stop: async () => {
      await Promise.all(threads.map((t) => t.stop()));
    },
  };
}
