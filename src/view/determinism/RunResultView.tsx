// The outcome of the latest determinism run, announced to screen readers as it changes.
import type { RunRequest, WorkerReply } from '../../worker/protocol';

export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly request: RunRequest }
  | { readonly status: 'done'; readonly request: RunRequest; readonly reply: WorkerReply };

function describe(run: RunState): string {
  switch (run.status) {
    case 'idle':
      return 'No run yet.';
    case 'running':
      return `Running "${run.request.scenarioId}" with seed ${run.request.seed} for ${run.request.durationS} s…`;
    case 'done': {
      const { reply } = run;
      if (reply.type === 'error') return `The run failed: ${reply.message}`;
      return (
        `Log hash ${reply.logHash}: ${reply.events.toLocaleString('en')} events, ` +
        `${reply.issued.toLocaleString('en')} requests issued, ${reply.succeeded.toLocaleString('en')} succeeded, ` +
        `${reply.failed.toLocaleString('en')} failed.`
      );
    }
    default: {
      const unknown: never = run;
      return String(unknown);
    }
  }
}

export function RunResultView({ run }: { readonly run: RunState }) {
  const logHash = run.status === 'done' && run.reply.type === 'result' ? run.reply.logHash : undefined;
  return (
    <p
      className="run-result"
      role="status"
      data-testid="worker-result"
      data-status={run.status}
      data-log-hash={logHash}
    >
      {describe(run)}
    </p>
  );
}
