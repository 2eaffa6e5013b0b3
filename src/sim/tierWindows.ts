// The figures the optional tiers add to each closed window (cache hits, log appends, lag,
// staleness). An object holding the tiers, not a closure: a checkpoint's deep copy copies it with
// the state, where a function would still read the original's tiers.
import type { CacheTier } from './cache/cacheTier';
import type { Pipeline } from './pipeline/pipeline';
import { pipelineWindow } from './pipeline/pipelineFigures';
import type { WindowMetrics } from './snapshot';

export class TierWindows {
  constructor(
    private readonly cache: CacheTier | null,
    private readonly pipeline: Pipeline | null,
    private readonly clock: { readonly nowMs: number },
  ) {}

  closeWindow(): Partial<WindowMetrics> {
    if (this.pipeline === null) return this.cache?.closeWindow() ?? {};
    return { ...this.cache?.closeWindow(), ...pipelineWindow(this.pipeline, this.clock.nowMs) };
  }
}
