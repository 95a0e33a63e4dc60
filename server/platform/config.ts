import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { AppError } from './errors.ts';

/** Everything the process reads from its environment, with the defaults of the embedded setup. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://…` switches to PostgreSQL; otherwise SQLite at `${dataDir}/onewindow.sqlite`. */
  databaseUrl: string | null;
  demoPassword: string;
  /** 16-byte SM4 key for personal data at rest, hex. */
  encryptionKey: Buffer;
  /** Where the built web app lives; null when it is not built. */
  webDir: string | null;
  /** Poll interval of the job runner, ms; 0 disables the runner in this process. */
  jobPollMs: number;
  /** SMS provider (SMS_PROVIDER): 'outbox' by default, which delivers nowhere; see platform/notify/README.md. */
  smsProvider: string;
  /** SMS signature (SMS_SIGNATURE) put in 【】 before every text message. */
  smsSignature: string;
  publicUrl: string;
  /** Log-in attempts per client address per minute (LOGIN_RATE_LIMIT). */
  loginRateLimit: number;
  /**
   * Whose X-Forwarded-For is believed (TRUST_PROXY): the reverse proxies' addresses or CIDRs.
   * Off by default: otherwise any client could name its own address and slip
   * past the per-address rate limits (log-in, the public progress lookup) and into the audit log.
   */
  trustProxy: string[] | false;
  /**
   * The platform's SM2 private key (ONEWINDOW_SIGNING_KEY, 64 hex characters) that signs the audit
   * checkpoints; null: generated once in DATA_DIR/signing.key (platform/audit/signing-key.ts).
   */
  signingKey: string | null;
  /** Where signed audit checkpoints are written (AUDIT_CHECKPOINT_DIR; DATA_DIR/audit-checkpoints). */
  auditCheckpointDir: string;
  /** Where uploaded files' bytes live (FILE_STORAGE): `disk` (DATA_DIR/files) or `database`; see platform/files/README.md. */
  fileStorage: 'disk' | 'database';
  /** The largest upload accepted, bytes (UPLOAD_MAX_FILE_BYTES, 10 MB). */
  uploadMaxFileBytes: number;
  /** The most all the files of one group (a case's materials) may add up to, bytes (UPLOAD_MAX_GROUP_BYTES, 50 MB). */
  uploadMaxGroupBytes: number;
  /**
   * The environment this configuration was read from: modules read their own settings from it
   * with the helpers below (numberSetting), so a module's setting is checked like the platform's.
   */
  source: SettingsSource;
}

/** The variables a configuration is read from (process.env, or a test's own). */
export type SettingsSource = Readonly<Record<string, string | undefined>>;

export const DEFAULT_DEMO_PASSWORD = 'Lishu@2026';

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG_INVALID', { field: 'PORT', value: env.PORT });
  }
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const databaseUrl = env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : null;
  const host = env.HOST ?? '0.0.0.0';
  const webDir = path.resolve(env.WEB_DIR ?? 'dist/web');
  return {
    env: mode,
    port,
    host,
    dataDir,
    databaseUrl,
    demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    encryptionKey: resolveEncryptionKey(env, mode, dataDir),
    webDir: existsSync(path.join(webDir, 'index.html')) ? webDir : null,
    jobPollMs: env.JOB_POLL_MS === undefined ? 1000 : Number(env.JOB_POLL_MS),
    smsProvider: env.SMS_PROVIDER?.trim() || 'outbox',
    smsSignature: env.SMS_SIGNATURE?.trim() || '梨树县政务服务',
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    signingKey: parseSigningKey(env.ONEWINDOW_SIGNING_KEY),
    auditCheckpointDir: path.resolve(
      env.AUDIT_CHECKPOINT_DIR?.trim() || path.join(dataDir, 'audit-checkpoints'),
    ),
    fileStorage: parseFileStorage(env.FILE_STORAGE),
    uploadMaxFileBytes: numberSetting(env, 'UPLOAD_MAX_FILE_BYTES', {
      fallback: 10 * 1024 * 1024,
      min: 1,
      max: 1024 * 1024 * 1024,
      integer: true,
    }),
    uploadMaxGroupBytes: numberSetting(env, 'UPLOAD_MAX_GROUP_BYTES', {
      fallback: 50 * 1024 * 1024,
      min: 1,
      max: 16 * 1024 * 1024 * 1024,
      integer: true,
    }),
    source: { ...env },
  };
}

