import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { z } from 'zod';
import {
  CreditCodeSchema,
  creditCodeCheckChar,
  IdNumberSchema,
  idNumberCheckChar,
  isValidCreditCode,
  isValidIdNumber,
  MobilePhoneSchema,
  orgCodeCheckChar,
} from './identifiers.ts';

const ID_SAMPLE = '11010519491231002X';
const CREDIT_SAMPLES = ['91350100M000100Y43', '91110000600037341L'];
const ID_CHARS = '0123456789X';
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The messages a schema gives for a value, or [] when it passes. */
function messages(schema: z.ZodType, value: string): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('公民身份号码 (GB 11643)', () => {
  test('the standard sample validates, function and schema alike', () => {
    assert.equal(idNumberCheckChar(ID_SAMPLE.slice(0, 17)), 'X');
    assert.ok(isValidIdNumber(ID_SAMPLE));
    assert.equal(IdNumberSchema.parse(ID_SAMPLE), ID_SAMPLE);
  });

  test('every other check character is refused as a check-digit error', () => {
    for (const c of ID_CHARS) {
      if (c === 'X') continue;
      const wrong = `${ID_SAMPLE.slice(0, 17)}${c}`;
      assert.equal(isValidIdNumber(wrong), false, wrong);
      assert.deepEqual(messages(IdNumberSchema, wrong), ['公民身份号码校验位错误'], wrong);
    }
  });

  test('an impossible birth date is refused even with a matching check character', () => {
    const body = '22032219990230123';
    const value = `${body}${idNumberCheckChar(body)}`;
    assert.equal(isValidIdNumber(value), false);
    assert.deepEqual(messages(IdNumberSchema, value), ['公民身份号码中的出生日期无效']);
    const born2099 = '22032220990101001';
    assert.equal(isValidIdNumber(`${born2099}${idNumberCheckChar(born2099)}`), false);
    assert.deepEqual(messages(IdNumberSchema, `${born2099}${idNumberCheckChar(born2099)}`), [
      '公民身份号码中的出生日期晚于今天',
    ]);
    const beforeCalendar = '22032218991231123';
    assert.equal(isValidIdNumber(`${beforeCalendar}${idNumberCheckChar(beforeCalendar)}`), false);
  });

  test('a lower-case x and surrounding spaces are accepted through the schema', () => {
    assert.equal(IdNumberSchema.parse(' 11010519491231002x '), ID_SAMPLE);
    assert.equal(isValidIdNumber('11010519491231002x'), false, 'the bare function wants upper case');
  });

  test('wrong lengths and letters inside are refused, saying what is wrong', () => {
    assert.deepEqual(messages(IdNumberSchema, ID_SAMPLE.slice(0, 17)), ['公民身份号码应为18位']);
    assert.deepEqual(messages(IdNumberSchema, `${ID_SAMPLE}1`), ['公民身份号码应为18位']);
    assert.deepEqual(messages(IdNumberSchema, ''), ['公民身份号码应为18位']);
    assert.deepEqual(messages(IdNumberSchema, '1101051949123100XX'), [
      '公民身份号码前17位应为数字，末位为数字或X',
    ]);
  });
});

describe('统一社会信用代码 (GB 32100) and 组织机构代码 (GB 11714)', () => {
  test('the samples validate, function and schema alike', () => {
    for (const code of CREDIT_SAMPLES) {
      assert.equal(creditCodeCheckChar(code.slice(0, 17)), code[17], code);
      assert.ok(isValidCreditCode(code), code);
      assert.equal(CreditCodeSchema.parse(code), code);
    }
  });

  test('the embedded organisation codes carry check characters 4 and 1', () => {
    assert.equal(orgCodeCheckChar('M000100Y'), '4');
    assert.equal(orgCodeCheckChar('60003734'), '1');
    assert.equal(orgCodeCheckChar('60003735'), 'X', 'a changed body changes the check');
  });

  test('every other check character is refused as a check-digit error', () => {
    for (const code of CREDIT_SAMPLES) {
      for (const c of CREDIT_CHARS) {
        if (c === code[17]) continue;
        const wrong = `${code.slice(0, 17)}${c}`;
        assert.equal(isValidCreditCode(wrong), false, wrong);
        assert.deepEqual(messages(CreditCodeSchema, wrong), ['统一社会信用代码校验位错误'], wrong);
      }
    }
  });

  test('lower case is upper-cased by the schema', () => {
    assert.equal(CreditCodeSchema.parse(' 91350100m000100y43'), '91350100M000100Y43');
  });

  test('the letters I, O, Z, S and V are never used', () => {
    for (const letter of 'IOZSV') {
      const code = `91350100M000100${letter}43`;
      assert.equal(isValidCreditCode(code), false, code);
      assert.deepEqual(messages(CreditCodeSchema, code), ['统一社会信用代码不使用字母 I、O、Z、S、V']);
    }
  });

  test('wrong lengths and a non-numeric area code are refused', () => {
    assert.deepEqual(messages(CreditCodeSchema, '91350100M000100Y4'), ['统一社会信用代码应为18位']);
    assert.deepEqual(messages(CreditCodeSchema, '91350100M000100Y431'), ['统一社会信用代码应为18位']);
    assert.deepEqual(messages(CreditCodeSchema, '913501A0M000100Y43'), [
      '统一社会信用代码第3至8位应为行政区划代码（数字）',
    ]);
    assert.deepEqual(messages(CreditCodeSchema, '91350100M000100Y4#'), ['统一社会信用代码含有不允许的字符']);
  });
});

describe('手机号码', () => {
  test('11 digits starting 13 to 19 pass; anything else is refused', () => {
    assert.equal(MobilePhoneSchema.parse(' 13812345678 '), '13812345678');
    assert.equal(MobilePhoneSchema.parse('19912345678'), '19912345678');
    for (const bad of [
      '23812345678',
      '10000000000',
      '12812345678',
      '1381234567',
      '138123456789',
      '1381234567a',
      '',
    ]) {
      assert.deepEqual(messages(MobilePhoneSchema, bad), ['手机号码应为11位数字，以13至19开头'], bad);
    }
  });
});
