// One sentence about the state of the cluster in a frame, for the compare pictures: they are drawn
// for the eye, and this says the same in words (for screen readers, and for a quick read).
import type { Frame, Topology } from '../../sim/index';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function clusterSummary(topology: Topology, frame: Frame): string {
  let apps = 0;
  let appsUp = 0;
  let inRotation = 0;
  let stores = 0;
  let storesUp = 0;
  topology.nodes.forEach((node, index) => {
    const up = frame.nodeStatus[index] === 0;
    if (node.kind === 'app') {
      apps++;
      if (up) appsUp++;
      if (frame.nodeInRotation[index] === 1) inRotation++;
    } else if (node.kind === 'storage') {
      stores++;
      if (up) storesUp++;
    }
  });
  let failedDisks = 0;
  for (const status of frame.diskStatus) if (status === 1) failedDisks++;
  const parts = [
    `${appsUp} of ${apps} app servers up, ${inRotation} in rotation`,
    `${storesUp} of ${stores} storage nodes up`,
    failedDisks > 0 ? `${plural(failedDisks, 'disk')} failed` : 'no disk failed',
    frame.durability.underReplicatedPartitions > 0
      ? `${plural(frame.durability.underReplicatedPartitions, 'partition')} under-replicated`
      : 'every partition fully replicated',
  ];
  return `${parts.join('; ')}.`;
}
