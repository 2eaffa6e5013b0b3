// Replication factor and quorums. W and R may not exceed the replication factor (nor the
// replication factor the number of storage nodes); the form says so before anything is sent.
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { NumberField } from '../controls/NumberField';
import { policyOf, useSetPolicy } from './usePolicy';

const selectReplicas = (s: AppState) => policyOf(s).replicationFactor;
const selectWriteQuorum = (s: AppState) => policyOf(s).writeQuorum;
const selectReadQuorum = (s: AppState) => policyOf(s).readQuorum;
const selectStorageTimeout = (s: AppState) => policyOf(s).storageTimeoutMs;
const selectStorageNodes = (s: AppState) => s.scenario.storage.count;

export function ReplicationFields() {
  const setPolicy = useSetPolicy();
  const replicas = useApp(selectReplicas);
  const writeQuorum = useApp(selectWriteQuorum);
  const readQuorum = useApp(selectReadQuorum);
  const storageTimeoutMs = useApp(selectStorageTimeout);
  const storageNodes = useApp(selectStorageNodes);
  const maxReplicas = Math.min(5, storageNodes);

  const checkReplicas = (rf: number) => {
    if (rf < writeQuorum)
      return `The write quorum is ${writeQuorum}: lower it to ${rf} first (a write cannot wait for more copies than exist).`;
    if (rf < readQuorum) return `The read quorum is ${readQuorum}: lower it to ${rf} first.`;
    return null;
  };
  const checkQuorum = (name: string) => (q: number) =>
    q > replicas
      ? `A ${name} quorum of ${q} is more than the ${replicas} copies kept; raise the replication factor first.`
      : null;
  const overlap = writeQuorum + readQuorum > replicas;

  return (
    <fieldset className="form-group">
      <legend>Replication</legend>
      <p className="panel-status" data-testid="quorum-status">
        W + R = {writeQuorum + readQuorum} {overlap ? '>' : '≤'} {replicas}:{' '}
        {overlap
          ? 'every read overlaps the latest acknowledged write.'
          : 'a read can miss the latest acknowledged write.'}
      </p>
      <NumberField
        label="Replication factor (copies of each partition)"
        value={replicas}
        integer
        min={1}
        max={maxReplicas}
        size={3}
        check={checkReplicas}
        onCommit={(v) => setPolicy({ replicationFactor: v }, `Replication factor ${v}`)}
      />
      <NumberField
        label="Write quorum W (copies saved before a write is acknowledged)"
        value={writeQuorum}
        integer
        min={1}
        size={3}
        check={checkQuorum('write')}
        onCommit={(v) => setPolicy({ writeQuorum: v }, `Write quorum ${v}`)}
      />
      <NumberField
        label="Read quorum R (copies that must answer a read)"
        value={readQuorum}
        integer
        min={1}
        size={3}
        check={checkQuorum('read')}
        onCommit={(v) => setPolicy({ readQuorum: v }, `Read quorum ${v}`)}
      />
      <NumberField
        label="Quorum wait on the app server (ms)"
        value={storageTimeoutMs}
        min={1}
        max={600_000}
        size={7}
        onCommit={(v) => setPolicy({ storageTimeoutMs: v }, `Quorum wait ${v} ms`)}
      />
    </fieldset>
  );
}
