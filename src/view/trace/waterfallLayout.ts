// Where each waterfall row sits: a line for its label and bar, then its note wrapped onto lines of
// its own under it (SVG text does not wrap, and a reason is often longer than the bar's room).
import type { WaterfallRow } from './waterfallRows';

export const BAR_LINE = 22;
export const NOTE_LINE = 15;
/** A generous average glyph width of the waterfall's text (trace.css: 0.8em of a lab at most 18 px). */
export const CHAR_WIDTH_PX = 6.8;

export interface PlacedRow {
  readonly row: WaterfallRow;
  /** The top of the row's bar line. */
  readonly y: number;
  readonly noteLines: readonly string[];
}

/** Splits text into lines of at most maxChars, at spaces (a longer word stays whole on its line). */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function placeRows(
  rows: readonly WaterfallRow[],
  noteWidthPx: number,
  top: number,
): { rows: PlacedRow[]; bottom: number } {
  const maxChars = Math.max(12, Math.floor(noteWidthPx / CHAR_WIDTH_PX));
  let y = top;
  const placed = rows.map((row) => {
    const noteLines = row.note ? wrapWords(row.note, maxChars) : [];
    const at = { row, y, noteLines };
    y += BAR_LINE + noteLines.length * NOTE_LINE;
    return at;
  });
  return { rows: placed, bottom: y };
}
