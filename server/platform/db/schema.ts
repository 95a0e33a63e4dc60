import type { Generated } from 'kysely';

/**
 * Tables owned by platform/. Each business module declares its own tables next to its store and
 * reaches them with `db.withTables<ModuleTables>()`; no module reads another module's tables.
 * Timestamps are UTC ISO text, booleans are 0/1 integers and JSON is text, on both dialects.
 */
export type PlatformTables = {
  accounts: AccountsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  jobs: JobsTable;
  notifications: NotificationsTable;
  attempt_counters: AttemptCountersTable;
  login_addresses: LoginAddressesTable;
  domain_events: DomainEventsTable;
  event_receipts: EventReceiptsTable;
  files: FilesTable;
  file_blobs: FileBlobsTable;
};

export interface AccountsTable {
  id: string;
  username: string;
  password_hash: string;
  kind: 'staff' | 'citizen';
  failed_attempts: Generated<number>;
  locked_until: string | null;
  disabled: Generated<number>;
  must_change_password: Generated<number>;
  password_changed_at: string | null;
  created_at: string;
}

/** Failure counters of the attempt limiter (platform/attempts), one row per key. */
export interface AttemptCountersTable {
  key: string;
  failures: number;
  first_at: string;
  last_at: string;
}

/** Where an account last logged in from, and when (platform/auth/login.ts). */
export interface LoginAddressesTable {
  account_id: string;
  ip: string;
  last_login_at: string;
}

export interface SessionsTable {
  /** SM3 digest of the session token; the token itself lives only in the cookie. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_unit_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
  published_at: string;
  published_by: string | null;
  /** Random token replaced on every edit of the year (added by 0002_calendar_seed): cache check. */
  version: string | null;
}

export interface CalendarDaysTable {
  date: string;
  year: number;
  workday: number;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup';
  name: string | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: 'pending' | 'running' | 'done' | 'dead';
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
  /** Jobs of one key run one at a time, in `order_seq` order (0007_domain_events); null: unordered. */
  order_key: string | null;
  order_seq: number | null;
}

/** The outbox of domain events (platform/events), numbered 1, 2, … per subject. */
export interface DomainEventsTable {
  id: string;
  type: string;
  subject_id: string;
  subject_seq: number;
  /** JSON of ids and codes only, never personal data. */
  payload: string;
  recorded_at: string;
}

/** "Subscriber S has handled event E", written in the transaction of the handler's effect. */
export interface EventReceiptsTable {
  subscriber: string;
  event_id: string;
  handled_at: string;
}

export interface NotificationsTable {
  id: string;
  channel: 'sms' | 'inbox';
  recipient_masked: string | null;
  recipient_enc: string | null;
  recipient_account_id: string | null;
  template: string;
  body: string;
  status: 'queued' | 'sent' | 'failed';
  provider: string | null;
  error: string | null;
  related_type: string | null;
  related_id: string | null;
  created_at: string;
  sent_at: string | null;
  read_at: string | null;
  /** What the provider answered (0003_jobs_notify). */
  provider_message_id: string | null;
  /** The SM4-encrypted body when the text carries a secret; `body` then shows it masked (0003). */
  body_enc: string | null;
}

/** A stored upload (platform/files, 0008_files): what it is and whose; its bytes are in `storage`. */
export interface FilesTable {
  id: string;
  /** Who uploaded it, as the calling module names it (`portal_account` and the account's id). */
  owner_kind: string;
  owner_id: string;
  /** What it belongs to (`application` and its id); the group whose sizes add up to UPLOAD_MAX_GROUP_BYTES. */
  purpose: string | null;
  related_id: string | null;
  /** The sanitised display name; never a path. */
  original_name: string;
  /** Detected from the content: application/pdf, image/jpeg or image/png. */
  media_type: string;
  size: number;
  /** SM3 of the stored bytes, hex. */
  sm3: string;
  /** Which storage holds the bytes: `disk` or `database`. */
  storage: string;
  created_at: string;
  deleted_at: string | null;
}

/** The bytes of a file kept in the database (FILE_STORAGE=database). */
export interface FileBlobsTable {
  id: string;
  bytes: Buffer;
}
