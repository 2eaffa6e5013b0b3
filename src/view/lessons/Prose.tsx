// Lesson text from the safe Markdown subset, rendered as React text: never as HTML. Figure
// placeholders show the learner's own measured values.
import type { ReactNode } from 'react';
import { formatFigure } from '../../lessons/format';
import type { FigureValues } from '../../lessons/figures';
import { parseMarkdown, type Inline } from '../../lessons/markdown';
import type { Unit } from '../../lessons/lessonSchema';

interface ProseProps {
  readonly source: string;
  readonly figures?: FigureValues;
  readonly units?: ReadonlyMap<string, Unit>;
}

function renderInline(inline: Inline, key: number, props: ProseProps): ReactNode {
  switch (inline.kind) {
    case 'text':
      return inline.text;
    case 'strong':
      return <strong key={key}>{inline.text}</strong>;
    case 'em':
      return <em key={key}>{inline.text}</em>;
    case 'code':
      return <code key={key}>{inline.text}</code>;
    case 'figure': {
      const value = props.figures?.[inline.id] ?? Number.NaN;
      return (
        <strong key={key} className="lesson-figure" data-figure={inline.id}>
          {formatFigure(value, props.units?.get(inline.id) ?? 'count')}
        </strong>
      );
    }
  }
}

export function Prose(props: ProseProps) {
  return (
    <div className="lesson-prose">
      {parseMarkdown(props.source).map((block, i) => {
        const inlines = (list: readonly Inline[]) => list.map((inline, k) => renderInline(inline, k, props));
        if (block.kind === 'paragraph') return <p key={i}>{inlines(block.inlines)}</p>;
        const items = block.items.map((item, k) => <li key={k}>{inlines(item)}</li>);
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </div>
  );
}
