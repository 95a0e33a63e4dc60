import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createSmsProvider, OutboxSmsProvider } from './providers.ts';

test('SMS_PROVIDER picks the provider; the default outbox delivers nowhere', async () => {
  const outbox = createSmsProvider('outbox', {});
  assert.ok(outbox instanceof OutboxSmsProvider);
  assert.deepEqual(await outbox.send('13900000000', 'x'), {});
  assert.throws(
    () => createSmsProvider('aliyun', {}),
    (err: Error & { code?: string; details?: { expected: string[] } }) =>
      err.code === 'CONFIG_INVALID' && (err.details?.expected ?? []).includes('webhook'),
  );
  assert.throws(() => createSmsProvider('webhook', {}), /配置项无效/);
});

/** A stand-in for the county's gateway bridge: answers with a status and records requests. */
async function gateway(status: number, answer: string) {
  const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      res.writeHead(status, { 'content-type': 'application/json' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return { url, seen, close: () => new Promise((r) => server.close(r)) };
}

test('the webhook provider posts phone and body with the token and keeps the message id', async () => {
  const gw = await gateway(200, '{"messageId":"gw-77"}');
  try {
    const p = createSmsProvider('webhook', { SMS_WEBHOOK_URL: gw.url, SMS_WEBHOOK_TOKEN: 's3cret' });
    assert.equal(p.name, 'webhook');
    assert.deepEqual(await p.send('13900000000', '【县】你好', { notificationId: 'n-1' }), {
      providerMessageId: 'gw-77',
    });
    assert.equal(gw.seen.length, 1);
    assert.deepEqual(JSON.parse(gw.seen[0]?.body ?? ''), {
      id: 'n-1',
      phone: '13900000000',
      body: '【县】你好',
    });
    assert.equal(gw.seen[0]?.headers.authorization, 'Bearer s3cret');
  } finally {
    await gw.close();
  }
});

test('the webhook provider fails the attempt when the gateway refuses', async () => {
  const gw = await gateway(503, 'busy');
  try {
    const p = createSmsProvider('webhook', { SMS_WEBHOOK_URL: gw.url });
    await assert.rejects(p.send('13900000000', 'x'), /HTTP 503: busy/);
    assert.equal(gw.seen[0]?.headers.authorization, undefined);
  } finally {
    await gw.close();
  }
});
