import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../config.ts';

const base = {
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'onewindow-files-settings-')),
  ONEWINDOW_ENCRYPTION_KEY: '0123456789abcdeffedcba9876543210',
};

test('the upload settings default to disk, 10 MB a file and 50 MB a group', () => {
  const config = loadConfig(base);
  assert.equal(config.fileStorage, 'disk');
  assert.equal(config.uploadMaxFileBytes, 10 * 1024 * 1024);
  assert.equal(config.uploadMaxGroupBytes, 50 * 1024 * 1024);
  const set = loadConfig({
    ...base,
    FILE_STORAGE: 'database',
    UPLOAD_MAX_FILE_BYTES: '2000000',
    UPLOAD_MAX_GROUP_BYTES: '9000000',
  });
  assert.deepEqual(
    [set.fileStorage, set.uploadMaxFileBytes, set.uploadMaxGroupBytes],
    ['database', 2e6, 9e6],
  );
});

test('a bad upload setting stops the start with CONFIG_INVALID naming it', () => {
  for (const [field, value] of [
    ['FILE_STORAGE', 's3'],
    ['UPLOAD_MAX_FILE_BYTES', '10MB'],
    ['UPLOAD_MAX_FILE_BYTES', '0'],
    ['UPLOAD_MAX_GROUP_BYTES', '1.5'],
  ] as const) {
    assert.throws(
      () => loadConfig({ ...base, [field]: value }),
      (err: { code?: string; details?: { field?: string } }) =>
        err.code === 'CONFIG_INVALID' && err.details?.field === field,
      `${field}=${value}`,
    );
  }
});
