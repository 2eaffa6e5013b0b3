// The node menu's entries for the data pipeline's kinds, by kind: a broker's disk (fail it, and
// replace it once failed), an index node's disk (it rebuilds by itself), removing a consumer, and
// cutting a broker or consumer off from the network (healed with every partition by "Heal").
import type { Frame, Topology } from '../../sim/index';
import type { PipelineKind } from './layoutPipeline';
import type { MenuEntry } from './menuItems';
import { pipelineFactsOf } from './pipelineKinds';
import { consumerSlots } from './groupControls';
import { ABSENT } from './presentLayout';

interface Target {
  readonly topology: Topology;
  readonly frame: Frame;
  readonly id: string;
  readonly index: number;
}

function failDisk(id: string): MenuEntry {
  return { label: 'Fail disk 0', command: { type: 'failDisk', nodeId: id, disk: 0 }, announce: `Fail disk 0 of ${id}` };
}

function brokerDisk({ frame, id, index }: Target): MenuEntry[] {
  if (!pipelineFactsOf(frame, index)?.diskFailed) return [failDisk(id)];
  return [
    {
      label: 'Replace disk 0',
      command: { type: 'replaceDisk', nodeId: id, disk: 0 },
      announce: `Replace disk 0 of ${id}`,
    },
  ];
}

function cutOff({ frame, id, index }: Target): MenuEntry[] {
  const cut = (frame.nodeSide[index] ?? 0) !== 0;
  return [
    {
      label: 'Cut off from the network',
      disabled: cut,
      command: { type: 'partitionGroup', nodeIds: [id] },
      announce: `Cut ${id} off from the network`,
    },
    ...(cut
      ? [{ label: 'Heal all partitions', command: { type: 'healAll' }, announce: 'Heal all partitions' } as const]
      : []),
  ];
}

function removeConsumer({ topology, frame, id, index }: Target): MenuEntry[] {
  const present = consumerSlots(topology, id).filter((i) => frame.nodeStatus[i] !== ABSENT);
  return [
    {
      label: 'Remove this consumer',
      disabled: frame.nodeStatus[index] === ABSENT || present.length <= 1,
      command: { type: 'removeConsumer', nodeId: id },
      announce: `Remove consumer ${id}`,
    },
  ];
}

/** Entries after Crash, Restart and Slow down, by kind (a new kind is one more line). */
const ENTRIES: Readonly<Record<PipelineKind, (target: Target) => MenuEntry[]>> = {
  broker: (t) => [...brokerDisk(t), ...cutOff(t)],
  consumer: (t) => [...removeConsumer(t), ...cutOff(t)],
  index: (t) => [failDisk(t.id)],
};

export function pipelineEntries(
  kind: PipelineKind,
  topology: Topology,
  frame: Frame,
  id: string,
  index: number,
): MenuEntry[] {
  return ENTRIES[kind]({ topology, frame, id, index });
}
