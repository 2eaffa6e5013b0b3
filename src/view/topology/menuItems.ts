// What the action menu offers for a node, a link or a selected group, as data: each entry names
// the command it sends and how it is labelled on the charts. Entries that make no sense right
// now (restarting a running node) are disabled rather than sending a command that does nothing.
// While nodes are selected, every node's menu also offers the group's actions.
import type { Command, Frame, LinkFrame, Topology } from '../../sim/index';
import type { MenuTarget } from '../../store/appStore';
import { isPipelineKind } from './layoutPipeline';
import { KIND_WORD } from './nodeState';
import { pipelineEntries } from './pipelineMenuItems';
import { cacheEntries, removeEntries } from './tierMenuItems';

export interface MenuEntry {
  readonly label: string;
  readonly disabled?: boolean;
  readonly command?: Command;
  /** How the command is marked on the charts and announced, e.g. "Crash node app-2". */
  readonly announce?: string;
  readonly submenu?: readonly MenuEntry[];
  readonly clearSelection?: boolean;
}

export interface MenuModel {
  readonly title: string;
  readonly entries: readonly MenuEntry[];
  /** Actions on the selected group, offered at the end of a node's menu while a selection exists. */
  readonly group?: { readonly label: string; readonly entries: readonly MenuEntry[] };
}

export const SLOW_FACTORS = [2, 5, 10] as const;
export const PACKET_LOSS = 0.2;
export const ADDED_LATENCY_MS = 100;

const UP = 0;
const POWERED_OFF = 2;
const STARTING = 4;

function nodeMenu(topology: Topology, frame: Frame, links: LinkFrame | null, id: string): MenuModel | null {
  const index = topology.nodes.findIndex((node) => node.id === id);
  const node = topology.nodes[index];
  if (!node || node.kind === 'clients') return null;
  const status = frame.nodeStatus[index];
  const slow = frame.nodeSlow[index] ?? 1;
  const rackNodes = topology.nodes.flatMap((n, i) => (n.rack === node.rack && n.kind !== 'clients' ? [i] : []));
  const entries: MenuEntry[] = [
    {
      label: 'Crash node',
      disabled: status !== UP,
      command: { type: 'crashNode', nodeId: id },
      announce: `Crash node ${id}`,
    },
    {
      label: 'Restart node',
      // A node still starting has nothing to restart from.
      disabled: status === UP || status === STARTING,
      command: { type: 'restartNode', nodeId: id },
      announce: `Restart node ${id}`,
    },
    {
      label: 'Slow down',
      submenu: [
        ...SLOW_FACTORS.map((factor) => ({
          label: `Slow down ${factor}x`,
          disabled: slow === factor,
          command: { type: 'slowNode', nodeId: id, factor } as const,
          announce: `Slow down ${id} ${factor}x`,
        })),
        {
          label: 'Restore speed',
          disabled: slow === 1,
          command: { type: 'slowNode', nodeId: id, factor: 1 },
          announce: `Restore speed of ${id}`,
        },
      ],
    },
  ];
  if (node.kind === 'cache') entries.push(...cacheEntries(topology, frame, links, id, index));
  if (isPipelineKind(node.kind)) entries.push(...pipelineEntries(node.kind, topology, frame, id, index));
  if (node.kind === 'storage') {
    const first = topology.nodes.slice(0, index).filter((n) => n.kind === 'storage').length * topology.disksPerNode;
    for (let disk = 0; disk < topology.disksPerNode; disk++) {
      const failed = frame.diskStatus[first + disk] === 1;
      entries.push(
        failed
          ? {
              label: `Replace disk ${disk}`,
              command: { type: 'replaceDisk', nodeId: id, disk },
              announce: `Replace disk ${disk} of ${id}`,
            }
          : {
              label: `Fail disk ${disk}`,
              command: { type: 'failDisk', nodeId: id, disk },
              announce: `Fail disk ${disk} of ${id}`,
            },
      );
    }
  }
  if (node.rack) {
    const rackId = node.rack;
    entries.push(
      {
        label: 'Power-fail rack',
        disabled: rackNodes.every((i) => frame.nodeStatus[i] === POWERED_OFF),
        command: { type: 'powerFailRack', rackId, durationMs: 0, diskFailShare: 0 },
        announce: `Power-fail rack ${rackId}`,
      },
      {
        label: 'Restore rack power',
        disabled: !rackNodes.some((i) => frame.nodeStatus[i] === POWERED_OFF),
        command: { type: 'restoreRackPower', rackId },
        announce: `Restore power to rack ${rackId}`,
      },
    );
  }
  entries.push(...removeEntries(topology, frame, id, index));
  return { title: `${id}, ${KIND_WORD[node.kind]}${node.rack ? ` in ${node.rack}` : ''}`, entries };
}

