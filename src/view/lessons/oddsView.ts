// What an odds case reads on screen, from its figures: pure, so a unit test checks the words
// (an empty count reads "below x%", the model's place in words) without a browser.
import type { FigureValues } from '../../lessons/figures';
import { formatFigure } from '../../lessons/format';
import { oddsFigureId, type OddsCase, type OddsStat } from '../../lessons/oddsSchema';

const grouped = new Intl.NumberFormat('en-US');
const pct = (value: number) => formatFigure(value, 'percent');

export interface OddsCaseView {
  readonly lost: string;
  readonly interval: string;
  readonly model: string;
  readonly inside: boolean;
  readonly verdict: string;
}

export function oddsCaseView(c: OddsCase, figures: FigureValues, seeds: number): OddsCaseView {
  const f = (stat: OddsStat) => figures[oddsFigureId(c.id, stat)] ?? Number.NaN;
  const [count, low, high, model] = [f('count'), f('low'), f('high'), f('model')];
  const inside = low <= model && model <= high;
  const verdict = inside ? 'Yes, inside' : `No: the model is ${model > high ? 'above' : 'below'} it`;
  return {
    lost: `${pct(f('share'))} (${grouped.format(count)} of ${grouped.format(seeds)} seeds)`,
    interval: count === 0 ? `below ${pct(high)}` : `${pct(low)} to ${pct(high)}`,
    model: pct(model),
    inside,
    verdict: c.modelApplies ? verdict : `${verdict} (the model assumes independent failures)`,
  };
}
