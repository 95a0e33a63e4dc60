import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDb } from '../../../testing/harness.ts';
import { ok } from '../../../testing/http-support.ts';
import { refused } from '../../../testing/malformed-support.ts';
import { type CountyDesk, intakeByClerk, person, setUpCountyDesk } from '../testing/http-test-support.ts';

/**
 * The public progress lookup against guessing (issue 9 #6): failures are counted per case, not
 * only per address, and the receipt's lookup code opens the case when the ID tail no longer does.
 * Each request comes from its own address (X-Forwarded-For from the test's proxy), as the probe's did.
 */
describeEachDb(
  'the progress lookup: a per-case failure limit and the receipt’s lookup code',
  (ctx) => {
    let desk: CountyDesk;
    let address = 0;
    before(async () => {
      desk = await setUpCountyDesk(ctx());
    });
    const lookup = (query: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
      ctx().anonymous.get(`/api/public/case-progress?${query}`, {
        'x-forwarded-for': `10.7.${Math.floor(++address / 250)}.${address % 250}`,
        ...headers,
      });
    /** A new case and the lookup code printed on its receipt, read off the receipt as the applicant would. */
    const newCase = async (seq: number) => {
      const c = await intakeByClerk<{ id: string; number: string }>(ctx(), desk, { applicant: person(seq) });
      const receipt = await (await ctx().as('clerk')).get(`/api/cases/${c.id}/documents/receipt`);
      assert.equal(receipt.statusCode, 200, receipt.body);
      const code = /查询码 <b class="code">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})<\/b>/.exec(
        receipt.body,
      )?.[1];
      assert.ok(code, 'the receipt prints the lookup code, grouped');
      assert.match(code, /^[0-9A-HJKMNP-TV-Z-]+$/, 'Crockford base32: no I, L, O, U');
      return { ...c, code, tail: person(seq).idNumber.slice(-6) };
    };

    test('six wrong tails from six addresses: the right tail is then refused like a wrong one, the code still opens it', async () => {
      const c = await newCase(61);
      const wrong: LightMyRequestResponse[] = [];
      for (let i = 0; i < 6; i++) wrong.push(await lookup(`number=${c.number}&tail=00000${i}`));
      for (const r of wrong) refused(r, 'CASE_LOOKUP_FAILED');
      const right = await lookup(`number=${c.number}&tail=${c.tail}`);
      refused(right, 'CASE_LOOKUP_FAILED');
      assert.equal(right.body, wrong[0]?.body, 'the same body as a wrong tail');
      assert.equal(right.statusCode, wrong[0]?.statusCode);
      const byCode = ok<{ number: string; status: string }>(
        await lookup(`number=${c.number}&code=${c.code}`),
      );
      assert.equal(byCode.number, c.number);
      assert.equal(byCode.status, 'in_process');
      // Typed as people type it: lower case, without the hyphens, an O for a 0.
      const typed = c.code.replace(/-/g, '').toLowerCase().replace(/0/g, 'o');
      ok(await lookup(`number=${c.number}&code=${encodeURIComponent(typed)}`));
      // The code alone opens it with a wrong tail beside it, too.
      ok(await lookup(`number=${c.number}&tail=000000&code=${c.code}`));
    });

    test('a tail works while the case is not limited, and a success forgets the failures', async () => {
      const c = await newCase(62);
      for (let i = 0; i < 4; i++)
        refused(await lookup(`number=${c.number}&tail=00000${i}`), 'CASE_LOOKUP_FAILED');
      ok(await lookup(`number=${c.number}&tail=${c.tail}`));
      for (let i = 0; i < 4; i++)
        refused(await lookup(`number=${c.number}&tail=00000${i}`), 'CASE_LOOKUP_FAILED');
      ok(await lookup(`number=${c.number}&tail=${c.tail}`));
    });

    test('a wrong code, a wrong tail, an unknown number and a limited case answer byte for byte the same', async () => {
      const c = await newCase(63);
      const other = await newCase(64);
      const answers = [
        await lookup(`number=${c.number}&tail=000000`),
        await lookup(`number=${c.number}&code=${other.code}`),
        await lookup(`number=220322-2026-9999999&tail=${c.tail}`),
        await lookup(`number=220322-2026-9999998&code=${c.code}`),
      ];
      for (let i = 0; i < 6; i++) await lookup(`number=${other.number}&tail=00000${i}`);
      answers.push(await lookup(`number=${other.number}&tail=${other.tail}`));
      for (const a of answers) {
        refused(a, 'CASE_LOOKUP_FAILED');
        assert.equal(a.statusCode, answers[0]?.statusCode);
        assert.equal(a.body, answers[0]?.body);
      }
      const en = await lookup(`number=220322-2026-9999999&tail=${c.tail}`, { 'accept-language': 'en' });
      refused(en, 'CASE_LOOKUP_FAILED', true);
    });

    test('a malformed code is named; neither code nor tail is asked for', async () => {
      const c = await newCase(65);
      const bad = refused(await lookup(`number=${c.number}&code=ABC`), 'VALIDATION_FAILED');
      assert.ok(JSON.stringify(bad.details).includes('querystring.code'), JSON.stringify(bad.details));
      const u = refused(await lookup(`number=${c.number}&code=UUUU-UUUU-UU`), 'VALIDATION_FAILED');
      assert.ok(JSON.stringify(u.details).includes('查询码'), JSON.stringify(u.details));
      const none = refused(await lookup(`number=${c.number}`), 'VALIDATION_FAILED');
      assert.ok(JSON.stringify(none.details).includes('querystring.tail'), JSON.stringify(none.details));
      assert.ok(JSON.stringify(none.details).includes('查询码'), JSON.stringify(none.details));
    });
  },
  { behindProxy: true },
);
