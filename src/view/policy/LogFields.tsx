// The log's policies while the run goes on (only when the run has a log): when an append counts
// as written, how many copies must stay in sync, and how long events are kept. A retention far
// too short deletes events before the consumers read them: the human error the lab lets you make.
// Each change is one setLog command with only the field that changed.
import type { LogSnapshot } from '../../sim/pipeline/pipelineSnapshot';
import { LONGEST_RUN_MS } from '../../sim/schemaBasics';
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { selectActions } from '../../store/selectors';
import { ACKS_OPTIONS } from '../architecture/logTier';
import { NumberField } from '../controls/NumberField';
import { SelectField, type SelectOption } from '../controls/SelectField';

type Acks = LogSnapshot['acks'];
type LogPolicy = Partial<Pick<LogSnapshot, 'acks' | 'minInSync' | 'retentionMs'>>;

const OPTIONS = ACKS_OPTIONS as readonly SelectOption<Acks>[];
const LONGEST_RETENTION_S = LONGEST_RUN_MS / 1000;

const selectLog = (s: AppState): LogSnapshot | null => s.frame?.pipeline?.log ?? null;

export function LogFields() {
  const log = useApp(selectLog);
  return log === null ? null : <LogPolicyFields log={log} />;
}

function LogPolicyFields({ log }: { readonly log: LogSnapshot }) {
  const actions = useApp(selectActions);
  const setLog = (policy: LogPolicy, label: string) => actions.apply({ type: 'setLog', policy }, label);
  const acksLabel = (v: Acks) => (v === 'all' ? 'all in-sync copies' : 'the leader only');
  const retentionS = log.retentionMs === null ? 0 : log.retentionMs / 1000;

  return (
    <fieldset className="form-group" data-testid="log-policy">
      <legend>Log of changes</legend>
      <p className="panel-status" data-testid="log-status">
        {log.brokers} brokers, {log.partitions} partitions with {log.replicationFactor} copies each;{' '}
        {log.leaderless === 0 ? 'every partition has a leader' : `${log.leaderless} without a leader`}
        {log.underReplicated > 0 && `, ${log.underReplicated} with copies out of sync`}.
      </p>
      <SelectField
        label="An append counts as written once"
        value={log.acks}
        options={OPTIONS}
        onChange={(v) => setLog({ acks: v }, `Log acks from ${acksLabel(v)}`)}
      />
      <NumberField
        label="Fewest copies in sync (appends are refused below it, with acks from all)"
        value={log.minInSync}
        integer
        min={1}
        max={log.replicationFactor}
        size={3}
        onCommit={(v) => setLog({ minInSync: v }, `Log fewest copies in sync ${v}`)}
      />
      <NumberField
        label="Keep events for (s, 0 = until the size limit)"
        hint="Older events are deleted, read or not: a few seconds loses events the consumers have not read yet."
        value={retentionS}
        min={0}
        max={LONGEST_RETENTION_S}
        size={8}
        onCommit={(v) =>
          setLog(
            { retentionMs: v === 0 ? null : Math.max(1, Math.round(v * 1000)) },
            v === 0 ? 'Log retention: size limit only' : `Log retention ${v} s`,
          )
        }
      />
    </fieldset>
  );
}
