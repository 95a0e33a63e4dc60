import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPLICANT_FORM_KEYS } from '../../../../contracts/applicant-form.ts';
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import { maskAddress } from '../../../platform/crypto/mask.ts';
import { fromJson } from '../../../platform/db/json.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { getVersion } from '../../catalog/index.ts';
import type { CaseState } from '../domain/model.ts';
import { casesDb } from '../store/store.ts';

type Field = CatalogItemDocument['formFields'][number];

/** A field asking for a phone number: mapped to the applicant's phone, or so labelled. */
const isPhoneField = (f: Field) => APPLICANT_FORM_KEYS[f.key] === 'phone' || /电话|手机/.test(f.label);

describeEachDb(
  'the demo cases’ application forms',
  (ctx) => {
    test('each applicant field holds its own value: a phone field the phone, never the applicant’s name', async () => {
      const { db, cipher } = ctx().platform;
      const rows = await casesDb(db).selectFrom('cases').select(['number', 'state']).execute();
      assert.ok(rows.length >= 250, `the demo cases (${rows.length})`);
      const docs = new Map<string, Field[]>();
      const seen = { phone: 0, name: 0, id: 0, credit: 0, legalRep: 0, address: 0 };
      for (const row of rows) {
        const s = fromJson<CaseState>(row.state, {} as CaseState);
        let fields = docs.get(s.item.versionId);
        if (!fields) {
          fields = (await getVersion(db, s.item.versionId))?.document.formFields ?? [];
          docs.set(s.item.versionId, fields);
        }
        const a = s.applicant;
        const phone = cipher.decrypt(a.phoneEnc);
        const id = cipher.decrypt(a.idEnc);
        const address = a.addressEnc ? cipher.decrypt(a.addressEnc) : null;
        // A person's phone and ID number appear nowhere in clear (a credit code is public).
        assert.ok(!row.state.includes(phone), `${row.number}: no clear phone`);
        if (a.kind === 'person') assert.ok(!row.state.includes(id), `${row.number}: no clear ID number`);
        for (const f of fields) {
          const value = s.form[f.key];
          if (value === undefined) continue;
          const where = `${row.number} ${f.label} (${f.key}) = ${String(value)}`;
          const part = APPLICANT_FORM_KEYS[f.key];
          if (isPhoneField(f)) {
            // Kept masked in the form like the ID number, the full value encrypted beside it.
            assert.equal(value, a.phoneMasked, where);
            assert.equal(cipher.decrypt(s.formSecrets[f.key] ?? ''), phone, where);
            seen.phone++;
          } else if (part !== 'name') {
            assert.notEqual(value, a.name, `only a name field holds the name: ${where}`);
          }
          if (part === 'name') {
            assert.equal(value, a.name, where);
            seen.name++;
          } else if (part === 'idNumber') {
            // Kept masked in the form, the full value encrypted beside it.
            assert.equal(value, a.idMasked, where);
            assert.equal(cipher.decrypt(s.formSecrets[f.key] ?? ''), id, where);
            seen.id++;
          } else if (part === 'creditCode') {
            assert.equal(value, id, where);
            seen.credit++;
          } else if (part === 'legalRepresentative') {
            assert.equal(value, a.legalRepresentative, where);
            seen.legalRep++;
          } else if (part === 'address') {
            // Kept masked in the form (the divisions down to the township), the full value encrypted beside it.
            assert.equal(value, maskAddress(address ?? ''), where);
            assert.equal(cipher.decrypt(s.formSecrets[f.key] ?? ''), address, where);
            assert.ok(!row.state.includes(address ?? ''), `${row.number}: no clear address`);
            seen.address++;
          }
        }
      }
      // Persons and enterprises both applied: every kind of field was looked at.
      for (const [kind, n] of Object.entries(seen)) assert.ok(n > 0, `${kind} fields checked: ${n}`);
      assert.ok(seen.phone >= 250, `phone fields: ${seen.phone}`);
    });

    test('the full phone of a form field is read like the applicant’s own: in scope, and audited', async () => {
      const { db, cipher } = ctx().platform;
      const rows = await casesDb(db)
        .selectFrom('cases')
        .select(['id', 'number', 'state'])
        .where('intake_unit_name', 'like', '%政务服务中心%')
        .execute();
      const found = rows
        .map((r) => ({ id: r.id, s: fromJson<CaseState>(r.state, {} as CaseState) }))
        .find(({ s }) => Object.keys(s.formSecrets).some((k) => APPLICANT_FORM_KEYS[k] === 'phone'));
      assert.ok(found, 'a county-centre demo case with a phone form field');
      const key = Object.keys(found.s.formSecrets).find((k) => APPLICANT_FORM_KEYS[k] === 'phone') ?? '';
      const clerk = await ctx().as('clerk');
      const res = await clerk.post(`/api/cases/${found.id}/personal`, {});
      assert.equal(res.statusCode, 200, res.body);
      const full = res.json() as { form: Record<string, string> };
      assert.equal(full.form[key], cipher.decrypt(found.s.applicant.phoneEnc));
      const read = await db
        .selectFrom('audit_log')
        .select('detail')
        .where('entity_id', '=', found.id)
        .where('action', '=', 'case.readPersonal')
        .executeTakeFirst();
      assert.ok(read?.detail.includes(key), 'the audit row names the form field read');
    });
  },
  { demo: true, catalog: true, cases: true },
);
