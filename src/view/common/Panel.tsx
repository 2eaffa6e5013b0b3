// A titled region of the lab that contains its own failures: if a component inside throws, the
// panel shows a message and a retry button, and the rest of the lab keeps working.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface PanelProps {
  readonly title: string;
  readonly className?: string;
  readonly children: ReactNode;
  /** Visually hide the heading (it stays for screen readers). */
  readonly quietTitle?: boolean;
}

interface BoundaryState {
  readonly error: Error | null;
}

class PanelBoundary extends Component<{ title: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for developers; console.warn, not error, so one broken panel does not read as a crash.
    console.warn(`Panel "${this.props.title}" failed`, error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="panel-error" role="alert">
          <p>This panel stopped working: {this.state.error.message}. The rest of the lab is unaffected.</p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}

export function Panel({ title, className, children, quietTitle }: PanelProps) {
  const headingId = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={quietTitle ? 'visually-hidden' : 'panel-title'}>
        {title}
      </h2>
      <PanelBoundary title={title}>{children}</PanelBoundary>
    </section>
  );
}
