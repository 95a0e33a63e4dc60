import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hmacSm3, sm3 } from './sm3.ts';

test('SM3 gives the GB/T 32905 example digests', () => {
  assert.equal(sm3('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  assert.equal(sm3('abcd'.repeat(16)), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  assert.equal(sm3(Buffer.from('abc')), sm3('abc'), 'bytes and text agree');
  assert.notEqual(sm3('abd'), sm3('abc'));
});

test('HMAC-SM3 depends on the key', () => {
  const a = hmacSm3(Buffer.from('key-a'), 'data');
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.equal(hmacSm3(Buffer.from('key-a'), 'data'), a);
  assert.notEqual(hmacSm3(Buffer.from('key-b'), 'data'), a);
  assert.notEqual(a, sm3('data'));
});
