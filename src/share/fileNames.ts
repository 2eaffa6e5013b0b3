// Names for exported files that say what they hold and stay the same for the same run and moment:
// "faultline-default-seed-7-t-42.3s-latency.svg". Never a counter, never the wall clock.

export interface ExportName {
  readonly scenarioId: string;
  readonly seed: number;
  /** The simulated time the export shows up to. */
  readonly timeMs: number;
  /** What the file holds: "latency", "events", "metrics", … */
  readonly what: string;
  readonly ext: 'svg' | 'png' | 'csv' | 'json';
}

/** Lower-case letters, digits and single dashes: safe on every file system and in a URL. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'run'
  );
}

export function exportFileName({ scenarioId, seed, timeMs, what, ext }: ExportName): string {
  const tenths = Math.floor(Math.max(0, timeMs) / 100) / 10;
  return `faultline-${slug(scenarioId)}-seed-${seed}-t-${tenths.toFixed(1)}s-${slug(what)}.${ext}`;
}
