// Issue 14's tier events sort as the log's readers expect: a flushed cache is a human error (a
// fault); nodes coming and going, bigger machines and the autoscaler are changes someone made.
import { describe, expect, it } from 'vitest';
import { PIPELINE_TYPES } from '../../share/words/pipelineWords';
import { TIER_TYPES } from '../../share/words/tierWords';
import { kindOf, lineKindOf } from './eventKinds';

describe('kindOf for the tier events', () => {
  it('calls a flushed cache a fault', () => {
    expect(kindOf('cacheFlushed')).toBe('fault');
  });

  it('calls every other tier event a change', () => {
    for (const type of TIER_TYPES.filter((t) => t !== 'cacheFlushed')) expect(kindOf(type), type).toBe('change');
  });

  it('still says a replayed no-op changed nothing', () => {
    expect(lineKindOf({ type: 'nodeAdded', noop: true })).toBe('nothing');
  });
});

describe('kindOf for the pipeline events', () => {
  it('calls lost events and a rewound consumer faults, elections and a rebuilt index recoveries', () => {
    const kinds = Object.fromEntries(PIPELINE_TYPES.map((type) => [type, kindOf(type)]));
    expect(kinds).toEqual({
      logEventsLost: 'fault',
      consumerRewound: 'fault',
      logLeadersElected: 'recovery',
      indexRebuilt: 'recovery',
      logPolicySet: 'change',
      consumerAdded: 'change',
      consumerRemoved: 'change',
      consumersRebalanced: 'change',
      indexRebuildStarted: 'change',
      indexModeSet: 'change',
    });
  });
});
