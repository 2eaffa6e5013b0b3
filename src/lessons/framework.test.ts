// The small parts lessons are built from: the safe Markdown subset, deep links, figure formats,
// action matching and the figure measures that need no simulation.
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Topology } from '../sim/index';
import { matchesAction } from './actions';
import { formatLessonLink, parseLessonLink } from './deepLink';
import { shareAbove } from './figures';
import { formatFigure } from './format';
import { figureRefs, parseMarkdown } from './markdown';
import { lessonScenario, mergePatch } from './scenarioEdits';

describe('lesson Markdown', () => {
  it('parses paragraphs, lists, emphasis, code and figure placeholders', () => {
    const blocks = parseMarkdown('A **bold** and *soft* `code` {{p99}}.\n\n- one\n- two\n\n1. first\n2. second');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'list']);
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      inlines: [
        { kind: 'text', text: 'A ' },
        { kind: 'strong', text: 'bold' },
        { kind: 'text', text: ' and ' },
        { kind: 'em', text: 'soft' },
        { kind: 'text', text: ' ' },
        { kind: 'code', text: 'code' },
        { kind: 'text', text: ' ' },
        { kind: 'figure', id: 'p99' },
        { kind: 'text', text: '.' },
      ],
    });
    expect(blocks[2]).toMatchObject({ kind: 'list', ordered: true });
    expect(figureRefs('{{a}} and {{bB2}}')).toEqual(['a', 'bB2']);
  });

  it('keeps HTML as plain text', () => {
    const blocks = parseMarkdown('<img src=x onerror=alert(1)> <b>hi</b>');
    expect(blocks).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: '<img src=x onerror=alert(1)> <b>hi</b>' }] },
    ]);
  });
});

describe('lesson deep links', () => {
  it('round-trips a lesson and step, counting steps from 1 in the URL', () => {
    const hash = formatLessonLink({ lessonId: 'disks-at-scale', stepIndex: 2 });
    expect(hash).toBe('#lesson=disks-at-scale&step=3');
    expect(parseLessonLink(hash)).toEqual({ ok: true, link: { lessonId: 'disks-at-scale', stepIndex: 2 } });
    expect(parseLessonLink('#lesson=disks-at-scale')).toEqual({
      ok: true,
      link: { lessonId: 'disks-at-scale', stepIndex: 0 },
    });
    expect(parseLessonLink('')).toEqual({ ok: true, link: null });
  });

  it('names what is wrong with a bad link', () => {
    expect(parseLessonLink('#lesson=Bad<id>')).toEqual({
      ok: false,
      error: "The lesson link's lesson is not a lesson id.",
    });
    expect(parseLessonLink('#lesson=a&step=0')).toEqual({ ok: false, error: "The lesson link's step counts from 1." });
    expect(parseLessonLink('#lesson=a&step=x')).toEqual({
      ok: false,
      error: "The lesson link's step must be a whole number.",
    });
  });
});

describe('figure formats', () => {
  it('reads naturally', () => {
    expect(formatFigure(42.25, 'ms')).toBe('42.3 ms');
    expect(formatFigure(12_345, 'ms')).toBe('12.3 s');
    expect(formatFigure(0.9995, 'percent')).toBe('99.950%');
    expect(formatFigure(0.5, 'percent')).toBe('50%');
    expect(formatFigure(1204.4, 'count')).toBe('1,204');
    expect(formatFigure(310, 'rps')).toBe('310 req/s');
    expect(formatFigure(70, 'ratio')).toBe('70×');
    expect(formatFigure(72, 'hours')).toBe('3 days');
    expect(formatFigure(Number.NaN, 'ms')).toBe('not measured yet');
  });
});

describe('action matching', () => {
  const topology = {
    nodes: [
      { id: 'app-1', kind: 'app' },
      { id: 'db-1', kind: 'storage' },
    ],
  } as unknown as Topology;

  it('matches by command type, target kind and fields', () => {
    const crashApp = { type: 'crashNode', nodeKind: 'app' } as const;
    expect(matchesAction({ type: 'crashNode', nodeId: 'app-1' }, crashApp, topology)).toBe(true);
    expect(matchesAction({ type: 'crashNode', nodeId: 'db-1' }, crashApp, topology)).toBe(false);
    expect(matchesAction({ type: 'restartNode', nodeId: 'app-1' }, crashApp, topology)).toBe(false);
    const hcOff = { type: 'setPolicy', fields: { policy: { healthChecks: false } } };
    expect(matchesAction({ type: 'setPolicy', policy: { healthChecks: false } }, hcOff, topology)).toBe(true);
    expect(matchesAction({ type: 'setPolicy', policy: { healthChecks: true } }, hcOff, topology)).toBe(false);
    expect(matchesAction({ type: 'setPolicy', policy: { timeoutMs: 5 } }, hcOff, topology)).toBe(false);
  });
});

describe('share above a threshold', () => {
  it('interpolates inside log-spaced bins', () => {
    const bins = [1, 2, 4, 8].map((upper) => [upper, 10] as const);
    expect(shareAbove(bins, 4)).toBeCloseTo(0.25, 6);
    expect(shareAbove(bins, 2 * Math.SQRT2)).toBeCloseTo(0.375, 6);
    expect(shareAbove(bins, 100)).toBe(0);
    expect(shareAbove([], 1)).toBeNaN();
  });
});

describe('lesson scenarios', () => {
  it('merge edits into a built-in scenario and validate the result', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, d: [1] }, { a: { b: 3 }, d: [2] })).toEqual({ a: { b: 3, c: 2 }, d: [2] });
    // null removes a key, so an edit can switch a distribution's kind.
    expect(
      mergePatch(
        { t: { dist: 'lognormal', medianMs: 8, sigma: 1 } },
        { t: { dist: 'constant', meanMs: 8, medianMs: null, sigma: null } },
      ),
    ).toEqual({
      t: { dist: 'constant', meanMs: 8 },
    });
    const s = lessonScenario('default', { policy: { replicationFactor: 1, writeQuorum: 1, readQuorum: 1 } });
    expect(s.policy.replicationFactor).toBe(1);
    expect(s.appServers).toEqual(getBuiltInScenario('default')?.appServers);
    expect(() => lessonScenario('default', { policy: { writeQuorum: 9 } })).toThrow(/policy.writeQuorum/);
    expect(() => lessonScenario('nope')).toThrow(/unknown built-in scenario "nope"/);
  });
});
