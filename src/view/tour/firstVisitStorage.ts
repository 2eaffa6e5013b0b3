// Whether this browser has been offered the first-visit start, kept in localStorage. A browser
// that refuses storage (a sandboxed frame, private mode) is treated as having seen it: an offer
// that came back on every load would be worse than none.
export const FIRST_VISIT_KEY = 'faultline.firstVisit.v1';

function storageOf(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function hasSeenFirstVisit(storage: Storage | null = storageOf()): boolean {
  try {
    return storage === null || storage.getItem(FIRST_VISIT_KEY) !== null;
  } catch {
    return true;
  }
}

export function rememberFirstVisit(storage: Storage | null = storageOf()): void {
  try {
    storage?.setItem(FIRST_VISIT_KEY, 'seen');
  } catch {
    // Nothing to do: the offer simply comes back next time.
  }
}
