// A titled region of the lab that contains its own failures: if a component inside throws, the
// panel shows a message naming it and a Redraw button, and the rest of the lab keeps working.
import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';

interface PanelProps {
  readonly title: string;
  readonly className?: string;
  readonly children: ReactNode;
  /** Visually hide the heading (it stays for screen readers). */
  readonly quietTitle?: boolean;
  /** What the learner sees in it, for the failure message, e.g. "The cluster picture". */
  readonly what?: string;
}

export function Panel({ title, className, children, quietTitle, what }: PanelProps) {
  const part = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const headingId = `panel-${part}`;
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={quietTitle ? 'visually-hidden' : 'panel-title'}>
        {title}
      </h2>
      <ErrorBoundary what={what ?? `The ${title} panel`} part={part}>
        {children}
      </ErrorBoundary>
    </section>
  );
}
