// Messages between the lab and a sweep worker (src/worker/sweepWorker.ts). A worker is told the
// sweep once, then asked for chunks of seeds; it answers each chunk with its rows, or an error.
import type { SeedRow } from './runSeed';
import type { SweepSpec } from './sweepSpec';

export type SweepRequest =
  | { readonly type: 'prepare'; readonly spec: SweepSpec }
  | { readonly type: 'run'; readonly from: number; readonly to: number };

export type SweepReply =
  { readonly type: 'rows'; readonly rows: SeedRow[] } | { readonly type: 'error'; readonly message: string };
