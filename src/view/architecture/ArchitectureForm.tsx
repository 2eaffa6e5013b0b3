// The Setup tab's Architecture form: each tier's size and capacity, edited as a draft and applied
// all at once. Applying restarts the run from time 0 with the same seed, so the edited scenario is
// the run's scenario and travels with links, files, compare and replay like any other. A draft
// that breaks a rule stays as typed, with a message per field, and the run goes on untouched.
import { useState, type FormEvent } from 'react';
import type { Scenario } from '../../sim/index';
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { selectActions, selectSeed } from '../../store/selectors';
import '../controls/fields.css';
import './architecture.css';
import { applyDraft, draftOf, problemText, sameScenario, type Draft, type DraftProblem } from './draft';
import { TierFields } from './TierFields';
import { TIERS } from './tiers';

const selectScenario = (s: AppState) => s.scenario;

/** A draft belongs to the scenario it was started from; another run on screen discards it. */
interface Edit {
  readonly base: Scenario;
  readonly draft: Draft;
  readonly problems: readonly DraftProblem[];
  readonly note: string | null;
}

export function ArchitectureForm() {
  const scenario = useApp(selectScenario);
  const seed = useApp(selectSeed);
  const actions = useApp(selectActions);
  const [stored, setEdit] = useState<Edit | null>(null);
  const edit = stored?.base === scenario ? stored : null;
  const draft = edit?.draft ?? draftOf(scenario);
  const problems = edit?.problems ?? [];
  const errors = new Map(problems.flatMap((p) => (p.key === null ? [] : [[p.key, p.message] as const])));

  const change = (key: string, value: string | boolean) =>
    setEdit({ base: scenario, draft: { ...draft, [key]: value }, problems: [], note: null });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const result = applyDraft(scenario, draft);
    if (!result.ok) return setEdit({ base: scenario, draft, problems: result.problems, note: null });
    if (sameScenario(result.scenario, scenario))
      return setEdit({
        base: scenario,
        draft,
        problems: [],
        note: 'Nothing to apply: this is the architecture running now.',
      });
    setEdit(null);
    actions.startRun(result.scenario, seed);
  };

  return (
    <form className="architecture" aria-labelledby="architecture-title" onSubmit={apply} noValidate>
      <h3 id="architecture-title" className="architecture-title">
        Architecture
      </h3>
      <p className="panel-note" id="architecture-note">
        Changing the architecture restarts the run from time 0 with the same seed; actions taken in this run are dropped
        (adding and removing machines while it runs comes later).
      </p>
      {TIERS.map((tier) => (
        <TierFields key={tier.id} tier={tier} draft={draft} errors={errors} onChange={change} />
      ))}
      <div className="form-actions architecture-actions">
        <button type="submit" className="primary" aria-describedby="architecture-note">
          Apply and restart
        </button>
        {edit && (
          <button type="button" onClick={() => setEdit(null)}>
            Discard edits
          </button>
        )}
      </div>
      <div role="alert" className="architecture-problems">
        {problems.length > 0 && (
          <>
            <p className="field-error">Nothing was applied; the run goes on as it was.</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{problemText(p)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p role="status" className="panel-note">
        {edit?.note}
      </p>
    </form>
  );
}
