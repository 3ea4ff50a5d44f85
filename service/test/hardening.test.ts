import { connect, type Socket } from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { ProblemDetails } from '../src/contract';
import { authHeaders, buildTestApp, listen, ROTATED_API_KEY, TEST_API_KEY, TEST_SETTINGS } from './support/app';
import { FIXTURE_AS_OF, healthyDeal } from './support/deal-factory';

const validBody = () => JSON.stringify({ asOf: FIXTURE_AS_OF, deals: [healthyDeal()] });
const score = (app: FastifyInstance, key: string, remoteAddress = '127.0.0.1') =>
    app.inject({
        method: 'POST',
        url: '/v1/deals/score',
        headers: authHeaders(key),
        payload: validBody(),
        remoteAddress
    });

describe('security headers', () => {
    let app: FastifyInstance;
    beforeAll(() => {
        app = buildTestApp();
        return app.ready();
    });
    afterAll(() => app.close());

    it.each<[string, InjectOptions]>([
        ['a scored request', { method: 'POST', url: '/v1/deals/score', headers: authHeaders(), payload: validBody() }],
        ['a health check', { method: 'GET', url: '/healthz' }],
        ['an unauthenticated request', { method: 'POST', url: '/v1/deals/score', payload: validBody() }],
        ['an invalid body', { method: 'POST', url: '/v1/deals/score', headers: authHeaders(), payload: '{' }],
        ['an unknown route', { method: 'GET', url: '/nope', headers: authHeaders() }]
    ])('sends no-store and nosniff on %s', async (_name, request) => {
        const response = await app.inject(request);
        expect(response.headers['cache-control']).toBe('no-store');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
    });
});

describe('failed authentication', () => {
    it('is throttled per client address after the limit, while valid keys and other addresses still pass', async () => {
        const app = buildTestApp({ settings: { ...TEST_SETTINGS, authFailureLimit: 3 } });
        const wrongKey = 'wrong-key-0123456789abcdefghijklmnopqrstuvwxyz';
        for (let attempt = 0; attempt < 3; attempt += 1) {
            const rejected = await score(app, wrongKey, '203.0.113.7');
            expect(rejected.statusCode).toBe(401);
            expect(rejected.headers.connection).toBe('close');
        }
        const throttled = await score(app, wrongKey, '203.0.113.7');
        expect(throttled.statusCode).toBe(429);
        expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
        expect(ProblemDetails.parse(throttled.json()).type).toMatch(/too-many-failed-authentications$/);
        expect((await score(app, TEST_API_KEY, '203.0.113.7')).statusCode).toBe(200);
        expect((await score(app, wrongKey, '198.51.100.1')).statusCode).toBe(401);
        await app.close();
    });
});

describe('keys per purpose', () => {
    const BATCH_KEY = 'batch-key-0123456789abcdefghijklmnopqrstuvwxyz';
    const BATCH_KEY_NEXT = 'batch-key-next-0123456789abcdefghijklmnopqrstu';

    it('gives each key name its own budget, shared by the old and new key of a rotation', async () => {
        const app = buildTestApp({
            settings: {
                ...TEST_SETTINGS,
                apiKeys: [
                    { name: 'interactive', key: TEST_API_KEY },
                    { name: 'batch', key: BATCH_KEY },
                    { name: 'batch', key: BATCH_KEY_NEXT }
                ],
                rateLimit: { max: 1, windowMs: 60_000 },
                keyRateLimits: new Map([['batch', 3]])
            }
        });
        // Batch: three requests across its two keys, then 429.
        expect((await score(app, BATCH_KEY)).statusCode).toBe(200);
        expect((await score(app, BATCH_KEY_NEXT)).statusCode).toBe(200);
        expect((await score(app, BATCH_KEY)).statusCode).toBe(200);
        expect((await score(app, BATCH_KEY_NEXT)).statusCode).toBe(429);
        // Interactive keeps its own (default) budget of one.
        expect((await score(app, TEST_API_KEY)).statusCode).toBe(200);
        expect((await score(app, TEST_API_KEY)).statusCode).toBe(429);
        expect((await score(app, ROTATED_API_KEY)).statusCode).toBe(401);
        await app.close();
    });
});

/** Resolves with the milliseconds until the server closes the socket (or rejects after `giveUpMs`). */
function closedAfter(socket: Socket, startedAt: number, giveUpMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`socket still open after ${giveUpMs} ms`)), giveUpMs);
        socket.on('error', () => undefined);
        socket.on('close', () => {
            clearTimeout(timer);
            resolve(Date.now() - startedAt);
        });
    });
}

describe('slow clients (real sockets)', () => {
    const REQUEST_TIMEOUT_MS = 1000;
    let app: FastifyInstance;
    let port: number;
    beforeAll(async () => {
        app = buildTestApp({
            settings: {
                ...TEST_SETTINGS,
                timeouts: { requestTimeoutMs: REQUEST_TIMEOUT_MS, connectionTimeoutMs: 500, keepAliveTimeoutMs: 500 }
            }
        });
        port = Number(new URL(await listen(app)).port);
    });
    afterAll(() => {
        // Without timeouts a slow socket would hold close() open forever; the test must fail, not hang.
        app.server.closeAllConnections();
        return app.close();
    });

    const openSlowUpload = (headers: Record<string, string>) => {
        const socket = connect(port, '127.0.0.1');
        const body = validBody();
        const head = [
            'POST /v1/deals/score HTTP/1.1',
            'Host: 127.0.0.1',
            'Content-Type: application/json',
            `Content-Length: ${Buffer.byteLength(body)}`,
            ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
            '',
            ''
        ].join('\r\n');
        socket.write(head);
        let sent = 0;
        // One byte every 100 ms: never idle long enough for the idle timeout, far too slow to finish.
        const trickle = setInterval(() => {
            if (socket.writable && sent < body.length) socket.write(body[sent++]!);
        }, 100);
        socket.on('close', () => clearInterval(trickle));
        return socket;
    };

    it('disconnects a client sending its body slowly within the request timeout, serving others meanwhile', async () => {
        const startedAt = Date.now();
        const slow = openSlowUpload({ Authorization: `Bearer ${TEST_API_KEY}` });
        const closed = closedAfter(slow, startedAt, REQUEST_TIMEOUT_MS * 4);
        const served: number[] = [];
        for (let index = 0; index < 5; index += 1) {
            const response = await fetch(`http://127.0.0.1:${port}/v1/deals/score`, {
                method: 'POST',
                headers: authHeaders(),
                body: validBody()
            });
            served.push(response.status);
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(served).toEqual([200, 200, 200, 200, 200]);
        const closedAfterMs = await closed;
        // The timeout plus Node's check interval (at most a quarter of it here) and some scheduling slack.
        expect(closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
        expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS * 2);
    }, 15_000);

    it('closes the connection right after a 401 instead of reading the rest of a slow body', async () => {
        const startedAt = Date.now();
        const slow = openSlowUpload({ Authorization: 'Bearer not-a-valid-key-0123456789abcdefghijklmn' });
        let response = '';
        slow.on('data', (chunk: Buffer) => (response += chunk.toString()));
        const closedAfterMs = await closedAfter(slow, startedAt, REQUEST_TIMEOUT_MS * 4);
        expect(response).toMatch(/^HTTP\/1\.1 401/);
        expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS / 2);
    }, 15_000);
});
