/**
 * Tables owned by the cases module (reach them with `casesDb(db)`). `case_actions` is the
 * append-only log, hash-chained per case; `cases` is its projection for lists, search, queues and
 * supervision, with the folded state as JSON so a use case loads one row; `case_numbers` hands out
 * county-wide case numbers per year; `case_processes` holds each item's back-office steps;
 * `case_warning_notices` records which warning levels staff were told of (once per case and level).
 */
export type CaseTables = {
  cases: CasesTable;
  case_actions: CaseActionsTable;
  case_numbers: CaseNumbersTable;
  case_processes: CaseProcessesTable;
  case_warning_notices: CaseWarningNoticesTable;
};

export interface CasesTable {
  id: string;
  number: string;
  parent_id: string | null;
  channel: string;
  status: string;
  item_id: string;
  item_version_id: string;
  item_code: string;
  item_name: string;
  department_id: string;
  department_path: string;
  department_name: string;
  step_index: number | null;
  step_name: string | null;
  step_role: string | null;
  step_department_path: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  intake_unit_id: string;
  intake_path: string;
  intake_unit_name: string;
  intake_level: string;
  window_id: string | null;
  window_number: string | null;
  service_point_id: string | null;
  service_point_name: string | null;
  applicant_kind: string;
  /** Enterprise names in full; personal names masked (张*): lists never show a full personal name. */
  applicant_name_masked: string;
  /** Full name, for search by name within scope; never sent in lists. */
  applicant_name: string;
  applicant_id_masked: string;
  /** HMAC-SM3 of the full ID number / credit code: exact search without decryption. */
  applicant_id_digest: string;
  applicant_phone_masked: string;
  received_at: string;
  received_on: string;
  accepted_at: string | null;
  clock_start: string | null;
  deemed_accepted: number;
  promised_due: string | null;
  legal_due: string | null;
  limit_days: number;
  used_days: number | null;
  remaining_days: number | null;
  paused: number;
  paused_days: number;
  extension_days: number;
  warning_level: string;
  lost_step: string | null;
  /** The Shanghai date the clock columns were computed for (the daily job moves it on). */
  clock_on: string;
  decision: string | null;
  concluded_at: string | null;
  delivered_at: string | null;
  closed_at: string | null;
  /** = seq of the last action: the optimistic-concurrency guard. */
  version: number;
  last_hash: string;
  /** The folded CaseState as JSON. */
  state: string;
  created_at: string;
  updated_at: string;
  /**
   * The intake request's Idempotency-Key (migration 0302), the clerk's account that sent it and an
   * HMAC-SM3 of the body it came with; null without a key. Unique per account. Written once at
   * receipt by receive-case.ts from the receive action's payload, not by the projection of the
   * state (so optional here), and rebuilt from that payload by rebuild.ts.
   */
  intake_key?: string | null;
  intake_key_account?: string | null;
  intake_key_hash?: string | null;
}

export interface CaseActionsTable {
  case_id: string;
  seq: number;
  type: string;
  actor_id: string | null;
  actor_name: string;
  org_unit_id: string | null;
  at: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface CaseNumbersTable {
  year: number;
  last: number;
}

export interface CaseProcessesTable {
  item_id: string;
  /** ProcessStepInput[] as JSON. */
  steps: string;
  revision: number;
  updated_at: string;
  updated_by: string | null;
}

export interface CaseWarningNoticesTable {
  case_id: string;
  /** yellow | red */
  level: string;
  notified_at: string;
}
