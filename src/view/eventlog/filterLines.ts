// The event log's filters: one kind chip (faults, recoveries, changes to policy, load or other
// settings, lesson steps, or automatic events whatever their kind), one node, and words to search
// for in the lines.
import type { LogLine } from './logLines';

export type KindFilter = 'all' | 'fault' | 'recovery' | 'change' | 'lesson' | 'auto';

export interface LogFilter {
  readonly kind: KindFilter;
  /** A node or target from the lines, or '' for every one. */
  readonly node: string;
  readonly search: string;
}

export const NO_FILTER: LogFilter = { kind: 'all', node: '', search: '' };

/** The chips in order, with the words on screen; "what" names the lines in a file name. */
export const KIND_FILTERS: readonly { readonly id: KindFilter; readonly label: string; readonly what: string }[] = [
  { id: 'all', label: 'All', what: '' },
  { id: 'fault', label: 'Faults', what: 'faults' },
  { id: 'recovery', label: 'Recoveries', what: 'recoveries' },
  { id: 'change', label: 'Changes', what: 'changes' },
  { id: 'lesson', label: 'Lesson steps', what: 'lesson' },
  { id: 'auto', label: 'Automatic', what: 'automatic' },
];

export function isFiltered(f: LogFilter): boolean {
  return f.kind !== 'all' || f.node !== '' || f.search.trim() !== '';
}

function kindMatches(line: LogLine, kind: KindFilter): boolean {
  if (kind === 'all') return true;
  if (kind === 'auto') return line.cause === 'auto';
  return line.kind === kind;
}

function restMatches(line: LogLine, f: LogFilter): boolean {
  if (f.node !== '' && !line.nodes.includes(f.node)) return false;
  const words = f.search.trim().toLowerCase();
  return words === '' || line.text.toLowerCase().includes(words);
}

export function filterLines(lines: readonly LogLine[], f: LogFilter): LogLine[] {
  return lines.filter((line) => kindMatches(line, f.kind) && restMatches(line, f));
}

/** How many lines each chip would show, with the node and the search as they are. */
export function kindCounts(lines: readonly LogLine[], f: LogFilter): Readonly<Record<KindFilter, number>> {
  const counts: Record<KindFilter, number> = { all: 0, fault: 0, recovery: 0, change: 0, lesson: 0, auto: 0 };
  for (const line of lines) {
    if (!restMatches(line, f)) continue;
    for (const { id } of KIND_FILTERS) if (kindMatches(line, id)) counts[id]++;
  }
  return counts;
}

/** What an export of the filtered lines holds, for its file name: "events-faults-db-3". */
export function filterWhat(f: LogFilter): string {
  const parts = ['events'];
  const kind = KIND_FILTERS.find((k) => k.id === f.kind)?.what ?? '';
  if (kind !== '') parts.push(kind);
  if (f.node !== '') parts.push(f.node);
  if (f.search.trim() !== '') parts.push('matching', f.search.trim().slice(0, 30));
  return parts.join('-');
}

/** The filters in words, for the export and the "nothing matches" note: "faults, about db-3". */
export function filterWords(f: LogFilter): string {
  const parts: string[] = [];
  const kind = KIND_FILTERS.find((k) => k.id === f.kind);
  if (kind && f.kind !== 'all') parts.push(kind.label.toLowerCase());
  if (f.node !== '') parts.push(`about ${f.node}`);
  if (f.search.trim() !== '') parts.push(`matching "${f.search.trim()}"`);
  return parts.length === 0 ? 'all events' : parts.join(', ');
}
