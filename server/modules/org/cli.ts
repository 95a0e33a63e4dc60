import { randomBytes, randomInt } from 'node:crypto';
import type { CommandRegistrar } from '../../platform/module.ts';
import { createFirstAdmin } from './staff/create-first-admin.ts';

/** A strong random password: 16 characters from an unambiguous alphabet, with letters and digits. */
export function generatePassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const bytes = randomBytes(14);
  const body = [...bytes].map((b) => all[b % all.length]).join('');
  // One guaranteed digit and one guaranteed letter, at random places, so the house rule always holds.
  const chars = [...body, digits[randomInt(digits.length)], letters[randomInt(letters.length)]];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

/**
 * `onewindow create-admin`: the first county-wide system administrator of a production install
 * (which starts empty: the root org unit is created too when there is none).
 */
export const registerAdminCommands: CommandRegistrar = (program, withPlatform) => {
  program
    .command('create-admin')
    .description(
      'create a county-wide system administrator (创建系统管理员); makes the root org unit if none',
    )
    .option('--username <name>', 'log-in name', 'admin')
    .option('--name <name>', 'display name', '系统管理员')
    .option(
      '--password <password>',
      'initial password (12+ characters of two kinds, not a common one); generated when absent',
    )
    .option('--root-name <name>', 'name of the root org unit, if one is created', '梨树县人民政府')
    .option(
      '--root-code <code>',
      'code (and division code) of the root org unit, if one is created',
      '220322',
    )
    .action(
      (opts: { username: string; name: string; password?: string; rootName: string; rootCode: string }) =>
        withPlatform(async (platform) => {
          const password = opts.password ?? generatePassword();
          const result = await createFirstAdmin(platform, {
            username: opts.username,
            name: opts.name,
            password,
            root: {
              code: opts.rootCode,
              name: opts.rootName,
              divisionCode: /^\d{6}$/.test(opts.rootCode) ? opts.rootCode : null,
            },
          });
          if (result.rootCreated) console.log(`root org unit created: ${result.rootName}`);
          console.log(
            `system administrator "${opts.username}" created at ${result.rootName} (系统管理员已创建)`,
          );
          if (!opts.password) {
            // Printed once and stored nowhere in clear: the administrator must change it at first log-in.
            console.log(`initial password (shown once, change it at first log-in): ${password}`);
          } else {
            console.log('the password must be changed at first log-in (首次登录须修改密码)');
          }
        }),
    );
};
