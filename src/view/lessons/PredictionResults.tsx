// The lesson's end: each prediction beside what the learner's run measured, a score they can
// share, and "Copy my results" (a short plain-text summary for a class chat or a teacher).
import { useMemo, useRef, useState } from 'react';
import { formatLessonLink } from '../../lessons/deepLink';
import type { Lesson } from '../../lessons/lessonSchema';
import { predictionResults, resultsText, SCORE_WORDS, scoreLine, type Score } from '../../lessons/predictionScore';
import { useApp } from '../../store/context';
import { useLesson } from './lessonContext';
import './predictions.css';

const MARKS: Readonly<Record<Score, string>> = {
  right: '✓',
  close: '✓',
  wrong: '✗',
  far: '✗',
  skipped: '–',
  unmeasured: '–',
};

const good = (score: Score) => score === 'right' || score === 'close';

export function PredictionResults({ lesson }: { readonly lesson: Lesson }) {
  const predictions = useLesson((s) => s.predictions);
  const figures = useLesson((s) => s.figures);
  const seed = useApp((s) => s.seed);
  const results = useMemo(() => predictionResults(lesson, predictions, figures), [lesson, predictions, figures]);
  if (results.length === 0) return null;
  const link = `${window.location.origin}${window.location.pathname}${formatLessonLink({ lessonId: lesson.id, stepIndex: 0 })}`;
  return (
    <section className="lesson-results" aria-labelledby="lesson-results-title">
      <h3 id="lesson-results-title">Your predictions and what your run measured</h3>
      <p className="lesson-score">{scoreLine(results)}</p>
      <ol className="lesson-results-list">
        {results.map((r) => (
          <li
            key={r.step.id}
            className={r.score === 'skipped' ? 'is-skipped' : good(r.score) ? 'is-right' : 'is-wrong'}
          >
            <span className="lesson-results-step">
              Step {r.stepNumber}: {r.step.title}
            </span>
            <dl>
              <dt>You predicted</dt>
              <dd>{r.predicted ?? 'skipped'}</dd>
              <dt>{r.prediction.kind === 'choice' ? 'What happened' : 'Measured'}</dt>
              <dd>{r.measured}</dd>
            </dl>
            {r.score !== 'skipped' && (
              <span className="lesson-results-verdict">
                <span aria-hidden="true">{MARKS[r.score]} </span>
                {SCORE_WORDS[r.score]}
                {r.prediction.kind === 'number' &&
                  r.score !== 'unmeasured' &&
                  ` (${good(r.score) ? 'within' : 'more than'} ${Math.round(r.prediction.tolerance * 100)}%)`}
              </span>
            )}
          </li>
        ))}
      </ol>
      <CopyResults text={resultsText(lesson, results, { seed, link })} />
    </section>
  );
}

type CopyState = 'idle' | 'copied' | 'blocked';

/**
 * Copies through the Clipboard API; where that is missing or refused (an embed without the
 * permission, an insecure page), shows the text selected so the learner can copy it themselves.
 */
function CopyResults({ text }: { readonly text: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const area = useRef<HTMLTextAreaElement>(null);
  const fallBack = () => {
    setState('blocked');
    // The text area appears with this render; select it once it is there.
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.select();
    });
  };
  const copy = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard?.writeText) return fallBack();
    clipboard.writeText(text).then(() => setState('copied'), fallBack);
  };
  return (
    <div className="lesson-copy">
      <button type="button" onClick={copy}>
        Copy my results
      </button>
      <p className="lesson-copy-status" aria-live="polite">
        {state === 'copied' && 'Copied: paste it wherever you share results.'}
        {state === 'blocked' &&
          'This browser did not allow copying. The text below is selected: press Ctrl+C (⌘C on a Mac).'}
      </p>
      {state === 'blocked' && (
        <textarea
          ref={area}
          readOnly
          value={text}
          rows={Math.min(10, text.split('\n').length + 1)}
          aria-label="My results"
        />
      )}
    </div>
  );
}
