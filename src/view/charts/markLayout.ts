// Where marks go on a chart. Marks closer than a marker's width merge into one group with a count
// ("3 faults"), so a repair storm in a 500-node run is a few markers, not a smear. Labels sit
// beside their marker on the top chart, in the first of a few rows where they overlap nothing,
// newest first; a label that fits nowhere is left out (its marker still names it).
import type { ChartMark, MarkKind } from './chartMarks';

export type GroupKind = MarkKind | 'mixed';

export interface MarkGroup {
  /** Where the marker is drawn: at the group's first mark. */
  readonly x: number;
  /** The last mark's position (the group's extent). */
  readonly endX: number;
  /** Oldest first; never empty. */
  readonly marks: readonly ChartMark[];
  readonly kind: GroupKind;
}

export interface PlacedLabel {
  readonly text: string;
  readonly row: number;
  readonly anchor: 'start' | 'end';
}

export const MARK_LABEL_CHARS = 22;
/** Marks closer than this (a marker and a gap) merge; markers are never closer than this. */
export const MARK_MERGE_PX = 16;

export function shorten(label: string, chars = MARK_LABEL_CHARS): string {
  return label.length <= chars ? label : `${label.slice(0, chars - 1).trimEnd()}…`;
}

export function groupKind(marks: readonly ChartMark[]): GroupKind {
  const first = marks[0]?.kind ?? 'change';
  return marks.every((m) => m.kind === first) ? first : 'mixed';
}

const NOUNS: Readonly<Record<GroupKind, readonly [string, string]>> = {
  fault: ['fault', 'faults'],
  recovery: ['recovery', 'recoveries'],
  change: ['change', 'changes'],
  mixed: ['event', 'events'],
};

/** "1 fault", "3 faults", "2 recoveries", "5 events". */
export function countText(count: number, kind: GroupKind): string {
  const [one, many] = NOUNS[kind];
  return `${count} ${count === 1 ? one : many}`;
}

/** What a group's label says: the mark's own words, or a count for several. */
export function groupTitle(group: MarkGroup): string {
  const only = group.marks.length === 1 ? group.marks[0] : undefined;
  return only ? only.text : countText(group.marks.length, group.kind);
}

/**
 * Groups marks (any order) by position: a group takes every mark within `mergePx` of its first,
 * so markers stay at least `mergePx` apart. Returns groups oldest first.
 */
export function groupMarks(
  marks: readonly ChartMark[],
  xOf: (timeS: number) => number,
  mergePx = MARK_MERGE_PX,
): MarkGroup[] {
  const groups: { x: number; endX: number; marks: ChartMark[] }[] = [];
  const sorted = [...marks].sort((a, b) => a.timeMs - b.timeMs || a.seq - b.seq);
  for (const mark of sorted) {
    const x = xOf(mark.timeMs / 1000);
    const last = groups[groups.length - 1];
    if (last && x - last.x < mergePx) {
      last.marks.push(mark);
      last.endX = x;
    } else groups.push({ x, endX: x, marks: [mark] });
  }
  return groups.map((g) => ({ ...g, kind: groupKind(g.marks) }));
}

/** Labels shorter than this are left out: the marker's name and list still tell. */
export const MIN_LABEL_CHARS = 8;

/**
 * Where a group's label fits: beside its marker (to the right if it can, else to the left), never
 * reaching over another marker, where it would read as that marker's label; shortened to the
 * room there is, or null when fewer than MIN_LABEL_CHARS fit.
 */
function labelSpan(groups: readonly MarkGroup[], i: number, widthPx: number, charWidthPx: number) {
  const { x } = groups[i] as MarkGroup;
  const title = groupTitle(groups[i] as MarkGroup);
  const right = Math.min(widthPx, (groups[i + 1]?.x ?? Infinity) - 5) - x - 6;
  const left = x - Math.max(0, (groups[i - 1]?.x ?? -Infinity) + 5) - 6;
  const chars = (room: number) => Math.min(MARK_LABEL_CHARS, Math.floor(room / charWidthPx));
  const full = Math.min(title.length, MARK_LABEL_CHARS);
  const anchor: 'start' | 'end' = chars(right) >= full || chars(right) >= chars(left) ? 'start' : 'end';
  const fit = chars(anchor === 'start' ? right : left);
  if (fit < Math.min(full, MIN_LABEL_CHARS)) return null;
  const text = shorten(title, fit);
  const textWidth = text.length * charWidthPx + 6;
  const span: [number, number] = anchor === 'start' ? [x, x + textWidth] : [x - textWidth, x];
  return { text, anchor, span };
}

