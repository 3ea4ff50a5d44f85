import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { ProblemDetails } from '../src/contract';
import { authHeaders, buildTestApp, ROTATED_API_KEY, TEST_API_KEY, TEST_SETTINGS } from './support/app';
import { buildBatchRequest, FIXTURE_AS_OF, healthyDeal } from './support/deal-factory';

const validBody = () => JSON.stringify({ asOf: FIXTURE_AS_OF, deals: [healthyDeal()] });

const expectProblem = (
    response: { statusCode: number; headers: Record<string, unknown>; body: string },
    status: number
) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = ProblemDetails.parse(JSON.parse(response.body));
    expect(problem.status).toBe(status);
    expect(response.body).not.toMatch(/at .+\.(ts|js):\d+/);
    return problem;
};

describe('HTTP API', () => {
    let app: FastifyInstance;
    beforeAll(() => {
        app = buildTestApp();
        app.get('/test/boom', async () => {
            throw new Error('secret internals at /srv/app.ts:42');
        });
        return app.ready();
    });
    afterAll(() => app.close());

    describe('authentication', () => {
        it.each([
            ['no header', {}],
            ['wrong key', { authorization: 'Bearer not-the-key-0123456789abcdefghijklmnop' }],
            ['wrong scheme', { authorization: `Basic ${TEST_API_KEY}` }],
            ['key prefix', { authorization: `Bearer ${TEST_API_KEY.slice(0, -1)}` }]
        ])('rejects %s with 401 problem details', async (_name, headers) => {
            const response = await app.inject({
                method: 'POST',
                url: '/v1/deals/score',
                headers: { ...headers, 'content-type': 'application/json' },
                payload: validBody()
            });
            expectProblem(response, 401);
            expect(response.headers['www-authenticate']).toBe('Bearer');
        });

        it('accepts every configured key (rotation)', async () => {
            for (const key of [TEST_API_KEY, ROTATED_API_KEY]) {
                const response = await app.inject({
                    method: 'POST',
                    url: '/v1/deals/score',
                    headers: authHeaders(key),
                    payload: validBody()
                });
                expect(response.statusCode).toBe(200);
            }
        });

        it('protects the OpenAPI document but not the health checks', async () => {
            expect((await app.inject({ url: '/openapi.json' })).statusCode).toBe(401);
            expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
            expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok' });
            const document = await app.inject({ url: '/openapi.json', headers: authHeaders() });
            expect(document.json()).toMatchObject({ openapi: '3.1.0', paths: { '/v1/deals/score': { post: {} } } });
        });
    });

    describe('validation', () => {
        it('reports which deal and which field is wrong', async () => {
            const request = buildBatchRequest(5, 7);
            (request.deals[3] as { closeDate: string }).closeDate = '2026-02-30';
            delete (request.deals[1] as Partial<(typeof request.deals)[number]>).name;
            const response = await app.inject({
                method: 'POST',
                url: '/v1/deals/score',
                headers: authHeaders(),
                payload: JSON.stringify(request)
            });
            const problem = expectProblem(response, 400);
            expect(problem.errors?.map((error) => error.path)).toEqual(['deals[1].name', 'deals[3].closeDate']);
        });

        it('rejects cross-field inconsistencies with a path', async () => {
            const deal = healthyDeal();
            deal.closeDateHistory = { pushCount: 0, totalDaysPushed: 12 };
            deal.playbook!.stepProgress['not_a_step'] = 'done';
            const response = await app.inject({
                method: 'POST',
                url: '/v1/deals/score',
                headers: authHeaders(),
                payload: JSON.stringify({ asOf: FIXTURE_AS_OF, deals: [deal, healthyDeal()] })
            });
            const problem = expectProblem(response, 400);
            expect(problem.errors?.map((error) => error.path)).toEqual([
                'deals[0].closeDateHistory.totalDaysPushed',
                'deals[0].playbook.stepProgress.not_a_step',
                'deals[1].id'
            ]);
        });

        it('rejects fields the contract does not know (e.g. an email address)', async () => {
            const deal = { ...healthyDeal(), contactEmail: 'cfo@example.com' };
            const response = await app.inject({
                method: 'POST',
                url: '/v1/deals/score',
                headers: authHeaders(),
                payload: JSON.stringify({ asOf: FIXTURE_AS_OF, deals: [deal] })
            });
            expect(expectProblem(response, 400).errors?.[0]?.path).toBe('deals[0]');
        });

        it('accepts 500 deals and rejects 501', async () => {
            const ok = await app.inject({
                method: 'POST',
                url: '/v1/deals/score',
                headers: authHeaders(),
                payload: JSON.stringify(buildBatchRequest(500, 1))
            });
            expect(ok.statusCode).toBe(200);
            expect(ok.json<{ results: unknown[] }>().results).toHaveLength(500);
            const tooMany = await app.inject({
                method: 'POST',
                url: '/v1/deals/score',
                headers: authHeaders(),
                payload: JSON.stringify(buildBatchRequest(501, 1))
            });
            expect(expectProblem(tooMany, 400).errors?.[0]?.path).toBe('deals');
        });

        it('answers malformed JSON, wrong content types and empty bodies with 4xx problem details', async () => {
            const post = (payload: string, contentType?: string) =>
                app.inject({
                    method: 'POST',
                    url: '/v1/deals/score',
                    headers: {
                        authorization: `Bearer ${TEST_API_KEY}`,
                        ...(contentType ? { 'content-type': contentType } : {})
                    },
                    payload
                });
            expectProblem(await post('{"asOf":', 'application/json'), 400);
            expectProblem(await post('asOf=2026-11-16', 'application/x-www-form-urlencoded'), 415);
            expectProblem(await post('hello', 'text/plain'), 415);
            expectProblem(await post('', 'application/json'), 400);
            expectProblem(await post('{"__proto__":{"x":1}}', 'application/json'), 400);
        });
    });

    it('answers 413 over the body limit', async () => {
        const small = buildTestApp({ settings: { ...TEST_SETTINGS, bodyLimitBytes: 2048 } });
        const response = await small.inject({
            method: 'POST',
            url: '/v1/deals/score',
            headers: authHeaders(),
            payload: validBody()
        });
        expectProblem(response, 413);
        await small.close();
    });

    it('answers 429 with Retry-After once a key exceeds its rate limit, counting keys separately', async () => {
        const limited = buildTestApp({ settings: { ...TEST_SETTINGS, rateLimit: { max: 2, windowMs: 60_000 } } });
        const call = (key: string) =>
            limited.inject({ method: 'POST', url: '/v1/deals/score', headers: authHeaders(key), payload: validBody() });
        expect((await call(TEST_API_KEY)).statusCode).toBe(200);
        expect((await call(TEST_API_KEY)).statusCode).toBe(200);
        const rejected = await call(TEST_API_KEY);
        expectProblem(rejected, 429);
        expect(Number(rejected.headers['retry-after'])).toBeGreaterThan(0);
        expect((await call(ROTATED_API_KEY)).statusCode).toBe(200);
        await limited.close();
    });

    it('answers unknown routes with 404 problem details', async () => {
        expectProblem(await app.inject({ url: '/v1/nope', headers: authHeaders() }), 404);
        expectProblem(await app.inject({ method: 'GET', url: '/v1/deals/score', headers: authHeaders() }), 404);
    });

    it('hides 5xx details', async () => {
        const problem = expectProblem(await app.inject({ url: '/test/boom', headers: authHeaders() }), 500);
        expect(JSON.stringify(problem)).not.toContain('secret');
    });

    it('echoes a log-safe x-request-id and replaces an unsafe one', async () => {
        const echoed = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'sf-req-123' } });
        expect(echoed.headers['x-request-id']).toBe('sf-req-123');
        const replaced = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\twith spaces' } });
        expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        const problem = expectProblem(
            await app.inject({ url: '/nope', headers: { ...authHeaders(), 'x-request-id': 'trace-42' } }),
            404
        );
        expect(problem.requestId).toBe('trace-42');
    });

    it('has no echo route unless the benchmark asks for it', async () => {
        expectProblem(
            await app.inject({ method: 'POST', url: '/v1/echo', headers: authHeaders(), payload: validBody() }),
            404
        );
        const bench = buildTestApp({ enableEchoRoute: true });
        const echoed = await bench.inject({
            method: 'POST',
            url: '/v1/echo',
            headers: authHeaders(),
            payload: validBody()
        });
        expect(echoed.json()).toEqual(JSON.parse(validBody()));
        await bench.close();
    });
});

