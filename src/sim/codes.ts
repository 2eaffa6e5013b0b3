// The vocabulary of the simulation's state: fixed node indexes, limits, and the small integer codes
// its typed arrays hold (a status is a byte, not a string, so the hot path compares numbers).
export const CLIENTS = 0;
export const BALANCER = 1;
export const MAX_RF = 5;
export const MASKS = 1 << MAX_RF;
export const MAX_ATTEMPTS_BITS = 4;
/** In-flight user requests are capped; beyond this the client itself sheds new requests. */
export const MAX_REQUESTS_IN_FLIGHT = 1 << 20;

/**
 * absent: a slot kept for a node that can be added while running (scaling), or one removed;
 * starting: added and provisioning, not serving yet.
 */
export const NodeStatusCode = { up: 0, crashed: 1, poweredOff: 2, absent: 3, starting: 4 } as const;
export const DiskStatusCode = { healthy: 0, failed: 1 } as const;
export const SlotState = { present: 0, missing: 1, queued: 2, copying: 3 } as const;
export const RequestState = { free: 0, attempt: 1, backoff: 2 } as const;
export const Outcome = { ok: 0, error: 1, rejected: 2, unavailable: 3 } as const;

export interface BadConfig {
  errorShare: number;
  slowShare: number;
  slowFactor: number;
}
