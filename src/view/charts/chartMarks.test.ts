import { describe, expect, it } from 'vitest';
import type { NotableEvent } from '../../sim/index';
import { marksBetween, marksFromEvents, markKindOf, marksText } from './chartMarks';

let seq = 0;
const event = (timeMs: number, type: string, target: string, detail: string, over: Partial<NotableEvent> = {}) =>
  ({ seq: ++seq, timeMs, type, target, detail, cause: 'auto', ...over }) as NotableEvent;

describe('fault or recovery, whoever caused it', () => {
  it('classifies the automatic kinds', () => {
    const kinds = {
      diskFailed: 'fault',
      nodeCrashed: 'fault',
      serverRemoved: 'fault',
      rackPowerFailed: 'fault',
      configRolledOut: 'fault',
      serverRestored: 'recovery',
      nodeRestarted: 'recovery',
      replicaRebuilt: 'recovery',
      diskReplaced: 'recovery',
      configRolledBack: 'recovery',
      policyChanged: 'change',
      loadChanged: 'change',
    };
    for (const [type, kind] of Object.entries(kinds)) expect([type, markKindOf(type)]).toEqual([type, kind]);
  });
  it('marks automatic events in words, oldest first, and leaves out events that changed nothing', () => {
    const events = [
      event(9_000, 'nodeRestarted', 'db-2', 'power restored'),
      event(8_000, 'serverRemoved', 'app-2', 'failed 2 health checks; out of rotation'),
      event(7_000, 'diskFailed', 'db-3', 'disk 1 failed (random hardware failure); 6 partitions under-replicated'),
      event(6_500, 'configRolledOut', 'app-1', 'new configuration on the canary', { cause: 'user' }),
      event(6_000, 'configRolledBack', 'app servers', 'nothing was rolled out, so nothing changed', { noop: true }),
      event(5_000, 'commandSkipped', 'crashNode', 'app-9 does not exist', { cause: 'schedule' }),
    ];
    const marks = marksFromEvents(events);
    expect(marks.map((m) => [m.text, m.kind, m.cause])).toEqual([
      ['canary rollout', 'fault', 'user'],
      ['db-3 disk 1 failed', 'fault', 'auto'],
      ['app-2 out of rotation', 'fault', 'auto'],
      ['db-2 power back', 'recovery', 'auto'],
    ]);
    expect(marks[1]?.detail).toMatch(/^db-3: disk 1 failed/);
    expect(marksBetween(marks, 7, 8).map((m) => m.text)).toEqual(['db-3 disk 1 failed', 'app-2 out of rotation']);
    expect(marksText(marks)).toBe('3 faults and 1 recovery marked.');
    expect(marksText([])).toBe('0 faults marked.');
  });
});
