// What the timeline marks under its slider: the faults, recoveries and changes the run noted (the
// same marks as the charts, merged where they crowd), the charts' window as a band, and, while
// looking back, the recorded commands and scheduled faults still ahead in the branch (the run
// there is not rebuilt yet, so only what will be replayed is known). Drawn for the eye only: the
// charts' marks are the ones keyboards and screen readers reach.
import type { ChartMark } from '../charts/chartMarks';
import { groupMarks, groupTitle } from '../charts/markLayout';
import { formatSeconds } from '../metrics/format';

interface TimelineMarksProps {
  readonly marks: readonly ChartMark[];
  /** Commands (the user's, and scheduled ones) known only from the record, not yet rebuilt. */
  readonly ahead: readonly AheadMark[];
  readonly endMs: number;
  readonly widthPx: number;
  /** The charts' window, in simulated ms. */
  readonly band: readonly [number, number];
}

/** A command in the record: when, and its type ("crashNode"). */
export interface AheadMark {
  readonly atMs: number;
  readonly type: string;
}

/** "crashNode" -> "crash node": the record's words, until the run there is rebuilt. */
const commandWords = (c: AheadMark) => c.type.replace(/[A-Z]/g, (m) => ` ${m.toLowerCase()}`);

export function TimelineMarks({ marks, ahead, endMs, widthPx, band }: TimelineMarksProps) {
  if (endMs <= 0 || widthPx <= 0) return null;
  const xOf = (timeS: number) => ((timeS * 1000) / endMs) * widthPx;
  const at = (ms: number) => `${(ms / endMs) * 100}%`;
  const groups = groupMarks(marks, xOf, 10);
  return (
    <div className="timeline-marks" aria-hidden="true">
      <span
        className="timeline-band"
        data-testid="timeline-chart-window"
        style={{ left: at(band[0]), width: at(band[1] - band[0]) }}
        title={`The charts show ${formatSeconds(band[0])} to ${formatSeconds(band[1])}`}
      />
      {groups.map((g) => (
        <span
          key={`e${g.marks[0]?.seq}`}
          className={`timeline-mark is-${g.kind}`}
          style={{ left: at(g.marks[0]?.timeMs ?? 0) }}
          title={`${formatSeconds(g.marks[0]?.timeMs ?? 0)}: ${groupTitle(g)}`}
        />
      ))}
      {ahead.map((c, i) => (
        <span
          key={`a${i}`}
          className="timeline-mark is-ahead"
          style={{ left: at(c.atMs) }}
          title={`${formatSeconds(c.atMs)}: ${commandWords(c)} (recorded, replayed if you go forward)`}
        />
      ))}
    </div>
  );
}
