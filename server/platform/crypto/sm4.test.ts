import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createFieldCipher } from './sm4.ts';

const KEY = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');

test('SM4 gives the GB/T 32907 single-block example', () => {
  const cipher = createCipheriv('sm4-ecb', KEY, null);
  cipher.setAutoPadding(false);
  const out = Buffer.concat([cipher.update(KEY), cipher.final()]);
  assert.equal(out.toString('hex'), '681edf34d206965e86b3e94f536e4246');
});

test('a field value round-trips, Chinese and empty included', () => {
  const cipher = createFieldCipher(KEY);
  for (const plain of ['220322199001011234', '13812345678', '梨树县梨树镇', '']) {
    const stored = cipher.encrypt(plain);
    assert.match(stored, /^sm4:[0-9a-f]{32}:[0-9a-f]+$/);
    assert.ok(!stored.includes(plain) || plain === '', 'the plain value is not visible');
    assert.equal(cipher.decrypt(stored), plain);
  }
});

test('a random IV makes two encryptions of one value differ', () => {
  const cipher = createFieldCipher(KEY);
  const a = cipher.encrypt('220322199001011234');
  const b = cipher.encrypt('220322199001011234');
  assert.notEqual(a, b);
  assert.notEqual(a.split(':')[1], b.split(':')[1]);
  assert.equal(cipher.decrypt(a), cipher.decrypt(b));
});

test('the wrong key cannot read a value', () => {
  const stored = createFieldCipher(KEY).encrypt('220322199001011234');
  const other = createFieldCipher(randomBytes(16));
  let read: string | null = null;
  try {
    read = other.decrypt(stored);
  } catch {
    read = null;
  }
  // CBC padding usually fails loudly; when it happens to pass, the text is still not the value.
  assert.notEqual(read, '220322199001011234');
});

test('bad keys and stored values are refused', () => {
  assert.throws(() => createFieldCipher(Buffer.alloc(15)), /16 bytes/);
  const cipher = createFieldCipher(KEY);
  assert.throws(() => cipher.decrypt('220322199001011234'), /not an SM4 field value/);
  assert.throws(() => cipher.decrypt('sm4::'), /not an SM4 field value/);
});