/**
 * Labels for the groups (same order), newest first choosing a row; null where none fits.
 * `charWidthPx` is a conservative average glyph width for the chart font.
 */
export function placeGroupLabels(
  groups: readonly MarkGroup[],
  widthPx: number,
  rows: number,
  charWidthPx = 7,
): (PlacedLabel | null)[] {
  const taken: [number, number][][] = Array.from({ length: rows }, () => []);
  const placed: (PlacedLabel | null)[] = groups.map(() => null);
  if (rows === 0) return placed;
  // The newest marks choose their row first: on a live chart they are the ones being discussed.
  for (let i = groups.length - 1; i >= 0; i--) {
    const label = labelSpan(groups, i, widthPx, charWidthPx);
    if (!label) continue;
    const [from, to] = label.span;
    const row = taken.findIndex((used) => used.every(([a, b]) => to < a || from > b));
    if (row < 0) continue;
    (taken[row] as [number, number][]).push(label.span);
    placed[i] = { text: label.text, row, anchor: label.anchor };
  }
  return placed;
}

/** One line of a merged marker's list: a mark, or several of one type folded together. */
export interface ListLine {
  /** The log line it links to (the first, when folded). */
  readonly seq: number;
  readonly timeMs: number;
  readonly lastTimeMs: number;
  readonly count: number;
  readonly kind: MarkKind;
  readonly text: string;
  readonly cause: ChartMark['cause'];
}

/** Lines a list shows at most; the rest are counted ("and 4 more in the event log"). */
export const LIST_LINES = 10;
/** More marks of one type than this fold into one line ("replica rebuilt × 118"). */
export const FOLD_OVER = 3;

/** Plural words for marks of one type folded into a line ("118 replicas rebuilt"). */
const FOLDED_WORDS: Readonly<Record<string, string>> = {
  replicaRebuilt: 'replicas rebuilt',
  nodeCrashed: 'nodes crashed',
  nodePoweredOff: 'nodes lost power',
  nodeRestarted: 'nodes restarted',
  diskFailed: 'disks failed',
  diskReplaced: 'disks replaced',
  serverRemoved: 'servers out of rotation',
  serverRestored: 'servers back in rotation',
};

const foldedText = (m: ChartMark, count: number) => {
  const words = FOLDED_WORDS[m.type];
  return words ? `${count} ${words}` : `${m.text} × ${count}`;
};

/** Marks fold by type where the type has plural words, otherwise only when their words repeat. */
const foldKey = (m: ChartMark) => (FOLDED_WORDS[m.type] ? `type:${m.type}` : `text:${m.text}`);

/** A merged marker's list, oldest first: repeated marks folded, at most `maxLines` lines. */
export function listLines(marks: readonly ChartMark[], maxLines = LIST_LINES): { lines: ListLine[]; more: number } {
  const perKey = new Map<string, number>();
  for (const m of marks) perKey.set(foldKey(m), (perKey.get(foldKey(m)) ?? 0) + 1);
  const lines: ListLine[] = [];
  const foldedAt = new Map<string, number>();
  for (const m of marks) {
    const key = foldKey(m);
    const count = perKey.get(key) as number;
    const line = { seq: m.seq, timeMs: m.timeMs, lastTimeMs: m.timeMs, count: 1, kind: m.kind, cause: m.cause };
    if (count <= FOLD_OVER) {
      lines.push({ ...line, text: m.text });
      continue;
    }
    const at = foldedAt.get(key);
    if (at !== undefined) lines[at] = { ...(lines[at] as ListLine), lastTimeMs: m.timeMs };
    else {
      foldedAt.set(key, lines.length);
      lines.push({ ...line, count, text: foldedText(m, count) });
    }
  }
  return { lines: lines.slice(0, maxLines), more: Math.max(0, lines.length - maxLines) };
}
