// Where fault-marker labels go on the top chart: beside their line, in the first of a few rows
// where they do not overlap another label, newest first. Marks a few pixels apart share one
// marker ("Fail disk db-1/0 +1"). A label that fits nowhere is left out; its marker keeps its
// tooltip and the hidden table still lists it.

export interface MarkInput {
  readonly timeMs: number;
  readonly label: string;
}

export interface PlacedMark {
  readonly x: number;
  readonly timeMs: number;
  /** Every mark drawn at this marker, oldest first. */
  readonly labels: readonly string[];
  /** Shortened label to draw, or null when there is no room for it. */
  readonly text: string | null;
  readonly row: number;
  readonly anchor: 'start' | 'end';
}

export const MARK_LABEL_CHARS = 22;
/** Marks closer than this share a marker. */
export const MARK_MERGE_PX = 6;

export function shorten(label: string, chars = MARK_LABEL_CHARS): string {
  return label.length <= chars ? label : `${label.slice(0, chars - 1).trimEnd()}…`;
}

/**
 * Places labels, newest first; returns them oldest first. `charWidthPx` is a conservative
 * average glyph width for the chart font; `rows` is how many label lines the chart reserves.
 */
export function placeMarkLabels(
  marks: readonly MarkInput[],
  xOf: (timeS: number) => number,
  widthPx: number,
  rows: number,
  charWidthPx = 7,
): PlacedMark[] {
  const taken: [number, number][][] = Array.from({ length: rows }, () => []);
  const groups: { x: number; timeMs: number; labels: string[] }[] = [];
  for (const mark of [...marks].sort((a, b) => a.timeMs - b.timeMs)) {
    const x = xOf(mark.timeMs / 1000);
    const last = groups[groups.length - 1];
    if (last && x - last.x < MARK_MERGE_PX) last.labels.push(mark.label);
    else groups.push({ x, timeMs: mark.timeMs, labels: [mark.label] });
  }
  // The newest marks choose their row first: on a live chart they are the ones being discussed.
  const placed = [...groups].reverse().map(({ x, timeMs, labels }): PlacedMark => {
    const more = labels.length > 1 ? ` +${labels.length - 1}` : '';
    const short = shorten(labels[0] as string, MARK_LABEL_CHARS - more.length) + more;
    const textWidth = short.length * charWidthPx + 6;
    const anchor = x + textWidth <= widthPx ? 'start' : 'end';
    const span: [number, number] = anchor === 'start' ? [x, x + textWidth] : [x - textWidth, x];
    const row = taken.findIndex((used) => used.every(([a, b]) => span[1] < a || span[0] > b));
    if (row < 0) return { x, timeMs, labels, text: null, row: 0, anchor };
    (taken[row] as [number, number][]).push(span);
    return { x, timeMs, labels, text: short, row, anchor };
  });
  return placed.reverse();
}
