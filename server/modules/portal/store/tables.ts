import type { PortalEnterpriseRole, RealNameLevel } from '../../../../contracts/portal.ts';

/** Tables owned by the portal module (reach them with `portalDb(db)`); no other module reads them. */
export type PortalTables = {
  portal_accounts: PortalAccountsTable;
  portal_login_codes: PortalLoginCodesTable;
  portal_sessions: PortalSessionsTable;
  portal_applications: PortalApplicationsTable;
  portal_application_files: PortalApplicationFilesTable;
  portal_enterprises: PortalEnterprisesTable;
  portal_enterprise_members: PortalEnterpriseMembersTable;
};

/**
 * An online application of one account for one item version. Its form holds personal values, so
 * the whole form is one SM4 ciphertext (JSON); the situation answers are ids only.
 */
export interface PortalApplicationsTable {
  id: string;
  account_id: string;
  item_id: string;
  /** The published version the draft was started on: its form, situations and materials. */
  item_version_id: string;
  status: 'draft' | 'submitted';
  /** JSON: question id → answer ids. */
  situations: string;
  /** SM4 of the JSON form values. */
  form_enc: string;
  revision: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  /** The case it became once submitted (cases module), and its number; null while a draft (0412). */
  case_id: string | null;
  case_number: string | null;
}

/**
 * A file uploaded for one material of an online application (the link to platform/files' record).
 * Name, type and size are copies of the stored file's (which never changes), for the checklist.
 */
export interface PortalApplicationFilesTable {
  /** The platform/files id. */
  file_id: string;
  application_id: string;
  /** The catalogue material (of the draft's item version) it was uploaded for. */
  material_id: string;
  /** The sanitised display name (possibly personal: never audited). */
  file_name: string;
  /** Detected from the content by platform/files. */
  media_type: string;
  size: number;
  uploaded_at: string;
}

/**
 * A citizen's portal account. It is not a staff account (`accounts`): staff routes never see it,
 * and its sessions are its own table. Personal values are SM4 ciphertext beside their masked form;
 * the phone and ID number also have an HMAC-SM3 digest (the platform key) to be found by.
 */
export interface PortalAccountsTable {
  id: string;
  kind: 'citizen';
  /** HMAC-SM3 of the mobile number: unique, the log-in looks the account up by it. */
  phone_digest: string;
  phone_enc: string;
  phone_masked: string;
  name_enc: string | null;
  name_masked: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  /** The same digest as a case applicant's (`applicantDigest` of cases): links window cases to the account. */
  id_number_digest: string | null;
  address_enc: string | null;
  address_masked: string | null;
  real_name_level: RealNameLevel;
  /** The identity provider that set the level (`dev-stub`, later the province's). */
  identity_provider: string | null;
  identity_checked_at: string | null;
  disabled: number;
  /** 1 when opened, +1 at each change of the profile: the concurrency field. */
  revision: number;
  created_at: string;
  updated_at: string;
}

/** A one-time log-in code: only its digest is kept; used once, five tries, five minutes. */
export interface PortalLoginCodesTable {
  id: string;
  phone_digest: string;
  /** HMAC-SM3 of the number and the code under the platform key: six digits cannot be tried offline. */
  code_digest: string;
  tries: number;
  created_at: string;
  expires_at: string;
  /** When it logged someone in, or was replaced by a newer code; null while it may still be used. */
  used_at: string | null;
  ip: string | null;
}

/** A portal session: the SM3 digest of the cookie's token, its own CSRF token. */
export interface PortalSessionsTable {
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/**
 * An enterprise registered on the portal: one per credit code. The legal representative is SM4
 * ciphertext beside its masked form (a person's name); the code, name and address are the
 * enterprise's public registration and stay in clear.
 */
export interface PortalEnterprisesTable {
  id: string;
  /** 统一社会信用代码, upper-cased, check digit checked: unique. */
  credit_code: string;
  name: string;
  legal_representative_enc: string;
  legal_representative_masked: string;
  address: string;
  /** The portal account that registered it (its first administrator). */
  registered_by: string;
  /** 1 when registered, +1 at each change of the profile: the concurrency field. */
  revision: number;
  created_at: string;
  updated_at: string;
}

/**
 * A member of an enterprise, by mobile number: the number's HMAC digest (as `portal_accounts`),
 * so an account is a member from its first log-in, matched without decrypting. Removed = deleted.
 */
export interface PortalEnterpriseMembersTable {
  id: string;
  enterprise_id: string;
  phone_digest: string;
  phone_masked: string;
  role: PortalEnterpriseRole;
  /** The administrator's account that added it (the registering account for the first). */
  added_by: string;
  added_at: string;
}
