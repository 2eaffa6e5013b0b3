// The end of a lesson: what the learner showed, in their own figures, their predictions beside
// what was measured, the claims their run supports, and something to try freely.
import { useMemo } from 'react';
import { judgeClaims } from '../../lessons/claims';
import { formatFigure } from '../../lessons/format';
import type { Lesson } from '../../lessons/lessonSchema';
import { useLesson } from './lessonContext';
import { PredictionResults } from './PredictionResults';
import { Prose } from './Prose';
import { figureUnits } from './StepView';

export function LessonConclusion({ lesson }: { readonly lesson: Lesson }) {
  const figures = useLesson((s) => s.figures);
  const units = useMemo(() => figureUnits(lesson), [lesson]);
  const results = judgeClaims(lesson.claims, figures);
  return (
    <div className="lesson-step">
      <h3>What you showed</h3>
      <Prose source={lesson.conclusion} figures={figures} units={units} />
      <PredictionResults lesson={lesson} />
      <h3>The claims, checked against your run</h3>
      <ul className="lesson-claims">
        {lesson.claims.map((claim, i) => {
          const r = results[i];
          const measured = r && Number.isFinite(r.value);
          const mark = !measured ? '–' : r.holds ? '✓' : '✗';
          const verdict = !measured
            ? 'not measured (a step was skipped)'
            : r.holds
              ? 'holds'
              : 'does not hold in this run';
          return (
            <li key={claim.id} className={measured ? (r.holds ? 'is-right' : 'is-wrong') : ''}>
              <span aria-hidden="true">{mark} </span>
              {claim.text}{' '}
              <span className="lesson-claim-value">
                ({verdict}
                {measured && `: ${formatFigure(r.value, units.get(claim.figure) ?? 'count')}`})
              </span>
            </li>
          );
        })}
      </ul>
      <h3>Try it yourself</h3>
      <Prose source={lesson.freeExperiment} />
    </div>
  );
}
