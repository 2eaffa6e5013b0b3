// The event log's lines: the run's notable events in plain words, with what the filters need
// (kind, cause, the nodes a line is about), merged with the steps of a running lesson.
import type { NotableEvent } from '../../sim/index';
import { lineKindOf, type LineKind } from '../metrics/eventKinds';
import { describeEvent } from '../../share/words/describeEvent';
import { pipelineDisk } from '../../share/words/pipelineWords';

type EventCause = NotableEvent['cause'];

export interface LogLine {
  /** Stable across renders: `e<seq>` for an event, `lesson:<mark>` for a lesson step. */
  readonly key: string;
  /** The event's seq (its log line's name); null for a lesson step's line. */
  readonly seq: number | null;
  readonly timeMs: number;
  readonly kind: LineKind;
  readonly cause: EventCause | 'lesson';
  /** The nodes (or racks, links' ends, "clients", "cluster") the line is about. */
  readonly nodes: readonly string[];
  readonly text: string;
  readonly type: string;
  readonly detail: string;
}

const LINK_TYPES = new Set(['linkPartitioned', 'linkHealed', 'linkLossSet', 'linkLatencySet']);
const LIST_TYPES = new Set(['groupPartitioned', 'configRolledOut']);

/** The nodes an event is about, read from its target (or, for a rebuilt copy, its detail). */
export function nodesOf(e: Pick<NotableEvent, 'type' | 'target' | 'detail'>): readonly string[] {
  if (LINK_TYPES.has(e.type)) return e.target.split('~');
  if (LIST_TYPES.has(e.type)) return e.target.split(', ');
  if (e.type === 'replicaRebuilt') {
    const node = / on (\S+) disk \d+$/.exec(e.detail)?.[1];
    return node ? [node] : [];
  }
  if (e.type === 'commandSkipped') return []; // its target is a command's type
  // A broker's or index node's disk is named "broker-1/disk-0": the line is about the node.
  const disk = e.type === 'diskFailed' || e.type === 'diskReplaced' ? pipelineDisk(e.target) : null;
  if (disk !== null) return [disk[0]];
  return [e.target];
}

export function lineOf(e: NotableEvent): LogLine {
  return {
    key: `e${e.seq}`,
    seq: e.seq,
    timeMs: e.timeMs,
    kind: lineKindOf(e),
    cause: e.cause,
    nodes: nodesOf(e),
    text: describeEvent(e),
    type: e.type,
    detail: e.detail,
  };
}

/** A lesson step's moment: when it began, or when the learner did its action. */
export interface LessonMoment {
  readonly mark: string;
  readonly timeMs: number;
  readonly text: string;
}

export function lessonLineOf(m: LessonMoment): LogLine {
  return {
    key: `lesson:${m.mark}`,
    seq: null,
    timeMs: m.timeMs,
    kind: 'lesson',
    cause: 'lesson',
    nodes: [],
    text: m.text,
    type: 'lessonStep',
    detail: m.mark,
  };
}

/**
 * Events (newest first, as the store keeps them) and lesson moments as one list, newest first.
 * A lesson moment at the same time as an event sorts before it in time (the step began, then
 * things happened), so after it in this newest-first list.
 */
export function mergeLines(events: readonly NotableEvent[], lesson: readonly LessonMoment[]): LogLine[] {
  const lines = events.map(lineOf);
  if (lesson.length === 0) return lines;
  const moments = [...lesson].sort((a, b) => b.timeMs - a.timeMs).map(lessonLineOf);
  const merged: LogLine[] = [];
  let m = 0;
  for (const line of lines) {
    while (m < moments.length && (moments[m] as LogLine).timeMs > line.timeMs) merged.push(moments[m++] as LogLine);
    merged.push(line);
  }
  return merged.concat(moments.slice(m));
}

/** Every node or target the lines mention, natural order ("app-2" before "app-10"). */
export function subjectsOf(lines: readonly LogLine[]): string[] {
  const all = new Set<string>();
  for (const line of lines) for (const node of line.nodes) all.add(node);
  return [...all].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
