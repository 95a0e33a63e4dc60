/** The case clock's supervision thresholds (read from configuration by settings.ts): a pure value. */
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