describe('logging', () => {
    const capture = () => {
        const lines: string[] = [];
        const stream = new Writable({
            write(chunk: Buffer, _encoding, callback) {
                lines.push(...chunk.toString().split('\n').filter(Boolean));
                callback();
            }
        });
        return { lines, stream };
    };

    it('logs a failed authentication at warn with the client address, never the presented key', async () => {
        const { lines, stream } = capture();
        const app = buildTestApp({ logger: { level: 'info', stream } });
        await app.inject({
            method: 'POST',
            url: '/v1/deals/score?token=abc',
            headers: {
                authorization: 'Bearer wrong-key-with-secret',
                'content-type': 'application/json',
                'x-request-id': 'unauth-1'
            },
            payload: validBody()
        });
        await app.close();
        const entries = lines
            .map((line) => JSON.parse(line) as Record<string, unknown>)
            .filter((entry) => entry.reqId === 'unauth-1');
        expect(entries).toHaveLength(1);
        const { level, time, pid, hostname, msg, reqId, ...rest } = entries[0]!;
        expect({ level, msg, reqId }).toEqual({ level: 40, msg: 'authentication failed', reqId: 'unauth-1' });
        expect([time, pid, hostname].every((value) => value !== undefined)).toBe(true);
        expect(rest).toEqual({ clientIp: '127.0.0.1', failuresInWindow: 1 });
        expect(lines.join('\n')).not.toContain('wrong-key');
    });

    it('never logs deal names, free text, bodies or the Authorization header', async () => {
        const { lines, stream } = capture();
        const app = buildTestApp({ logger: { level: 'debug', stream } });
        await app.inject({ method: 'POST', url: '/v1/deals/score', headers: authHeaders(), payload: validBody() });
        await app.inject({
            method: 'POST',
            url: '/v1/deals/score',
            headers: authHeaders(),
            payload: '{"asOf":"x","deals":[{"name":"Northwind Traders"}]}'
        });
        await app.close();
        const log = lines.join('\n');
        expect(log).toContain('request completed');
        for (const secret of ['Northwind', 'mutual close plan', TEST_API_KEY, 'Bearer']) {
            expect(log).not.toContain(secret);
        }
    });
});
