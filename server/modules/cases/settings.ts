import { numberSetting, type SettingsSource } from '../../platform/config.ts';
import { type CaseSettings, DEFAULT_CASE_SETTINGS } from './domain/case-settings.ts';

/**
 * Supervision thresholds of the case clock, from the configuration. Local rules differ (DOMAIN.md
 * §2.4), so they are configuration, not code: CASE_YELLOW_DAYS_LEFT (default 2 working days) and
 * CASE_YELLOW_USED_RATIO (default 0.8 of the time limit) raise the yellow warning. A malformed
 * value stops the start with CONFIG_INVALID naming the variable, rather than a silent default.
 */
export function loadCaseSettings(source: SettingsSource): CaseSettings {
  return {
    ...DEFAULT_CASE_SETTINGS,
    yellowDaysLeft: numberSetting(source, 'CASE_YELLOW_DAYS_LEFT', {
      fallback: DEFAULT_CASE_SETTINGS.yellowDaysLeft,
      integer: true,
      min: 0,
      max: 30,
    }),
    yellowUsedRatio: numberSetting(source, 'CASE_YELLOW_USED_RATIO', {
      fallback: DEFAULT_CASE_SETTINGS.yellowUsedRatio,
      min: 0.01,
      max: 1,
    }),
  };
}
