// Shedding at storage: how many operations each storage node may queue before it refuses more
// (only when storage nodes have a capacity). A short queue refuses excess at once, which keeps
// latency bounded under overload; it does not add capacity. One setStorageQueueLimit per change.
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { selectActions } from '../../store/selectors';
import { NumberField } from '../controls/NumberField';

const selectLimit = (s: AppState): number | null =>
  s.frame?.storageQueueLimit ?? s.scenario.storage.capacity?.queueLimit ?? null;

export function StorageQueueField() {
  const limit = useApp(selectLimit);
  const actions = useApp(selectActions);
  if (limit === null) return null;
  return (
    <fieldset className="form-group" data-testid="storage-shedding">
      <legend>Storage shedding</legend>
      <NumberField
        label="Storage queue limit per node (lower sheds load sooner)"
        value={limit}
        min={0}
        max={100_000}
        size={6}
        onCommit={(v) => actions.apply({ type: 'setStorageQueueLimit', queueLimit: v }, `Storage queue limit ${v}`)}
      />
    </fieldset>
  );
}
