import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicantFormValues } from './applicant-form.ts';

const personFields = [
  'applicantName',
  'applicantIdNumber',
  'applicantPhone',
  'applicantAddress',
  'businessScope',
];
const unitFields = ['unitName', 'unitCreditCode', 'legalRepresentative', 'contactPhone', 'unitAddress'];
const keys = (list: string[]) => list.map((key) => ({ key }));

test('each applicant field of a person’s form gets its own value: the phone the phone, never the name', () => {
  const values = applicantFormValues(keys(personFields), {
    kind: 'person',
    name: '王小二',
    idNumber: '220322199001011234',
    phone: '13900001111',
    address: '梨树镇站前街1号',
  });
  assert.deepEqual(values, {
    applicantName: '王小二',
    applicantIdNumber: '220322199001011234',
    applicantPhone: '13900001111',
    applicantAddress: '梨树镇站前街1号',
  });
});

test('an enterprise’s form: name, credit code, legal representative, phone and address each in place', () => {
  const values = applicantFormValues(keys(unitFields), {
    kind: 'enterprise',
    name: '梨树县丰收商贸有限公司',
    creditCode: '91220322MA00000010',
    legalRepresentative: '李四',
    phone: '13900002222',
    address: '梨树镇兴华路8号',
  });
  assert.deepEqual(values, {
    unitName: '梨树县丰收商贸有限公司',
    unitCreditCode: '91220322MA00000010',
    legalRepresentative: '李四',
    contactPhone: '13900002222',
    unitAddress: '梨树镇兴华路8号',
  });
});

test('an ID number field is not filled for an enterprise, a credit code field not for a person', () => {
  const fields = keys(['applicantIdNumber', 'unitCreditCode', 'contactPhone']);
  assert.deepEqual(applicantFormValues(fields, { kind: 'enterprise', creditCode: 'X', phone: '1' }), {
    unitCreditCode: 'X',
    contactPhone: '1',
  });
  assert.deepEqual(applicantFormValues(fields, { kind: 'person', idNumber: 'Y' }), {
    applicantIdNumber: 'Y',
    contactPhone: undefined,
  });
});
