import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CatalogItemInput } from '../../../../contracts/catalog.ts';
import { applicableFor, depthSummaryOf, promisedExceedsLegal } from '../../../../contracts/catalog.ts';
import type { AppError } from '../../../platform/errors.ts';
import { chosenAnswers } from '../exchange/guide-docx.ts';
import { sampleItem } from '../testing/test-fixtures.ts';
import { pinyinKeys } from './pinyin.ts';
import { parseItemDocument } from './validate-item.ts';

const DEPT = { id: 'dept-1', creditCode: '91350100M000100Y43' };

/** The field issues of a document, or [] when it is valid. */
function issues(overrides: Parameters<typeof sampleItem>[1]) {
  const r = parseItemDocument(sampleItem(DEPT, overrides), 'document');
  return r.ok ? [] : r.fields;
}

test('a complete item document is valid and keeps its situations', () => {
  const r = parseItemDocument(sampleItem(DEPT), 'document');
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.document.situations[0]?.answers[1]?.materialIds[0], 'entrust-letter');
});

test('bad input names the field at fault, in Chinese', () => {
  const cases: [Parameters<typeof sampleItem>[1], string, RegExp][] = [
    [{ name: '  ' }, 'document.name', /事项名称不能为空/],
    [{ type: '99' as never }, 'document.type', /事项类型代码无效/],
    [
      { implementingBody: { name: '梨树县市场监督管理局', creditCode: '91350100M000100Y44', nature: '1' } },
      'document.implementingBody.creditCode',
      /统一社会信用代码.*校验位错误/,
    ],
    [{ visits: 5 }, 'document.visits', /到现场次数不能大于3/],
    [{ consultPhone: '5223000' }, 'document.consultPhone', /咨询电话格式不正确/],
    [{ serviceObjects: [] }, 'document.serviceObjects', /服务对象至少选择1项/],
  ];
  for (const [overrides, path, message] of cases) {
    const found = issues(overrides).find((f) => f.path === path);
    assert.ok(found, `${path} in ${JSON.stringify(issues(overrides))}`);
    assert.match(found.message.zh, message);
    assert.doesNotMatch(found.message.en, /[\u4e00-\u9fff]/, `${path} in English: ${found.message.en}`);
  }
});

test('a promised limit longer than the legal one is refused, also across units', () => {
  const over = issues({ promisedLimit: { value: 25, unit: 'working_day' } });
  assert.equal(over[0]?.path, 'document.promisedLimit.value');
  assert.match(over[0]?.message.zh ?? '', /承诺办结时限（25工作日）不得长于法定办结时限（20工作日）/);
  // 20 working days span 28 natural days: 30 natural days is longer, 28 is not.
  assert.equal(
    issues({ promisedLimit: { value: 30, unit: 'natural_day' } })[0]?.path,
    'document.promisedLimit.value',
  );
  assert.deepEqual(issues({ promisedLimit: { value: 28, unit: 'natural_day' } }), []);
  assert.equal(
    promisedExceedsLegal({ value: 22, unit: 'working_day' }, { value: 30, unit: 'natural_day' }),
    true,
  );
  assert.equal(
    promisedExceedsLegal({ value: 99, unit: 'working_day' }, { value: null, unit: 'natural_day' }),
    false,
  );
});

test('cross-field rules: fee basis, comprehensive needs the hall, situations reference real materials', () => {
  assert.equal(issues({ fee: { charged: true } })[0]?.path, 'document.fee.basis');
  assert.equal(
    issues({ window: { inHall: false, comprehensive: true } })[0]?.path,
    'document.window.comprehensive',
  );
  const dangling = issues({
    situations: [
      {
        id: 's',
        question: '是否委托？',
        answers: [
          { id: 'a', label: '是', materialIds: ['nope'] },
          { id: 'b', label: '否' },
        ],
      },
    ],
  });
  assert.equal(dangling[0]?.path, 'document.situations.0.answers.0.materialIds.0');
  assert.equal(issues({ depthFlags: ['1', '2', '3', '4', '5'], visits: 1 })[0]?.path, 'document.visits');
});

test('situations select materials: the power of attorney only when someone else applies', () => {
  const r = parseItemDocument(sampleItem(DEPT), 'document');
  assert.ok(r.ok);
  assert.deepEqual(applicableFor(r.document, { entrust: ['self'] }).materialIds, ['id-card']);
  assert.deepEqual(applicableFor(r.document, { entrust: ['agent'] }).materialIds, [
    'id-card',
    'entrust-letter',
  ]);
});

test('the Word guide’s ?answers=: pairs name the question; a bare answer id only where one question has it', () => {
  const r = parseItemDocument(
    sampleItem(DEPT, {
      situations: [
        {
          id: 'entrust',
          question: '是否委托他人办理？',
          answers: [
            { id: 'yes', label: '是', materialIds: ['entrust-letter'] },
            { id: 'no', label: '否' },
          ],
        },
        {
          id: 'foreign',
          question: '是否外商投资？',
          answers: [
            { id: 'yes', label: '是' },
            { id: 'no', label: '否' },
            { id: 'hk', label: '港澳台' },
          ],
        },
      ],
    } as Partial<CatalogItemInput>),
    'document',
  );
  assert.ok(r.ok);
  assert.deepEqual(chosenAnswers(r.document, 'entrust:yes,foreign:no'), {
    entrust: ['yes'],
    foreign: ['no'],
  });
  assert.deepEqual(chosenAnswers(r.document, 'hk'), { foreign: ['hk'] });
  assert.deepEqual(applicableFor(r.document, chosenAnswers(r.document, 'foreign:yes')).materialIds, [
    'id-card',
  ]);
  const ambiguous = (() => {
    try {
      chosenAnswers(r.document, 'yes');
    } catch (err) {
      return err as AppError;
    }
    throw new Error('an ambiguous answer id was taken');
  })();
  assert.equal(ambiguous.code, 'CATALOG_GUIDE_ANSWER_INVALID');
  assert.match(JSON.stringify(ambiguous.details), /不止一个问题/);
});

test('depth summary and pinyin keys', () => {
  assert.equal(depthSummaryOf(['1', '2', '3', '4', '5', '6']), 'full_online');
  assert.equal(depthSummaryOf(['1', '2', '3']), 'online_prereview');
  assert.equal(depthSummaryOf(['1', '2']), 'online_submission');
  assert.equal(depthSummaryOf(['1']), 'info_only');
  assert.deepEqual(pinyinKeys('营业执照遗失补领、换发'), {
    full: 'yingyezhizhaoyishibulinghuanfa',
    initials: 'yyzzysblhf',
  });
});
