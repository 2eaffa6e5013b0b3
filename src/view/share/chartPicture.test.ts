// An exported chart stands alone: parsed back, it has its title, a legend entry (with a dash
// pattern) for every line, axes labelled with units, the time range, the marks and a caption
// with the scenario, seed and link. Vitest runs in Node (no DOM), so the test reads the SVG
// text with a small XML reader that also checks it is well formed.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from '../../sim/index';
import { chartPictureSvg, pictureDomain, timeRangeText, type ChartPictureInput } from './chartPicture';
import { groupMarks, markText, MARKS_LISTED, type MarkGroup } from './chartPictureMarks';
import type { ChartKind } from './chartPictureSpecs';

interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Parses our own output: elements, attributes and text; throws on a tag that does not match. */
function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#root', attributes: {}, children: [], text: '' };
  const stack = [root];
  const body = text.replace(/^<\?xml[^>]*\?>\s*/, '');
  for (const m of body.matchAll(/<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g)) {
    const top = stack[stack.length - 1] as XmlElement;
    if (m[5] !== undefined) {
      top.text += unescape(m[5]);
      continue;
    }
    if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[a[1] as string] = unescape(a[2] ?? '');
    const element: XmlElement = { name: m[2] as string, attributes, children: [], text: '' };
    top.children.push(element);
    if (!m[4]) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]?.name}> is never closed`);
  return root.children[0] as XmlElement;
}

function all(element: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  return [...(test(element) ? [element] : []), ...element.children.flatMap((c) => all(c, test))];
}
const part = (svg: XmlElement, name: string) => all(svg, (e) => e.attributes['data-part'] === name);
const textOf = (e: XmlElement): string => [e.text, ...e.children.map(textOf)].join(' ').replace(/\s+/g, ' ').trim();

const LINK = 'https://lab.example/faultline/#x=N4Ig&more';

function run(): ChartPictureInput {
  const scenario = getBuiltInScenario('default') as Scenario;
  const sim = createSimulation(scenario, 7);
  sim.runUntil(12_000);
  sim.apply({ type: 'crashNode', nodeId: 'app-2' });
  sim.runUntil(30_000);
  return {
    kind: 'latency',
    windows: sim.frame(0, -1, 0).newWindows,
    spanS: 120,
    marks: [{ timeMs: 12_000, label: 'Crash node app-2' }],
    slo: scenario.slo,
    scenarioName: scenario.name,
    scenarioId: scenario.id,
    seed: 7,
    atMs: 30_000,
    link: LINK,
  };
}

describe('chart pictures', () => {
  const input = run();
  const parse = (kind: ChartKind, more: Partial<ChartPictureInput> = {}) =>
    parseXml(chartPictureSvg({ ...input, kind, ...more }).text);

  it('have a title, the time range, and a legend naming every line with its dash pattern', () => {
    const svg = parse('latency');
    expect(svg.name).toBe('svg');
    expect(textOf(part(svg, 'title')[0] as XmlElement)).toBe('Latency percentiles');
    expect(textOf(part(svg, 'time-range')[0] as XmlElement)).toContain('t = 0.0–30.0 s');
    const entries = part(svg, 'legend-entry');
    expect(entries.map(textOf)).toEqual([
      'p50 (median)',
      'p95',
      'p99',
      'p99.9',
      'server work (mean)',
      `p99 target ${input.slo.latencyMsP99} ms`,
      'fault, recovery or change (numbered, listed below)',
    ]);
    const dashes = entries.map((e) => all(e, (c) => c.name === 'line')[0]?.attributes['stroke-dasharray'] ?? '');
    // Lines differ by dash pattern, not colour only: no two dashed entries share a pattern.
    const dashed = dashes.filter((d) => d !== '');
    expect(dashed.length).toBeGreaterThanOrEqual(4);
    expect(new Set(dashed.slice(0, 3)).size).toBe(3);
  });

  it.each([
    ['latency', 'Latency (ms)'],
    ['throughput', 'Requests per second'],
    ['availability', 'Availability (%)'],
  ] as const)('label the %s chart’s axes with units', (kind, yLabel) => {
    const svg = parse(kind);
    expect(textOf(part(svg, 'y-label')[0] as XmlElement)).toBe(yLabel);
    expect(textOf(part(svg, 'x-label')[0] as XmlElement)).toBe('Simulated time (s)');
    expect(all(part(svg, 'x-axis')[0] as XmlElement, (e) => e.name === 'text').length).toBeGreaterThan(3);
    expect(all(part(svg, 'series')[0] as XmlElement, (e) => e.name === 'path').length).toBeGreaterThan(0);
  });

  it('keep the fault marks, numbered on the plot and listed with their time', () => {
    const svg = parse('throughput');
    expect(part(svg, 'mark')).toHaveLength(1);
    expect(textOf(part(svg, 'marks-list')[0] as XmlElement)).toBe('1 t = 12.0 s: Crash node app-2');
    const apart = Array.from({ length: 20 }, (_, i) => ({ timeMs: 1000 + i * 1000, label: `Fault ${i}` }));
    const bunched = Array.from({ length: 5 }, (_, i) => ({ timeMs: 25_000 + i * 100, label: `Repair ${i}` }));
    const many = [...apart, ...bunched];
    const crowded = parse('latency', { marks: many });
    // Marks too close to tell apart share a number; the list ends by saying how many it left out.
    expect(part(crowded, 'mark')).toHaveLength(21);
    const list = all(part(crowded, 'marks-list')[0] as XmlElement, (e) => e.name === 'text').map(textOf);
    expect(list[list.length - 1]).toMatch(/^… and \d+ more, listed in the lab's event log$/);
    expect(list.filter((t) => /^\d+$/.test(t))).toHaveLength(MARKS_LISTED);
    const groups = groupMarks(bunched, (s) => s * 30);
    expect(groups).toHaveLength(1);
    expect(markText(groups[0] as MarkGroup)).toBe(
      't = 25.0–25.4 s, 5 marks: Repair 0; Repair 1; Repair 2; Repair 3; Repair 4',
    );
    const same = groupMarks(
      [...bunched, ...bunched].map((m) => ({ ...m, label: 'Disk db-3/1 failed' })),
      (s) => s,
    );
    expect(markText(same[0] as MarkGroup)).toBe('t = 25.0–25.4 s, 10 marks: Disk db-3/1 failed ×10');
  });

  it('carry a caption with the scenario, seed, moment and the experiment’s link', () => {
    const svg = parse('availability');
    const caption = textOf(part(svg, 'caption')[0] as XmlElement);
    expect(caption).toContain('scenario "');
    expect(caption).toContain('(default), seed 7, at t = 30.0 s');
    const anchor = part(svg, 'link')[0] as XmlElement;
    expect(anchor.name).toBe('a');
    expect(anchor.attributes.href).toBe(LINK);
    expect(textOf(anchor).replace(/ /g, '')).toBe(LINK);
    const metadata = all(svg, (e) => e.name === 'experiment')[0];
    expect(metadata?.attributes.href).toBe(LINK);
    expect(all(svg, (e) => e.name === 'title')[0]?.text).toBe('Availability, t = 0.0–30.0 s');
  });

  it('say when a run has no link, and draw an empty chart before the first second', () => {
    const svg = parse('latency', { link: null, windows: [], marks: [] });
    expect(textOf(part(svg, 'caption')[0] as XmlElement)).toContain('too many actions for a link');
    expect(textOf(svg)).toContain('No complete second yet');
    expect(part(svg, 'link')).toHaveLength(0);
  });

  it('cover the span the page shows, cut to the seconds that have data', () => {
    expect(timeRangeText(pictureDomain(input.windows, 120))).toBe('t = 0.0–30.0 s');
    expect(timeRangeText(pictureDomain(input.windows, 10))).toBe('t = 20.0–30.0 s');
  });

  it('are the same for the same run and moment', () => {
    expect(chartPictureSvg(input).text).toBe(chartPictureSvg(run()).text);
  });
});
