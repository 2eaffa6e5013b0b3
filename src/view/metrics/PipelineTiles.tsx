// The data pipeline's figures in the headline (issue 15): one slim row of three cells, one per part
// the run has, so the rail's tab panel keeps its room at 1280×720: the log (append rate over the
// window), the consumers (how far the group furthest behind is) and the search index (how stale it
// is). Each cell's label opens the rest below the row: lost and missed events and the log's policy;
// each group's lag in events and seconds, delays from the write, duplicates and skipped events; the
// searches that missed a write, search times, failures and rebuilds. Bad news is said in words (⚠
// and the figure) as well as by the cell's border.
import { useId, useState } from 'react';
import { ValueText } from './Figure';
import { Cell, Warning, type Part } from './PipelineCell';
import { formatCount } from './format';
import { GroupMore, IndexMore, LogMore } from './PipelineMore';
import {
  formatEventRate,
  formatLagSeconds,
  furthestBehind,
  type GroupSnapshot,
  type IndexFigures,
  type LogFigures,
  type PipelineFigures,
} from './pipelineFigures';
import { formatHitShare } from './tierFigures';
import './pipelineTiles.css';

function logPart(f: LogFigures): Part {
  const { acknowledgedLost, changesMissed } = f.log;
  return {
    id: 'log',
    label: 'Log',
    heading: 'Log',
    title: `Log: events appended per second over the ${f.label}`,
    line: (
      <>
        <ValueText metric="log-append-rate" text={formatEventRate(f.appendPerS)} />
        {acknowledgedLost > 0 && <Warning metric="log-lost-line" text={`${formatCount(acknowledgedLost)} lost`} />}
        {changesMissed > 0 && <Warning metric="log-missed-line" text={`${formatCount(changesMissed)} missed`} />}
      </>
    ),
    more: <LogMore f={f} />,
    warn: acknowledgedLost > 0 || changesMissed > 0 || f.log.leaderless > 0,
  };
}

function consumersPart(groups: readonly GroupSnapshot[]): Part {
  const worst = furthestBehind(groups);
  const rebalancing = groups.filter((g) => g.rebalancing).length;
  return {
    id: 'consumers',
    label: 'Consumer lag',
    heading: 'Consumers',
    title: 'Consumers: how far the group furthest behind is now',
    line: (
      <>
        <span className="metric-tier-word">{worst.name} </span>
        <ValueText metric="consumer-lag-furthest" text={formatLagSeconds(worst.lagSeconds)} />
        {rebalancing > 0 && <Warning metric="consumers-rebalancing" text="rebalancing" />}
      </>
    ),
    more: (
      <>
        <span className="metric-pipeline-sentence">
          Lag: events in the log a group has not processed, and how long the oldest has waited. Delays, duplicates and
          skipped events count the whole run.
        </span>
        {groups.map((g) => (
          <GroupMore key={g.name} g={g} />
        ))}
      </>
    ),
    warn: rebalancing > 0 || groups.some((g) => g.consumers === 0),
  };
}

function indexPart(f: IndexFigures): Part {
  return {
    id: 'index',
    label: 'Search index',
    heading: 'Search index',
    title: 'Search index: how far behind the database it is now',
    line: (
      <>
        <ValueText metric="index-staleness-seconds" text={formatLagSeconds(f.index.stalenessSeconds)} />
        <span className="metric-tier-word"> stale</span>
        {f.rebuilding > 0 && <Warning metric="index-rebuilding" text={`${f.rebuilding} rebuilding`} />}
      </>
    ),
    more: <IndexMore f={f} share={f.missedShare === null ? null : formatHitShare(f.missedShare)} />,
    warn: f.rebuilding > 0,
  };
}

export function PipelineTiles({ p }: { readonly p: PipelineFigures }) {
  const [open, setOpen] = useState<ReadonlySet<Part['id']>>(new Set());
  const id = useId();
  const parts: Part[] = [];
  if (p.log) parts.push(logPart(p.log));
  if (p.groups.length > 0) parts.push(consumersPart(p.groups));
  if (p.index) parts.push(indexPart(p.index));
  if (parts.length === 0) return null;
  const toggle = (part: Part['id']) => {
    const next = new Set(open);
    if (!next.delete(part)) next.add(part);
    setOpen(next);
  };
  return (
    <div className="metric-tile metric-tile-tier metric-tile-pipeline">
      <dt className="visually-hidden">Data pipeline</dt>
      <dd className="metric-pipeline-body">
        <div className={`metric-pipeline-cells metric-pipeline-cells-${parts.length}`}>
          {parts.map((part) => (
            <Cell
              key={part.id}
              part={part}
              open={open.has(part.id)}
              moreId={`${id}-${part.id}`}
              onToggle={() => toggle(part.id)}
            />
          ))}
        </div>
        {parts.map((part) => (
          <div
            key={part.id}
            className="metric-note metric-tier-more metric-pipeline-more"
            id={`${id}-${part.id}`}
            hidden={!open.has(part.id)}
          >
            <strong className="metric-pipeline-more-title">{part.heading}</strong>
            {part.more}
          </div>
        ))}
      </dd>
    </div>
  );
}
