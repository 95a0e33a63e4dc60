import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'onewindow-cli-'));

/** Runs `npx onewindow workdays …` the way an operator does, on a fresh embedded database. */
function onewindow(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const res = spawnSync(process.execPath, ['bin/onewindow.mjs', 'workdays', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...env,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      ONEWINDOW_ENCRYPTION_KEY: '0123456789abcdeffedcba9876543210',
    },
  });
  return { code: res.status, stdout: res.stdout.trim(), stderr: res.stderr.trim() };
}

describe('npx onewindow workdays', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('add prints the date n working days later (国庆 2026 and its make-up Saturday)', () => {
    assert.deepEqual(onewindow('add', '2026-09-30', '5'), { code: 0, stdout: '2026-10-13', stderr: '' });
    assert.equal(onewindow('add', '2026-02-13', '2').stdout, '2026-02-24');
  });

  test('between prints the number of working days', () => {
    assert.deepEqual(onewindow('between', '2026-09-30', '2026-10-13'), { code: 0, stdout: '5', stderr: '' });
    assert.equal(onewindow('between', '2026-10-13', '2026-09-30').stdout, '0');
  });

  test('a year without data is refused in Chinese with its code, and a non-zero exit', () => {
    const res = onewindow('add', '2026-12-01', '30');
    assert.notEqual(res.code, 0);
    assert.equal(res.stdout, '');
    assert.match(res.stderr, /CALENDAR_YEAR_NOT_PUBLISHED/);
    assert.match(res.stderr, /节假日安排尚未发布/);
    assert.match(res.stderr, /2027 年/);
    assert.notEqual(onewindow('between', '2026-12-01', '2027-01-10').code, 0);
  });

  test('bad arguments are refused', () => {
    const badDate = onewindow('add', '2026-02-30', '3');
    assert.notEqual(badDate.code, 0);
    assert.match(badDate.stderr, /CALENDAR_DATE_INVALID/);
    const badCount = onewindow('add', '2026-02-03', 'five');
    assert.notEqual(badCount.code, 0);
    assert.match(badCount.stderr, /0 到 2000/);
  });

  test('--help explains each command', () => {
    const add = onewindow('add', '--help');
    assert.equal(add.code, 0);
    assert.match(add.stdout, /Usage: onewindow workdays add \[options\] <date> <n>/);
    assert.match(onewindow('between', '--help').stdout, /<from> <to>/);
    assert.match(onewindow('--help').stdout, /add .*<date> <n>/);
  });
});
