// Keeps one part of the lab's failure inside that part: if a component below throws while drawing,
// the part shows a short message naming it and a Redraw button, and the rest of the lab keeps
// working. Redraw mounts the part afresh (new state), which is what clears most drawing errors.
import { Component, Fragment, type ReactNode } from 'react';
import { crashIfAskedByTests } from './crashForTests';
import './boundary.css';

export interface FallbackProps {
  /** What failed, as the learner knows it, e.g. "The charts". */
  readonly what: string;
  readonly error: Error;
  readonly redraw: () => void;
}

interface ErrorBoundaryProps {
  /** What failed, as the learner knows it, e.g. "The charts"; starts the message. */
  readonly what: string;
  /** A short stable name: the test switch's name for this part and the fallback's data-part. */
  readonly part: string;
  /** False while the part is not shown (a closed dialog): the test switch leaves it alone then. */
  readonly active?: boolean;
  readonly fallback?: (props: FallbackProps) => ReactNode;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
  /** Bumped by Redraw: the children's key, so they mount afresh. */
  readonly attempt: number;
}

/** Throws inside the boundary when a browser test asks this part to fail (see crashForTests.ts). */
function TestSwitch({ part, active }: { readonly part: string; readonly active: boolean }) {
  if (active) crashIfAskedByTests(part);
  return null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  readonly redraw = (): void => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    // A dialog that failed tries afresh the next time it opens.
    if (previous.active !== false && this.props.active === false && this.state.error) this.redraw();
  }

  override render() {
    const { what, part, active = true, fallback = PartFailed, children } = this.props;
    const { error, attempt } = this.state;
    if (error) return fallback({ what, error, redraw: this.redraw });
    return (
      <Fragment key={attempt}>
        <TestSwitch part={part} active={active} />
        {children}
      </Fragment>
    );
  }
}

/** The usual message: in place of the part, so the layout around it stays as it was. */
export function PartFailed({ what, error, redraw }: FallbackProps) {
  return (
    <div className="part-failed" role="alert">
      <p>
        <strong>{what} could not be drawn.</strong> The rest of the lab still works.
      </p>
      <p className="part-failed-reason">What went wrong: {error.message}</p>
      <button type="button" onClick={redraw}>
        Redraw
      </button>
    </div>
  );
}