function linkMenu(topology: Topology, links: LinkFrame | null, id: string): MenuModel | null {
  const index = topology.links.findIndex((link) => link.id === id);
  if (index < 0) return null;
  const cut = links?.cut[index] === 1;
  const loss = links?.loss[index] ?? 0;
  const latencyMs = links?.latencyMs[index] ?? 0;
  const entries: MenuEntry[] = [
    {
      label: 'Partition link',
      disabled: cut,
      command: { type: 'partitionLink', linkId: id },
      announce: `Partition link ${id}`,
    },
    { label: 'Heal link', disabled: !cut, command: { type: 'healLink', linkId: id }, announce: `Heal link ${id}` },
    {
      label: 'Add packet loss',
      disabled: loss >= PACKET_LOSS,
      command: { type: 'setLinkLoss', linkId: id, loss: PACKET_LOSS },
      announce: `Add ${PACKET_LOSS * 100}% packet loss on ${id}`,
    },
  ];
  if (loss > 0)
    entries.push({
      label: 'Remove packet loss',
      command: { type: 'setLinkLoss', linkId: id, loss: 0 },
      announce: `Remove packet loss on ${id}`,
    });
  entries.push({
    label: 'Add latency',
    disabled: latencyMs >= ADDED_LATENCY_MS,
    command: { type: 'setLinkLatency', linkId: id, extraMs: ADDED_LATENCY_MS },
    announce: `Add ${ADDED_LATENCY_MS} ms latency on ${id}`,
  });
  if (latencyMs > 0) {
    entries.push({
      label: 'Remove added latency',
      command: { type: 'setLinkLatency', linkId: id, extraMs: 0 },
      announce: `Remove added latency on ${id}`,
    });
  }
  return { title: `Link ${id}`, entries };
}

function groupMenu(ids: readonly string[]): MenuModel {
  const names = ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
  return {
    title: `${ids.length} selected: ${names}`,
    entries: [
      {
        label: 'Partition group from the rest',
        disabled: ids.length === 0,
        command: { type: 'partitionGroup', nodeIds: [...ids] },
        announce: `Partition ${names} from the rest`,
      },
      { label: 'Heal all partitions', command: { type: 'healAll' }, announce: 'Heal all partitions' },
      { label: 'Clear selection', clearSelection: true },
    ],
  };
}

/** The menu for a target, or null when there is nothing to offer (the users, an unknown id). */
export function menuFor(
  target: MenuTarget,
  topology: Topology,
  frame: Frame,
  links: LinkFrame | null,
  selected: readonly string[],
): MenuModel | null {
  if (target.kind === 'group') return groupMenu(target.ids);
  if (target.kind === 'link') return linkMenu(topology, links, target.id);
  const menu = nodeMenu(topology, frame, links, target.id);
  if (!menu || selected.length === 0) return menu;
  const group = groupMenu(selected);
  return { ...menu, group: { label: group.title, entries: group.entries } };
}

/**
 * A lesson step may offer only some actions (e.g. only "Fail disk"): the rest are left out, and
 * a menu left empty says why instead of vanishing.
 */
export function restrictMenu(model: MenuModel, only: readonly string[] | null): MenuModel {
  if (only === null) return model;
  const keep = (entries: readonly MenuEntry[]): MenuEntry[] =>
    entries.flatMap((e) => {
      if (e.submenu) {
        const submenu = keep(e.submenu);
        return submenu.length > 0 ? [{ ...e, submenu }] : [];
      }
      if (e.command) return only.includes(e.command.type) ? [e] : [];
      return [e];
    });
  const entries = keep(model.entries);
  const groupEntries = model.group ? keep(model.group.entries) : [];
  return {
    title: model.title,
    entries: entries.length > 0 ? entries : [{ label: 'Not part of this lesson step', disabled: true }],
    ...(model.group && groupEntries.some((e) => e.command) && { group: { ...model.group, entries: groupEntries } }),
  };
}
