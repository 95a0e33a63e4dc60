import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textCharProblem } from './plain-text.ts';

/** The one text rule (plain-text.ts), character by character: what each kind of field refuses and keeps. */

const REFUSED_EVERYWHERE: [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['a C1 control', 'a\u0085b'],
  ['a right-to-left override', 'a\u202eb'],
  ['a left-to-right mark', 'a\u200eb'],
  ['an Arabic letter mark', 'a\u061cb'],
  ['a lone high surrogate', 'a\ud800b'],
  ['U+FFFF', 'a\uffffb'],
  ['U+FDD0', 'a\ufdd0b'],
  ['a plane-16 noncharacter', 'a\u{10fffe}b'],
];

const REFUSED_ON_ONE_LINE: [string, string][] = [
  ['a line feed', 'a\nb'],
  ['a line separator', 'a\u2028b'],
  ['a paragraph separator', 'a\u2029b'],
  ['a zero-width space', 'a\u200bb'],
  ['a soft hyphen', 'a\u00adb'],
  ['a combining grapheme joiner', 'a\u034fb'],
  ['a Mongolian vowel separator', 'a\u180eb'],
  ['an invisible plus', 'a\u2064b'],
  ['a tag character', `a${String.fromCodePoint(0xe0041)}b`],
  ['only Hangul fillers', '\u3164\u3164'],
  ['only a braille blank and spaces', ' \u2800 '],
  ['only a halfwidth Hangul filler', '\uffa0'],
];

const KEPT: [string, string][] = [
  ['a Chinese name', '张建国'],
  ['a rare name character outside the BMP (CJK Ext. B)', '王𠀋'],
  ['a private-use character (造字 of a rare name)', '李\ue000'],
  ['an emoji', '好评👍'],
  ['a Hangul filler inside a word (Korean text)', '가\u3164나'],
  ['plain spaces (trimming is the field’s business)', '   '],
];

test('refused in every field, one-line or multi-line', () => {
  for (const [what, value] of REFUSED_EVERYWHERE) {
    assert.ok(textCharProblem(value, true), `${what}: multi-line`);
    assert.ok(textCharProblem(value, false), `${what}: one-line`);
  }
});

test('refused in one-line values (names, codes), kept in multi-line text', () => {
  for (const [what, value] of REFUSED_ON_ONE_LINE) {
    const problem = textCharProblem(value, false);
    assert.ok(problem, `${what}: one-line`);
    assert.match(problem.zh, /[\u4e00-\u9fff]/, `${what}: a Chinese message`);
    assert.match(problem.en, /^must|^contains/, `${what}: an English message`);
  }
  assert.equal(textCharProblem('第一行\n第二行', true), null);
  assert.equal(textCharProblem('👨\u200d👩\u200d👧 家庭', true), null, 'an emoji joined with U+200D');
  assert.equal(
    textCharProblem('🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}', true),
    null,
    'a subdivision flag',
  );
});

test('ordinary text passes both', () => {
  for (const [what, value] of KEPT) {
    assert.equal(textCharProblem(value, false), null, `${what}: one-line`);
    assert.equal(textCharProblem(value, true), null, `${what}: multi-line`);
  }
});
