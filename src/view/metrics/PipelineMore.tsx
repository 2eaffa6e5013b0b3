// What a pipeline cell's label opens (PipelineTiles.tsx): every figure of the part, each value in
// an element of its own (data-metric) so tests read it, in short sentences a learner reads.
import { formatCount } from './format';
import {
  delayWords,
  formatEventRate,
  formatEvents,
  formatLagSeconds,
  formatMsOrNone,
  retentionWords,
  type GroupSnapshot,
  type IndexFigures,
  type LogFigures,
} from './pipelineFigures';

function Count({ metric, n }: { readonly metric: string; readonly n: number }) {
  return <span data-metric={metric}>{formatCount(n)}</span>;
}

const copies = (n: number) => (n === 1 ? '1 copy' : `${n} copies`);

export function LogMore({ f }: { readonly f: LogFigures }) {
  const log = f.log;
  const acks = log.acks === 'all' ? 'Acks from all in-sync replicas' : 'Acks from the leader only';
  return (
    <>
      <span className="metric-pipeline-sentence">
        {formatEventRate(f.appendPerS)} appended over the {f.label}.
      </span>
      <span className="metric-pipeline-sentence">
        Since the start: <Count metric="log-acknowledged-lost" n={log.acknowledgedLost} /> acknowledged events lost (a
        new leader never had them), <Count metric="log-changes-missed" n={log.changesMissed} /> changes missed (the log
        refused them), <Count metric="log-resent" n={log.resent} /> sent again after an election,{' '}
        <Count metric="log-deleted-by-retention" n={log.deletedByRetention} /> deleted by retention;{' '}
        <Count metric="log-appended" n={log.appended} /> appended,{' '}
        <Count metric="log-events-stored" n={log.eventsStored} /> stored now.
      </span>
      <span className="metric-pipeline-sentence">
        <span data-metric="log-policy">{`${acks}, at least ${log.minInSync} in sync, ${retentionWords(log.retentionMs)}`}</span>
        . {log.partitions} partitions × {copies(log.replicationFactor)} on {log.brokers} brokers;{' '}
        <Count metric="log-leaderless" n={log.leaderless} /> without a leader,{' '}
        <Count metric="log-under-replicated" n={log.underReplicated} /> under-replicated.
      </span>
    </>
  );
}

export function GroupMore({ g }: { readonly g: GroupSnapshot }) {
  const id = g.name;
  return (
    <span className="metric-pipeline-sentence">
      <strong>{g.name}</strong>: <span data-metric={`consumer-lag-events-${id}`}>{formatEvents(g.lagEvents)}</span>,{' '}
      <span data-metric={`consumer-lag-seconds-${id}`}>{formatLagSeconds(g.lagSeconds)}</span> behind
      {g.rebalancing && ', rebalancing'}; {delayWords(g)} p50{' '}
      <span data-metric={`consumer-delay-p50-${id}`}>{formatMsOrNone(g.delayMsP50)}</span>, p99{' '}
      <span data-metric={`consumer-delay-p99-${id}`}>{formatMsOrNone(g.delayMsP99)}</span>;{' '}
      <Count metric={`consumer-duplicates-${id}`} n={g.duplicates} /> duplicates,{' '}
      <Count metric={`consumer-skipped-${id}`} n={g.skipped} /> skipped (deleted before read);{' '}
      <Count metric={`consumer-members-${id}`} n={g.consumers} /> of {g.maxConsumers} consumers, at most{' '}
      {formatEventRate(g.capacityPerSecond)}.
    </span>
  );
}

export function IndexMore({ f, share }: { readonly f: IndexFigures; readonly share: string | null }) {
  const index = f.index;
  const fed =
    index.mode === 'sync'
      ? 'Writes update the index before they are acknowledged: no staleness, slower writes.'
      : 'Fed through the log: as far behind as the indexer.';
  return (
    <>
      <span className="metric-pipeline-sentence">
        <span data-metric="index-staleness-events">{formatEvents(index.stalenessEvents)}</span> behind now.{' '}
        <span data-metric="index-mode">{fed}</span>
      </span>
      <span className="metric-pipeline-sentence">
        Over the {f.label}, <Count metric="searches-missed" n={f.missedWrite} /> of{' '}
        <Count metric="searches-answered" n={f.searches} /> searches (
        <span data-metric="searches-missed-share">{share ?? 'none'}</span>) missed a write acknowledged before they
        began.
      </span>
      <span className="metric-pipeline-sentence">
        Since the start: search p50 <span data-metric="search-ms-p50">{formatMsOrNone(index.searchMsP50)}</span>, p99{' '}
        <span data-metric="search-ms-p99">{formatMsOrNone(index.searchMsP99)}</span>;{' '}
        <Count metric="searches-failed" n={index.searchesFailed} /> failed;{' '}
        <Count metric="index-rebuilds" n={index.rebuilds} /> rebuilds. {index.nodes} nodes, {index.shards} shards of{' '}
        {copies(index.replicas)}.
      </span>
    </>
  );
}
