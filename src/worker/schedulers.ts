// When the lab's host runs its next slice of work. In the worker, after the messages already
// waiting (so a newer load or a cancel is read between slices); in-process (store tests), at once.
import type { Schedule } from './labHost';

/**
 * Runs each task as a macrotask through a MessageChannel: unlike setTimeout(0) it is never clamped
 * to 4 ms, and it queues behind the messages the page has already sent.
 */
export function macrotaskSchedule(): Schedule {
  const tasks: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => tasks.shift()?.();
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
}

/**
 * Runs tasks synchronously, one after another: a task scheduled while another runs waits for it to
 * end instead of nesting inside it. Deterministic, for the in-process port.
 */
export function immediateSchedule(): Schedule {
  const tasks: (() => void)[] = [];
  let running = false;
  return (task) => {
    tasks.push(task);
    if (running) return;
    running = true;
    try {
      for (let next = tasks.shift(); next; next = tasks.shift()) next();
    } finally {
      running = false;
    }
  };
}
