import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const KEY = '00112233445566778899aabbccddeeff';

/** Starts `server/main.ts` as `npm start` would (without the web build) and collects its output. */
function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', JOB_POLL_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, output: () => out, exited };
}

async function waitFor(pred: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a production start without an encryption key stops with a clear message', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ow-main-'));
  const run = start({ NODE_ENV: 'production', DATA_DIR: dataDir });
  const code = await run.exited;
  assert.notEqual(code, 0);
  assert.match(run.output(), /ONEWINDOW_ENCRYPTION_KEY/);
  rmSync(dataDir, { recursive: true, force: true });
});

test('the embedded default seeds the demo, prints the URL and demo log-ins, and answers /healthz', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ow-main-'));
  const run = start({ DATA_DIR: dataDir, DEMO_PASSWORD: 'Demo-Pass-2026' });
  try {
    await waitFor(() => /Demo log-ins/.test(run.output()) || run.child.exitCode !== null);
    const out = run.output();
    assert.match(out, /SQLite/);
    assert.match(out, /Demo-Pass-2026/);
    assert.match(out, /\badmin\b/);
    const url = out.match(/Console: (http:\/\/\S+)\/console\//)?.[1];
    assert.ok(url, out);
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Demo-Pass-2026' }),
    });
    assert.equal(login.status, 200);
  } finally {
    run.child.kill('SIGTERM');
    await run.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('production with a key starts empty: no demo data, no demo log-ins printed', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ow-main-'));
  const run = start({ NODE_ENV: 'production', DATA_DIR: dataDir, ONEWINDOW_ENCRYPTION_KEY: KEY });
  try {
    await waitFor(() => /Console:/.test(run.output()) || run.child.exitCode !== null);
    const out = run.output();
    assert.doesNotMatch(out, /Demo log-ins/);
    assert.match(out, /create-admin/);
    const url = out.match(/Console: (http:\/\/\S+)\/console\//)?.[1];
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Lishu@2026' }),
    });
    assert.equal(login.status, 401);
  } finally {
    run.child.kill('SIGTERM');
    await run.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
