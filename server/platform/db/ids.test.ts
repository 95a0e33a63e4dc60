import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from './ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('new ids are UUID version 7, unique, in the order they were made, and carry their time', () => {
  const before = Date.now();
  const ids = Array.from({ length: 20_000 }, () => newId());
  const after = Date.now();
  assert.equal(new Set(ids).size, ids.length);
  for (const [i, id] of ids.entries()) {
    assert.match(id, UUID_V7);
    if (i > 0) assert.ok(id > (ids[i - 1] as string), `${id} after ${ids[i - 1]}`);
  }
  // More ids than one millisecond's counter holds may borrow a few milliseconds ahead.
  const msOf = (id: string) => Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
  assert.ok(msOf(ids[0] as string) >= before);
  assert.ok(msOf(ids.at(-1) as string) <= after + 20);
});
