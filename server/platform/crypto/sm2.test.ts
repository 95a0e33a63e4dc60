import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sm2 } from 'sm-crypto-v2';
import {
  DEFAULT_SM2_USER_ID,
  generateSm2KeyPair,
  sm2Digest,
  sm2PublicKeyOf,
  sm2Sign,
  sm2Verify,
} from './sm2.ts';

/**
 * The signature example of the standard on the recommended curve (GB/T 32918.5-2017 Annex A,
 * the same numbers as GM/T 0003.5-2012 A.2; OpenSSL's sm2_internal_test.c uses them too). It signs
 * with the default user ID 1234567812345678; the ALICE123@YAHOO.COM examples of GB/T 32918.2 Annex A
 * use a different (test) curve and other numbers.
 */
const VECTOR = {
  userId: '1234567812345678',
  message: 'message digest',
  privateKey: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  publicKey:
    '04' +
    '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020' +
    'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  k: '59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21',
  za: 'B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3',
  e: 'F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640',
  r: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  s: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
};
const SIGNATURE = VECTOR.r + VECTOR.s;

describe('SM2 against the standard example', () => {
  test('the private key gives the published public key', () => {
    assert.equal(sm2PublicKeyOf(VECTOR.privateKey), VECTOR.publicKey.toLowerCase());
  });

  test('the signed digest is SM3(Z_A ‖ M) with the published Z_A and e', () => {
    assert.equal(DEFAULT_SM2_USER_ID, VECTOR.userId);
    const za = Buffer.from(sm2.getZ(VECTOR.publicKey.toLowerCase(), VECTOR.userId)).toString('hex');
    assert.equal(za, VECTOR.za.toLowerCase());
    assert.equal(sm2Digest(VECTOR.message, VECTOR.publicKey), VECTOR.e.toLowerCase());
  });

  test('the published (r, s) verifies with the published public key', () => {
    assert.equal(sm2Verify(VECTOR.message, SIGNATURE, { publicKey: VECTOR.publicKey }), true);
    assert.equal(
      sm2Verify(VECTOR.message, SIGNATURE.toLowerCase(), { publicKey: VECTOR.publicKey.toLowerCase() }),
      true,
    );
    assert.equal(sm2Verify(Buffer.from(VECTOR.message), SIGNATURE, { publicKey: VECTOR.publicKey }), true);
  });

  test('signing with the published random k reproduces (r, s) exactly', () => {
    // The library takes a precomputed point (k, x1 of [k]G); production signing draws a fresh k.
    const kG = sm2PublicKeyOf(VECTOR.k);
    const point = { k: BigInt(`0x${VECTOR.k}`), x1: BigInt(`0x${kG.slice(2, 66)}`) };
    const sig = sm2.doSignature(VECTOR.message, VECTOR.privateKey.toLowerCase(), {
      hash: true,
      userId: VECTOR.userId,
      pointPool: [point],
    });
    assert.equal(sig, SIGNATURE.toLowerCase());
  });

  test('a changed message, signature, user ID or key fails', () => {
    assert.equal(sm2Verify('message digesT', SIGNATURE, { publicKey: VECTOR.publicKey }), false);
    assert.equal(sm2Verify(`${VECTOR.message} `, SIGNATURE, { publicKey: VECTOR.publicKey }), false);
    const flippedS = `${SIGNATURE.slice(0, 127)}${SIGNATURE.endsWith('A') ? 'B' : 'A'}`;
    assert.equal(sm2Verify(VECTOR.message, flippedS, { publicKey: VECTOR.publicKey }), false);
    const flippedR = `0${SIGNATURE.slice(1)}`;
    assert.equal(sm2Verify(VECTOR.message, flippedR, { publicKey: VECTOR.publicKey }), false);
    assert.equal(
      sm2Verify(VECTOR.message, SIGNATURE, { publicKey: VECTOR.publicKey, userId: 'ALICE123@YAHOO.COM' }),
      false,
    );
    assert.equal(sm2Verify(VECTOR.message, SIGNATURE, { publicKey: generateSm2KeyPair().publicKey }), false);
  });

  test('malformed signatures and keys are invalid, not errors', () => {
    assert.equal(sm2Verify(VECTOR.message, SIGNATURE.slice(2), { publicKey: VECTOR.publicKey }), false);
    assert.equal(sm2Verify(VECTOR.message, 'zz'.repeat(64), { publicKey: VECTOR.publicKey }), false);
    assert.equal(
      sm2Verify(VECTOR.message, SIGNATURE, { publicKey: `04${'00'.repeat(64)}` }),
      false,
      'not on the curve',
    );
    assert.equal(sm2Verify(VECTOR.message, SIGNATURE, { publicKey: VECTOR.publicKey.slice(2) }), false);
  });
});

describe('SM2 sign and verify round trip', () => {
  test('a fresh key pair signs Chinese text; only the right message, key and ID verify', () => {
    const { privateKey, publicKey } = generateSm2KeyPair();
    assert.match(privateKey, /^[0-9a-f]{64}$/);
    assert.match(publicKey, /^04[0-9a-f]{128}$/);
    assert.equal(sm2PublicKeyOf(privateKey), publicKey);
    const text = '梨树县行政审批决定书 第2026-0001号';
    const sig = sm2Sign(text, privateKey);
    assert.match(sig, /^[0-9a-f]{128}$/);
    assert.equal(sm2Verify(text, sig, { publicKey }), true);
    assert.notEqual(sm2Sign(text, privateKey), sig, 'a fresh random k per signature');
    assert.equal(sm2Verify(`${text}。`, sig, { publicKey }), false);
    assert.equal(sm2Verify(text, sig, { publicKey, userId: 'lishu@gov.cn' }), false);
    const withId = sm2Sign(text, privateKey, { userId: 'lishu@gov.cn', publicKey });
    assert.equal(sm2Verify(text, withId, { publicKey, userId: 'lishu@gov.cn' }), true);
    assert.equal(sm2Verify(text, withId, { publicKey }), false);
  });

  test('bytes sign the same as their UTF-8 text', () => {
    const { privateKey, publicKey } = generateSm2KeyPair();
    const sig = sm2Sign(new TextEncoder().encode('电子证照'), privateKey);
    assert.equal(sm2Verify('电子证照', sig, { publicKey }), true);
  });

  test('a malformed private key is refused', () => {
    assert.throws(() => sm2Sign('x', 'abc'), /64 hex/);
  });
});
