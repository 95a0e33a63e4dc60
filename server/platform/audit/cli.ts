import path from 'node:path';
import { AUDIT_BREAK_LABELS, AUDIT_PROBLEM_LABELS, type AuditProblem } from '../../../contracts/audit.ts';
import type { CommandRegistrar } from '../module.ts';
import { createCheckpoint } from './create-checkpoint.ts';
import { verifyAudit } from './verify-anchored.ts';

/** Exit code of `verify-audit` when the chain is broken (1 stays for "the command itself failed"). */
export const AUDIT_BROKEN_EXIT_CODE = 2;

/**
 * `onewindow verify-audit`: walks the SM3 hash chain of the audit log and the per-case action
 * chains and checks them against the latest signed checkpoint (or all); `onewindow audit
 * checkpoint`: writes a signed checkpoint now and prints it.
 */
export const registerAuditCommands: CommandRegistrar = (program, withPlatform, house) => {
  program
    .command('verify-audit')
    .description(
      'verify the SM3 hash chain of the audit log and the case action chains against the latest signed checkpoint ' +
        '(校验审计日志哈希链与签名检查点); exit 0 when intact, 2 when anything is wrong',
    )
    .option('--all-checkpoints', 'check every checkpoint in AUDIT_CHECKPOINT_DIR, not only the latest')
    .action((opts: { allCheckpoints?: boolean }) =>
      withPlatform(
        async (platform) => {
          const result = await verifyAudit(platform, house.anchoredChains, {
            checkpoints: opts.allCheckpoints ? 'all' : 'latest',
          });
          const latest = result.checkpoints.latest;
          const anchorLine = latest
            ? `checked against ${result.checkpoints.checked} signed checkpoint(s); latest ${latest.file} (seq ${latest.seq}, ${latest.at})`
            : 'no signed checkpoint yet (尚无签名检查点): deleting the newest rows cannot be detected; run `onewindow audit checkpoint`';
          if (result.ok) {
            console.log(`audit log intact: ${result.rows} rows`);
            console.log(anchorLine);
            return;
          }
          const bad = result.firstBad;
          if (bad) {
            const label = AUDIT_BREAK_LABELS[bad.reason];
            console.error(`审计日志链在第 ${bad.seq} 行断开：${label.zh}`);
            console.error(`audit log broken at seq ${bad.seq}: ${bad.reason}, ${label.en}`);
            console.error(`rows intact before the break: ${result.rows}`);
          }
          for (const p of result.problems) console.error(problemLine(p));
          console.error(anchorLine);
          process.exitCode = AUDIT_BROKEN_EXIT_CODE;
        },
        // Verification only reads: it must not change the database it is checking.
        { migrate: false },
      ),
    );

  const auditCommand = program.command('audit').description('audit log anchoring (审计日志签名检查点)');
  auditCommand
    .command('checkpoint')
    .description(
      'write a checkpoint signed with the platform SM2 key (latest audit seq and hash, the case action chains, the time) ' +
        'to AUDIT_CHECKPOINT_DIR and print it with the public key',
    )
    .action(() =>
      withPlatform(async (platform) => {
        const { file, checkpoint } = await createCheckpoint(platform, null, { chains: house.anchoredChains });
        console.log(`checkpoint written: ${path.join(platform.config.auditCheckpointDir, file)}`);
        console.log(JSON.stringify(checkpoint, null, 2));
        console.log(
          `platform SM2 public key (平台 SM2 公钥):\n${checkpoint.publicKey}\n${checkpoint.publicKeyPem}`,
        );
      }),
    );
};

/** One problem as a line in both languages, naming where it is. */
function problemLine(p: AuditProblem): string {
  const label = AUDIT_PROBLEM_LABELS[p.problem];
  const where = [
    p.file && `checkpoint ${p.file}`,
    p.chain && `chain ${p.chain}`,
    p.entityId && `id ${p.entityId}`,
    p.seq !== undefined && `seq ${p.seq}`,
    p.expected && `expected ${p.expected}`,
    p.found && `found ${p.found}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${p.problem}: ${label.zh} / ${label.en}${where ? ` (${where})` : ''}`;
}
