// How the dashboard writes numbers. Each returns text a person reads and a test can parseFloat:
// no thousands separators, the unit after a space.

/** Shown when there is no value yet (no request finished in the window). */
export const NO_VALUE = '—';

/**
 * A share as a percentage, rounded down so a value just short of a target never reads as
 * meeting it ("99.99%" for 0.99996, not "100.00%"). Exactly 1 reads "100%".
 */
export function formatAvailability(share: number): string {
  if (!Number.isFinite(share)) return NO_VALUE;
  if (share >= 1) return '100%';
  const hundredths = Math.floor(Math.max(0, share) * 10_000 + 1e-9);
  return `${(hundredths / 100).toFixed(2)}%`;
}

/** A target share with as few decimals as it needs: 0.999 -> "99.9%", 0.9995 -> "99.95%". */
export function formatTarget(share: number): string {
  return `${Number((share * 100).toFixed(4))}%`;
}

/** A share of something with whole-percent precision, for budgets and bars: 0.734 -> "73%". */
export function formatWholePercent(share: number): string {
  if (!Number.isFinite(share)) return NO_VALUE;
  return `${Math.floor(Math.min(1, Math.max(0, share)) * 100 + 1e-9)}%`;
}

/** Milliseconds: one decimal below 100 ms, whole numbers above ("12.3 ms", "153 ms", "4210 ms"). */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return NO_VALUE;
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** Requests per second, whole numbers ("612 req/s"). */
export function formatRps(rps: number): string {
  if (!Number.isFinite(rps)) return NO_VALUE;
  return `${Math.round(Math.max(0, rps))} req/s`;
}

/** A count without separators ("1204"), so it parses as a number. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return NO_VALUE;
  return String(Math.round(n));
}

/** Simulated time with one decimal, in seconds ("12.4 s"); the event log and chart axes use it. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Simulated time as a clock for the headline: "12.4 s", "3 min 05.2 s", "2 h 03 min 05 s".
 * Rounded to a tenth like the header's clock, so the two never disagree.
 */
export function formatSimTime(ms: number): string {
  const totalTenths = Math.round(Math.max(0, ms) / 100);
  if (totalTenths < 600) return `${(totalTenths / 10).toFixed(1)} s`;
  const totalSeconds = Math.floor(totalTenths / 10);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  if (hours === 0) {
    const seconds = ((totalTenths % 600) / 10).toFixed(1).padStart(4, '0');
    return `${minutes} min ${seconds} s`;
  }
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return `${hours} h ${String(minutes).padStart(2, '0')} min ${seconds} s`;
}

/** How many times larger `a` is than `b`, for captions ("2.6×"); null when it means nothing. */
export function formatRatio(a: number, b: number): string | null {
  if (!(b > 0) || !Number.isFinite(a)) return null;
  const ratio = a / b;
  return ratio < 10 ? `${ratio.toFixed(1)}×` : `${Math.round(ratio)}×`;
}

/**
 * A value beside a reference in words a room reads: "11× the median" once it is twice or more
 * (never "1093% above the median"), "40% above the median" or "12% below the median" when close,
 * "within 1% of the median", and "5% of the median" when far below. Null when it means nothing.
 */
export function formatComparedTo(value: number, reference: number, name: string): string | null {
  if (!(reference > 0) || !Number.isFinite(value) || value < 0) return null;
  const ratio = value / reference;
  if (ratio >= 2) return `${formatRatio(value, reference)} the ${name}`;
  const percent = Math.round(Math.abs(ratio - 1) * 100);
  if (percent === 0) return `within 1% of the ${name}`;
  if (ratio > 1) return `${percent}% above the ${name}`;
  if (ratio >= 0.5) return `${percent}% below the ${name}`;
  return `${Number((ratio * 100).toPrecision(2))}% of the ${name}`;
}

/** The p99 of all requests: "a failure" is worse than any time, so it reads "failed". */
export function formatP99All(ms: number | null): string {
  if (ms === null) return NO_VALUE;
  return ms === Number.POSITIVE_INFINITY ? 'failed' : formatMs(ms);
}

/** How much of an error budget is spent: "37%", at most "100%" (the tile says "exhausted" too). */
export function formatBudgetUsed(used: number): string {
  if (Number.isNaN(used)) return NO_VALUE;
  return formatWholePercent(Math.min(1, used));
}
