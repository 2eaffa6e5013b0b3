// The safe subset of Markdown lesson prose may use: paragraphs, "- " and "1. " lists, **bold**,
// *italic*, `code` and {{figure}} placeholders. It parses to plain data that the view renders as
// React text nodes, so nothing in a lesson (or a link) can ever become HTML.

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong' | 'em' | 'code'; readonly text: string }
  | { readonly kind: 'figure'; readonly id: string };

export type Block =
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] };

const INLINE = /\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\{\{([a-zA-Z][a-zA-Z0-9]*)\}\}/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    if (m[1] !== undefined) out.push({ kind: 'strong', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'em', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'code', text: m[3] });
    else out.push({ kind: 'figure', id: m[4] as string });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.trim().split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const ordered = lines.every((l) => NUMBERED.test(l));
    if (ordered || lines.every((l) => BULLET.test(l))) {
      const pattern = ordered ? NUMBERED : BULLET;
      blocks.push({
        kind: 'list',
        ordered,
        items: lines.map((l) => parseInline((pattern.exec(l) as RegExpExecArray)[1] as string)),
      });
    } else {
      blocks.push({ kind: 'paragraph', inlines: parseInline(lines.map((l) => l.trim()).join(' ')) });
    }
  }
  return blocks;
}

/** Figure ids a text refers to, so tests can check every placeholder is measured. */
export function figureRefs(source: string): string[] {
  return [...source.matchAll(/\{\{([a-zA-Z][a-zA-Z0-9]*)\}\}/g)].map((m) => m[1] as string);
}
