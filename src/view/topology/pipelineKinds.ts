// The data pipeline's kinds of node (broker, consumer, index node) described once: what a card,
// the accessible name and the inspector say about each, read from frame.pipeline.nodes. The
// card, the name and the inspector all draw from here, so a new kind is one more entry.
import type { Frame } from '../../sim/index';
import type { PipelineKind } from './layoutPipeline';

type PipelineNodeSnapshot = NonNullable<Frame['pipeline']>['nodes'][number];
type GroupSnapshot = NonNullable<Frame['pipeline']>['groups'][number];

/** One pipeline node's facts, plain and rounded (a progress bar to 5%), so unchanged facts compare equal. */
export type PipelineFacts = Pick<
  PipelineNodeSnapshot,
  'diskFailed' | 'leaders' | 'replicas' | 'group' | 'partitionsOwned' | 'busy' | 'recovering' | 'recoveredShare'
>;

export function pipelineFactsOf(frame: Frame, index: number): PipelineFacts | null {
  const nodes = frame.pipeline?.nodes;
  const first = nodes?.[0]?.node;
  if (!nodes || first === undefined) return null;
  const n = nodes[index - first];
  if (!n || n.node !== index) return null;
  return {
    diskFailed: n.diskFailed,
    leaders: n.leaders,
    replicas: n.replicas,
    group: n.group,
    partitionsOwned: n.partitionsOwned,
    busy: n.busy,
    recovering: n.recovering,
    recoveredShare: Math.floor(n.recoveredShare * 20) / 20,
  };
}

export function sameFacts(a: PipelineFacts | null, b: PipelineFacts | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.diskFailed === b.diskFailed &&
    a.leaders === b.leaders &&
    a.replicas === b.replicas &&
    a.partitionsOwned === b.partitionsOwned &&
    a.busy === b.busy &&
    a.recovering === b.recovering &&
    a.recoveredShare === b.recoveredShare
  );
}

/** Where an index node's rebuild or copy reads from, in words. */
export const RECOVERY_WORDS: Record<NonNullable<PipelineFacts['recovering']>, string> = {
  log: 'rebuilding from the log',
  snapshot: 'loading a snapshot',
  peer: 'copying from a replica',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export type Figure = readonly [label: string, value: string];

export interface PipelineKindDescription {
  /** The card's two lines of facts under its id. */
  lines(facts: PipelineFacts, up: boolean): readonly [string, string];
  /** Conditions for badges and the name (besides the status), most urgent first. */
  conditions(facts: PipelineFacts): string[];
  /** Words for the accessible name. */
  spoken(facts: PipelineFacts, up: boolean): string[];
  /** Figures for the inspector. */
  figures(facts: PipelineFacts, frame: Frame): Figure[];
}

function groupOf(frame: Frame, name: string | null): GroupSnapshot | undefined {
  return frame.pipeline?.groups.find((g) => g.name === name);
}

const brokerLines = (f: PipelineFacts) =>
  [`leads ${plural(f.leaders, 'partition')}`, `holds ${plural(f.replicas, 'replica')}`] as const;

const consumerLines = (f: PipelineFacts) =>
  [`owns ${plural(f.partitionsOwned, 'partition')}`, `${plural(f.busy, 'event')} in progress`] as const;

function indexLine(f: PipelineFacts, up: boolean): string {
  if (f.recovering) return RECOVERY_WORDS[f.recovering];
  return up ? 'serving searches' : 'not serving';
}

export const PIPELINE_KINDS: Readonly<Record<PipelineKind, PipelineKindDescription>> = {
  broker: {
    lines: brokerLines,
    conditions: (f) => (f.diskFailed ? ['disk failed'] : []),
    spoken: (f) => [...brokerLines(f), ...(f.diskFailed ? ['disk 0 failed: replace it'] : [])],
    figures: (f) => [
      ['Partitions led', String(f.leaders)],
      ['Replicas held', String(f.replicas)],
      ['Disk 0', f.diskFailed ? 'failed: it holds nothing until replaced' : 'healthy'],
    ],
  },
  consumer: {
    lines: consumerLines,
    conditions: () => [],
    spoken: (f) => [`group ${f.group ?? ''}`, ...consumerLines(f)],
    figures: (f, frame) => {
      const g = groupOf(frame, f.group);
      return [
        ['Group', f.group ?? '—'],
        ['Partitions owned', String(f.partitionsOwned)],
        ['Events in progress', g ? `${f.busy} of ${g.workers}` : String(f.busy)],
        ['Group lag', g ? lagWords(g) : '—'],
        ['Group paused to rebalance', g?.rebalancing ? 'yes' : 'no'],
      ];
    },
  },
  index: {
    lines: (f, up) => [indexLine(f, up), f.recovering ? `${Math.round(f.recoveredShare * 100)}% done` : ''],
    conditions: () => [],
    spoken: (f, up) =>
      f.recovering ? [`${indexLine(f, up)}, ${Math.round(f.recoveredShare * 100)}% done`] : [indexLine(f, up)],
    figures: (f, frame) => {
      const index = frame.pipeline?.index;
      return [
        [
          'Rebuild',
          f.recovering ? `${RECOVERY_WORDS[f.recovering]}, ${Math.round(f.recoveredShare * 100)}% done` : 'none',
        ],
        ['Index behind the database', index ? stalenessWords(index.stalenessSeconds, index.stalenessEvents) : '—'],
      ];
    },
  },
};

/** A group's lag, e.g. "12 events (0.3 s)". */
export function lagWords(g: Pick<GroupSnapshot, 'lagEvents' | 'lagSeconds'>): string {
  return `${plural(Math.round(g.lagEvents), 'event')} (${g.lagSeconds.toFixed(1)} s)`;
}

export function stalenessWords(seconds: number, events: number): string {
  return `${seconds.toFixed(1)} s, ${plural(Math.round(events), 'event')}`;
}

/** The words on a pipeline band: its name, a line of figures, and a flag for a state (rebalancing). */
export interface BandWords {
  readonly title: string;
  readonly note: string;
  readonly flag: string;
}

/** Words on each pipeline band, by band id (the log, a group's name, the index). */
export function bandWordsOf(frame: Frame | null): ReadonlyMap<string, BandWords> {
  const words = new Map<string, BandWords>();
  const p = frame?.pipeline;
  if (!p) return words;
  if (p.log) {
    const trouble = p.log.leaderless > 0 ? `, ${p.log.leaderless} leaderless` : '';
    words.set('log', {
      title: `log “${p.log.topic}”`,
      note: `${plural(p.log.partitions, 'partition')}${trouble}`,
      flag: '',
    });
  }
  for (const g of p.groups)
    words.set(g.name, {
      title: `${g.name} group`,
      note: `lag ${lagWords(g)}`,
      flag: g.rebalancing ? 'rebalancing' : '',
    });
  if (p.index)
    words.set('index', {
      title: 'search index',
      note:
        p.index.mode === 'sync'
          ? 'updated in each write'
          : `${p.index.stalenessSeconds.toFixed(1)} s behind the database`,
      flag: '',
    });
  return words;
}
