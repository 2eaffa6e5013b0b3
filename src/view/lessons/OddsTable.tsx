// An odds step's results, one row per case: seeds that lost data, the 95% interval (an empty
// count reads "below x%"), the Markov model's chance, and whether the model is inside the
// interval, in words and a mark (never colour alone).
import type { Ref } from 'react';
import type { FigureValues } from '../../lessons/figures';
import { formatFigure } from '../../lessons/format';
import { oddsFigureId, type Odds, type OddsCase } from '../../lessons/oddsSchema';
import { oddsCaseMeasured } from '../../lessons/oddsStep';

const grouped = new Intl.NumberFormat('en-US');
const pct = (value: number) => formatFigure(value, 'percent');

function Verdict({ c, low, high, model }: { c: OddsCase; low: number; high: number; model: number }) {
  const inside = low <= model && model <= high;
  const where = inside ? 'inside' : model > high ? 'above the interval' : 'below the interval';
  return (
    <span className={inside ? 'is-inside' : 'is-outside'}>
      <span aria-hidden="true">{inside ? '✓ ' : '✗ '}</span>
      {inside ? 'Yes, inside' : `No: ${where}`}
      {!c.modelApplies && ' (the model assumes independent failures)'}
    </span>
  );
}

interface OddsTableProps {
  readonly odds: Odds;
  readonly figures: FigureValues;
  /** The scrolling box, focusable so a keyboard can scroll it on a narrow screen. */
  readonly tableRef?: Ref<HTMLDivElement>;
}

export function OddsTable({ odds, figures, tableRef }: OddsTableProps) {
  const measured = odds.cases.filter((c) => oddsCaseMeasured(c, figures));
  if (measured.length === 0) return null;
  const years = odds.years === 1 ? 'a year' : `${odds.years} years`;
  return (
    <div
      className="lesson-odds-table"
      ref={tableRef}
      role="region"
      aria-label="Odds results"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- it scrolls sideways on a phone: keyboard users must reach every column
      tabIndex={0}
    >
      <table>
        <caption>
          Chance of losing data in {years}, over seeds 1 to {grouped.format(odds.seeds)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Seeds that lost data</th>
            <th scope="col">95% interval</th>
            <th scope="col">Markov model</th>
            <th scope="col">Model in the interval?</th>
          </tr>
        </thead>
        <tbody>
          {measured.map((c) => {
            const f = (stat: 'share' | 'low' | 'high' | 'model' | 'count') =>
              figures[oddsFigureId(c.id, stat)] ?? Number.NaN;
            return (
              <tr key={c.id} data-case={c.id}>
                <th scope="row">{c.label}</th>
                <td>
                  {pct(f('share'))} ({grouped.format(f('count'))} of {grouped.format(odds.seeds)})
                </td>
                <td>{f('count') === 0 ? `below ${pct(f('high'))}` : `${pct(f('low'))} to ${pct(f('high'))}`}</td>
                <td>{pct(f('model'))}</td>
                <td>
                  <Verdict c={c} low={f('low')} high={f('high')} model={f('model')} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
