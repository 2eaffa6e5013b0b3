// How far the lab simulates for an interactive user. Beyond this a link, file, host page or seek
// would keep the page busy for many minutes, so it is refused with a pointer to the headless runner.
// Measured on a busy 2-core machine (load average near 10): in Chromium an hour of the default
// cluster is rebuilt in about 6 s and five minutes of the 500-node one in 21 s (so about 4 minutes
// for the hour); in Node six hours took 70 s and over 15 minutes. The lab shows that work as
// progress and can cancel it.

/** The latest simulated time a link, file, host `seek`, step or timeline may ask the lab to reach, ms. */
export const INTERACTIVE_HORIZON_MS = 3600_000;

/** "1 hour", "2,777.8 hours" (with `simulated` between when asked). */
export function hours(ms: number, simulated = ''): string {
  const text = (ms / 3600_000).toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${text} ${simulated}${text === '1' ? 'hour' : 'hours'}`;
}

/** Whether a time is past what the lab simulates interactively. */
export const isBeyondHorizon = (timeMs: number): boolean => timeMs > INTERACTIVE_HORIZON_MS;

/** The sentence that refuses a time past the horizon and says how to run it anyway. */
export function beyondHorizon(what: string, timeMs: number): string {
  return `${what} asks for ${hours(timeMs, 'simulated ')}; the lab runs at most ${hours(INTERACTIVE_HORIZON_MS)} interactively. Run it headless instead: save it as a file and run \`npm run sim -- experiment.json\`.`;
}
