/** The demo accounts printed at start-up; all use DEMO_PASSWORD. */
export const demoLogins: { username: string; description: string }[] = [
  { username: 'admin', description: '系统管理员 (system administrator, whole county)' },
];
