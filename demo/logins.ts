import type { Role } from '../contracts/access.ts';

/**
 * The demo accounts of 梨树县 (all with DEMO_PASSWORD). Org units and scopes are given by the demo
 * org-unit codes documented in demo/org.ts (literal here, so this file imports nothing of the seed):
 * 220322 county · 220322C00 县政务服务中心 · 220322D01 市场监管 · D02 公安 · D03 人社 · D20 司法 ·
 * D28 政数局 · 220322004 梨树镇 (its centre 220322004C) · 220322005 郭家店镇 · 220322004001 南杏山村.
 * Windows are `<centre code>/<window number>`. Other helpers and tests rely on these user names.
 */
export interface DemoAccount {
  username: string;
  name: string;
  title: string;
  phone: string;
  orgUnit: string;
  window: string | null;
  roles: readonly (readonly [Role, string])[];
  description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    // Kept as the role name: it is the built-in account every install also gets from create-admin.
    name: '系统管理员',
    title: '信息化科科长',
    phone: '13943401001',
    orgUnit: '220322',
    window: null,
    roles: [['system_admin', '220322']],
    description: '系统管理员，全县 (system administrator, whole county)',
  },
  {
    username: 'clerk',
    name: '李秀梅',
    title: '综合窗口受理员',
    phone: '13943401002',
    orgUnit: '220322C00',
    window: '220322C00/A01',
    roles: [['window_clerk', '220322C00']],
    description: '县政务服务中心综合受理窗口 A01 (comprehensive window clerk, county centre)',
  },
  {
    username: 'delivery',
    name: '张丽娜',
    title: '出件窗口工作人员',
    phone: '13943401003',
    orgUnit: '220322C00',
    window: '220322C00/C01',
    roles: [['window_clerk', '220322C00']],
    description: '县政务服务中心统一出件窗口 C01 (delivery window clerk)',
  },
  {
    username: 'lishuzhen',
    name: '王淑华',
    title: '便民服务中心受理员',
    phone: '13943401004',
    orgUnit: '220322004',
    window: '220322004C/A01',
    roles: [['township_clerk', '220322004']],
    description: '梨树镇便民服务中心受理员 (township clerk, 梨树镇)',
  },
  {
    username: 'guojiadian',
    name: '刘洪波',
    title: '便民服务中心受理员',
    phone: '13943401005',
    orgUnit: '220322005',
    window: '220322005C/A01',
    roles: [['township_clerk', '220322005']],
    description: '郭家店镇便民服务中心受理员 (township clerk, 郭家店镇)',
  },
  {
    username: 'village',
    name: '孙桂兰',
    title: '村代办员',
    phone: '13943401006',
    orgUnit: '220322004001',
    window: '220322004001S/A01',
    roles: [['village_agent', '220322004001']],
    description: '梨树镇南杏山村便民服务站代办员 (village agent, 南杏山村)',
  },
  {
    username: 'scjg_handler',
    name: '陈志强',
    title: '登记注册股科员',
    phone: '13943401007',
    orgUnit: '220322D01',
    window: null,
    roles: [['dept_handler', '220322D01']],
    description: '市场监督管理局承办人 (market regulation: handler)',
  },
  {
    username: 'scjg_reviewer',
    name: '杨文静',
    title: '登记注册股股长',
    phone: '13943401008',
    orgUnit: '220322D01',
    window: null,
    roles: [['dept_reviewer', '220322D01']],
    description: '市场监督管理局审核人 (market regulation: reviewer)',
  },
  {
    username: 'scjg_approver',
    name: '周宏伟',
    title: '副局长',
    phone: '13943401009',
    orgUnit: '220322D01',
    window: null,
    roles: [['dept_approver', '220322D01']],
    description: '市场监督管理局批准人 (market regulation: approver)',
  },
  {
    username: 'gaj_handler',
    name: '吴海涛',
    title: '户政民警',
    phone: '13943401010',
    orgUnit: '220322D02',
    window: '220322C00/B01',
    roles: [['dept_handler', '220322D02']],
    description: '公安局户政承办人 (public security, household registration: handler)',
  },
  {
    username: 'rsj_handler',
    name: '郑雅琴',
    title: '社会保险股科员',
    phone: '13943401011',
    orgUnit: '220322D03',
    window: null,
    roles: [['dept_handler', '220322D03']],
    description: '人力资源和社会保障局承办人 (human resources and social security: handler)',
  },
  {
    username: 'supervisor',
    name: '马春生',
    title: '效能监察员',
    phone: '13943401012',
    orgUnit: '220322D28',
    window: null,
    roles: [['supervisor', '220322']],
    description: '效能监察员，全县 (supervisor, whole county)',
  },
  {
    username: 'catalog',
    name: '高明月',
    title: '事项管理员',
    phone: '13943401013',
    orgUnit: '220322D28',
    window: null,
    roles: [['catalog_admin', '220322']],
    description: '事项管理员，全县 (catalogue administrator, whole county)',
  },
  {
    username: 'legal',
    name: '林晓东',
    title: '法制审核员',
    phone: '13943401014',
    orgUnit: '220322D20',
    window: null,
    // 法制审核 reviews every department's documents, so the grant spans the county.
    roles: [['legal_officer', '220322']],
    description: '司法局法制审核员 (legal officer at the justice bureau, reviews county-wide)',
  },
  {
    username: 'leader',
    name: '徐国庆',
    title: '局长',
    phone: '13943401015',
    orgUnit: '220322D28',
    window: null,
    roles: [['bureau_leader', '220322']],
    description: '政务服务和数字化建设管理局局长 (bureau leader, whole county)',
  },
  {
    username: 'townadmin',
    name: '何立军',
    title: '党政综合办公室主任',
    phone: '13943401016',
    orgUnit: '220322004',
    window: null,
    roles: [['system_admin', '220322004']],
    description: '梨树镇系统管理员，仅限梨树镇 (system administrator of 梨树镇 only)',
  },
];

/** The demo accounts printed at start-up; all use DEMO_PASSWORD. */
export const demoLogins: { username: string; description: string }[] = DEMO_ACCOUNTS.map((a) => ({
  username: a.username,
  description: `${a.name} · ${a.description}`,
}));
