// The first-visit card: the offer, then the three steps with the current one marked, each read
// out by a live region as it comes. Escape or × closes it; it never takes focus by itself.
import { useEffect, useRef } from 'react';
import type { Stage } from './FirstVisit';
import { announcementOf, TOUR_STEPS } from './tourSteps';
import { useTourProgress } from './useTourProgress';

interface TourCardProps {
  readonly stage: Exclude<Stage, 'closed'>;
  onStartTour(): void;
  onStartLesson(): void;
  onClose(): void;
}

function Offer({ onStartTour, onStartLesson, onClose }: Omit<TourCardProps, 'stage'>) {
  return (
    <>
      <p>Three steps on this lab: start the run, crash a server, read what happened. Or take the first lesson.</p>
      <div className="first-visit-buttons">
        <button type="button" className="primary" onClick={onStartTour}>
          Show me
        </button>
        <button type="button" onClick={onStartLesson}>
          Start the first lesson
        </button>
        <button type="button" onClick={onClose}>
          No thanks
        </button>
      </div>
    </>
  );
}

function Steps({ onStartLesson, onClose }: Omit<TourCardProps, 'stage' | 'onStartTour'>) {
  const { step } = useTourProgress(true);
  const done = step >= TOUR_STEPS.length;
  return (
    <>
      <ol className="first-visit-steps">
        {TOUR_STEPS.map((s, i) => (
          <li key={s.title} className={i < step ? 'is-done' : i === step ? 'is-current' : ''}>
            <span className="first-visit-mark" aria-hidden="true">
              {i < step ? '✓' : i + 1}
            </span>
            <span>
              <strong>{s.title}</strong>
              {i < step && <span className="visually-hidden"> (done)</span>}
              {i === step && <span className="first-visit-text">{s.text}</span>}
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="first-visit-status">
        {announcementOf(step)}
      </p>
      {done && <p className="first-visit-done">That is the lab: cause a fault, then watch the figures answer.</p>}
      <div className="first-visit-buttons">
        {done && (
          <button type="button" className="primary" onClick={onStartLesson}>
            Start the first lesson
          </button>
        )}
        <button type="button" onClick={onClose}>
          {done ? 'Done' : 'End the tour'}
        </button>
      </div>
    </>
  );
}

export function TourCard({ stage, onStartTour, onStartLesson, onClose }: TourCardProps) {
  const ref = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // "Show me" goes away as the steps come: focus moves to their heading, not to the page's start.
  useEffect(() => {
    if (stage === 'tour') headingRef.current?.focus();
  }, [stage]);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  // Escape inside the card closes it (and is not passed on, so it stops no replay).
  useEffect(() => {
    const card = ref.current;
    if (!card) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      onCloseRef.current();
    };
    card.addEventListener('keydown', onKeyDown);
    return () => card.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <section ref={ref} className="first-visit" aria-labelledby="first-visit-title" data-stage={stage}>
      <div className="first-visit-head">
        <h2 id="first-visit-title" ref={headingRef} tabIndex={-1}>
          {stage === 'offer' ? 'New to Faultline?' : 'Three steps on the lab'}
        </h2>
        <button type="button" className="first-visit-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {stage === 'offer' ? (
        <Offer onStartTour={onStartTour} onStartLesson={onStartLesson} onClose={onClose} />
      ) : (
        <Steps onStartLesson={onStartLesson} onClose={onClose} />
      )}
    </section>
  );
}
