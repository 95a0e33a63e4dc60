import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDb } from '../../../testing/harness.ts';
import { ok } from '../../../testing/http-support.ts';
import { BIG, fieldRefused, refused } from '../../../testing/malformed-support.ts';
import { ALL_ORIGINALS, person, setUpItems, windowId } from '../testing/http-test-support.ts';

/**
 * The public progress lookup (no log-in) under malformed input: a wrong number or tail is named
 * before anything is looked up, a well-formed pair that matches nothing is the same 404 whatever
 * was wrong, and nothing of the applicant ever comes back. Each request comes from its own
 * address (X-Forwarded-For, believed from the test's proxy), except where the rate limit itself is checked.
 */
describeEachDb(
  'malformed input to the public progress lookup',
  (ctx) => {
    let number: string;
    let tail: string;
    let address = 0;
    before(async () => {
      const items = await setUpItems(ctx());
      const clerk = await ctx().as('clerk');
      const a01 = await windowId(clerk, { centreCode: '220322C00', number: 'A01' }, ctx());
      const applicant = { ...person(77), idNumber: '11010519491231002X' };
      const c = ok<{ number: string }>(
        await clerk.post('/api/cases', {
          itemId: items.market,
          windowId: a01,
          applicant,
          materials: ALL_ORIGINALS,
          decision: 'accept',
        }),
      );
      number = c.number;
      tail = applicant.idNumber.slice(-6);
    });
    const lookup = (query: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
      ctx().anonymous.get(`/api/public/case-progress?${query}`, {
        'x-forwarded-for': `10.1.${Math.floor(++address / 250)}.${address % 250}`,
        ...headers,
      });

    test('the right pair answers without personal data; a lower-case x in the tail is accepted', async () => {
      const view = ok<Record<string, unknown>>(await lookup(`number=${number}&tail=${tail.toLowerCase()}`));
      assert.equal(view.number, number);
      const text = JSON.stringify(view);
      for (const personal of ['11010519491231002X', person(77).name, '张**', person(77).phone]) {
        assert.ok(!text.includes(personal), `nothing personal: ${personal}`);
      }
    });

    test('a number in the wrong format, a bad tail or a missing field is named', async () => {
      for (const [query, path] of [
        [`tail=${tail}`, 'querystring.number'],
        [`number=${number}`, 'querystring.tail'],
        [`number=abc&tail=${tail}`, 'querystring.number'],
        [`number=220322-26-1&tail=${tail}`, 'querystring.number'],
        [`number=220322_2026_0000001&tail=${tail}`, 'querystring.number'],
        [`number=${BIG}&tail=${tail}`, 'querystring.number'],
        [`number=%00&tail=${tail}`, 'querystring.number'],
        [`number=${number}%00&tail=${tail}`, 'querystring.number'],
        [`number=%F0%9F%98%80&tail=${tail}`, 'querystring.number'],
        [`number=${number}&number=${number}&tail=${tail}`, 'querystring.number'],
        [`number=${number}&tail=12345`, 'querystring.tail'],
        [`number=${number}&tail=1234567`, 'querystring.tail'],
        [`number=${number}&tail=%00%00%00%00%00%00`, 'querystring.tail'],
        [`number=${number}&tail=%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80`, 'querystring.tail'],
      ]) {
        fieldRefused(await lookup(query as string), path as string, { what: query?.slice(0, 60) });
      }
      const en = await lookup(`number=abc&tail=${tail}`, { 'accept-language': 'en-US' });
      fieldRefused(en, 'querystring.number', { english: true });
    });

    test('a well-formed pair that matches nothing is one and the same 404', async () => {
      const wrongTail = refused(await lookup(`number=${number}&tail=000000`), 'CASE_LOOKUP_FAILED');
      const unknown = refused(await lookup(`number=220322-2026-9999999&tail=${tail}`), 'CASE_LOOKUP_FAILED');
      assert.deepEqual(wrongTail, unknown, 'nothing tells a wrong tail from an unknown number');
      const en = await lookup(`number=220322-2026-9999999&tail=${tail}`, { 'accept-language': 'en-US' });
      refused(en, 'CASE_LOOKUP_FAILED', true);
    });

    test('the eleventh lookup in a minute from one address is refused clearly, malformed or not', async () => {
      const from = { 'x-forwarded-for': '10.9.9.9' };
      const all: LightMyRequestResponse[] = [];
      for (let i = 0; i < 11; i++) {
        all.push(
          await ctx().anonymous.get(`/api/public/case-progress?number=${number}&tail=00000${i % 10}`, from),
        );
      }
      assert.ok(all.slice(0, 10).every((r) => r.statusCode === 404));
      refused(all[10] as LightMyRequestResponse, 'RATE_LIMITED');
      refused(await ctx().anonymous.get('/api/public/case-progress?number=x', from), 'RATE_LIMITED');
    });
  },
  { behindProxy: true },
);
