/**
 * The load clients of the case-lifecycle benchmark, in a worker thread of their own: on a small
 * machine, clients in the server's thread would take the server's CPU and the benchmark would
 * measure itself. Plain node:http with keep-alive sockets (one per client), the same for ours and
 * the baseline. The main thread asks for a round (`{ target, ms }`) and gets back how many
 * lifecycles were completed in how many seconds, with the request latencies' p50 and p99.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { idNumberCheckChar } from '../contracts/identifiers.ts';

type Session = { cookie: string; csrf: string };
export interface ClientSetup {
  url: string;
  bareUrl: string;
  clients: number;
  itemId: string;
  windowId: string;
  who: Record<'clerk' | 'handler' | 'reviewer' | 'approver' | 'delivery', Session>;
}
export interface RoundRequest {
  target: 'ours' | 'bare';
  /** Run for this long; 0 runs exactly one lifecycle (the agreement check). */
  ms: number;
}
export interface RoundResult {
  lifecycles: number;
  seconds: number;
  p50: number;
  p99: number;
  error?: string;
}

const setup = workerData as ClientSetup;
const agent = new http.Agent({ keepAlive: true, maxSockets: setup.clients });
const latencies: number[] = [];

/** One POST with a JSON body (as a session, if given); the parsed answer, or an error naming the path and status. */
function post(
  base: string,
  path: string,
  { body, session: s }: { body: unknown; session?: Session },
): Promise<Record<string, unknown>> {
  const payload = Buffer.from(JSON.stringify(body));
  const headers: http.OutgoingHttpHeaders = {
    'content-type': 'application/json',
    'content-length': payload.length,
  };
  if (s) {
    headers.cookie = s.cookie;
    headers['x-csrf-token'] = s.csrf;
  }
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        latencies.push(performance.now() - t);
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 500) >= 300) reject(new Error(`${path}: ${res.statusCode} ${text}`));
        else resolve(JSON.parse(text) as Record<string, unknown>);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

let serial = 0;
/** One whole lifecycle through our API: 6 requests, 7 actions. */
async function lifecycle(): Promise<void> {
  const { url, who } = setup;
  const n = ++serial;
  const first17 = `220322198503${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const c = await post(url, '/api/cases', {
    body: {
      itemId: setup.itemId,
      windowId: setup.windowId,
      applicant: {
        kind: 'person',
        name: '张建国',
        idNumber: `${first17}${idNumberCheckChar(first17)}`,
        phone: '13904340001',
      },
      materials: [
        { materialId: 'm1', form: 'original' },
        { materialId: 'm2', form: 'copy' },
      ],
      decision: 'accept',
    },
    session: who.clerk,
  });
  const id = c.id as string;
  /** One action; `body` starts with the version the client saw. */
  const step = async (s: Session, action: string, body: { version: number } & Record<string, unknown>) =>
    (await post(url, `/api/cases/${id}/${action}`, { body, session: s })).version as number;
  let v = await step(who.handler, 'pass', { version: c.version as number, opinion: '材料齐全，符合条件' });
  v = await step(who.reviewer, 'pass', { version: v, opinion: '同意' });
  v = await step(who.approver, 'decide', { version: v, outcome: 'grant', opinion: '准予许可' });
  v = await step(who.handler, 'conclude', {
    version: v,
    documentName: '食品经营许可证',
    documentNumber: `JY${n}`,
  });
  const done = await post(url, `/api/cases/${id}/deliver`, {
    body: { version: v, method: 'window' },
    session: who.delivery,
  });
  if (done.status !== 'delivered') throw new Error(`lifecycle ended ${String(done.status)}`);
}

let bareSerial = 0;
/** The same lifecycle against the bare route: receive + accept in one request, then five. */
async function bareLifecycle(): Promise<void> {
  const n = ++bareSerial;
  const caseId = crypto.randomUUID();
  await post(setup.bareUrl, '/bare', { body: { caseId, n, types: ['receive', 'accept'] } });
  for (const t of ['pass', 'pass', 'decide', 'conclude', 'deliver']) {
    await post(setup.bareUrl, '/bare', { body: { caseId, n, types: [t] } });
  }
}

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
}

async function round(req: RoundRequest): Promise<RoundResult> {
  const one = req.target === 'ours' ? lifecycle : bareLifecycle;
  latencies.length = 0;
  const start = performance.now();
  let done = 0;
  if (req.ms === 0) {
    await one();
    done = 1;
  } else {
    await Promise.all(
      Array.from({ length: setup.clients }, async () => {
        while (performance.now() - start < req.ms) {
          await one();
          done++;
        }
      }),
    );
  }
  return {
    lifecycles: done,
    seconds: (performance.now() - start) / 1000,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

parentPort?.on('message', (req: RoundRequest | 'close') => {
  if (req === 'close') {
    agent.destroy();
    parentPort?.close();
    return;
  }
  round(req).then(
    (r) => parentPort?.postMessage(r),
    (err: Error) =>
      parentPort?.postMessage({
        lifecycles: 0,
        seconds: 0,
        p50: 0,
        p99: 0,
        error: err.message,
      } satisfies RoundResult),
  );
});
