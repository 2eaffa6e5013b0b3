// The headline's figures for the optional tiers, each a full-width tile of a few numbers like the
// latency tile: the cache (hit ratio over the chosen window with the whole run's beside it, stale
// reads, storage operations per second, keys held) and scaling (app servers serving, the machines'
// cost by tier). Drawn only when the scenario has the tier.
import { useApp } from '../../store/context';
import type { AppState } from '../../store/appStore';
import { selectShownFrame, selectShownWindows } from '../../store/selectors';
import { ValueText } from './Figure';
import { NO_VALUE, formatCount } from './format';
import {
  cacheFiguresOf,
  formatHitShare,
  formatMachineSeconds,
  scalingFiguresOf,
  type CacheFigures,
  type ScalingFigures,
} from './tierFigures';
import { useFigureWindow } from './useWindowFigures';
import './tierFigures.css';

const selectMostAppServers = (s: AppState) => s.scenario.scaling?.maxAppServers ?? s.scenario.appServers.count;

function Item({ label, metric, text }: { readonly label: string; readonly metric: string; readonly text: string }) {
  return (
    <span className="metric-tier-item">
      <span className="metric-latency-label">{label}</span>
      <ValueText metric={metric} text={text} />
    </span>
  );
}

function hitNote(c: CacheFigures): string {
  if (c.wholeRunHitShare === null) return 'No lookups yet.';
  if (c.hitShare === null) return `No lookups in the ${c.label}; whole run ${formatHitShare(c.wholeRunHitShare)}.`;
  return c.label === 'whole run'
    ? `${formatCount(c.lookups)} lookups.`
    : `Whole run ${formatHitShare(c.wholeRunHitShare)}.`;
}

function CacheTile({ c }: { readonly c: CacheFigures }) {
  return (
    <div className="metric-tile metric-tile-tier metric-tile-cache">
      <dt className="metric-label">Cache and storage, {c.label}</dt>
      <dd className="metric-body">
        <span className="metric-tier-row">
          <Item
            label="hit ratio"
            metric="cache-hit-ratio"
            text={c.hitShare === null ? NO_VALUE : formatHitShare(c.hitShare)}
          />
          <Item label="stale reads" metric="stale-reads" text={formatCount(c.staleReads)} />
          <Item label="storage" metric="storage-ops" text={`${Math.round(c.storageOpsPerS)} ops/s`} />
          <Item label="keys now" metric="keys-held" text={formatCount(c.keysHeld)} />
        </span>
        <span className="metric-note" data-metric="cache-hit-note">
          {hitNote(c)}
        </span>
      </dd>
    </div>
  );
}

function ScalingTile({ s }: { readonly s: ScalingFigures }) {
  return (
    <div className="metric-tile metric-tile-tier metric-tile-scaling">
      <dt className="metric-label">App servers and cost</dt>
      <dd className="metric-body">
        <span className="metric-tier-row">
          <Item label="serving now" metric="app-servers-serving" text={formatCount(s.appServersServing)} />
          <Item label="cost, whole run" metric="machine-seconds" text={formatMachineSeconds(s.machineSeconds)} />
        </span>
        <span className="metric-note" data-metric="machine-seconds-by-tier">
          {s.byTier.map((t) => `${t.label} ${Math.round(t.seconds)}`).join(' · ')}
          {s.appServersMost !== null && ` · at most ${s.appServersMost} app servers`}
          {s.autoscaler?.lastDecision && ` · autoscaler: ${s.autoscaler.lastDecision}`}
        </span>
      </dd>
    </div>
  );
}

export function TierFigures() {
  const frame = useApp(selectShownFrame);
  const windows = useApp(selectShownWindows);
  const most = useApp(selectMostAppServers);
  const [window] = useFigureWindow();
  const cache = cacheFiguresOf(frame, windows, window);
  const scaling = scalingFiguresOf(frame, windows, most);
  return (
    <>
      {cache && <CacheTile c={cache} />}
      {scaling && <ScalingTile s={scaling} />}
    </>
  );
}
