// The tiers of the cluster a learner can reshape in the Setup tab's Architecture form, as data:
// each setting says how it is labelled, its unit and bounds, and how it reads and writes a
// Scenario (tierSetting.ts). The form, its checks and its messages are driven by this list
// alone, so a new kind of tier is one more entry here, not a new branch in the form.
import { CACHE_TIER } from './cacheTier';
import { INDEXER_TIER, NOTIFIER_TIER } from './consumersTier';
import { APP_TIER, STORAGE_TIER } from './coreTiers';
import { INDEX_TIER } from './indexTier';
import { LOG_TIER } from './logTier';
import { SCALING_TIER } from './scalingTier';
import type { Tier, TierSetting } from './tierSetting';

export { DEFAULT_STORAGE_CAPACITY } from './coreTiers';
export type { ChoiceSetting, NumberSetting, Tier, TierSetting, ToggleSetting } from './tierSetting';

export const TIERS: readonly Tier[] = [
  APP_TIER,
  STORAGE_TIER,
  CACHE_TIER,
  LOG_TIER,
  INDEXER_TIER,
  NOTIFIER_TIER,
  INDEX_TIER,
  SCALING_TIER,
];

export const ALL_SETTINGS: readonly TierSetting[] = TIERS.flatMap((tier) => tier.settings);
