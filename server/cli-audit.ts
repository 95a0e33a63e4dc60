import { AUDIT_BREAK_LABELS } from '../contracts/audit.ts';
import type { CommandRegistrar } from './cli.ts';
import { verifyAuditChain } from './platform/audit/verify.ts';

/** Exit code of `verify-audit` when the chain is broken (1 stays for "the command itself failed"). */
export const AUDIT_BROKEN_EXIT_CODE = 2;

/** `onewindow verify-audit`: walks the SM3 hash chain of the audit log and reports the first break. */
export const registerAuditCommands: CommandRegistrar = (program, withPlatform) => {
  program
    .command('verify-audit')
    .description(
      'verify the SM3 hash chain of the audit log (校验审计日志哈希链); exit 0 when intact, 2 when broken',
    )
    .action(() =>
      withPlatform(
        async (platform) => {
          const result = await verifyAuditChain(platform.db);
          if (result.ok) {
            console.log(`audit log intact: ${result.rows} rows`);
            return;
          }
          const bad = result.firstBad;
          const label = bad ? AUDIT_BREAK_LABELS[bad.reason] : null;
          console.error(`审计日志链在第 ${bad?.seq} 行断开：${label?.zh}`);
          console.error(`audit log broken at seq ${bad?.seq}: ${bad?.reason}, ${label?.en}`);
          console.error(`rows intact before the break: ${result.rows}`);
          process.exitCode = AUDIT_BROKEN_EXIT_CODE;
        },
        // Verification only reads: it must not change the database it is checking.
        { migrate: false },
      ),
    );
};
