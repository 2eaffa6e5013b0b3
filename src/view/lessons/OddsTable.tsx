// An odds step's results, one entry per case: seeds that lost data, the 95% interval (an empty
// count reads "below x%"), the Markov model's chance, and whether the model is inside the
// interval, in words and a mark (never colour alone). A list of short entries, not a table, so it
// reads in the lesson panel's narrow column and on a phone without scrolling sideways.
import type { Ref } from 'react';
import type { FigureValues } from '../../lessons/figures';
import { formatFigure } from '../../lessons/format';
import { oddsFigureId, type Odds, type OddsCase, type OddsStat } from '../../lessons/oddsSchema';
import { oddsCaseMeasured } from '../../lessons/oddsStep';

const grouped = new Intl.NumberFormat('en-US');
const pct = (value: number) => formatFigure(value, 'percent');

function Verdict({ c, low, high, model }: { c: OddsCase; low: number; high: number; model: number }) {
  const inside = low <= model && model <= high;
  return (
    <span className={inside ? 'is-inside' : 'is-outside'}>
      <span aria-hidden="true">{inside ? '✓ ' : '✗ '}</span>
      {inside ? 'Yes, inside' : `No: the model is ${model > high ? 'above' : 'below'} it`}
      {!c.modelApplies && ' (the model assumes independent failures)'}
    </span>
  );
}

function CaseResult({ c, odds, figures }: { c: OddsCase; odds: Odds; figures: FigureValues }) {
  const f = (stat: OddsStat) => figures[oddsFigureId(c.id, stat)] ?? Number.NaN;
  return (
    <li data-case={c.id}>
      <strong className="lesson-odds-case">{c.label}</strong>
      <dl>
        <dt>Lost data</dt>
        <dd>
          {pct(f('share'))} ({grouped.format(f('count'))} of {grouped.format(odds.seeds)} seeds)
        </dd>
        <dt>95% interval</dt>
        <dd>{f('count') === 0 ? `below ${pct(f('high'))}` : `${pct(f('low'))} to ${pct(f('high'))}`}</dd>
        <dt>Markov model</dt>
        <dd>{pct(f('model'))}</dd>
        <dt>Model inside?</dt>
        <dd>
          <Verdict c={c} low={f('low')} high={f('high')} model={f('model')} />
        </dd>
      </dl>
    </li>
  );
}

interface OddsTableProps {
  readonly odds: Odds;
  readonly figures: FigureValues;
  /** Where focus goes when a sweep finishes (the Run button it came from is gone). */
  readonly resultsRef?: Ref<HTMLElement>;
}

export function OddsTable({ odds, figures, resultsRef }: OddsTableProps) {
  const measured = odds.cases.filter((c) => oddsCaseMeasured(c, figures));
  if (measured.length === 0) return null;
  const years = odds.years === 1 ? 'a year' : `${odds.years} years`;
  const title = `Chance of losing data in ${years}, over seeds 1 to ${grouped.format(odds.seeds)}`;
  return (
    <section className="lesson-odds-results" aria-label={title} ref={resultsRef} tabIndex={-1}>
      <p className="lesson-odds-title">{title}</p>
      <ul>
        {measured.map((c) => (
          <CaseResult key={c.id} c={c} odds={odds} figures={figures} />
        ))}
      </ul>
    </section>
  );
}
