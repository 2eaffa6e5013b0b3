// Fault and recovery marks in an exported chart: a dashed line and a numbered triangle on the
// plot, and the numbered list under it that says what each one was. Numbers never collide the
// way words do, so every mark stays legible however many there are; marks too close to tell
// apart share a number.
import { formatSeconds } from '../metrics/format';
import { escapeXml, FONT_PX, PAD, PALETTE, textSvg, textWidth, type Block } from './chartPictureParts';
import { MARK_STYLE } from './chartPictureSpecs';

export interface MarkInput {
  readonly timeMs: number;
  readonly label: string;
}

export interface MarkGroup {
  readonly number: number;
  readonly x: number;
  readonly firstMs: number;
  readonly lastMs: number;
  readonly labels: readonly string[];
}

/** Marks closer than this on the plot share a number. */
export const MARK_MERGE_PX = 20;
/** The list under the plot says this many marks at most, then how many more the event log has. */
export const MARKS_LISTED = 10;

export function groupMarks(marks: readonly MarkInput[], x: (timeS: number) => number): MarkGroup[] {
  const groups: { x: number; firstMs: number; lastMs: number; labels: string[] }[] = [];
  for (const mark of [...marks].sort((a, b) => a.timeMs - b.timeMs)) {
    const at = x(mark.timeMs / 1000);
    const last = groups[groups.length - 1];
    if (last && at - last.x < MARK_MERGE_PX) {
      last.labels.push(mark.label);
      last.lastMs = mark.timeMs;
    } else groups.push({ x: at, firstMs: mark.timeMs, lastMs: mark.timeMs, labels: [mark.label] });
  }
  return groups.map((g, i) => ({ ...g, number: i + 1 }));
}

function when(group: MarkGroup): string {
  if (group.firstMs === group.lastMs) return `t = ${formatSeconds(group.firstMs)}`;
  return `t = ${(group.firstMs / 1000).toFixed(1)}–${formatSeconds(group.lastMs)}`;
}

/** What a number stands for: each distinct mark once, with how many times it happened ("… ×3"). */
export function markText(group: MarkGroup): string {
  const counts = new Map<string, number>();
  for (const label of group.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const what = [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label)).join('; ');
  const many = group.labels.length > 1 ? `, ${group.labels.length} marks` : '';
  return `${when(group)}${many}: ${what}`;
}

/** The marks drawn on the plot, whose top edge is at `top`. */
export function marksSvg(groups: readonly MarkGroup[], top: number, plotHeight: number): string {
  const marks = groups.map((g) => {
    const tip = `${g.number}: ${markText(g)}`;
    return (
      `<g data-part="mark"><title>${escapeXml(tip)}</title>` +
      `<line x1="${g.x}" x2="${g.x}" y1="${top - 2}" y2="${top + plotHeight}" stroke="${MARK_STYLE.colour}" stroke-width="${MARK_STYLE.widthPx}" stroke-dasharray="${MARK_STYLE.dash}"/>` +
      `<path d="M${g.x - 6},${top - 12}L${g.x + 6},${top - 12}L${g.x},${top - 2}Z" fill="${PALETTE.ink}"/>` +
      textSvg(g.x, top - 16, String(g.number), FONT_PX.tick, `text-anchor="middle" font-weight="700"`) +
      '</g>'
    );
  });
  return `<g data-part="marks" fill="${PALETTE.ink}">${marks.join('')}</g>`;
}

function fit(text: string, widthPx: number, fontPx: number): string {
  if (textWidth(text, fontPx) <= widthPx) return text;
  const chars = Math.max(8, Math.floor(widthPx / (fontPx * 0.56)) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}

/** The numbered list of marks under the plot: what each was and when. */
export function marksListBlock(top: number, width: number, groups: readonly MarkGroup[]): Block {
  if (groups.length === 0) return { markup: '', height: 0 };
  const lineHeight = Math.round(FONT_PX.tick * 1.45);
  const listed = groups.slice(0, MARKS_LISTED);
  const textLeft = PAD + 34;
  const rows = listed.map((g, i) => {
    const y = top + 8 + (i + 1) * lineHeight;
    const what = fit(markText(g), width - PAD - textLeft, FONT_PX.tick);
    return (
      textSvg(PAD + 22, y, String(g.number), FONT_PX.tick, 'text-anchor="end" font-weight="700"') +
      textSvg(textLeft, y, what, FONT_PX.tick)
    );
  });
  const more = groups.length - listed.length;
  if (more > 0) {
    const y = top + 8 + (listed.length + 1) * lineHeight;
    rows.push(textSvg(textLeft, y, `… and ${more} more, listed in the lab's event log`, FONT_PX.tick));
  }
  const count = rows.length;
  return {
    markup: `<g data-part="marks-list" fill="${PALETTE.ink}">${rows.join('')}</g>`,
    height: 8 + count * lineHeight + 14,
  };
}
