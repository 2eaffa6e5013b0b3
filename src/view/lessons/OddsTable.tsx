// An odds step's results, one entry per case: seeds that lost data, the 95% interval (an empty
// count reads "below x%"), the Markov model's chance, and whether the model is inside the
// interval, in words and a mark (never colour alone). A list of short entries, not a table, so it
// reads in the lesson panel's narrow column and on a phone without scrolling sideways.
import type { Ref } from 'react';
import type { FigureValues } from '../../lessons/figures';
import type { Odds, OddsCase } from '../../lessons/oddsSchema';
import { oddsCaseMeasured } from '../../lessons/oddsStep';
import { oddsCaseView } from './oddsView';

const grouped = new Intl.NumberFormat('en-US');

function CaseResult({ c, odds, figures }: { c: OddsCase; odds: Odds; figures: FigureValues }) {
  const view = oddsCaseView(c, figures, odds.seeds);
  return (
    <li data-case={c.id}>
      <strong className="lesson-odds-case">{c.label}</strong>
      <dl>
        <dt>Lost data</dt>
        <dd>{view.lost}</dd>
        <dt>95% interval</dt>
        <dd>{view.interval}</dd>
        <dt>Markov model</dt>
        <dd>{view.model}</dd>
        <dt>Model inside?</dt>
        <dd className={view.inside ? 'is-inside' : 'is-outside'}>
          <span aria-hidden="true">{view.inside ? '✓ ' : '✗ '}</span>
          {view.verdict}
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
