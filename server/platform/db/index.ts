import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { PlatformTables } from './schema.ts';
import { WalSync } from './wal-sync.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<PlatformTables>;
export type Tx = Transaction<PlatformTables>;
/** Either the database or a transaction on it: use cases take this so callers choose the boundary. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** The SQLite file, when the embedded database is used. */
  sqliteFile: string | null;
  /** Online backup of the embedded database to a file (SQLite only). */
  backup(toFile: string): Promise<void>;
  /**
   * Resolves once everything committed so far is on disk. Transactions through inTransaction and
   * group-commit.ts, and writes outside a transaction, wait for it before they return (SQLite, see
   * wal-sync.ts); PostgreSQL commits durably by itself.
   */
  durable(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** Overrides the SQLite file name (tests use a temporary file). */
  sqliteFile?: string;
}

// PostgreSQL returns int8 (count(*), bigint) as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens SQLite (the embedded default, durable: WAL, flushed before any write returns) or PostgreSQL. */
export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover, DROP DATABASE) must not crash the
    // process: the pool discards it and opens a new one on the next query.
    pool.on('error', (err) => {
      if (!/terminating connection due to administrator command/.test(err.message)) {
        console.error(`PostgreSQL idle connection lost: ${err.message}`);
      }
    });
    const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      sqliteFile: null,
      backup: async () => {
        throw new Error('On PostgreSQL use pg_dump for backups: pg_dump "$DATABASE_URL" > onewindow.sql');
      },
      durable: async () => undefined,
      close: () => db.destroy(),
    };
  }
  const file = options.sqliteFile ?? path.join(options.dataDir, 'onewindow.sqlite');
  // SQLite's in-memory database has no file to protect (and a file named ':memory:' must not appear).
  if (file !== ':memory:') keepPrivate(file, path.resolve(options.dataDir));
  const sqlite = new BetterSqlite3(file);
  const wal = sqlite.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  // In WAL mode the WAL is flushed off the event loop before any write is acknowledged
  // (wal-sync.ts), which is what synchronous=FULL guarantees; elsewhere SQLite syncs each commit.
  const walSync = wal ? new WalSync(`${file}-wal`) : null;
  sqlite.pragma(walSync ? 'synchronous = NORMAL' : 'synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite copies the WAL back into the database (a checkpoint, two fsyncs, on this thread) when
  // the WAL reaches this many pages. The default, 1,000 pages (4 MB), means several checkpoints a
  // second under load, each writing again the pages every commit touches (the ends of the
  // indexes, the audit chain); 10,000 pages (40 MB) copies each of them once per 10× more commits.
  sqlite.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  const db = new Kysely<PlatformTables>({
    dialect: new QueuedSqliteDialect({ database: withStatementCache(sqlite), walSync }),
  });
  return {
    db,
    dialect: 'sqlite',
    sqliteFile: file,
    backup: async (toFile) => {
      await sqlite.backup(toFile);
      chmodSync(toFile, 0o600);
    },
    durable: () => walSync?.durable() ?? Promise.resolve(),
    close: async () => {
      await walSync?.durable();
      await db.destroy();
      await walSync?.close();
    },
  };
}

/** WAL pages after which a commit checkpoints (see openDatabase). */
const WAL_CHECKPOINT_PAGES = 10_000;

/**
 * Kysely prepares every query anew; on better-sqlite3 compiling a statement costs more than running a
 * small one. Our queries are a bounded set of SQL texts with parameters, so compiled statements are
 * kept and reused (SQLite recompiles a kept statement itself after a schema change).
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteHandle {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(source: string) {
      let statement = cache.get(source);
      if (!statement) {
        if (cache.size >= 2000) cache.clear();
        statement = sqlite.prepare(source);
        cache.set(source, statement);
      }
      return statement;
    },
    close() {
      cache.clear();
      return sqlite.close();
    },
    get inTransaction() {
      return sqlite.inTransaction;
    },
  } as SqliteHandle;
}

/**
 * Kysely's SQLite driver lends its one connection through a lock that, on each release, wakes every
 * waiter, all but one of which go back to sleep: under load (dozens of requests waiting while a
 * write transaction holds the connection) that is dozens of wake-ups per query. This driver queues
 * the waiters and hands the connection to the next one only, first come first served.
 */
class QueuedSqliteDriver extends SqliteDriver {
  private readonly waiting: (() => void)[] = [];
  private held = false;
  private durableConnection: DatabaseConnection | null = null;

  constructor(private readonly options: QueuedSqliteOptions) {
    super(options as ConstructorParameters<typeof SqliteDialect>[0]);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    // Either it was free, or the releaser handed it over still marked as held.
    this.held = true;
    const connection = await super.acquireConnection();
    const walSync = this.options.walSync;
    if (!walSync) return connection;
    // A write outside a transaction is its own commit: it waits for the flush before returning.
    this.durableConnection ??= {
      executeQuery: async (query) => {
        const result = await connection.executeQuery(query);
        if (!this.options.database.inTransaction && WRITE_STATEMENT.test(query.sql)) {
          walSync.markWritten();
          await walSync.durable();
        }
        return result;
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    } as DatabaseConnection;
    return this.durableConnection;
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await super.commitTransaction(connection);
    this.options.walSync?.markWritten();
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

const WRITE_STATEMENT = /^\s*(insert|update|delete|replace|create|drop|alter)\b/i;

/** Compiled statements by SQL text, as the statement cache hands them out. */
export type StatementSource = Pick<BetterSqlite3.Database, 'prepare'>;

/**
 * The SQLite adapter, carrying the connection's statements: a query built once (prepared.ts) and
 * run inside a transaction, which holds the one connection from BEGIN to its end, goes straight to
 * its compiled statement instead of through Kysely's executor, a chain of promises per query.
 */
export class DirectSqliteAdapter extends SqliteAdapter {
  constructor(readonly statements: StatementSource) {
    super();
  }
}

/** The one SQLite connection as the driver sees it: compiled statements, and whether a transaction is open. */
type SqliteHandle = StatementSource & Pick<BetterSqlite3.Database, 'close' | 'inTransaction'>;

interface QueuedSqliteOptions {
  database: SqliteHandle;
  walSync: WalSync | null;
}

class QueuedSqliteDialect extends SqliteDialect {
  constructor(private readonly queuedOptions: QueuedSqliteOptions) {
    super(queuedOptions as unknown as ConstructorParameters<typeof SqliteDialect>[0]);
  }

  override createDriver(): Driver {
    return new QueuedSqliteDriver(this.queuedOptions);
  }

  override createAdapter(): SqliteAdapter {
    return new DirectSqliteAdapter(this.queuedOptions.database);
  }
}

/** Cheap liveness query used by /healthz. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Serialises writers of one kind across processes on PostgreSQL (SQLite has one writer anyway). */
export async function lockForWrite(trx: Tx, dialect: Dialect, key: number): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}

/**
 * Only the server's own user may read the database: the data directory 0700, the file 0600 (created
 * so before SQLite opens it; SQLite gives its -wal and -shm files the database file's mode), and
 * an existing database, WAL or shared-memory file put back to 0600 at every start.
 */
function keepPrivate(file: string, dataDir: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (path.resolve(dir) === dataDir) chmodSync(dir, 0o700);
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}
