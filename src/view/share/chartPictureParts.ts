// The parts every exported picture shares, as SVG text: its palette, the title block, the caption
// (scenario, seed, moment and the experiment's link) and the document around them. Pure strings,
// no DOM: the same code runs in the page and in unit tests. A picture is made to be projected or
// printed, so it is always dark on white, whatever theme the page is showing.

/** The projector theme's colours (themes.css): black on white, hues that hold 3:1 on a washed-out screen. */
export const PALETTE = {
  paper: '#ffffff',
  plot: '#ffffff',
  ink: '#111111',
  muted: '#333333',
  grid: '#d9dce1',
  link: '#0b3d75',
  p50: '#005a8c',
  p95: '#946200',
  p99: '#b34700',
  p999: '#a8507f',
  ok: '#007a5a',
  error: '#b34700',
  offered: '#555555',
} as const;

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
export const MONO = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";
/** Readable from the back of a room once the picture fills a slide. */
export const FONT_PX = { title: 28, subtitle: 17, body: 16, tick: 15, link: 13 } as const;
export const PAD = 24;

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A generous width estimate (the file is drawn by whatever font the reader has). */
export function textWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.56;
}

/** Cuts text to whole lines of at most `chars` characters (a link has no spaces to break at). */
export function chunks(text: string, chars: number): string[] {
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += chars) lines.push(text.slice(at, at + chars));
  return lines.length > 0 ? lines : [''];
}

/** One line of text; `attributes` are written as given (already escaped). */
export function textSvg(x: number, y: number, text: string, fontPx: number, attributes = ''): string {
  return `<text x="${x}" y="${y}" font-size="${fontPx}"${attributes ? ` ${attributes}` : ''}>${escapeXml(text)}</text>`;
}

export interface Block {
  readonly markup: string;
  readonly height: number;
}

/** Title and subtitle at the top left. */
export function titleBlock(title: string, subtitle: string): Block {
  const markup =
    `<g data-part="title" fill="${PALETTE.ink}">` +
    textSvg(PAD, PAD + FONT_PX.title * 0.8, title, FONT_PX.title, 'font-weight="700"') +
    `</g><g data-part="time-range" fill="${PALETTE.muted}">` +
    textSvg(PAD, PAD + FONT_PX.title + 10 + FONT_PX.subtitle * 0.8, subtitle, FONT_PX.subtitle) +
    '</g>';
  return { markup, height: PAD + FONT_PX.title + 10 + FONT_PX.subtitle + 16 };
}

export interface CaptionInput {
  readonly scenarioName: string;
  readonly scenarioId: string;
  readonly seed: number;
  readonly atMs: number;
  /** The experiment's link, or null when the run has too many actions for one. */
  readonly link: string | null;
}

/** The sentence that says which run this is; also the document's description. */
export function captionSentence({ scenarioName, scenarioId, seed, atMs }: CaptionInput): string {
  return `Faultline, scenario "${scenarioName}" (${scenarioId}), seed ${seed}, at t = ${(atMs / 1000).toFixed(1)} s of simulated time.`;
}

/** The caption under the picture: which run, and the link that rebuilds it (as text and as a link). */
export function captionBlock(top: number, width: number, input: CaptionInput): Block {
  const body = FONT_PX.body;
  const lineHeight = Math.round(body * 1.45);
  const parts = [`<line x1="${PAD}" x2="${width - PAD}" y1="${top}" y2="${top}" stroke="${PALETTE.grid}"/>`];
  let y = top + 10 + body;
  parts.push(textSvg(PAD, y, captionSentence(input), body));
  y += lineHeight;
  if (!input.link) {
    parts.push(textSvg(PAD, y, 'This run has too many actions for a link: its experiment file rebuilds it.', body));
    return { markup: `<g data-part="caption" fill="${PALETTE.ink}">${parts.join('')}</g>`, height: y - top + 12 };
  }
  parts.push(textSvg(PAD, y, 'Open this link to rebuild the run exactly (same cluster, seed and actions):', body));
  const perLine = Math.max(20, Math.floor((width - 2 * PAD) / (FONT_PX.link * 0.62)));
  const lines = chunks(input.link, perLine).map((line) => {
    y += Math.round(FONT_PX.link * 1.4);
    return textSvg(PAD, y, line, FONT_PX.link);
  });
  parts.push(
    `<a href="${escapeXml(input.link)}" xlink:href="${escapeXml(input.link)}" target="_blank" data-part="link"><g font-family="${escapeXml(MONO)}" fill="${PALETTE.link}" text-decoration="underline">${lines.join('')}</g></a>`,
  );
  return { markup: `<g data-part="caption" fill="${PALETTE.ink}">${parts.join('')}</g>`, height: y - top + 14 };
}

export interface DocumentInput {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
  readonly link: string | null;
  readonly body: string;
}

/**
 * The standalone SVG file: title and description for screen readers, the link in its metadata
 * (xlink:href beside href for viewers older than SVG 2).
 */
export function svgDocument({ width, height, title, description, link, body }: DocumentInput): string {
  const metadata = link
    ? `<metadata><experiment xmlns="https://faultline.dev/experiment" href="${escapeXml(link)}">${escapeXml(link)}</experiment></metadata>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="picture-title picture-desc" font-family="${escapeXml(FONT)}">` +
    `<title id="picture-title">${escapeXml(title)}</title><desc id="picture-desc">${escapeXml(description)}</desc>${metadata}` +
    `<rect width="${width}" height="${height}" fill="${PALETTE.paper}"/>${body}</svg>\n`
  );
}
