// The top chart's marks as buttons, for keyboards, pointers and screen readers: one Tab stop (a
// toolbar; the arrow keys move between marks). Hovering or focusing a mark shows what it was; a
// merged mark lists its marks. Each mark, and each line of a list, opens its event-log line.
import { useRef, useState, type KeyboardEvent } from 'react';
import { showEventLine } from '../eventlog/showEventLine';
import { KIND_WORDS } from '../metrics/eventKinds';
import { formatSeconds } from '../metrics/format';
import { CAUSE_WORDS, type ChartMark } from './chartMarks';
import { markerPath } from './FaultMarks';
import { countText, listLines, type GroupKind, type ListLine, type MarkGroup } from './markLayout';

interface MarkerStripProps {
  readonly groups: readonly MarkGroup[];
  /** The plot's left edge and top edge inside the chart's frame, in pixels. */
  readonly left: number;
  readonly top: number;
  readonly frameWidth: number;
}

const BUTTON_PX = 16;
const POPUP_PX = 300;

const span = (fromMs: number, toMs: number) =>
  fromMs === toMs ? `at ${formatSeconds(fromMs)}` : `from ${formatSeconds(fromMs)} to ${formatSeconds(toMs)}`;

function markName(m: ChartMark): string {
  return `${KIND_WORDS[m.kind]}: ${m.text} ${span(m.timeMs, m.timeMs)}, ${CAUSE_WORDS[m.cause]}. Show in the event log`;
}

function groupName(g: MarkGroup): string {
  const first = g.marks[0] as ChartMark;
  const last = g.marks[g.marks.length - 1] as ChartMark;
  return `${countText(g.marks.length, g.kind)} ${span(first.timeMs, last.timeMs)}`;
}

export function MarkShape({ kind }: { readonly kind: GroupKind }) {
  return (
    <svg className={`chart-mark chart-mark-${kind}`} width={12} height={13} viewBox="-6 -13 12 13" aria-hidden="true">
      <path d={markerPath(kind, 0)} />
    </svg>
  );
}

function LineButton({ line }: { readonly line: ListLine }) {
  const [from, to] = [formatSeconds(line.timeMs), formatSeconds(line.lastTimeMs)];
  const when = from === to ? from : `${from}–${to}`;
  return (
    <button type="button" className="chart-marker-line" data-seq={line.seq} onClick={() => showEventLine(line.seq)}>
      <span className="chart-marker-time">{when}</span> <MarkShape kind={line.kind} />
      <span>
        <span className="visually-hidden">{KIND_WORDS[line.kind]}: </span>
        {line.text} <span className="chart-marker-cause">({CAUSE_WORDS[line.cause]})</span>
      </span>
    </button>
  );
}

function MarkList({ group, id }: { readonly group: MarkGroup; readonly id: string }) {
  const { lines, more } = listLines(group.marks);
  return (
    <div className="chart-marker-popup" id={id} role="group" aria-label={groupName(group)}>
      <p className="chart-marker-heading">{groupName(group)}</p>
      <ul>
        {lines.map((line) => (
          <li key={line.seq}>
            <LineButton line={line} />
          </li>
        ))}
      </ul>
      {more > 0 && <p className="chart-marker-more">and {more} more in the event log</p>}
    </div>
  );
}

export function MarkerStrip({ groups, left, top, frameWidth }: MarkerStripProps) {
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  const [activeSeq, setActiveSeq] = useState<number | null>(null);
  const strip = useRef<HTMLDivElement>(null);
  if (groups.length === 0) return null;
  const seqOf = (g: MarkGroup) => (g.marks[0] as ChartMark).seq;
  // The roving Tab stop: the mark last focused, or the newest.
  const active = groups.some((g) => seqOf(g) === activeSeq) ? activeSeq : seqOf(groups[groups.length - 1] as MarkGroup);

  const buttons = () => [...(strip.current?.querySelectorAll<HTMLButtonElement>('.chart-marker-button') ?? [])];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = buttons();
    const at = all.findIndex((b) => b.contains(document.activeElement));
    if (e.key === 'Escape' && openSeq !== null) {
      e.preventDefault();
      e.currentTarget.querySelector<HTMLButtonElement>(`[data-seq="${openSeq}"]`)?.focus();
      return setOpenSeq(null);
    }
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: all.length - 1 }[e.key];
    if (to === undefined || at < 0) return;
    e.preventDefault();
    all[Math.max(0, Math.min(all.length - 1, to))]?.focus();
  };

  return (
    <div className="chart-marker-strip" role="toolbar" aria-label="Marked events" ref={strip} onKeyDown={onKeyDown}>
      {groups.map((g) => {
        const seq = seqOf(g);
        const single = g.marks.length === 1 ? (g.marks[0] as ChartMark) : null;
        const open = openSeq === seq;
        const popupId = `chart-marker-${seq}`;
        return (
          <div
            key={seq}
            className="chart-marker"
            onMouseEnter={() => setOpenSeq(seq)}
            onMouseLeave={(e) => {
              if (!e.currentTarget.contains(document.activeElement)) setOpenSeq((o) => (o === seq ? null : o));
            }}
            onFocus={() => {
              setOpenSeq(seq);
              setActiveSeq(seq);
            }}
            onBlur={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget)) setOpenSeq((o) => (o === seq ? null : o));
            }}
          >
            <button
              type="button"
              className="chart-marker-button"
              data-seq={seq}
              tabIndex={seq === active ? 0 : -1}
              style={{ left: left + g.x - BUTTON_PX / 2, top: top - 14 }}
              aria-label={single ? markName(single) : groupName(g)}
              aria-expanded={single ? undefined : open}
              aria-controls={single || !open ? undefined : popupId}
              onClick={(e) => {
                if (single) return showEventLine(single.seq);
                // A merged mark's list is already open (hover or focus): take the keyboard into it.
                const marker = e.currentTarget.parentElement;
                setOpenSeq(seq);
                requestAnimationFrame(() => marker?.querySelector<HTMLButtonElement>('.chart-marker-line')?.focus());
              }}
            />
            {open && (
              <div
                className="chart-marker-anchor"
                style={{ left: Math.max(0, Math.min(frameWidth - POPUP_PX, left + g.x - 24)), top: top + 2 }}
              >
                {single ? (
                  <p className="chart-marker-popup chart-marker-tip" aria-hidden="true">
                    {formatSeconds(single.timeMs)} <MarkShape kind={single.kind} /> {single.text} (
                    {CAUSE_WORDS[single.cause]})<span className="chart-marker-detail">{single.detail}</span>
                    <span className="chart-marker-hint">Click to see it in the event log</span>
                  </p>
                ) : (
                  <MarkList group={g} id={popupId} />
                )}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
