// How far the lab simulates for an interactive user. Beyond this a link, file, host page or seek
// would keep the page busy for minutes, so it is refused with a pointer to the headless runner.

/** The latest simulated time a link, file, host `seek` or timeline may ask the lab to reach, ms. */
export const INTERACTIVE_HORIZON_MS = 6 * 3600_000;

/** The sentence that refuses a time past the horizon and says how to run it anyway. */
export function beyondHorizon(what: string, timeMs: number): string {
  const hours = (INTERACTIVE_HORIZON_MS / 3600_000).toLocaleString('en-US');
  const asked = (timeMs / 3600_000).toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${what} asks for ${asked} simulated hours; the lab runs at most ${hours} hours interactively. Run longer experiments headless with \`npm run sim\`.`;
}
