/**
 * Supervision thresholds of the case clock, from the environment. Local rules differ (DOMAIN.md
 * §2.4), so they are configuration, not code: CASE_YELLOW_DAYS_LEFT (default 2 working days) and
 * CASE_YELLOW_USED_RATIO (default 0.8 of the time limit) raise the yellow warning.
 */
export interface CaseSettings {
  /** Yellow when at most this many working days are left. */
  yellowDaysLeft: number;
  /** Yellow when at least this share of the time limit is used. */
  yellowUsedRatio: number;
  /** 行政许可法 第32条: a decision or correction notice is due within this many working days of receipt. */
  intakeDecisionDays: number;
}

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  yellowDaysLeft: 2,
  yellowUsedRatio: 0.8,
  intakeDecisionDays: 5,
};

/** Reads the thresholds; a malformed value is a start-up error rather than a silent default. */
export function loadCaseSettings(env: NodeJS.ProcessEnv = process.env): CaseSettings {
  const days = env.CASE_YELLOW_DAYS_LEFT === undefined ? 2 : Number(env.CASE_YELLOW_DAYS_LEFT);
  const ratio = env.CASE_YELLOW_USED_RATIO === undefined ? 0.8 : Number(env.CASE_YELLOW_USED_RATIO);
  if (!Number.isInteger(days) || days < 0 || days > 30) {
    throw new Error(`CASE_YELLOW_DAYS_LEFT must be an integer 0–30, got ${env.CASE_YELLOW_DAYS_LEFT}`);
  }
  if (!(ratio > 0 && ratio <= 1)) {
    throw new Error(`CASE_YELLOW_USED_RATIO must be in (0, 1], got ${env.CASE_YELLOW_USED_RATIO}`);
  }
  return { ...DEFAULT_CASE_SETTINGS, yellowDaysLeft: days, yellowUsedRatio: ratio };
}
