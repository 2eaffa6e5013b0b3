// How often random hardware faults strike the whole fleet at the current settings, in simulated
// time: with realistic lifetimes a lab watched for a minute shows nothing, and the lab must say so
// rather than leave the learner wondering whether faults are on at all.
import type { Topology } from '../../sim/index';
import { formatDuration } from './formatDuration';

export interface FleetRates {
  readonly diskMttfHours: number;
  readonly nodeMttfHours: number;
  readonly timeCompression: number;
}

const HOUR_MS = 3_600_000;
/** Faults rarer than this (simulated time) are out of sight in a lab watched for a few minutes. */
const OUT_OF_SIGHT_MS = 5 * 60_000;

/** Mean simulated time between failures across `count` parts, each failing after MTTF on average. */
export function fleetEveryMs(mttfHours: number, count: number, timeCompression: number): number {
  return count > 0 ? (mttfHours * HOUR_MS) / (count * timeCompression) : Number.POSITIVE_INFINITY;
}

export function fleetCounts(topology: Topology | null): { disks: number; machines: number } {
  const nodes = topology?.nodes ?? [];
  return {
    disks: nodes.reduce((n, node) => n + node.disks, 0),
    machines: nodes.filter((node) => node.kind === 'app' || node.kind === 'storage').length,
  };
}

/** "At these rates, expect one disk failure every 3.0 simulated days …", with advice when that is out of sight. */
export function hardwareOddsText(rates: FleetRates, counts: { disks: number; machines: number }): string {
  const diskMs = fleetEveryMs(rates.diskMttfHours, counts.disks, rates.timeCompression);
  const machineMs = fleetEveryMs(rates.nodeMttfHours, counts.machines, rates.timeCompression);
  const parts = [
    counts.disks > 0 && `one disk failure every ${formatDuration(diskMs)}`,
    counts.machines > 0 && `one machine failure every ${formatDuration(machineMs)}`,
  ].filter(Boolean);
  if (parts.length === 0) return 'This cluster has no disks or machines that can fail at random.';
  const sentence = `At these rates, expect ${parts.join(' and ')} of simulated time, on average.`;
  return Math.min(diskMs, machineMs) > OUT_OF_SIGHT_MS
    ? `${sentence} That is rarer than a few minutes of watching shows: raise the time compression to see them.`
    : sentence;
}
