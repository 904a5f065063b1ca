// The features of the programme, in order. This order is the order of the settings in «Настройки»,
// of the steps of «Настроить программу», of the hooks run after «Утвердить пары», of the daily
// run's jobs and of the handlers of an edited sheet. A new feature declares a Feature in its folder and is added here; nothing else plugs in.
import type { SettingDefs } from '../core/settings';
import { DOCUMENTS_FEATURE } from './documents/feature';
import type { ApprovalHook, DailyJob, Feature, SetupStep, SheetEdit, WebRoute } from './feature';
import { INTAKE_FEATURE } from './intake/feature';
import { MATCHING_FEATURE } from './matching/feature';
import { MEETINGS_FEATURE } from './meetings/feature';
import { DISTRICT_FEATURE } from './monitoring/districtFeature';
import { MONITORING_FEATURE } from './monitoring/feature';
import type { SettingGroup } from './settingsSheet';

export const FEATURES: readonly Feature[] = [
  INTAKE_FEATURE,
  MATCHING_FEATURE,
  DOCUMENTS_FEATURE,
  MEETINGS_FEATURE,
  MONITORING_FEATURE,
  DISTRICT_FEATURE,
];

export const settingSections = (): SettingDefs[] => FEATURES.flatMap((f) => f.settings);
/** Настройки by feature, each under the feature's name. */
export const settingGroups = (): SettingGroup[] => FEATURES.map((f) => ({ title: f.name, defs: f.settings }));
export const setupSteps = (): SetupStep[] => FEATURES.flatMap((f) => f.setup);
export const approvalHooks = (): ApprovalHook[] => FEATURES.flatMap((f) => f.afterApproval);
export const dailyJobs = (): DailyJob[] => FEATURES.flatMap((f) => f.daily);
export const sheetEdits = (): SheetEdit[] => FEATURES.flatMap((f) => f.edits);

/** Every feature's pages by route name; a name declared twice is a programming error. */
export function webRoutes(): Map<string, WebRoute> {
  const routes = new Map<string, WebRoute>();
  for (const f of FEATURES)
    for (const [name, route] of Object.entries(f.webRoutes)) {
      if (routes.has(name)) throw new Error(`Web route «${name}» is declared twice (${f.name}).`);
      routes.set(name, route);
    }
  return routes;
}
