// An odds step (issue 16): the same question over many futures. Each case is a small fleet of
// independent replica groups (the layout the Markov model describes exactly, see
// src/sweep/markovReference.ts), changed by optional scenario edits (a correlated fault in its
// schedule, say), run for some years over seeds 1 to `seeds` in durability mode. The lesson
// shows, per case, the share of seeds that lost data with its 95% interval beside the model.
import { z } from 'zod';

/** The values an odds case gives, each a figure `<case id><Stat>` (twoDayShare, twoDayModel, ...). */
export const oddsStats = ['share', 'low', 'high', 'model', 'count'] as const;
export type OddsStat = (typeof oddsStats)[number];

const caseId = z.string().regex(/^[a-z][a-zA-Z0-9]{0,31}$/, 'must be letters and digits, starting lower-case');

export const oddsFleetSchema = z.strictObject({
  replicas: z.number().int().min(1).max(5),
  // One rack per group, so few: a 1,000-seed sweep in one browser worker stays a few seconds.
  groups: z.number().int().min(1).max(64),
  mttfHours: z.number().positive().max(1e7),
  repairHours: z.number().positive().max(100_000),
});

export const oddsCaseSchema = z.strictObject({
  id: caseId,
  label: z.string().min(1).max(80),
  fleet: oddsFleetSchema,
  // A merge patch on the fleet's scenario, e.g. a schedule with a correlated fault.
  edits: z.record(z.string(), z.unknown()).optional(),
  // Whether the model's assumptions hold for this case (false: the lesson says why it is off).
  modelApplies: z.boolean().default(true),
});

export const oddsSchema = z.strictObject({
  years: z.number().positive().max(10),
  seeds: z.number().int().min(100).max(10_000).default(1000),
  cases: z.array(oddsCaseSchema).min(1).max(4),
});

export type Odds = z.output<typeof oddsSchema>;
export type OddsCase = z.output<typeof oddsCaseSchema>;
export type OddsFleet = z.output<typeof oddsFleetSchema>;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function oddsFigureId(caseIdValue: string, stat: OddsStat): string {
  return `${caseIdValue}${capital(stat)}`;
}
