// The outermost error boundary: if the lab itself fails to draw, the page says so and offers a
// way back instead of going blank. The page's link is in its address, so reloading opens the
// same experiment again.
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from './ErrorBoundary';

interface LabBoundaryProps {
  /** Offer to reload the page: right for the lab's own page, not for a figure on someone's page. */
  readonly reloadable: boolean;
  readonly children: ReactNode;
}

export function LabBoundary({ reloadable, children }: LabBoundaryProps) {
  return (
    <ErrorBoundary what="The lab" part="lab" fallback={(props) => <LabFailed {...props} reloadable={reloadable} />}>
      {children}
    </ErrorBoundary>
  );
}

function LabFailed({ error, redraw, reloadable }: FallbackProps & { reloadable: boolean }) {
  return (
    <div className="lab-failed" role="alert">
      <h1>Faultline</h1>
      <p>
        <strong>The lab could not be drawn.</strong> Press Redraw to try again.
        {reloadable && ' Or reload the page: it opens the same link again.'}
      </p>
      <p className="part-failed-reason">What went wrong: {error.message}</p>
      <div className="part-failed-buttons">
        <button type="button" onClick={redraw}>
          Redraw
        </button>
        {reloadable && (
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        )}
      </div>
    </div>
  );
}
