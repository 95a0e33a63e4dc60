/** Tables owned by the org module (reach them with `db.withTables<OrgTables>()`). */
export type OrgTables = {
  org_units: OrgUnitsTable;
  windows: WindowsTable;
  staff: StaffTable;
  staff_roles: StaffRolesTable;
};

export interface OrgUnitsTable {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: string;
  credit_code: string | null;
  division_code: string | null;
  /** Materialised path of ids, '/root/child/…/self/': a subtree is a prefix match. */
  path: string;
  sort: number;
  address: string | null;
  phone: string | null;
  /** The concurrency field: 1 when stored, +1 on every change (contracts/revision.ts). */
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface WindowsTable {
  id: string;
  service_centre_id: string;
  number: string;
  name: string;
  kind: string;
  department_id: string | null;
  active: number;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface StaffTable {
  id: string;
  account_id: string;
  name: string;
  org_unit_id: string;
  window_id: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  title: string | null;
  active: number;
  /** Of the staff record and its grants (not of the account's password or lock-out). */
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface StaffRolesTable {
  id: string;
  staff_id: string;
  role: string;
  scope_org_unit_id: string;
}
