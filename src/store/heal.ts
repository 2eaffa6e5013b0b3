// "Heal everything" for a live demo, as the ordinary commands a user could give one by one (so a
// shared link replays it with no new command type): power back on, restart, replace disks, heal
// the network, clear loss and latency, restore speed, roll back. Only what is broken is healed.
import type { Command, Frame, LinkFrame, Topology } from '../sim/index';

export interface HealStep {
  readonly command: Command;
  /** How it is marked on the charts and announced, as the action menus word it. */
  readonly label: string;
}

const UP = 0;
const POWERED_OFF = 2;
/** Slots for nodes not added (or removed), and nodes still provisioning: nothing to heal. */
const ABSENT = 3;
const STARTING = 4;

function powerAndRestarts(topology: Topology, frame: Frame): HealStep[] {
  const steps: HealStep[] = [];
  const racksOff = new Set<string>();
  topology.nodes.forEach((node, i) => {
    if (frame.nodeStatus[i] === POWERED_OFF && node.rack !== '') racksOff.add(node.rack);
  });
  for (const rackId of topology.racks.filter((r) => racksOff.has(r)))
    steps.push({ command: { type: 'restoreRackPower', rackId }, label: `Restore power to ${rackId}` });
  topology.nodes.forEach((node, i) => {
    const status = frame.nodeStatus[i];
    if (node.kind === 'clients' || status === UP || status === ABSENT || status === STARTING) return;
    if (status === POWERED_OFF && racksOff.has(node.rack)) return; // back with its rack's power
    steps.push({ command: { type: 'restartNode', nodeId: node.id }, label: `Restart node ${node.id}` });
  });
  return steps;
}

function diskReplacements(topology: Topology, frame: Frame): HealStep[] {
  const steps: HealStep[] = [];
  let first = 0;
  for (const node of topology.nodes) {
    if (node.kind !== 'storage') continue;
    for (let disk = 0; disk < topology.disksPerNode; disk++)
      if (frame.diskStatus[first + disk] === 1)
        steps.push({
          command: { type: 'replaceDisk', nodeId: node.id, disk },
          label: `Replace disk ${disk} of ${node.id}`,
        });
    first += topology.disksPerNode;
  }
  // A broker's one disk (an index node gets a new disk by itself).
  for (const node of frame.pipeline?.nodes ?? [])
    if (node.diskFailed) {
      const nodeId = topology.nodes[node.node]?.id ?? '';
      steps.push({ command: { type: 'replaceDisk', nodeId, disk: 0 }, label: `Replace disk 0 of ${nodeId}` });
    }
  return steps;
}

function networkRepairs(topology: Topology, frame: Frame, links: LinkFrame | null): HealStep[] {
  const steps: HealStep[] = [];
  const anyCut = links?.cut.some((c) => c === 1) ?? false;
  if (anyCut || frame.nodeSide.some((side) => side !== 0))
    steps.push({ command: { type: 'healAll' }, label: 'Heal all partitions' });
  topology.links.forEach((link, i) => {
    if ((links?.loss[i] ?? 0) > 0)
      steps.push({
        command: { type: 'setLinkLoss', linkId: link.id, loss: 0 },
        label: `Clear packet loss on ${link.id}`,
      });
    if ((links?.latencyMs[i] ?? 0) > 0)
      steps.push({
        command: { type: 'setLinkLatency', linkId: link.id, extraMs: 0 },
        label: `Clear added latency on ${link.id}`,
      });
  });
  return steps;
}

function speedAndConfig(topology: Topology, frame: Frame): HealStep[] {
  const steps: HealStep[] = [];
  topology.nodes.forEach((node, i) => {
    if (node.kind !== 'clients' && (frame.nodeSlow[i] ?? 1) !== 1)
      steps.push({ command: { type: 'slowNode', nodeId: node.id, factor: 1 }, label: `Restore speed of ${node.id}` });
  });
  if (frame.rolloutPending || frame.nodeBadConfig.some((bad) => bad !== 0))
    steps.push({ command: { type: 'rollBack' }, label: 'Roll back' });
  return steps;
}

/** The commands that heal everything now broken, in a fixed order; empty when nothing is. */
export function healSteps(topology: Topology | null, frame: Frame | null, links: LinkFrame | null): HealStep[] {
  if (!topology || !frame) return [];
  return [
    ...powerAndRestarts(topology, frame),
    ...diskReplacements(topology, frame),
    ...networkRepairs(topology, frame, links),
    ...speedAndConfig(topology, frame),
  ];
}

/** Whether anything is broken, for the button's state (cheaper words than the list itself). */
export function needsHealing(topology: Topology | null, frame: Frame | null, links: LinkFrame | null): boolean {
  return healSteps(topology, frame, links).length > 0;
}

/** What the live region says once the commands are sent. */
export function describeHeal(steps: readonly HealStep[]): string {
  if (steps.length === 0) return 'Heal everything: nothing is broken.';
  const shown = steps.slice(0, 6).map((s) => s.label.toLowerCase());
  const more = steps.length > shown.length ? ` and ${steps.length - shown.length} more` : '';
  return `Heal everything: ${shown.join(', ')}${more}.`;
}
