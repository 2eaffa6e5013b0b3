// A lesson's checkable claims, judged against the figures of one run.
import type { FigureValues } from './figures';
import type { Claim } from './lessonSchema';

export interface ClaimResult {
  readonly id: string;
  readonly holds: boolean;
  readonly value: number;
  readonly than: number;
}

export function judgeClaim(claim: Claim, figures: FigureValues): ClaimResult {
  const value = figures[claim.figure] ?? Number.NaN;
  const than =
    typeof claim.than === 'number' ? claim.than : (figures[claim.than.figure] ?? Number.NaN) * claim.than.times;
  const holds =
    claim.op === '<'
      ? value < than
      : claim.op === '<='
        ? value <= than
        : claim.op === '>'
          ? value > than
          : value >= than;
  // NaN compares false everywhere: a figure that could not be measured never supports a claim.
  return { id: claim.id, holds, value, than };
}

export function judgeClaims(claims: readonly Claim[], figures: FigureValues): ClaimResult[] {
  return claims.map((c) => judgeClaim(c, figures));
}
