// One tier of the Architecture form: a group named after the tier, with a labelled control per
// setting (its unit in the label) and its message under it, tied to it for screen readers.
import { useId } from 'react';
import { FieldMessages } from '../controls/FieldMessages';
import { isActive, type Draft } from './draft';
import type { ChoiceSetting, NumberSetting, Tier, ToggleSetting } from './tiers';

interface FieldProps<S> {
  readonly setting: S;
  readonly draft: Draft;
  readonly error: string | undefined;
  readonly onChange: (key: string, value: string | boolean) => void;
}

function describedBy(id: string, error: string | undefined, hint: string | undefined): string | undefined {
  return [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
}

function NumberInput({ setting, draft, error, onChange }: FieldProps<NumberSetting>) {
  const id = useId();
  return (
    <div className="field architecture-field">
      <label htmlFor={id}>
        {setting.label} <span className="architecture-unit">({setting.unit})</span>
      </label>
      <input
        id={id}
        type="number"
        inputMode={setting.step < 1 ? 'decimal' : 'numeric'}
        data-setting={setting.key}
        min={setting.min}
        max={setting.max}
        step={setting.step}
        value={String(draft[setting.key] ?? '')}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy(id, error, setting.hint)}
        onChange={(e) => onChange(setting.key, e.target.value)}
      />
      <FieldMessages id={id} hint={setting.hint} error={error} />
    </div>
  );
}

function ChoiceInput({ setting, draft, error, onChange }: FieldProps<ChoiceSetting>) {
  const id = useId();
  return (
    <div className="field select-field architecture-field">
      <label htmlFor={id}>{setting.label}</label>
      <select
        id={id}
        data-setting={setting.key}
        value={String(draft[setting.key] ?? '')}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy(id, error, setting.hint)}
        onChange={(e) => onChange(setting.key, e.target.value)}
      >
        {setting.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={setting.hint} error={error} />
    </div>
  );
}

function ToggleInput({ setting, draft, error, onChange }: FieldProps<ToggleSetting>) {
  const id = useId();
  return (
    <div className="architecture-toggle">
      <div className="check-field">
        <input
          id={id}
          type="checkbox"
          data-setting={setting.key}
          checked={draft[setting.key] === true}
          aria-invalid={error !== undefined}
          aria-describedby={describedBy(id, error, setting.hint)}
          onChange={(e) => onChange(setting.key, e.target.checked)}
        />
        <label htmlFor={id}>{setting.label}</label>
      </div>
      <FieldMessages id={id} hint={setting.hint} error={error} />
    </div>
  );
}

export function TierFields({
  tier,
  draft,
  errors,
  onChange,
}: {
  readonly tier: Tier;
  readonly draft: Draft;
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (key: string, value: string | boolean) => void;
}) {
  return (
    <fieldset className="form-group architecture-tier" data-tier={tier.id}>
      <legend>{tier.label}</legend>
      {tier.settings
        .filter((setting) => isActive(setting, draft))
        .map((setting) => {
          const props = { draft, error: errors.get(setting.key), onChange };
          if (setting.kind === 'toggle') return <ToggleInput key={setting.key} setting={setting} {...props} />;
          if (setting.kind === 'choice') return <ChoiceInput key={setting.key} setting={setting} {...props} />;
          return <NumberInput key={setting.key} setting={setting} {...props} />;
        })}
    </fieldset>
  );
}
