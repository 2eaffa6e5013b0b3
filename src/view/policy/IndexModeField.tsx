// How writes reach the search index while the run goes on (only when the run has one): through
// the log (fast writes, stale searches) or in the write path (slower writes that fail while the
// index is down). One setIndexMode per change; without an indexer the sim refuses 'log' and says why.
import type { IndexSnapshot } from '../../sim/pipeline/pipelineSnapshot';
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { selectActions } from '../../store/selectors';
import { INDEX_MODE_OPTIONS } from '../architecture/indexTier';
import { SelectField, type SelectOption } from '../controls/SelectField';

type Mode = IndexSnapshot['mode'];

const OPTIONS = INDEX_MODE_OPTIONS as readonly SelectOption<Mode>[];

const selectMode = (s: AppState): Mode | null => s.frame?.pipeline?.index?.mode ?? null;

export function IndexModeField() {
  const mode = useApp(selectMode);
  const actions = useApp(selectActions);
  if (mode === null) return null;
  return (
    <fieldset className="form-group" data-testid="index-policy">
      <legend>Search index</legend>
      <SelectField
        label="Writes reach the search index"
        value={mode}
        options={OPTIONS}
        onChange={(v) =>
          actions.apply(
            { type: 'setIndexMode', mode: v },
            v === 'sync' ? 'Index updated in the write path' : 'Index updated through the log',
          )
        }
      />
    </fieldset>
  );
}
