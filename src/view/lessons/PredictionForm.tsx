// "Predict first": the learner commits to an answer before acting, and after the reveal sees it
// set against what their own run measured.
import { useId, useState, type FormEvent } from 'react';
import { formatFigure } from '../../lessons/format';
import type { FigureValues } from '../../lessons/figures';
import { answerText, scoreAnswer, truthOf } from '../../lessons/predictionScore';
import type { Prediction } from '../../lessons/lessonSchema';
import type { Answer } from '../../store/lessonStore';
import './predictions.css';

interface PredictionProps {
  readonly prediction: Prediction;
  readonly answer: Answer | null;
  /** The learner chose "Skip predicting". */
  readonly skipped: boolean;
  readonly revealed: boolean;
  readonly figures: FigureValues;
  readonly onPredict: (answer: Answer) => void;
  /** Absent while looking back: a past step's prediction cannot be skipped any more. */
  readonly onSkip?: () => void;
  /** Who measured the answer, as the verdict says it: "the run" (default) or an odds step's seeds. */
  readonly measuredBy?: string;
}

/** Next sends the learner here while the step waits for their prediction. */
export const PREDICTION_FORM_ID = 'lesson-prediction-form';

/** Percent figures are shares (0.25); people type and read them as percentages (25). */
const toShown = (value: number, unit: string) => (unit === 'percent' ? value * 100 : value);
const fromShown = (value: number, unit: string) => (unit === 'percent' ? value / 100 : value);

function Verdict({
  prediction,
  answer,
  figures,
  measuredBy = 'the run',
}: Omit<PredictionProps, 'onPredict' | 'onSkip' | 'revealed' | 'skipped'>) {
  if (answer === null) return null;
  const score = scoreAnswer(prediction, answer, figures);
  const good = score === 'right' || score === 'close';
  if (prediction.kind === 'choice') {
    const right = prediction.options.find((o) => o.id === prediction.answer);
    return (
      <p className={`lesson-verdict ${good ? 'is-right' : 'is-wrong'}`}>
        <span aria-hidden="true">{good ? '✓ ' : '✗ '}</span>
        {good ? 'Your prediction was right: ' : 'Not this time. What happened: '}
        {right?.label}
      </p>
    );
  }
  const within = `${Math.round(prediction.tolerance * 100)}%`;
  const truth = truthOf(prediction, figures);
  if (!Number.isFinite(truth))
    return (
      <p className="lesson-verdict">
        You predicted {formatFigure(Number(answer), prediction.unit)}; the run has not measured it (the run did not get
        that far, or a step was skipped), so it cannot be scored.
      </p>
    );
  return (
    <p className={`lesson-verdict ${good ? 'is-right' : 'is-wrong'}`}>
      <span aria-hidden="true">{good ? '✓ ' : '✗ '}</span>
      You predicted {formatFigure(Number(answer), prediction.unit)}; {measuredBy} measured{' '}
      {formatFigure(truth, prediction.unit)}
      {good ? ` (within ${within}: close).` : `, more than ${within} away.`}
    </p>
  );
}

export function PredictionForm(props: PredictionProps) {
  const { prediction, answer, revealed, onPredict, onSkip } = props;
  const id = useId();
  const [choice, setChoice] = useState<string>('');
  const [typed, setTyped] = useState('');
  if (props.skipped && answer === null) {
    return (
      <div className="lesson-prediction" aria-label="Your prediction">
        <p className="lesson-question">{prediction.question}</p>
        <p className="lesson-skipped">You skipped predicting this one.</p>
      </div>
    );
  }
  if (answer !== null) {
    return (
      <div className="lesson-prediction" aria-label="Your prediction">
        <p className="lesson-question">{prediction.question}</p>
        <p>
          Your prediction: <strong>{answerText(prediction, answer)}</strong>
        </p>
        {revealed && (
          <Verdict prediction={prediction} answer={answer} figures={props.figures} measuredBy={props.measuredBy} />
        )}
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (prediction.kind === 'choice') {
      if (choice) onPredict(choice);
      return;
    }
    const value = Number(typed);
    if (typed.trim() !== '' && Number.isFinite(value)) onPredict(fromShown(value, prediction.unit));
  };
  const unitLabel =
    prediction.kind === 'number'
      ? { ms: 'ms', percent: '%', count: '', rps: 'req/s', ratio: '×', hours: 'hours' }[prediction.unit]
      : '';
  return (
    <form id={PREDICTION_FORM_ID} className="lesson-prediction" aria-label="Your prediction" onSubmit={submit}>
      {prediction.kind === 'choice' ? (
        <fieldset>
          <legend className="lesson-question">Predict: {prediction.question}</legend>
          {prediction.options.map((o) => (
            <label key={o.id} className="lesson-option">
              <input type="radio" name={id} value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} />
              {o.label}
            </label>
          ))}
        </fieldset>
      ) : (
        <>
          <label className="lesson-question" htmlFor={id}>
            Predict: {prediction.question}
          </label>
          <span className="lesson-number">
            <input
              id={id}
              type="number"
              inputMode="decimal"
              min={toShown(prediction.min, prediction.unit)}
              max={toShown(prediction.max, prediction.unit)}
              step="any"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
            {unitLabel && <span>{unitLabel}</span>}
          </span>
        </>
      )}
      <div className="lesson-prediction-buttons">
        <button
          type="submit"
          className="primary"
          disabled={prediction.kind === 'choice' ? !choice : typed.trim() === ''}
        >
          Lock in prediction
        </button>
        {onSkip && (
          <button type="button" className="lesson-skip" onClick={onSkip}>
            Skip predicting
          </button>
        )}
      </div>
    </form>
  );
}
