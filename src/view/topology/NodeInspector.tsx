// Live figures of the node (or link) last clicked in the cluster picture, updated every frame.
import type { Frame, LinkFrame, Topology } from '../../sim/index';
import { useApp } from '../../store/context';
import { selectInspected, selectLinks, selectShownFrame, selectTopology } from '../../store/selectors';
import { formatFactor, KIND_WORD, nodeViewOf, diskOffsets, type NodeView } from './nodeState';
import { isPipelineKind } from './layoutPipeline';
import { linkViewOf, percent } from './linkState';
import { PIPELINE_KINDS } from './pipelineKinds';
import './inspector.css';

type Figure = readonly [label: string, value: string];

function Figures({ figures }: { figures: readonly Figure[] }) {
  return (
    <dl className="inspector-figures">
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** Issue 14: starting or draining, bigger machines, and a cache node's keys, its own hits and the tier's. */
function tierFigures(topology: Topology, frame: Frame, index: number, view: NodeView): Figure[] {
  const figures: Figure[] = [];
  if (view.status === 'starting')
    figures.push([
      'Starting',
      `yes: serves ${topology.scaling ? `${topology.scaling.provisioningMs / 1000} s after it was added` : 'soon'}`,
    ]);
  if (view.draining) figures.push(['Draining', 'yes: no new requests; removed once it finishes the ones it holds']);
  if (view.speed !== 1) figures.push(['Machine', `${formatFactor(view.speed)}× as fast as at the start`]);
  if (topology.nodes[index]?.kind !== 'cache') return figures;
  const most = topology.cache?.keysPerNode;
  const keys = view.cacheKeys.toLocaleString('en-US');
  figures.push([
    'Keys held',
    most ? `${keys} of ${most.toLocaleString('en-US')} (${percent(view.cacheKeys / most)})` : keys,
  ]);
  figures.push([
    'Hit share, this node, last second',
    view.cacheHitShare === null ? 'no lookups' : percent(view.cacheHitShare),
  ]);
  const share = frame.cache?.hitShare;
  figures.push([
    'Hit share, whole cache tier',
    share === null || share === undefined ? 'no lookups yet' : percent(share),
  ]);
  return figures;
}

function NodeFigures({ topology, frame, index }: { topology: Topology; frame: Frame; index: number }) {
  const node = topology.nodes[index];
  if (!node) return null;
  const offset = diskOffsets(topology)[index] ?? -1;
  const view = nodeViewOf(topology, frame, index, offset);
  const heading = `${node.id}, ${KIND_WORD[node.kind]}`;
  if (node.kind === 'clients') {
    const rate = Math.round(frame.load.rateRps * frame.loadMultiplier).toLocaleString('en-US');
    return (
      <>
        <h3 className="inspector-heading">{heading}</h3>
        <Figures
          figures={[
            ['Offered load', `${rate} requests/s`],
            ['Reads', percent(frame.load.readShare)],
            ['Fan-out', String(frame.load.fanOut)],
          ]}
        />
      </>
    );
  }
  const figures: Figure[] = [
    ['Status', view.status],
    ['Rack', node.rack],
    ['Slow factor', view.slowFactor > 1 ? `${formatFactor(view.slowFactor)}x slower` : 'normal speed'],
    ['Partition side', view.side === 0 ? 'main (0)' : `cut off (${view.side})`],
  ];
  if (node.kind === 'app') {
    figures.push(
      ['Utilization', percent(frame.nodeUtilization[index] ?? 0)],
      ['Busy workers', `${frame.nodeBusy[index] ?? 0} of ${topology.workers}`],
      ['Queue length', `${view.queue} of ${frame.policy.queueLimit}`],
      ['In rotation', yesNo(view.inRotation)],
      ['Bad config', yesNo(view.badConfig)],
    );
  }
  figures.push(...tierFigures(topology, frame, index, view));
  if (view.pipeline && isPipelineKind(node.kind))
    figures.push(...PIPELINE_KINDS[node.kind].figures(view.pipeline, frame));
  const capacity = node.kind === 'storage' ? topology.storageCapacity : null;
  if (capacity) {
    figures.push(
      ['Busy disk slots', `${frame.nodeBusy[index] ?? 0} of ${capacity.slots}`],
      ['Queue length', `${view.queue} of ${capacity.queueLimit}`],
    );
  }
  return (
    <>
      <h3 className="inspector-heading">{heading}</h3>
      <Figures figures={figures} />
      {offset >= 0 && (
        <ul className="inspector-disks" aria-label="Disks">
          {[...view.disks].map((code, disk) => {
            const replicas = frame.diskReplicas[offset + disk] ?? 0;
            const rebuilding = frame.diskRebuilding[offset + disk] ?? 0;
            const state =
              code === 'f'
                ? 'failed'
                : `healthy, ${replicas} replicas${rebuilding > 0 ? `, ${rebuilding} being rebuilt onto it` : ''}`;
            return <li key={disk}>{`Disk ${disk}: ${state}`}</li>;
          })}
        </ul>
      )}
    </>
  );
}

function LinkFigures({
  topology,
  frame,
  links,
  index,
}: {
  topology: Topology;
  frame: Frame;
  links: LinkFrame | null;
  index: number;
}) {
  const link = topology.links[index];
  if (!link) return null;
  const view = linkViewOf(links, index);
  const sent = frame.linkSent?.[index];
  const dropped = frame.linkDropped?.[index] ?? 0;
  const figures: Figure[] = [
    ['State', view.cut ? 'cut' : 'connected'],
    ['Packet loss', percent(view.loss)],
    ['Added latency', `${Math.round(view.latencyMs)} ms`],
  ];
  if (sent !== undefined) {
    figures.push(
      ['Messages sent', Math.round(sent).toLocaleString('en-US')],
      ['Dropped', `${Math.round(dropped).toLocaleString('en-US')} (${percent(sent > 0 ? dropped / sent : 0)})`],
    );
  }
  return (
    <>
      <h3 className="inspector-heading">{`${link.id}, link`}</h3>
      <Figures figures={figures} />
    </>
  );
}

export function NodeInspector() {
  const inspected = useApp(selectInspected);
  const topology = useApp(selectTopology);
  const frame = useApp(selectShownFrame);
  const links = useApp(selectLinks);
  if (!inspected || !topology || !frame) return <p className="inspector-hint">Click a node to see its live figures.</p>;
  const node = topology.nodes.findIndex((n) => n.id === inspected);
  if (node >= 0) return <NodeFigures topology={topology} frame={frame} index={node} />;
  const link = topology.links.findIndex((l) => l.id === inspected);
  if (link >= 0) return <LinkFigures topology={topology} frame={frame} links={links} index={link} />;
  return <p className="inspector-hint">Click a node to see its live figures.</p>;
}
