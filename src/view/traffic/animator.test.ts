import { describe, expect, it } from 'vitest';
import type { Hop, Traffic } from '../../sim/index';
import { Animator, MAX_TRACKS, MIN_HOP_MS } from './animator';
import { dotMeaning, everyNFor, trafficMode } from './sampling';

function hop(request: number, from: number, to: number, departMs: number, extra: Partial<Hop> = {}): Hop {
  return {
    request,
    attempt: 1,
    kind: 'request',
    from,
    to,
    departMs,
    arriveMs: departMs + 0.5,
    lost: false,
    outcome: null,
    ...extra,
  };
}

const traffic = (hops: Hop[]): Traffic => ({ everyN: 1, hops, marks: [], dropped: 0 });

describe('the animator', () => {
  it('plays a request hop by hop at a pace the eye can follow, waiting where the next hop is not known yet', () => {
    const a = new Animator();
    a.ingest(traffic([hop(1, 0, 1, 0), hop(1, 1, 2, 0.5)]), 1);
    a.tick(MIN_HOP_MS / 2);
    expect(a.moving()).toEqual([{ from: 0, to: 1, t: 0.5, role: 'request', shape: 'circle' }]);
    a.tick(MIN_HOP_MS);
    const second = a.moving()[0];
    expect(second).toMatchObject({ from: 1, to: 2 });
    expect(second?.t).toBeCloseTo(0.5);
    a.tick(MIN_HOP_MS);
    // At the app server with nothing more known: it waits beside the server (its queue).
    expect(a.moving()).toEqual([{ from: 2, to: 2, t: -1, role: 'request', shape: 'circle' }]);
  });

  it('asks every replica at once, and a reply that gets home ends the request with its outcome shown', () => {
    const a = new Animator();
    const asks = [hop(1, 2, 6, 10, { kind: 'ask' }), hop(1, 2, 7, 10, { kind: 'ask' })];
    const reply = hop(1, 1, 0, 12, { kind: 'reply', outcome: 'error' });
    a.ingest(traffic([...asks, reply]), 1);
    a.tick(10);
    expect(a.moving().map((m) => m.to)).toEqual([6, 7]);
    a.tick(MIN_HOP_MS + 100);
    expect(a.moving()).toMatchObject([{ from: 1, to: 0, role: 'error', shape: 'triangle' }]);
    a.tick(MIN_HOP_MS);
    expect(a.count).toBe(0);
    expect(a.liveEffects()).toMatchObject([{ kind: 'done', role: 'error', shape: 'triangle' }]);
  });

  it('stops a lost message halfway and leaves a cross there; a retry is drawn as a diamond', () => {
    const a = new Animator();
    a.ingest(traffic([hop(1, 1, 2, 0, { lost: true, arriveMs: 0 })]), 1);
    a.tick(MIN_HOP_MS / 2);
    expect(a.moving()[0]?.t).toBeCloseTo(0.25);
    a.tick(MIN_HOP_MS);
    expect(a.count).toBe(0);
    expect(a.liveEffects()).toMatchObject([{ kind: 'lost', from: 1, to: 2, along: 0.5 }]);
    a.ingest(traffic([hop(1, 0, 1, 1000, { attempt: 2 })]), 1);
    a.tick(1);
    expect(a.moving()[0]).toMatchObject({ role: 'retry', shape: 'diamond' });
  });

  it('keeps at most MAX_TRACKS requests moving, counting the rest as skipped', () => {
    const a = new Animator();
    a.ingest(traffic(Array.from({ length: MAX_TRACKS + 5 }, (_, i) => hop(i, 0, 1, 0))), 1);
    expect(a.count).toBe(MAX_TRACKS);
    expect(a.skipped).toBe(5);
  });

  it('plays a traced request slower, highlighted, and keeps it at its end', () => {
    const a = new Animator();
    a.follow([hop(9, 0, 1, 0), hop(9, 1, 0, 1, { kind: 'reply', outcome: 'ok' })]);
    a.tick(MIN_HOP_MS);
    expect(a.moving()[0]).toMatchObject({ role: 'trace', from: 0, to: 1 });
    a.tick(20_000);
    expect(a.count).toBe(1);
  });
});

describe('sampling', () => {
  it('follows 1 in a round N so about 20 dots set off each second', () => {
    expect(everyNFor(600, 1)).toBe(20);
    expect(everyNFor(600, 0.25)).toBe(10);
    expect(everyNFor(10_000, 1)).toBe(500);
    expect(everyNFor(10, 1)).toBe(1);
    expect(everyNFor(0, 1)).toBe(1);
  });

  it('shows dots below 50x, streams from 50x, and nothing moving without motion', () => {
    expect(trafficMode(10, true)).toBe('dots');
    expect(trafficMode(50, true)).toBe('streams');
    expect(trafficMode(1, false)).toBe('still');
    expect(dotMeaning(20)).toBe('Each dot ≈ 20 requests (1 in 20 followed)');
  });
});
