// Policy and hardware-fault settings in words a learner reads: "The balancer now picks the least
// busy server" rather than "lbStrategy changed". The sim's detail carries the new values as JSON
// (see setPolicy in src/sim/applyCommand.ts); older runs' details name the keys only.
import type { Policy, RetryPolicy } from '../../sim/index';

const STRATEGY_WORDS: Readonly<Record<Policy['lbStrategy'], string>> = {
  'round-robin': 'The balancer now sends requests to each server in turn (round robin)',
  'least-outstanding': 'The balancer now picks the least busy server (fewest requests outstanding)',
  'power-of-two': 'The balancer now picks the less busy of two servers drawn at random',
};

export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

function retryWords(r: RetryPolicy): string {
  if (r.strategy === 'none' || r.maxAttempts <= 1) return 'Clients no longer retry failed requests';
  const attempts = `up to ${plural(r.maxAttempts, 'attempt')}`;
  const jitter = r.jitter ? ', with jitter' : '';
  switch (r.strategy) {
    case 'fixed':
      return `Clients now retry failed requests (${attempts}, ${formatNumber(r.baseDelayMs)} ms apart${jitter})`;
    case 'exponential':
      return `Clients now retry failed requests with exponential backoff (${attempts}, from ${formatNumber(r.baseDelayMs)} ms to at most ${formatNumber(r.maxDelayMs)} ms${jitter})`;
    case 'budget':
      return `Clients now retry failed requests within a retry budget of ${Math.round(r.budgetRatio * 100)}% of new requests (${attempts})`;
    default: {
      const never: never = r.strategy;
      return never;
    }
  }
}

/** One sentence for one changed policy setting, or null for a key it does not know. */
function settingWords(key: string, value: unknown): string | null {
  const n = typeof value === 'number' ? value : NaN;
  switch (key) {
    case 'lbStrategy':
      return STRATEGY_WORDS[value as Policy['lbStrategy']] ?? null;
    case 'healthChecks':
      return value
        ? 'The balancer now health-checks the servers and drops failing ones'
        : 'The balancer no longer health-checks the servers: it trusts every one';
    case 'healthCheckIntervalMs':
      return `The balancer now checks each server every ${formatNumber(n)} ms`;
    case 'unhealthyThreshold':
      return `The balancer now drops a server after ${plural(n, 'failed health check')} in a row`;
    case 'queueLimit':
      return n === 0
        ? 'App servers no longer queue requests: a busy server rejects at once'
        : `Each app server now queues at most ${plural(n, 'request')}`;
    case 'replicationFactor':
      return `Each partition now keeps ${plural(n, 'copy', 'copies')}`;
    case 'writeQuorum':
      return `A write is now acknowledged once ${plural(n, 'copy', 'copies')} ${n === 1 ? 'has' : 'have'} it`;
    case 'readQuorum':
      return `A read now waits for ${plural(n, 'copy', 'copies')} to answer`;
    case 'timeoutMs':
      return `Clients now give up on an attempt after ${formatNumber(n)} ms`;
    case 'storageTimeoutMs':
      return `App servers now wait up to ${formatNumber(n)} ms for storage to answer`;
    case 'retry':
      return typeof value === 'object' && value !== null ? retryWords(value as RetryPolicy) : null;
    default:
      return null;
  }
}

/** The new values from a detail like `lbStrategy changed: {"lbStrategy":"round-robin"}`, or null. */
function valuesOf(detail: string): Record<string, unknown> | null {
  const start = detail.indexOf(': {');
  if (start < 0) return null;
  try {
    const parsed: unknown = JSON.parse(detail.slice(start + 2));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function policyWords(detail: string): string {
  const values = valuesOf(detail);
  const sentences = values ? Object.entries(values).map(([key, value]) => settingWords(key, value)) : [];
  if (sentences.length > 0 && sentences.every((s) => s !== null)) return sentences.join('. ');
  const keys = detail.split(' changed')[0] ?? detail;
  return `Policy changed: ${keys}`;
}

function years(hours: number): string {
  const y = hours / 8766;
  return y >= 1 ? plural(Number(y.toPrecision(2)), 'year') : plural(Number(hours.toPrecision(3)), 'hour');
}

/** "random hardware faults on, time x3600; disk MTTF 262800 h, machine MTTF 100000 h, …" in words. */
export function hardwareWords(detail: string): string {
  if (!detail.includes(' on')) return 'Random hardware faults are off';
  const number = (pattern: RegExp) => {
    const m = pattern.exec(detail);
    return m ? Number(m[1]) : null;
  };
  const compression = number(/time x([\d.e+]+)/);
  const disk = number(/disk MTTF ([\d.e+]+) h/);
  const machine = number(/machine MTTF ([\d.e+]+) h/);
  const parts = ['Random hardware faults are on'];
  if (disk !== null && machine !== null)
    parts.push(`: a disk fails every ${years(disk)} on average, a machine every ${years(machine)}`);
  if (compression !== null) parts.push(`; hardware time runs ${formatNumber(compression)}× faster`);
  return parts.join('');
}
