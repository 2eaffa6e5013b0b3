// "Predict first": the learner commits to an answer before acting, and after the reveal sees it
// set against what their own run measured.
import { useId, useState, type FormEvent } from 'react';
import { formatFigure } from '../../lessons/format';
import type { FigureValues } from '../../lessons/figures';
import type { Prediction } from '../../lessons/lessonSchema';
import type { Answer } from '../../store/lessonStore';

interface PredictionProps {
  readonly prediction: Prediction;
  readonly answer: Answer | null;
  readonly revealed: boolean;
  readonly figures: FigureValues;
  readonly onPredict: (answer: Answer) => void;
}

/** Percent figures are shares (0.25); people type and read them as percentages (25). */
const toShown = (value: number, unit: string) => (unit === 'percent' ? value * 100 : value);
const fromShown = (value: number, unit: string) => (unit === 'percent' ? value / 100 : value);

function Verdict({ prediction, answer, figures }: Omit<PredictionProps, 'onPredict' | 'revealed'>) {
  if (answer === null) return null;
  if (prediction.kind === 'choice') {
    const right = prediction.options.find((o) => o.id === prediction.answer);
    const correct = answer === prediction.answer;
    return (
      <p className={`lesson-verdict ${correct ? 'is-right' : 'is-wrong'}`}>
        <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>
        {correct ? 'Your prediction was right: ' : 'Not this time. What happened: '}
        {right?.label}
      </p>
    );
  }
  const truth = typeof prediction.answer === 'number' ? prediction.answer : (figures[prediction.answer] ?? Number.NaN);
  const guess = Number(answer);
  const close = Number.isFinite(truth) && Math.abs(guess - truth) <= prediction.tolerance * Math.abs(truth);
  return (
    <p className={`lesson-verdict ${close ? 'is-right' : 'is-wrong'}`}>
      <span aria-hidden="true">{close ? '✓ ' : '✗ '}</span>
      You predicted {formatFigure(guess, prediction.unit)}; the run measured {formatFigure(truth, prediction.unit)}
      {close
        ? ` (within ${Math.round(prediction.tolerance * 100)}%).`
        : `, more than ${Math.round(prediction.tolerance * 100)}% away.`}
    </p>
  );
}

export function PredictionForm(props: PredictionProps) {
  const { prediction, answer, revealed, onPredict } = props;
  const id = useId();
  const [choice, setChoice] = useState<string>('');
  const [typed, setTyped] = useState('');
  if (answer !== null) {
    const shown =
      prediction.kind === 'choice'
        ? prediction.options.find((o) => o.id === answer)?.label
        : formatFigure(Number(answer), prediction.unit);
    return (
      <div className="lesson-prediction" aria-label="Your prediction">
        <p className="lesson-question">{prediction.question}</p>
        <p>
          Your prediction: <strong>{shown}</strong>
        </p>
        {revealed && <Verdict prediction={prediction} answer={answer} figures={props.figures} />}
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
    <form className="lesson-prediction" onSubmit={submit}>
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
      <button type="submit" className="primary" disabled={prediction.kind === 'choice' ? !choice : typed.trim() === ''}>
        Lock in prediction
      </button>
    </form>
  );
}
