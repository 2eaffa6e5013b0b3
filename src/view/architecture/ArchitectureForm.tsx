// The Setup tab's Architecture form: each tier's size and capacity, edited as a draft and applied
// all at once. Applying restarts the run from time 0 with the same seed, so the edited scenario is
// the run's scenario and travels with links, files, compare and replay like any other. A draft
// that breaks a rule stays as typed, with a message per field, and the run goes on untouched.
import { useEffect, useRef, useState, type FormEvent } from 'react';
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

const NO_PROBLEMS: readonly DraftProblem[] = [];

export function ArchitectureForm() {
  const scenario = useApp(selectScenario);
  const seed = useApp(selectSeed);
  const actions = useApp(selectActions);
  const [stored, setEdit] = useState<Edit | null>(null);
  // Said once the new run is on screen, and only while it is (another run makes it stale).
  const [applied, setApplied] = useState<Scenario | null>(null);
  const edit = stored?.base === scenario ? stored : null;
  const draft = edit?.draft ?? draftOf(scenario);
  const problems = edit?.problems ?? NO_PROBLEMS;
  const formRef = useRef<HTMLFormElement>(null);
  // A refused Apply takes the keyboard to the first field at fault, whose message it then reads.
  useEffect(() => {
    if (problems.length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);
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
    setApplied(result.scenario);
    actions.startRun(result.scenario, seed);
  };

  return (
    <form ref={formRef} className="architecture" aria-labelledby="architecture-title" onSubmit={apply} noValidate>
      <h3 id="architecture-title" className="architecture-title">
        Architecture
      </h3>
      <p className="panel-note" id="architecture-note">
        Changing the architecture restarts the run from time 0 (same seed, without this run&apos;s actions).
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
      {problems.length > 0 && (
        <div role="alert" className="architecture-problems">
          <p className="field-error">Nothing was applied; the run goes on as it was.</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      )}
      <p role="status" className="panel-note">
        {edit?.note ?? (applied === scenario ? 'Applied: the run started again from time 0.' : null)}
      </p>
    </form>
  );
}
