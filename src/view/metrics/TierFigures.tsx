// The headline's figures for the optional tiers, each a slim full-width tile of one line (so the
// rail's tabs keep their room at 1280×720): the cache (hit ratio over the chosen window and the
// storage operations per second; the whole run's hit ratio, stale reads and keys held a toggle
// away) and scaling (app servers serving, the machines' cost; the cost by tier a toggle away), and
// the data pipeline's log, consumers and search index (PipelineTiles.tsx). Drawn only when the
// scenario has the tier.
import { useApp } from '../../store/context';
import type { AppState } from '../../store/appStore';
import { selectShownFrame, selectShownWindows } from '../../store/selectors';
import { NO_VALUE, formatCount } from './format';
import {
  cacheFiguresOf,
  formatHitShare,
  formatMachineSeconds,
  scalingFiguresOf,
  type CacheFigures,
  type ScalingFigures,
} from './tierFigures';
import { PipelineTiles } from './PipelineTiles';
import { pipelineFiguresOf } from './pipelineFigures';
import { Item, TierTile } from './TierTile';
import { useFigureWindow } from './useWindowFigures';
import './tierFigures.css';

const selectMostAppServers = (s: AppState) => s.scenario.scaling?.maxAppServers ?? s.scenario.appServers.count;

function hitNote(c: CacheFigures): string {
  if (c.wholeRunHitShare === null) return 'No lookups yet.';
  if (c.hitShare === null) return `No lookups in the ${c.label}; whole run ${formatHitShare(c.wholeRunHitShare)}.`;
  return c.label === 'whole run'
    ? `${formatCount(c.lookups)} lookups.`
    : `Whole run ${formatHitShare(c.wholeRunHitShare)}.`;
}

function CacheTile({ c }: { readonly c: CacheFigures }) {
  const line = (
    <>
      <Item metric="cache-hit-ratio" text={c.hitShare === null ? NO_VALUE : formatHitShare(c.hitShare)} after="hits" />
      <Item metric="storage-ops" text={`${Math.round(c.storageOpsPerS)} ops/s`} before="storage" />
    </>
  );
  const more = (
    <>
      <span data-metric="cache-hit-note">{hitNote(c)}</span> Stale reads (older than the newest acknowledged write of
      their key): <span data-metric="stale-reads">{formatCount(c.staleReads)}</span>. Keys held now:{' '}
      <span data-metric="keys-held">{formatCount(c.keysHeld)}</span>.
    </>
  );
  return <TierTile tier="cache" label={`Cache, ${c.label}`} line={line} more={more} />;
}

function ScalingTile({ s }: { readonly s: ScalingFigures }) {
  const line = (
    <>
      <Item metric="app-servers-serving" text={formatCount(s.appServersServing)} after="app servers" />
      <Item metric="machine-seconds" text={formatMachineSeconds(s.machineSeconds)} after="so far" />
    </>
  );
  const more = (
    <>
      Machine-seconds by tier:{' '}
      <span data-metric="machine-seconds-by-tier">
        {s.byTier.map((t) => `${t.label} ${Math.round(t.seconds)}`).join(' · ')}
      </span>
      {s.appServersMost !== null && `; at most ${s.appServersMost} app servers`}
      {s.autoscaler?.lastDecision && `; autoscaler: ${s.autoscaler.lastDecision}`}.
    </>
  );
  return <TierTile tier="scaling" label="Scale and cost" line={line} more={more} />;
}

export function TierFigures() {
  const frame = useApp(selectShownFrame);
  const windows = useApp(selectShownWindows);
  const most = useApp(selectMostAppServers);
  const [window] = useFigureWindow();
  const cache = cacheFiguresOf(frame, windows, window);
  const scaling = scalingFiguresOf(frame, windows, most);
  const pipeline = pipelineFiguresOf(frame, windows, window);
  return (
    <>
      {cache && <CacheTile c={cache} />}
      {scaling && <ScalingTile s={scaling} />}
      {pipeline && <PipelineTiles p={pipeline} />}
    </>
  );
}
