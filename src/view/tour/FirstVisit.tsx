// The short start offered on a first visit: three steps on the real lab (press Play, crash a
// server, read what happened), or the first lesson, or no thanks. A small card docked at the
// bottom left, never a modal over the picture; remembered once answered, and not offered in an
// embed (unless its host asks with `tour=1`), on a link to a lesson or experiment, or in a lesson.
import { useEffect, useRef, useState } from 'react';
import { lessons } from '../../lessons/catalog/index';
import { useDisplay } from '../share/displayContext';
import { focusLessonStep } from '../lessons/focusLessonStep';
import { useLesson } from '../lessons/lessonContext';
import { hasSeenFirstVisit, rememberFirstVisit } from './firstVisitStorage';
import { TourCard } from './TourCard';
import './firstVisit.css';

export type Stage = 'offer' | 'tour' | 'closed';

/** Decided once, as the page opens: a link's fragment means the visitor came for something else. */
function offeredAtStart(embed: boolean, tour: boolean | null): boolean {
  if (tour === false || (embed && tour !== true)) return false;
  if (typeof window !== 'undefined' && window.location.hash.length > 1) return false;
  return !hasSeenFirstVisit();
}

export function FirstVisit() {
  const display = useDisplay();
  const inLesson = useLesson((s) => s.lessonId !== null);
  const openLesson = useLesson((s) => s.actions.open);
  const [stage, setStage] = useState<Stage>(() => (offeredAtStart(display.embed, display.tour) ? 'offer' : 'closed'));
  // Stays when the card has gone, to find this lab's lesson panel (a page may hold several labs).
  const anchorRef = useRef<HTMLSpanElement>(null);
  const [lessonStarted, setLessonStarted] = useState(false);

  // Once the first lesson has rendered, its step takes focus (where Space plays and pauses).
  useEffect(() => {
    if (!lessonStarted || !inLesson || !anchorRef.current) return;
    focusLessonStep(anchorRef.current);
    setLessonStarted(false);
  }, [lessonStarted, inLesson]);

  const anchor = <span ref={anchorRef} hidden />;
  if (stage === 'closed' || inLesson) return anchor;
  const close = () => {
    rememberFirstVisit();
    setStage('closed');
  };
  const startLesson = () => {
    const first = lessons[0];
    close();
    if (!first) return;
    setLessonStarted(true);
    openLesson(first.id);
  };
  const startTour = () => {
    rememberFirstVisit();
    setStage('tour');
  };
  return (
    <>
      {anchor}
      <TourCard stage={stage} onStartTour={startTour} onStartLesson={startLesson} onClose={close} />
    </>
  );
}
