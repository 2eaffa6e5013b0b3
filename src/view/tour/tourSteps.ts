// The three steps of the first-visit start, and how each one is noticed in the lab's own state:
// the run playing, a crash command applied, then a few simulated seconds after the crash (time to
// read the figures and the event log). Pure, so the store tests can drive it.
import type { TimedCommand } from '../../sim/index';

export interface TourStep {
  readonly title: string;
  readonly text: string;
}

export const TOUR_STEPS: readonly TourStep[] = [
  { title: 'Press Play', text: 'Start the run with Play in the header (or Space). Requests begin to flow.' },
  {
    title: 'Crash a server',
    text: 'Click an app server in the picture (or Tab to the picture, arrow to one and press Enter) and choose Crash node.',
  },
  {
    title: 'Read what happened',
    text: 'Watch availability and errors in the figures, and read the event log: the balancer notices and routes around it.',
  },
];

/** Simulated time the learner is given to watch the figures after the crash. */
export const READ_MS = 5000;

export interface TourProgress {
  /** Index into TOUR_STEPS; TOUR_STEPS.length when every step is done. */
  readonly step: number;
  /** When the crash was applied (simulated ms), once it was. */
  readonly crashAtMs: number | null;
}

export const TOUR_START: TourProgress = { step: 0, crashAtMs: null };

export interface LabSignals {
  readonly playing: boolean;
  readonly commandLog: readonly TimedCommand[];
  readonly timeMs: number;
}

/** The progress after the lab changed; a step once done stays done. */
export function advanceTour(progress: TourProgress, lab: LabSignals): TourProgress {
  if (progress.step === 0 && lab.playing) return advanceTour({ ...progress, step: 1 }, lab);
  if (progress.step === 1) {
    const crash = lab.commandLog.find((c) => c.command.type === 'crashNode');
    return crash ? advanceTour({ step: 2, crashAtMs: crash.atMs }, lab) : progress;
  }
  if (progress.step === 2 && progress.crashAtMs !== null) {
    // Reset or a jump back in time: count the reading time from where the run is now.
    if (lab.timeMs < progress.crashAtMs) return { ...progress, crashAtMs: lab.timeMs };
    if (lab.timeMs - progress.crashAtMs >= READ_MS) return { ...progress, step: TOUR_STEPS.length };
  }
  return progress;
}

/** What the live region says for a step (or the end). */
export function announcementOf(step: number): string {
  const current = TOUR_STEPS[step];
  if (!current) return 'All three steps done.';
  return `Step ${step + 1} of ${TOUR_STEPS.length}: ${current.title}. ${current.text}`;
}