/**
 * A numeric setting of a module: unset or blank gives the fallback; anything else must be a number
 * in [min, max] (an integer when asked), or the start stops with CONFIG_INVALID naming the
 * variable and the value. List each in the README's configuration table.
 */
export function numberSetting(
  source: SettingsSource,
  name: string,
  rule: { fallback: number; min: number; max: number; integer?: boolean },
): number {
  const raw = source[name]?.trim();
  if (raw === undefined || raw === '') return rule.fallback;
  const value = Number(raw);
  const fits = Number.isFinite(value) && value >= rule.min && value <= rule.max;
  if (!fits || (rule.integer && !Number.isInteger(value))) {
    throw new AppError('CONFIG_INVALID', {
      field: name,
      value: raw,
      expected: `${rule.integer ? 'an integer' : 'a number'} from ${rule.min} to ${rule.max}`,
    });
  }
  return value;
}

/** FILE_STORAGE: unset → `disk`; `disk` or `database`, anything else stops the start. */
function parseFileStorage(value: string | undefined): Config['fileStorage'] {
  const given = value?.trim() || 'disk';
  if (given !== 'disk' && given !== 'database') {
    throw new AppError('CONFIG_INVALID', {
      field: 'FILE_STORAGE',
      value: given,
      expected: 'disk or database',
    });
  }
  return given;
}

/** ONEWINDOW_SIGNING_KEY: an SM2 private key, 64 hex characters; unset → null. */
function parseSigningKey(value: string | undefined): string | null {
  const given = value?.trim();
  if (!given) return null;
  if (!/^[0-9a-fA-F]{64}$/.test(given)) {
    throw new AppError('CONFIG_INVALID', {
      field: 'ONEWINDOW_SIGNING_KEY',
      expected: '64 hex characters (an SM2 private key)',
    });
  }
  return given.toLowerCase();
}

/** TRUST_PROXY: empty → nobody; `127.0.0.1,10.0.0.0/8` → those addresses. */
function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  const given = value?.trim();
  if (!given) return false;
  const addresses = given
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const wrong = addresses.find((a) => {
    const [ip = '', prefix] = a.split('/');
    return isIP(ip) === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix));
  });
  if (wrong !== undefined) {
    throw new AppError('CONFIG_INVALID', {
      field: 'TRUST_PROXY',
      value: wrong,
      expected: 'IP addresses or CIDRs separated by commas',
    });
  }
  return addresses;
}

/**
 * The SM4 key comes from ONEWINDOW_ENCRYPTION_KEY (32 hex characters). In production it must be set;
 * the embedded default generates one in DATA_DIR so a demo keeps working across restarts.
 */
function resolveEncryptionKey(env: NodeJS.ProcessEnv, mode: Config['env'], dataDir: string): Buffer {
  const given = env.ONEWINDOW_ENCRYPTION_KEY;
  if (given) {
    if (!/^[0-9a-fA-F]{32}$/.test(given)) {
      throw new AppError('CONFIG_INVALID', {
        field: 'ONEWINDOW_ENCRYPTION_KEY',
        expected: '32 hex characters',
      });
    }
    return Buffer.from(given, 'hex');
  }
  if (mode === 'production') {
    throw new AppError('CONFIG_ENCRYPTION_KEY_MISSING');
  }
  const file = path.join(dataDir, 'encryption.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(16);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
