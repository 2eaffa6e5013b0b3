import { describe, expect, it } from 'vitest';
import { exportFileName } from './fileNames';

describe('exportFileName', () => {
  it('names the scenario, seed, simulated time and contents', () => {
    expect(exportFileName({ scenarioId: 'default', seed: 7, timeMs: 42_349.9, what: 'latency', ext: 'svg' })).toBe(
      'faultline-default-seed-7-t-42.3s-latency.svg',
    );
  });

  it('is the same for the same run and moment, and safe as a file name', () => {
    const name = { scenarioId: 'Big: 500 nodes!', seed: 1, timeMs: 0, what: 'Event log (faults)', ext: 'csv' } as const;
    expect(exportFileName(name)).toBe(exportFileName({ ...name }));
    expect(exportFileName(name)).toBe('faultline-big-500-nodes-seed-1-t-0.0s-event-log-faults.csv');
  });
});
