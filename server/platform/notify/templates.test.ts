import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderTemplate, TEMPLATES, type TemplateKey, withSignature } from './templates.ts';

test('a template is filled from its parameters and signed for SMS', () => {
  const r = renderTemplate('case.completed', { caseNo: 'LS1', itemName: '食品经营许可', result: '准予许可' });
  assert.equal(r.text, '您的办件LS1（食品经营许可）已办结，结果：准予许可。欢迎对本次服务作出评价。');
  assert.equal(r.shown, r.text);
  assert.equal(r.hasSecret, false);
  assert.equal(withSignature('梨树县政务服务', '你好'), '【梨树县政务服务】你好');
});

test('a secret parameter is masked in what is shown, not in what is sent', () => {
  const r = renderTemplate('password.reset', { username: 'wang', code: '1234', minutes: 5 });
  assert.match(r.text, /验证码1234，5分钟/);
  assert.match(r.shown, /验证码\*\*\*\*，5分钟/);
  assert.equal(r.hasSecret, true);
});

test('a parameter missing at run time is an error naming it; the compiler catches it first', () => {
  assert.throws(
    // @ts-expect-error itemName and deadline are required by the template text
    () => renderTemplate('case.accepted', { caseNo: 'LS1' }),
    /template case\.accepted needs \{itemName\}/,
  );
});

test('every template is Chinese text whose parameters are plain names', () => {
  for (const key of Object.keys(TEMPLATES) as TemplateKey[]) {
    const { text } = TEMPLATES[key];
    assert.match(text, /[\u4e00-\u9fff]/, key);
    assert.doesNotMatch(text.replace(/\{\w+\}/g, ''), /[{}]/, `${key} has a malformed placeholder`);
  }
});
