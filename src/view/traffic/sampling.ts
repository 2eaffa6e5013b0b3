// How the picture shows traffic at a speed: moving dots (each one request in N), flowing streams
// once dots would be a blur, or still widths and rates when motion is off. N is a round number
// chosen so about DOTS_PER_SECOND dots set off per second of wall time.
export type TrafficMode = 'dots' | 'streams' | 'still';

/** From this speed on, moving dots become streams. */
export const STREAM_SPEED = 50;
const DOTS_PER_SECOND = 20;
const NICE = [1, 2, 5];

export function trafficMode(speed: number, motion: boolean): TrafficMode {
  if (!motion) return 'still';
  return speed >= STREAM_SPEED ? 'streams' : 'dots';
}

/** 1 in N requests is followed: the round N (1, 2, 5, 10, 20, 50, …) nearest to the dot budget's. */
export function everyNFor(rateRps: number, speed: number): number {
  const perWallSecond = rateRps * speed;
  if (!(perWallSecond > 0)) return 1;
  const wanted = perWallSecond / DOTS_PER_SECOND;
  let best = 1;
  for (let scale = 1; scale < 1e9; scale *= 10)
    for (const n of NICE)
      if (Math.abs(Math.log((n * scale) / wanted)) < Math.abs(Math.log(best / wanted))) best = n * scale;
  return best;
}

/** The legend's words for one dot. */
export function dotMeaning(everyN: number): string {
  if (everyN <= 1) return 'Each dot is one request';
  const n = everyN.toLocaleString('en');
  return `Each dot ≈ ${n} requests (1 in ${n} followed)`;
}
