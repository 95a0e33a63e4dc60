import { type FileHandle, open } from 'node:fs/promises';

/**
 * Durability of the embedded database without stopping the event loop.
 *
 * With `synchronous = FULL`, SQLite calls fsync inside every COMMIT: the one thread that serves
 * every request waits for the disk (0.4 ms on a quiet virtual disk, 5–90 ms under load) and can do
 * nothing else. Here the connection runs with `synchronous = NORMAL` (a commit writes its WAL
 * frames, no fsync; checkpoints still sync the WAL before copying it and the database after), and
 * this class flushes the WAL file with fdatasync on libuv's thread pool. The rule that keeps the
 * FULL guarantee — an acknowledged write survives a power cut — is that nothing is acknowledged
 * before `durable()` resolves: every transaction (platform/context.ts: inTransaction, and the
 * grouped transactions of group-commit.ts) and every write outside a transaction (the driver in
 * index.ts) waits for it. One flush covers every commit written before it started, so concurrent
 * writers share flushes, and the next transaction runs while the previous one's flush is on disk.
 *
 * What changes: another request may read a commit in the milliseconds before its flush completes;
 * a power cut in that window loses a write that no one was told had succeeded.
 */
export class WalSync {
  /** Commits (and autocommit writes) so far. */
  private written = 0;
  /** How many of them the last completed flush covers. */
  private synced = 0;
  private inFlight: Promise<void> | null = null;
  private handle: Promise<FileHandle | null> | null = null;
  /** A failed flush leaves the file's state unknown: every later wait fails too (see fsyncgate). */
  private failure: Error | null = null;

  /** `flushFile` writes the WAL to disk; by default fdatasync of the file (tests pass their own). */
  constructor(
    private readonly walFile: string,
    private readonly flushFile: () => Promise<void> = () => this.datasyncWal(),
  ) {}

  /** Records that a commit has written to the WAL (called right after it, synchronously). */
  markWritten(): void {
    this.written++;
  }

  /** Resolves once everything committed before the call is on disk. */
  async durable(): Promise<void> {
    const target = this.written;
    while (this.synced < target) {
      if (this.failure) throw this.failure;
      if (!this.inFlight) {
        this.inFlight = this.flush().finally(() => {
          this.inFlight = null;
        });
      }
      await this.inFlight;
    }
    if (this.failure) throw this.failure;
  }

  /** Closes the WAL file handle (after the database is closed). */
  async close(): Promise<void> {
    const handle = await this.handle;
    this.handle = null;
    await handle?.close();
  }

  private async flush(): Promise<void> {
    // Captured before the flush starts: commits written after it are not covered by it.
    const covers = this.written;
    try {
      await this.flushFile();
      this.synced = Math.max(this.synced, covers);
    } catch (err) {
      this.failure = new Error(`the database's write-ahead log could not be flushed: ${String(err)}`);
      console.error(this.failure.message);
      throw this.failure;
    }
  }

  private async datasyncWal(): Promise<void> {
    const handle = await this.walHandle();
    await handle?.datasync();
  }

  private walHandle(): Promise<FileHandle | null> {
    // Opened once written to (the file exists from the first commit in WAL mode). SQLite keeps
    // the same file (it rewrites it from the start after a checkpoint) while the database is open.
    this.handle ??= open(this.walFile, 'r+').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        this.handle = null;
        return null;
      }
      throw err;
    });
    return this.handle;
  }
}
