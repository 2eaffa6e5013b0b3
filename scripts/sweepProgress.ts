// The sweep's progress on stderr: seeds done, the rate, and the time left at that rate. On a
// terminal one line rewritten in place; otherwise (--progress into a file or pipe) a line every
// few seconds. Nothing at all when it is off, so stderr stays empty on success.
import type { Progress } from '../src/sweep/pool';

const TERMINAL_EVERY_MS = 250;
const LINE_EVERY_MS = 2000;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function progressReporter(enabled: boolean, total: number) {
  const started = performance.now();
  const terminal = process.stderr.isTTY === true;
  // The first chunk's line comes at once: it says the sweep has started, and how fast it goes.
  let last = Number.NEGATIVE_INFINITY;
  let done = 0;
  const line = (now: number) => {
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const share = ((100 * done) / total).toFixed(1);
    const left = done < total ? `, about ${duration(rate > 0 ? (total - done) / rate : Infinity)} left` : '';
    return `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} seeds (${share}%), ${rate.toFixed(rate < 10 ? 1 : 0)} seeds/s${left}`;
  };
  return {
    tick(progress: Progress): void {
      done = progress.done;
      const now = performance.now();
      // The last chunk's line is done()'s.
      if (!enabled || done === total || now - last < (terminal ? TERMINAL_EVERY_MS : LINE_EVERY_MS)) return;
      last = now;
      if (terminal) process.stderr.write(`\r${line(now)}\x1b[K`);
      else console.error(line(now));
    },
    done(): void {
      if (!enabled) return;
      const text = `${line(performance.now())} in ${duration((performance.now() - started) / 1000)}`;
      if (terminal) process.stderr.write(`\r${text}\x1b[K\n`);
      else console.error(text);
    },
  };
}
