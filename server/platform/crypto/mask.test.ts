import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskIdNumber, maskName, maskPhone } from './mask.ts';

test('ID numbers keep the first and last four characters', () => {
  assert.equal(maskIdNumber('220322199001011234'), '2203**********1234');
  assert.equal(maskIdNumber('11010519491231002X'), '1101**********002X');
  assert.equal(maskIdNumber('1234'), '****');
});

test('mobile numbers keep the first three and last four digits', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('12345'), '*****');
});

test('names keep the surname character only', () => {
  assert.equal(maskName('张三丰'), '张**');
  assert.equal(maskName('李'), '李');
});

test('a name is masked by character, not by UTF-16 unit: rare surnames and emoji stay whole', () => {
  assert.equal(maskName('𠈌明'), '𠈌*', 'a CJK Extension B surname keeps both halves of its pair');
  assert.equal(maskName('张三😀'), '张**');
});
