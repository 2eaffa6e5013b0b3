// The sweep panel's words and its state, without React: the odds in sentences, bar labels, the
// current run's row, the link's parameter, and the runner's running/done/cancelled states.
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario } from '../../sim/index';
import type { Experiment } from '../../share/experiment';
import { PoolCancelled } from '../../sweep/browserPool';
import { runSeeds } from '../../sweep/runSeed';
import { outputOf, identityOf, rowsOf } from '../../sweep/sweepOutput';
import { prepareSweep, specOf } from '../../sweep/sweepSpec';
import { proportion } from '../../sweep/summary';
import { readSweepParam, sweepParam, sweepParamOf } from './sweepLink';
import {
  barAfterKey,
  barLabel,
  binRange,
  binIndexOf,
  currentRunRow,
  figuresOf,
  lossSentence,
  percent,
  sloSentence,
  timeLeft,
} from './sweepModel';
import { seedExperiment } from './sweepExperiment';
import { createSweepRunner } from './sweepRun';
import { formSpec } from './sweepFormSpec';

const single = getBuiltInScenario('single-server');
if (!single) throw new Error('no single-server scenario');
const experiment: Experiment = { scenario: single, seed: 3, commands: [], atMs: 2000 };

function sweepOf(from: number, to: number) {
  const prepared = prepareSweep(specOf(experiment, { from, to }, 2000, 'requests'));
  if (!prepared.ok) throw new Error(prepared.error);
  return outputOf(identityOf(prepared.value), runSeeds(prepared.value, from, to), null);
}

describe('sweep words', () => {
  it('writes shares as percentages with the precision they need', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.031)).toBe('3.1%');
    expect(percent(0.00312)).toBe('0.31%');
    expect(percent(0.9995)).toBe('99.95%');
    expect(percent(0.5)).toBe('50.0%');
  });

  it('says the chance of losing data with its interval, naming what was lost', () => {
    expect(lossSentence(proportion(31, 1000), 'requests')).toMatch(
      /^3\.1% of seeds lost acknowledged writes: 31 of 1,000 \(95% interval 2\.2%–4\.4%\)$/,
    );
    expect(lossSentence(proportion(0, 1000), 'durability')).toBe(
      'No seed of 1,000 lost a partition (95% interval 0%–0.38%)',
    );
    expect(sloSentence(proportion(970, 1000), { availability: 0.999, latencyMsP99: 200 })).toBe(
      'The SLO (99.9% available, p99 at most 200 ms) was met in 97.0% of seeds: 970 of 1,000 (95% interval 95.7%–97.9%)',
    );
  });

  it('estimates the time left from the rate so far', () => {
    expect(timeLeft(0, 1000, 0)).toBe('estimating time left');
    expect(timeLeft(250, 1000, 5000)).toBe('about 15 s left');
    expect(timeLeft(100, 10_000, 60_000)).toBe('about 1.6 h left');
    expect(timeLeft(1000, 1000, 9000)).toBe('finishing');
  });

  it('names each bar: its figure, range, seeds and the seed it opens', () => {
    const availability = { id: 'availability', noun: 'availability', integers: false, format: percent } as const;
    expect(barLabel(availability, { from: 0.99, to: 0.995, count: 120, seed: 17 }, false)).toBe(
      'availability 99.0%–99.5%: 120 seeds; open seed 17',
    );
    const errors = { id: 'errors', noun: 'errors', integers: true, format: String } as const;
    expect(barLabel(errors, { from: 10, to: 20, count: 1, seed: 4 }, true)).toBe(
      'errors 10–19: 1 seed; open seed 4; this run is here',
    );
    expect(barLabel(errors, { from: 3, to: 4, count: 2, seed: 9 }, false)).toBe('errors 3: 2 seeds; open seed 9');
  });

  it('finds the bin of a value, the last bin holding its upper edge', () => {
    const bins = [
      { from: 0, to: 1, count: 1, seed: 1 },
      { from: 2, to: 3, count: 1, seed: 2 },
    ];
    expect(binIndexOf(bins, 0.5)).toBe(0);
    expect(binIndexOf(bins, 3)).toBe(1);
    expect(binIndexOf(bins, 1.5)).toBe(-1);
  });
});

describe('a sweep output in the panel', () => {
  const output = sweepOf(1, 6);

  it('finds this run by the experiment seed, and not when it is outside the range', () => {
    expect(currentRunRow(output)).toEqual(rowsOf(output)[2]);
    expect(currentRunRow(sweepOf(10, 12))).toBeNull();
  });

  it('shows the request figures with requests, every bin opening a seed of the sweep', () => {
    const figures = figuresOf(output.summary!, 'requests');
    expect(figures.map((f) => f.id)).toEqual(['availability', 'p99Ms', 'errors', 'ackedWritesLost']);
    for (const f of figures) {
      expect(f.distribution.bins.reduce((n, b) => n + b.count, 0)).toBe(6);
      for (const b of f.distribution.bins) expect(b.seed).toBeGreaterThanOrEqual(1);
    }
  });

  it('opens a seed as the sweep ran it: its scenario, commands up to the duration', () => {
    const opened = seedExperiment(experiment, { durationMs: 2000, mode: 'requests' }, 5);
    expect(opened).toEqual({ ...experiment, seed: 5, atMs: 2000 });
  });
});

