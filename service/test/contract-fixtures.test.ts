import type { FastifyInstance } from 'fastify';
import { listFixturePairs, readJson } from '../tools/fixture-files';
import {
    buildContractJsonSchemas,
    DevelopmentRequest,
    DevelopmentResponse,
    PracticeTurnRequest,
    PracticeTurnResponse,
    ScoreRequest,
    ScoreResponse
} from '../src/contract';
import { authHeaders, buildTestApp, listen } from './support/app';
import { buildFixtureRequests, NAMED_CASES } from './support/deal-factory';
import { buildDevelopmentFixtureRequests, buildPracticeFixtureRequests } from './support/module-fixtures';

const allPairs = listFixturePairs();
const pairs = allPairs.filter((pair) => pair.operation === 'score');
const MODULE_ROUTES = {
    development: {
        path: '/v1/reps/development',
        request: DevelopmentRequest,
        response: DevelopmentResponse,
        build: buildDevelopmentFixtureRequests
    },
    practice: {
        path: '/v1/practice/turn',
        request: PracticeTurnRequest,
        response: PracticeTurnResponse,
        build: buildPracticeFixtureRequests
    }
} as const;
const modulePairs = allPairs.filter((pair) => pair.operation in MODULE_ROUTES);

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

describe('golden fixtures of the development and practice routes', () => {
    let app: FastifyInstance;
    let baseUrl: string;

    beforeAll(async () => {
        app = buildTestApp();
        baseUrl = await listen(app);
    });
    afterAll(() => app.close());

    it('exist for every built case, and no fixture belongs to an unknown operation', () => {
        expect(allPairs.filter((pair) => pair.operation !== 'score' && !(pair.operation in MODULE_ROUTES))).toEqual([]);
        const expected = Object.entries(MODULE_ROUTES).flatMap(([operation, route]) =>
            Object.keys(route.build()).map((caseName) => `${operation}.${caseName}`)
        );
        expect(modulePairs.map((pair) => `${pair.operation}.${pair.caseName}`).sort()).toEqual(expected.sort());
    });

    it.each(modulePairs.map((pair) => [`${pair.operation}.${pair.caseName}`, pair] as const))(
        'replays %s over HTTP and matches the golden response',
        async (_name, pair) => {
            const route = MODULE_ROUTES[pair.operation as keyof typeof MODULE_ROUTES];
            const requestBody = readJson(pair.requestFile);
            expect(requestBody).toEqual(
                JSON.parse(JSON.stringify((route.build() as Record<string, unknown>)[pair.caseName]))
            );
            expect(route.request.safeParse(requestBody).success).toBe(true);
            const response = await fetch(`${baseUrl}${route.path}`, {
                method: 'POST',
                headers: authHeaders(),
                body: JSON.stringify(requestBody)
            });
            expect(response.status).toBe(200);
            const body: unknown = await response.json();
            expect(route.response.safeParse(body).success).toBe(true);
            expect(body).toEqual(readJson(pair.responseFile));
        }
    );
});

describe('published contract', () => {
    it('exports JSON Schemas with camelCase properties that are not Apex reserved words', () => {
        const schemas = buildContractJsonSchemas();
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
        Object.values(schemas).forEach(collect);
        expect(names.size).toBeGreaterThan(40);
        for (const name of names) {
            expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
            expect(apexReserved.has(name.toLowerCase())).toBe(false);
        }
    });
});
