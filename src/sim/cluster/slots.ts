// Replica slots: partition p's replica k lives in slot p * MAX_RF + k, on one disk of one node.
// Shared by the initial placement (replication.ts) and repairs (repair.ts).
import type { SimState } from '../state';
import { MAX_RF, SlotState } from '../codes';

export function diskNode(st: SimState, disk: number): number {
  return st.storageNode(Math.floor(disk / st.disksPerNode));
}

/** Puts a replica slot on a disk: present from now on. */
export function place(st: SimState, idx: number, disk: number): void {
  st.slotDisk[idx] = disk;
  st.slotState[idx] = SlotState.present;
  st.slotChangedAt[idx] = st.nowMs;
  st.slotGen[idx] = ((st.slotGen[idx] as number) + 1) | 0;
  (st.diskReplicas[disk] as Set<number>).add(idx);
  st.presentSlots[Math.floor(idx / MAX_RF)] = (st.presentSlots[Math.floor(idx / MAX_RF)] as number) + 1;
}
