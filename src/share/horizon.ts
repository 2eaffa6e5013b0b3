// How far the lab simulates for an interactive user. Beyond this a link, file, host page or seek
// would keep the page busy for minutes, so it is refused with a pointer to the headless runner.
// Measured in Node on a busy 2-core machine (load average near 10): the default cluster simulates
// an hour in about 12 s and the large one (the heaviest built-in) in about 3 minutes; six hours
// took 70 s and over 15 minutes. In the lab that work is shown as progress and can be cancelled.

/** The latest simulated time a link, file, host `seek`, step or timeline may ask the lab to reach, ms. */
export const INTERACTIVE_HORIZON_MS = 3600_000;

/** "1 hour", "2,777.8 hours" (with `simulated` between when asked). */
function hours(ms: number, simulated = ''): string {
  const text = (ms / 3600_000).toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${text} ${simulated}${text === '1' ? 'hour' : 'hours'}`;
}

/** Whether a time is past what the lab simulates interactively. */
export const isBeyondHorizon = (timeMs: number): boolean => timeMs > INTERACTIVE_HORIZON_MS;

/** The sentence that refuses a time past the horizon and says how to run it anyway. */
export function beyondHorizon(what: string, timeMs: number): string {
  return `${what} asks for ${hours(timeMs, 'simulated ')}; the lab runs at most ${hours(INTERACTIVE_HORIZON_MS)} interactively. Run longer experiments headless with \`npm run sim\`.`;
}
