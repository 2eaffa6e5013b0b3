// Answers showEventLine(seq): clears the filters if they hide the line, opens the group that
// folds it, then scrolls to it, focuses it and highlights it. An event older than the log keeps
// gets a note instead of a silent nothing.
import { useEffect, useRef, useState } from 'react';
import { filterLines, NO_FILTER, type LogFilter } from './filterLines';
import { groupLines } from './groupLines';
import type { LogLine } from './logLines';
import { eventLineId, onShowEventLine } from './showEventLine';

interface Reveal {
  readonly lines: readonly LogLine[];
  readonly filter: LogFilter;
  readonly setFilter: (f: LogFilter) => void;
  readonly expand: (key: string) => void;
}

/** A request to show a line; `n` tells two requests for the same line apart. */
interface Request {
  readonly seq: number;
  readonly n: number;
}

export function useRevealLine({ lines, filter, setFilter, expand }: Reveal) {
  const [request, setRequest] = useState<Request | null>(null);
  const [missing, setMissing] = useState<number | null>(null);
  const toFocus = useRef<number | null>(null);

  useEffect(
    () =>
      onShowEventLine((seq) => {
        setMissing(null);
        if (!lines.some((l) => l.seq === seq)) return setMissing(seq);
        const visible = filterLines(lines, filter).some((l) => l.seq === seq);
        const nextFilter = visible ? filter : NO_FILTER;
        if (!visible) setFilter(NO_FILTER);
        for (const row of groupLines(filterLines(lines, nextFilter)))
          if ('group' in row && row.group.lines.some((l) => l.seq === seq)) expand(row.group.key);
        toFocus.current = seq;
        setRequest((r) => ({ seq, n: (r?.n ?? 0) + 1 }));
      }),
    [lines, filter, setFilter, expand],
  );

  // After the render that shows the line: only the DOM is touched here.
  useEffect(() => {
    if (toFocus.current === null) return;
    const line = document.getElementById(eventLineId(toFocus.current));
    if (!line) return;
    toFocus.current = null;
    line.scrollIntoView({ block: 'nearest' });
    line.focus();
  });

  return { highlighted: request?.seq ?? null, missing, dismissMissing: () => setMissing(null) };
}
