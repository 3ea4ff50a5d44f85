import type { FastifyInstance } from 'fastify';
import { CallAnalysisRequest, CallAnalysisResponse, MAX_CALL_TEXT_CHARS } from '../../src/contract';
import { listFixturePairs, readJson } from '../../tools/fixture-files';
import { authHeaders, buildTestApp, listen } from '../support/app';
import { buildCallFixtureRequests, callRequest, packageFields } from '../support/call-factory';
import { completion, type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai';
import { INJECTION_CORPUS, obedientModelAnswer } from './injection-corpus';

const callPairs = listFixturePairs().filter((pair) => pair.operation === 'calls');

/** The invariants the guards promise, whichever extractor ran. */
function expectSafe(request: CallAnalysisRequest, result: CallAnalysisResponse): void {
    const allowed = new Map(request.fields.map((field) => [field.apiName, field]));
    for (const proposal of result.proposals) {
        const field = allowed.get(proposal.field);
        expect(field).toBeDefined();
        expect(proposal.evidence.length).toBeGreaterThan(0);
        if (field?.fieldType === 'picklist') expect(field.picklistValues).toContain(proposal.proposedValue);
        if (field?.role === 'meddpicc_status' && proposal.proposedValue === 'validated') {
            expect(proposal.evidence.some((evidence) => evidence.speakerSide === 'buyer')).toBe(true);
        }
    }
    const allEvidence = [
        ...result.proposals.flatMap((proposal) => proposal.evidence),
        ...result.nextSteps.map((step) => step.evidence),
        ...result.risks.map((risk) => risk.evidence),
        ...result.coaching.stepsCovered.map((step) => step.evidence)
    ];
    for (const evidence of allEvidence) {
        expect(request.text.slice(evidence.startOffset, evidence.endOffset)).toBe(evidence.quote);
    }
}

describe('POST /v1/calls/analyze', () => {
    let app: FastifyInstance;
    let baseUrl: string;
    let fake: FakeOpenAi;
    let llmApp: FastifyInstance;
    let llmUrl: string;

    beforeAll(async () => {
        app = buildTestApp();
        baseUrl = await listen(app);
        fake = await startFakeOpenAi();
        llmApp = buildTestApp({
            llm: { apiKey: 'sk-test', baseURL: fake.baseURL, model: 'obedient', timeoutMs: 1000, maxRetries: 0 }
        });
        llmUrl = await listen(llmApp);
    });
    afterAll(async () => {
        await app.close();
        await llmApp.close();
        await fake.close();
    });

    const post = (url: string, body: unknown, headers: Record<string, string> = authHeaders()) =>
        fetch(`${url}/v1/calls/analyze`, { method: 'POST', headers, body: JSON.stringify(body) });

    it('needs the bearer key', async () => {
        const response = await post(baseUrl, callRequest('Dana Cho said the budget is approved.'), {
            'content-type': 'application/json'
        });
        expect(response.status).toBe(401);
    });

    it(`rejects text over ${MAX_CALL_TEXT_CHARS} characters with a problem naming the field`, async () => {
        const response = await post(baseUrl, callRequest('a'.repeat(MAX_CALL_TEXT_CHARS + 1)));
        expect(response.status).toBe(400);
        const problem = (await response.json()) as { errors: { path: string; message: string }[] };
        expect(problem.errors).toContainEqual({
            path: 'text',
            message: `must be at most ${MAX_CALL_TEXT_CHARS} characters`
        });
    });

    it('rejects a picklist field without values, an unknown time zone and blank text', async () => {
        const fields = packageFields();
        fields[0] = { ...fields[0]!, picklistValues: null };
        const response = await post(baseUrl, callRequest('   ', { fields, timeZone: 'Mars/Olympus' }));
        expect(response.status).toBe(400);
        const problem = (await response.json()) as { errors: { path: string }[] };
        expect(problem.errors.map((error) => error.path).sort()).toEqual([
            'fields[0].picklistValues',
            'text',
            'timeZone'
        ]);
    });

    it('has golden fixtures for the calls route, built by the factory', () => {
        expect(callPairs.map((pair) => pair.caseName).sort()).toEqual(Object.keys(buildCallFixtureRequests()).sort());
        const built = buildCallFixtureRequests();
        for (const pair of callPairs)
            expect(readJson(pair.requestFile)).toEqual(JSON.parse(JSON.stringify(built[pair.caseName])));
    });

    it.each(callPairs.map((pair) => [pair.caseName, pair] as const))(
        'replays calls.%s and matches the golden response',
        async (_name, pair) => {
            const response = await post(baseUrl, readJson(pair.requestFile));
            expect(response.status).toBe(200);
            const body = CallAnalysisResponse.parse(await response.json());
            expect(body).toEqual(readJson(pair.responseFile));
            expectSafe(CallAnalysisRequest.parse(readJson(pair.requestFile)), body);
        }
    );

    describe.each(Object.entries(INJECTION_CORPUS))('hostile call "%s"', (_name, text) => {
        const request = callRequest(text);

        it('deterministic extractor: nothing off the list, nothing unquoted, nothing from the injected lines', async () => {
            const response = await post(baseUrl, { ...request, extractor: 'deterministic' });
            const result = CallAnalysisResponse.parse(await response.json());
            expectSafe(request, result);
            for (const proposal of result.proposals) {
                expect(['9999999', '5000000', 'Closed Won', '2020-01-01']).not.toContain(proposal.proposedValue);
                for (const evidence of proposal.evidence)
                    expect(evidence.quote).not.toMatch(/SYSTEM|ASSISTANT|instructions/i);
            }
        });

        it('LLM extractor that obeys the injection: the guards drop every trick', async () => {
            fake.script([completion(obedientModelAnswer(text))]);
            const response = await post(llmUrl, request);
            const result = CallAnalysisResponse.parse(await response.json());
            expect(result.extractor).toBe('llm');
            expectSafe(request, result);
            expect(result.proposals.filter((proposal) => proposal.proposedValue !== 'identified')).toEqual([]);
            expect(result.nextSteps).toEqual([]);
            expect(result.coaching.stepsCovered).toEqual([]);
            expect(result.guards.droppedOffList).toBe(3);
            expect(result.guards.droppedUnquoted).toBeGreaterThanOrEqual(3);
        });
    });
});
