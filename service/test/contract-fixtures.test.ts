import type { FastifyInstance } from 'fastify';
import { listFixturePairs, readJson } from '../tools/fixture-files';
import { buildContractJsonSchemas, ScoreRequest, ScoreResponse } from '../src/contract';
import { authHeaders, buildTestApp, listen } from './support/app';
import { buildFixtureRequests, NAMED_CASES } from './support/deal-factory';

const pairs = listFixturePairs().filter((pair) => pair.operation === 'score');

describe('golden fixtures', () => {
    let app: FastifyInstance;
    let baseUrl: string;

    beforeAll(async () => {
        app = buildTestApp();
        baseUrl = await listen(app);
    });
    afterAll(() => app.close());

    it('cover every required case', () => {
        expect(pairs.map((pair) => pair.caseName).sort()).toEqual([...Object.keys(NAMED_CASES), 'batch-200'].sort());
        const batch = readJson(pairs.find((pair) => pair.caseName === 'batch-200')!.requestFile) as ScoreRequest;
        expect(batch.deals).toHaveLength(200);
    });

    it('request fixtures are what the deterministic builders produce', () => {
        const built = buildFixtureRequests();
        for (const pair of pairs) {
            expect(readJson(pair.requestFile)).toEqual(JSON.parse(JSON.stringify(built[pair.caseName])));
        }
    });

    it.each(pairs.map((pair) => [pair.caseName, pair] as const))(
        'replays score.%s over HTTP and matches the golden response',
        async (_caseName, pair) => {
            const requestBody = readJson(pair.requestFile);
            expect(ScoreRequest.safeParse(requestBody).success).toBe(true);

            const response = await fetch(`${baseUrl}/v1/deals/score`, {
                method: 'POST',
                headers: authHeaders(),
                body: JSON.stringify(requestBody)
            });
            expect(response.status).toBe(200);
            expect(response.headers.get('content-type')).toMatch(/^application\/json/);
            const body: unknown = await response.json();
            expect(ScoreResponse.safeParse(body).success).toBe(true);
            expect(body).toEqual(readJson(pair.responseFile));
        }
    );
});

describe('published contract', () => {
    it('exports JSON Schemas with camelCase properties that are not Apex reserved words', () => {
        const { scoreRequest, scoreResponse } = buildContractJsonSchemas();
        const apexReserved = new Set([
            'type',
            'number',
            'date',
            'order',
            'limit',
            'group',
            'desc',
            'select',
            'from',
            'when',
            'case',
            'default',
            'new',
            'end',
            'object',
            'list',
            'map',
            'set',
            'currency',
            'system',
            'integer',
            'string'
        ]);
        const names = new Set<string>();
        const collect = (node: unknown): void => {
            if (Array.isArray(node)) return node.forEach(collect);
            if (node && typeof node === 'object') {
                const record = node as Record<string, unknown>;
                if (record.properties && typeof record.properties === 'object') {
                    Object.keys(record.properties).forEach((name) => names.add(name));
                }
                Object.values(record).forEach(collect);
            }
        };
        collect(scoreRequest);
        collect(scoreResponse);
        expect(names.size).toBeGreaterThan(40);
        for (const name of names) {
            expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
            expect(apexReserved.has(name.toLowerCase())).toBe(false);
        }
    });
});