describe('the sweep link parameter', () => {
  it('round-trips seeds, duration and mode, checked by the sweep schema', () => {
    const spec = specOf(experiment, { from: 1, to: 1000 }, 30_000, 'requests');
    expect(sweepParam(spec)).toBe('1-1000_30000ms_requests');
    expect(sweepParamOf('#x=abc&sweep=1-1000_30000ms_requests')).toBe('1-1000_30000ms_requests');
    expect(readSweepParam(experiment, '1-1000_30000ms_requests')).toEqual({ ok: true, value: spec });
  });

  it('refuses a bad parameter in a sentence', () => {
    expect(readSweepParam(experiment, 'lots')).toMatchObject({ ok: false, error: expect.stringMatching(/look like/) });
    expect(readSweepParam(experiment, '10-1_1000ms_requests')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/empty/),
    });
    expect(readSweepParam(experiment, '1-10_1000ms_forever')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^mode/),
    });
    expect(readSweepParam(experiment, '1-10_1000ms_durability')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/hardware failures/),
    });
  });
});

describe('the sweep runner', () => {
  const spec = specOf(experiment, { from: 1, to: 6 }, 2000, 'requests');

  it('shows progress, then the output', async () => {
    let clock = 0;
    const runner = createSweepRunner(
      async (_spec, { onProgress }) => {
        clock = 1000;
        onProgress?.({ done: 3, total: 6 });
        expect(runner.view.getState().status).toEqual({ kind: 'running', done: 3, total: 6, elapsedMs: 1000 });
        clock = 2000;
        return sweepOf(1, 6);
      },
      () => clock,
    );
    runner.start(experiment, spec);
    await Promise.resolve();
    await Promise.resolve();
    expect(runner.view.getState().status).toMatchObject({ kind: 'done', elapsedMs: 2000 });
  });

  it('keeps nothing of a cancelled sweep, and closing the panel cancels', async () => {
    const runner = createSweepRunner(
      (_spec, { signal, onProgress }) =>
        new Promise((_resolve, reject) => {
          onProgress?.({ done: 2, total: 6 });
          signal?.addEventListener('abort', () => reject(new PoolCancelled()));
        }),
      () => 0,
    );
    runner.setOpen(true);
    runner.start(experiment, spec);
    runner.setOpen(false);
    await Promise.resolve();
    expect(runner.view.getState().status).toEqual({ kind: 'cancelled', done: 2, total: 6 });
  });
});

describe('the form', () => {
  const form = { seeds: '1000', first: '3', seconds: '2', years: '1', mode: 'requests' } as const;

  it('turns its text into a spec, or says what to change', () => {
    expect(formSpec(form, experiment)).toEqual({
      ok: true,
      value: specOf(experiment, { from: 3, to: 1002 }, 2000, 'requests'),
    });
    expect(formSpec({ ...form, seeds: '50' }, experiment)).toMatchObject({ ok: false, error: /100 to 10,000/ });
    expect(formSpec({ ...form, seeds: '20000' }, experiment).ok).toBe(false);
    expect(formSpec({ ...form, seconds: '0' }, experiment)).toMatchObject({ ok: false, error: /above 0/ });
    expect(formSpec({ ...form, seconds: '99999' }, experiment)).toMatchObject({ ok: false, error: /at most 10,000/ });
    // A year at 1x time compression is far past the longest sweep.
    expect(formSpec({ ...form, mode: 'durability' }, experiment)).toMatchObject({
      ok: false,
      error: /Raise the time compression/,
    });
  });
});

describe('moving between bars', () => {
  it('steps with the arrows and jumps with Home and End, staying inside', () => {
    expect(barAfterKey(0, 'ArrowLeft', 5)).toBe(0);
    expect(barAfterKey(0, 'ArrowRight', 5)).toBe(1);
    expect(barAfterKey(4, 'ArrowUp', 5)).toBe(4);
    expect(barAfterKey(2, 'Home', 5)).toBe(0);
    expect(barAfterKey(2, 'End', 5)).toBe(4);
    expect(barAfterKey(2, 'Tab', 5)).toBeNull();
  });
});

describe('bin ranges', () => {
  it('names a one-value bin by its value', () => {
    const availability = { id: 'availability', noun: 'availability', integers: false, format: percent } as const;
    expect(binRange(availability, { from: 1, to: 1.000001, count: 100, seed: 1 })).toBe('100%');
    const ms = { id: 'p99Ms', noun: 'p99 latency', integers: false, format: (v: number) => `${v} ms` } as const;
    expect(binRange(ms, { from: 26, to: 26.5, count: 3, seed: 8 })).toBe('26 ms–26.5 ms');
  });
});
