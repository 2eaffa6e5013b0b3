// Experiments in the URL fragment: `#x=<lz-string>`. Compressed so typical links stay short,
// bounded so a hostile link cannot make the page decompress or replay without limit.
import LZString from 'lz-string';
import { fromData, toData, type Experiment, type ExperimentResult } from './experiment';

/** Links longer than this are refused and offered as a file instead. */
export const MAX_LINK_CHARS = 8000;
const MAX_JSON_CHARS = 400_000;

export function encodeExperiment(e: Experiment): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(toData(e)));
}

export function experimentFragment(e: Experiment): string {
  return `#x=${encodeExperiment(e)}`;
}

/** Reads `#x=…` from a fragment; null when the fragment holds no experiment. */
export function decodeFragment(hash: string): ExperimentResult | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get('x');
  if (packed === null) return null;
  if (packed.length > MAX_LINK_CHARS)
    return {
      ok: false,
      error: `The link's experiment is ${packed.length.toLocaleString('en-US')} characters long; links are limited to ${MAX_LINK_CHARS.toLocaleString('en-US')}. Open it as a file instead.`,
    };
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(packed);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, error: 'The link is damaged or cut short: its experiment could not be unpacked.' };
  if (json.length > MAX_JSON_CHARS)
    return { ok: false, error: 'The link unpacks to more data than an experiment can hold.' };
  return parseExperimentJson(json);
}

/** Reads an experiment from JSON text (a link's contents or a saved file). */
export function parseExperimentJson(json: string): ExperimentResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: 'The experiment is not valid JSON.' };
  }
  return fromData(data);
}
