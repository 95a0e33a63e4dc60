import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limitAddressOf } from './address.ts';

test('attempt limits count IPv4 as it is (mapped or not) and IPv6 by its /64 network', () => {
  assert.equal(limitAddressOf('3.0.0.1'), '3.0.0.1');
  assert.equal(limitAddressOf('::ffff:3.0.0.1'), '3.0.0.1', 'the mapped form is the same address');
  assert.equal(limitAddressOf('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(limitAddressOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64', 'one /64');
  assert.notEqual(limitAddressOf('2001:db8:1:3::1'), limitAddressOf('2001:db8:1:2::1'), 'another /64');
  assert.equal(limitAddressOf('::1'), '0:0:0:0::/64');
  assert.equal(limitAddressOf('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(limitAddressOf(null), '-');
});
