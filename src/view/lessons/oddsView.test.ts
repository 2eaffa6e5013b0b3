import { describe, expect, it } from 'vitest';
import type { OddsCase } from '../../lessons/oddsSchema';
import { oddsCaseValues } from '../../lessons/oddsStep';
import { proportion } from '../../sweep/summary';
import { oddsCaseView } from './oddsView';

const fleet = { replicas: 2, groups: 10, mttfHours: 3500, repairHours: 24 };
const twoDay: OddsCase = { id: 'twoDay', label: 'two copies', fleet, modelApplies: true };

describe('an odds case on screen', () => {
  it('reads the share with its count, the interval and the model inside it', () => {
    const view = oddsCaseView(twoDay, oddsCaseValues(twoDay, proportion(302, 1000), 0.285), 1000);
    expect(view).toEqual({
      lost: '30.2% (302 of 1,000 seeds)',
      interval: '27.4% to 33.1%',
      model: '28.5%',
      inside: true,
      verdict: 'Yes, inside',
    });
  });

  it('says "below" the top of the interval when no seed lost data, the model still giving its small number', () => {
    const view = oddsCaseView(twoDay, oddsCaseValues(twoDay, proportion(0, 1000), 0.0000976), 1000);
    expect(view.lost).toBe('0% (0 of 1,000 seeds)');
    expect(view.interval).toBe('below 0.383%');
    expect(view.model).toBe('0.00976%');
    expect(view.inside).toBe(true);
  });

  it('places a model outside the interval in words, and says when the model is not meant to fit', () => {
    const surge: OddsCase = { ...twoDay, id: 'threeSurge', modelApplies: false };
    const view = oddsCaseView(surge, oddsCaseValues(surge, proportion(127, 1000), 0.00343), 1000);
    expect(view.inside).toBe(false);
    expect(view.verdict).toBe('No: the model is below it (the model assumes independent failures)');
    const above = oddsCaseView(twoDay, oddsCaseValues(twoDay, proportion(10, 1000), 0.5), 1000);
    expect(above.verdict).toBe('No: the model is above it');
  });
});
