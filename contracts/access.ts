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
  'jobs.read',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ_ORG: readonly Action[] = ['org.read', 'staff.read', 'calendar.read'];

/** What each role may do, inside the scope of its grant. */
export const ROLE_ACTIONS = {
  window_clerk: [...READ_ORG],
  dept_handler: [...READ_ORG],
  dept_reviewer: [...READ_ORG],
  dept_approver: [...READ_ORG],
  township_clerk: [...READ_ORG],
  village_agent: ['org.read', 'calendar.read'],
  supervisor: [...READ_ORG, 'audit.read'],
  catalog_admin: [...READ_ORG],
  legal_officer: [...READ_ORG],
  bureau_leader: [...READ_ORG, 'audit.read', 'outbox.read'],
  system_admin: [
    ...READ_ORG,
    'org.manage',
    'window.manage',
    'staff.manage',
    'staff.readPersonal',
    'calendar.manage',
    'audit.read',
    'outbox.read',
    'jobs.read',
  ],
} as const satisfies Record<Role, readonly Action[]>;

/** One grant of a role, limited to an org-unit subtree. */
export interface GrantView {
  role: Role;
  scopeOrgUnitId: string;
  scopeName: string;
}
