import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { ScoreRequest } from '../src/contract';
import { authHeaders, buildTestApp, listen } from './support/app';
import { FIXTURE_AS_OF, healthyDeal } from './support/deal-factory';

const FUZZ_RUNS = 10_000;

/** A valid body with one value somewhere replaced by junk: the most realistic kind of malformed request. */
const mutatedValidBody = fc
    .tuple(fc.nat(), fc.anything({ maxDepth: 2, withNullPrototype: true, withBoxedValues: true }))
    .map(([position, junk]) => {
        const body: { asOf: string; deals: unknown[] } = {
            asOf: FIXTURE_AS_OF,
            deals: [structuredClone(healthyDeal())]
        };
        const holders: [Record<string, unknown>, string][] = [];
        const walk = (node: unknown) => {
            if (node && typeof node === 'object') {
                for (const key of Object.keys(node)) {
                    holders.push([node as Record<string, unknown>, key]);
                    walk((node as Record<string, unknown>)[key]);
                }
            }
        };
        walk(body);
        const [holder, key] = holders[position % holders.length]!;
        holder[key] = junk;
        return JSON.stringify(body) ?? 'undefined';
    });

const isContractValid = (payload: string): boolean => {
    try {
        return ScoreRequest.safeParse(JSON.parse(payload)).success;
    } catch {
        return false;
    }
};

/** Only bodies that break the contract (a mutation can land on a value that is still valid, e.g. null evidence). */
const malformedBody = fc
    .oneof(
        { arbitrary: mutatedValidBody, weight: 4 },
        { arbitrary: fc.json({ maxDepth: 3 }), weight: 2 },
        { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
        { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
        {
            arbitrary: fc.constantFrom(
                '{',
                '[]',
                'null',
                '{"__proto__":{}}',
                '{"constructor":{"prototype":{}}}',
                '\u0000'
            ),
            weight: 1
        }
    )
    .filter((payload) => !isContractValid(payload));

describe('fuzzing the score route', () => {
    let app: FastifyInstance;
    beforeAll(() => {
        app = buildTestApp();
        return app.ready();
    });
    afterAll(() => app.close());

    it(`answers ${FUZZ_RUNS} malformed bodies with 4xx, never 5xx`, async () => {
        await fc.assert(
            fc.asyncProperty(malformedBody, async (payload) => {
                const response = await app.inject({
                    method: 'POST',
                    url: '/v1/deals/score',
                    headers: authHeaders(),
                    payload
                });
                expect(response.statusCode).toBeGreaterThanOrEqual(400);
                expect(response.statusCode).toBeLessThan(500);
                expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
            }),
            { numRuns: FUZZ_RUNS }
        );
        // Still healthy afterwards, over real HTTP too.
        const baseUrl = await listen(app);
        expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    }, 240_000); // ~10 s on a quiet 2-core machine; generous so a loaded machine is not a failure
});
