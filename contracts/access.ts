/**
 * Roles and actions: the access vocabulary shared by the server (which refuses) and the console
 * (which hides what would be refused). An action is always a member of `Action`, never a bare string.
 */
export const ROLES = [
  'window_clerk',
  'dept_handler',
  'dept_reviewer',
  'dept_approver',
  'township_clerk',
  'village_agent',
  'supervisor',
  'catalog_admin',
  'legal_officer',
  'bureau_leader',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  window_clerk: { zh: '综合窗口受理员', en: 'Comprehensive window clerk' },
  dept_handler: { zh: '部门承办人', en: 'Department handler' },
  dept_reviewer: { zh: '部门审核人', en: 'Department reviewer' },
  dept_approver: { zh: '部门批准人', en: 'Department approver' },
  township_clerk: { zh: '乡镇便民服务中心受理员', en: 'Township service-centre clerk' },
  village_agent: { zh: '村(社区)代办员', en: 'Village service agent' },
  supervisor: { zh: '效能监察员', en: 'Supervisor' },
  catalog_admin: { zh: '事项管理员', en: 'Catalogue administrator' },
  legal_officer: { zh: '法制审核员', en: 'Legal officer' },
  bureau_leader: { zh: '局领导', en: 'Bureau leader' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
};

export const ACTIONS = [
  'org.read',
  'org.manage',
  'window.manage',
  'staff.read',
  'staff.manage',
  'staff.readPersonal',
  'calendar.read',
  'calendar.manage',
  'audit.read',
  'outbox.read',
  'outbox.send',
  'jobs.read',
  'jobs.manage',
  'catalog.read',
  'catalog.propose',
  'catalog.edit',
  'catalog.publish',
  'case.accept',
  'case.handle',
  'case.review',
  'case.approve',
  'case.extend',
  'case.deliver',
  'case.read',
  'case.readPersonal',
  'case.supervise',
  'case.void',
  'process.manage',
  // example — the template module (server/modules/example/, not mounted in production). A new module
  // adds its actions here as `module.verbObject`, then gives them to roles in ROLE_ACTIONS below.
  'example.readNotes',
  'example.writeNotes',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ_ORG: readonly Action[] = ['org.read', 'staff.read', 'calendar.read', 'catalog.read'];
/** Department staff propose catalogue changes for their own department's items (scope = the department). */
const PROPOSE_CATALOG: readonly Action[] = ['catalog.propose'];
/** Everyone who works on cases reads them (and, audited, their personal data) within the grant's scope. */
const CASE_READ: readonly Action[] = ['case.read', 'case.readPersonal'];
/** example (the template module): a township's clerks keep short notes for their own township. */
const EXAMPLE_NOTES: readonly Action[] = ['example.readNotes', 'example.writeNotes'];

/** What each role may do, inside the scope of its grant. */
export const ROLE_ACTIONS = {
  window_clerk: [...READ_ORG, ...CASE_READ, 'case.accept', 'case.deliver'],
  dept_handler: [...READ_ORG, ...PROPOSE_CATALOG, ...CASE_READ, 'case.handle', 'case.deliver'],
  dept_reviewer: [...READ_ORG, ...PROPOSE_CATALOG, ...CASE_READ, 'case.review'],
  dept_approver: [...READ_ORG, ...PROPOSE_CATALOG, ...CASE_READ, 'case.approve', 'case.extend'],
  township_clerk: [...READ_ORG, ...CASE_READ, 'case.accept', 'case.deliver', ...EXAMPLE_NOTES],
  village_agent: ['org.read', 'calendar.read', 'catalog.read', ...CASE_READ, 'case.accept'],
  supervisor: [...READ_ORG, 'audit.read', 'case.read', 'case.supervise', 'case.void'],
  catalog_admin: [...READ_ORG, 'catalog.edit', 'catalog.publish', 'process.manage'],
  legal_officer: [...READ_ORG],
  bureau_leader: [...READ_ORG, 'audit.read', 'outbox.read', 'case.read', 'case.supervise'],
  system_admin: [
    ...READ_ORG,
    'org.manage',
    'window.manage',
    'staff.manage',
    'staff.readPersonal',
    'calendar.manage',
    'audit.read',
    'outbox.read',
    'outbox.send',
    'jobs.read',
    'jobs.manage',
  ],
} as const satisfies Record<Role, readonly Action[]>;

/** One grant of a role, limited to an org-unit subtree. */
export interface GrantView {
  role: Role;
  scopeOrgUnitId: string;
  scopeName: string;
}
