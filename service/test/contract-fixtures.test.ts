import type { FastifyInstance } from 'fastify';
import { listFixturePairs, readJson } from '../tools/fixture-files';
import { FIXTURE_OPERATIONS, fixtureOperation } from '../tools/fixture-operations';
import { buildContractJsonSchemas, type ScoreRequest } from '../src/contract';
import { authHeaders, buildTestApp, listen } from './support/app';
import { NAMED_CASES } from './support/deal-factory';

const pairs = listFixturePairs();
const casesOf = (operation: string) =>
    pairs.filter((pair) => pair.operation === operation).map((pair) => pair.caseName);

describe('golden fixtures', () => {
    let app: FastifyInstance;
    let baseUrl: string;

    beforeAll(async () => {
        app = buildTestApp();
        baseUrl = await listen(app);
    });
    afterAll(() => app.close());

    it('belong to a known operation', () => {
        for (const pair of pairs) expect(Object.keys(FIXTURE_OPERATIONS)).toContain(pair.operation);
    });

    it('cover every required score case', () => {
        expect(casesOf('score').sort()).toEqual([...Object.keys(NAMED_CASES), 'batch-200'].sort());
        const batch = readJson(pairs.find((pair) => pair.caseName === 'batch-200')!.requestFile) as ScoreRequest;
        expect(batch.deals).toHaveLength(200);
    });

    it.each(Object.entries(FIXTURE_OPERATIONS))('cover every case the %s builders produce', (name, operation) => {
        expect(casesOf(name).sort()).toEqual(Object.keys(operation.buildRequests()).sort());
    });

    it('cover each strategy verdict and each calibration status', () => {
        const verdicts = pairs
            .filter((pair) => pair.operation === 'strategy')
            .flatMap((pair) => (readJson(pair.responseFile) as { segments: { verdict: string }[] }).segments)
            .map((segment) => segment.verdict);
        expect(new Set(verdicts)).toEqual(
            new Set(['execution_drift', 'strategy_problem', 'on_track', 'not_enough_data'])
        );
        const statuses = pairs
            .filter((pair) => pair.operation === 'calibration')
            .map((pair) => (readJson(pair.responseFile) as { status: string }).status);
        expect(new Set(statuses)).toEqual(new Set(['calibrated', 'not_better_than_baseline', 'insufficient_history']));
    });

    it('request fixtures are what the deterministic builders produce', () => {
        for (const pair of pairs) {
            const built = fixtureOperation(pair.operation).buildRequests();
            expect(readJson(pair.requestFile)).toEqual(JSON.parse(JSON.stringify(built[pair.caseName])));
        }
    });

    it.each(pairs.map((pair) => [`${pair.operation}.${pair.caseName}`, pair] as const))(
        'replays %s over HTTP and matches the golden response',
        async (_name, pair) => {
            const operation = fixtureOperation(pair.operation);
            const requestBody = readJson(pair.requestFile);
            expect(operation.request.safeParse(requestBody).success).toBe(true);

            const response = await fetch(`${baseUrl}${operation.path}`, {
                method: 'POST',
                headers: authHeaders(),
                body: JSON.stringify(requestBody)
            });
            expect(response.status).toBe(200);
            expect(response.headers.get('content-type')).toMatch(/^application\/json/);
            const body: unknown = await response.json();
            expect(operation.response.safeParse(body).success).toBe(true);
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
