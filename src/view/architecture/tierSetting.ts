// The kinds of setting an Architecture tier is made of: a number, an on/off toggle, or a choice
// among a few named values. Each says how it is labelled, when it is in play, and how it reads
// and writes a Scenario; the form, its checks and its messages need nothing else.
import type { Scenario } from '../../sim/index';

/** A setting is in play only while another one (a toggle or a choice) has this value. */
export interface Condition {
  readonly key: string;
  readonly is: string | boolean;
}

interface SettingBase {
  /** The scenario field it edits, as zod names it (`storage.capacity.slots`): its issues land here. */
  readonly key: string;
  /** The words beside the control, within its tier. */
  readonly label: string;
  /** The field's name in a message, where the tier is not in view ("Storage disk slots"). */
  readonly name: string;
  readonly hint?: string;
  /** Shown and applied only while these hold (and the settings they name are themselves in play). */
  readonly onlyWhen?: Condition | readonly Condition[];
  /**
   * Other zod paths whose issues land here, in the scenario being checked: a consumer group's
   * fields are named by the group's place in the list (`consumerGroups.1.topic`), not by its key.
   */
  readonly paths?: (scenario: Scenario) => readonly string[];
}

export interface NumberSetting extends SettingBase {
  readonly kind: 'number';
  /** Said after the label, in brackets: "Disks per node (disks)". */
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** May be left empty: the scenario then leaves the field out (its hint says what that means). */
  readonly optional?: boolean;
  /** A rule that depends on the rest of the scenario, checked before the schema's own words. */
  readonly check?: (value: number, scenario: Scenario) => string | null;
  read(scenario: Scenario): number | undefined;
  write(scenario: Scenario, value: number | undefined): Scenario;
}

export interface ToggleSetting extends SettingBase {
  readonly kind: 'toggle';
  read(scenario: Scenario): boolean;
  write(scenario: Scenario, on: boolean): Scenario;
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
}

export interface ChoiceSetting extends SettingBase {
  readonly kind: 'choice';
  readonly options: readonly ChoiceOption[];
  read(scenario: Scenario): string;
  write(scenario: Scenario, value: string): Scenario;
}

export type TierSetting = NumberSetting | ToggleSetting | ChoiceSetting;

export interface Tier {
  readonly id: string;
  readonly label: string;
  readonly settings: readonly TierSetting[];
}

/** While the toggle `key` is on. */
export const whenOn = (key: string): Condition => ({ key, is: true });

/** Milliseconds in the scenario, shown as seconds (to the millisecond). */
export const secondsOf = (ms: number): number => Math.round(ms) / 1000;
export const msOf = (seconds: number | undefined): number => Math.round((seconds ?? 0) * 1000);

/** A number kept in the scenario as a share (0.25) and shown as a percentage (25). */
export function percentOf(share: number): number {
  return Math.round(share * 100_000) / 1000;
}
