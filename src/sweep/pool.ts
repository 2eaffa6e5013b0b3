// Hands a seed range out to a pool of workers in small chunks (whoever is free takes the next),
// and puts the rows back in seed order, so the result is the same for one worker or twenty.
// The workers themselves are Web Workers in the lab and worker threads on the command line;
// both meet this one interface.
import type { SeedRow } from './runSeed';
import type { SeedRange } from './seedRange';

export interface ChunkRunner {
  /** Runs seeds from..to inclusive and resolves with their rows in seed order. */
  run(from: number, to: number): Promise<SeedRow[]>;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface PoolOptions {
  readonly onProgress?: (progress: Progress) => void;
  /** Stops handing out chunks; the pool then rejects with a PoolCancelled. */
  readonly signal?: AbortSignal;
  /** Seeds per chunk (default: small enough for frequent progress, large enough to cost nothing). */
  readonly chunkSize?: number;
}

export class PoolCancelled extends Error {
  constructor() {
    super('the sweep was cancelled');
  }
}

/** Small chunks: progress comes often even when one seed is a long run, and the last ones finish together. */
export function defaultChunkSize(total: number, workers: number): number {
  return Math.max(1, Math.min(20, Math.ceil(total / (workers * 32))));
}

export async function runPool(
  range: SeedRange,
  runners: readonly ChunkRunner[],
  options: PoolOptions = {},
): Promise<SeedRow[]> {
  if (runners.length === 0) throw new RangeError('a pool needs at least one worker');
  const total = range.to - range.from + 1;
  const size = options.chunkSize ?? defaultChunkSize(total, runners.length);
  const chunks: SeedRow[][] = [];
  let next = range.from;
  let done = 0;
  const work = async (runner: ChunkRunner) => {
    while (next <= range.to) {
      if (options.signal?.aborted) throw new PoolCancelled();
      const from = next;
      const to = Math.min(range.to, from + size - 1);
      next = to + 1;
      const rows = await runner.run(from, to);
      chunks[(from - range.from) / size] = rows;
      done += rows.length;
      options.onProgress?.({ done, total });
    }
  };
  await Promise.all(runners.map(work));
  if (options.signal?.aborted) throw new PoolCancelled();
  return chunks.flat();
}
