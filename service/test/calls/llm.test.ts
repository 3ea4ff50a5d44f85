import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { CallAnalysisResponse } from '../../src/contract';
import type { LlmSettings } from '../../src/modules/calls/engine/llm';
import { loadLlmSettings } from '../../src/modules/calls/engine/llm';
import { authHeaders, buildTestApp, listen } from '../support/app';
import { callRequest } from '../support/call-factory';
import { completion, type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai';

const NOTES = [
    'Met Dana Cho (dana.cho@northwind.example, +1 415 555 0142) today.',
    'Dana said the CFO Sam Patel signs off on the budget.',
    'Dispatchers rebuild the schedule in spreadsheets every morning.',
    'Next step: demo for the planners next Tuesday.'
].join('\n');

const validAnswer = {
    summary: 'Dana confirmed Sam Patel signs off; demo next Tuesday.',
    proposals: [
        {
            field: 'Economic_Buyer_Status__c',
            proposedValue: 'identified',
            quotes: ['Dana said the CFO Sam Patel signs off on the budget.'],
            confidence: 0.8
        },
        {
            field: 'NextStep',
            proposedValue: 'Demo for the planners',
            quotes: ['Next step: demo for the planners next Tuesday.'],
            confidence: 0.9
        }
    ],
    nextSteps: [
        {
            description: 'Demo for the planners',
            owner: null,
            dueDate: '2026-11-10',
            quote: 'Next step: demo for the planners next Tuesday.'
        }
    ],
    risks: [],
    stepsCovered: [{ stepKey: 'QUAL_EB', quote: 'Dana said the CFO Sam Patel signs off on the budget.' }],
    questionsToAsk: ['What does the schedule rebuild cost each week?']
};

describe('POST /v1/calls/analyze with the LLM extractor (real openai SDK, scripted server on 127.0.0.1)', () => {
    let fake: FakeOpenAi;
    let app: FastifyInstance;
    let baseUrl: string;
    const logLines: Record<string, unknown>[] = [];

    const settings = (): LlmSettings => ({
        apiKey: 'sk-test-not-a-real-key',
        baseURL: fake.baseURL,
        model: 'scripted-model',
        timeoutMs: 400,
        maxRetries: 2
    });

    beforeAll(async () => {
        fake = await startFakeOpenAi();
        const stream = new Writable({
            write(chunk: Buffer, _encoding, callback) {
                for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
                    logLines.push(JSON.parse(line) as Record<string, unknown>);
                callback();
            }
        });
        app = buildTestApp({ llm: settings(), logger: { level: 'info', stream } });
        baseUrl = await listen(app);
    });
    afterAll(async () => {
        await app.close();
        await fake.close();
    });
    beforeEach(() => {
        logLines.length = 0;
    });

    async function analyze(text = NOTES, extractor: 'auto' | 'llm' | 'deterministic' = 'auto') {
        const response = await fetch(`${baseUrl}/v1/calls/analyze`, {
            method: 'POST',
            headers: authHeaders(),
            body: JSON.stringify(callRequest(text, { extractor }))
        });
        expect(response.status).toBe(200);
        return CallAnalysisResponse.parse(await response.json());
    }

    const accessLine = () => logLines.find((line) => line.msg === 'request completed');

    it('uses the model answer, with structured output from the zod schema, after redacting e-mails and phones', async () => {
        fake.script([completion(validAnswer)]);
        const result = await analyze();
        expect(result.extractor).toBe('llm');
        expect(result.model).toBe('scripted-model');
        expect(result.fallbackReason).toBeNull();
        expect(result.proposals.map((proposal) => proposal.field)).toEqual(['Economic_Buyer_Status__c', 'NextStep']);
        const quote = result.proposals[0]!.evidence[0]!;
        expect(NOTES.slice(quote.startOffset, quote.endOffset)).toBe(quote.quote);
        expect(result.coaching.stepsCovered.map((step) => step.stepKey)).toEqual(['QUAL_EB']);
        expect(result.redactions).toBe(2);

        const sent = fake.requests[0]!;
        expect(sent.response_format?.type).toBe('json_schema');
        expect(sent.response_format?.json_schema?.strict).toBe(true);
        const userTurn = sent.messages.find((message) => message.role === 'user')!.content;
        expect(userTurn).not.toContain('dana.cho@northwind.example');
        expect(userTurn).not.toContain('555 0142');
        expect(userTurn).toContain('[email]');
        expect(userTurn).toContain('[phone]');
        // The call text never reaches the system turn.
        expect(sent.messages.find((message) => message.role === 'system')!.content).not.toContain('Dana');
    });

    it('logs one line per request with extractor, model, latency and tokens, and never the text', async () => {
        fake.script([completion(validAnswer, { promptTokens: 900, completionTokens: 120 })]);
        await analyze();
        const line = accessLine();
        expect(line?.callAnalysis).toMatchObject({
            extractor: 'llm',
            model: 'scripted-model',
            promptTokens: 900,
            completionTokens: 120
        });
        expect(typeof (line?.callAnalysis as { latencyMs: number }).latencyMs).toBe('number');
        expect(logLines.filter((entry) => entry.msg === 'request completed')).toHaveLength(1);
        const everything = JSON.stringify(logLines);
        expect(everything).not.toContain('spreadsheets');
        expect(everything).not.toContain('Dana');
    });

    it('falls back to the deterministic extractor on malformed JSON', async () => {
        fake.script([completion('{"summary": "unterminated')]);
        const result = await analyze();
        expect(result.extractor).toBe('deterministic');
        expect(result.fallbackReason).toBe('llm_failed');
        expect(result.proposals.length).toBeGreaterThan(0);
        expect(accessLine()?.callAnalysis).toMatchObject({ extractor: 'deterministic', fallbackReason: 'llm_failed' });
    });

    it('falls back when the answer does not match the schema', async () => {
        fake.script([completion({ summary: 'no other keys' })]);
        const result = await analyze();
        expect(result.fallbackReason).toBe('llm_failed');
    });

    it('drops proposals whose quotes are invented or paraphrased, and counts them', async () => {
        fake.script([
            completion({
                ...validAnswer,
                proposals: [
                    {
                        field: 'Champion_Status__c',
                        proposedValue: 'validated',
                        quotes: ['Dana said she will champion this with the board.'],
                        confidence: 0.9
                    },
                    {
                        field: 'Economic_Buyer_Status__c',
                        proposedValue: 'identified',
                        quotes: ['Dana said the CFO signs off on the budget.'],
                        confidence: 0.9
                    }
                ],
                nextSteps: [{ description: 'x', owner: null, dueDate: null, quote: 'We agreed to a pilot in March.' }]
            })
        ]);
        const result = await analyze();
        expect(result.extractor).toBe('llm');
        expect(result.proposals).toEqual([]);
        expect(result.nextSteps).toEqual([]);
        expect(result.guards.droppedUnquoted).toBe(3);
    });

    it('drops fields outside the allow-list and picklist values that are not exact', async () => {
        fake.script([
            completion({
                ...validAnswer,
                proposals: [
                    {
                        field: 'OwnerId',
                        proposedValue: '005000000000001',
                        quotes: [NOTES.split('\n')[1]],
                        confidence: 1
                    },
                    {
                        field: 'Economic_Buyer_Status__c',
                        proposedValue: 'Identified',
                        quotes: [NOTES.split('\n')[1]],
                        confidence: 1
                    },
                    { field: 'CloseDate', proposedValue: '2026-02-30', quotes: [NOTES.split('\n')[3]], confidence: 1 },
                    { field: 'CloseDate', proposedValue: '2031-01-01', quotes: [NOTES.split('\n')[3]], confidence: 1 }
                ]
            })
        ]);
        const result = await analyze();
        expect(result.proposals).toEqual([]);
        expect(result.guards).toMatchObject({ droppedOffList: 1, droppedInvalidValue: 2, droppedImplausibleDate: 1 });
    });

    it("never raises a status to validated on the rep's own notes (no buyer quote)", async () => {
        fake.script([
            completion({
                ...validAnswer,
                proposals: [
                    {
                        field: 'Economic_Buyer_Status__c',
                        proposedValue: 'validated',
                        quotes: [NOTES.split('\n')[1]],
                        confidence: 0.95
                    }
                ]
            })
        ]);
        const result = await analyze();
        expect(result.proposals).toEqual([
            expect.objectContaining({ field: 'Economic_Buyer_Status__c', proposedValue: 'identified' })
        ]);
        expect(result.guards.validatedWithoutBuyerQuote).toBe(1);
    });

    it('retries a 429 (with the SDK back-off) and then uses the answer', async () => {
        fake.script([{ kind: 'status', status: 429, retryAfterMs: 5 }, completion(validAnswer)]);
        const result = await analyze();
        expect(fake.requests).toHaveLength(2);
        expect(result.extractor).toBe('llm');
    });

    it('falls back after retries when the server keeps failing with 5xx', async () => {
        fake.script([{ kind: 'status', status: 503, retryAfterMs: 5 }]);
        const result = await analyze();
        expect(fake.requests).toHaveLength(3);
        expect(result.fallbackReason).toBe('llm_failed');
        expect(accessLine()?.callAnalysis).toMatchObject({ llmFailure: 'InternalServerError' });
    });

    it('falls back when the model times out', async () => {
        fake.script([{ kind: 'hang' }]);
        const started = Date.now();
        const result = await analyze();
        expect(result.fallbackReason).toBe('llm_failed');
        // The SDK reports its own timeout as APIConnectionTimeoutError (APIConnectionError under Jest's realm).
        expect(String((accessLine()?.callAnalysis as { llmFailure?: unknown } | undefined)?.llmFailure)).toMatch(
            /^APIConnection(Timeout)?Error$/
        );
        expect(fake.requests).toHaveLength(3);
        // 3 attempts × 400 ms plus back-off: bounded, not the SDK's 10-minute default.
        expect(Date.now() - started).toBeLessThan(8000);
    });

    it('skips the LLM when the org chooses the deterministic extractor', async () => {
        fake.script([completion(validAnswer)]);
        const result = await analyze(NOTES, 'deterministic');
        expect(result.extractor).toBe('deterministic');
        expect(result.fallbackReason).toBe('org_choice');
        expect(fake.requests).toHaveLength(0);
    });
});

describe('LLM settings from the environment', () => {
    it('is off without OPENAI_API_KEY', () => {
        expect(loadLlmSettings({})).toBeNull();
    });
    it('reads key, base URL, model, and bounded timeout and retries', () => {
        expect(
            loadLlmSettings({
                OPENAI_API_KEY: 'k',
                OPENAI_BASE_URL: 'http://127.0.0.1:1/v1',
                OPENAI_MODEL: 'm',
                OPENAI_TIMEOUT_MS: '2000',
                OPENAI_MAX_RETRIES: '1'
            })
        ).toEqual({ apiKey: 'k', baseURL: 'http://127.0.0.1:1/v1', model: 'm', timeoutMs: 2000, maxRetries: 1 });
        expect(() => loadLlmSettings({ OPENAI_API_KEY: 'k', OPENAI_TIMEOUT_MS: '600000' })).toThrow(
            /OPENAI_TIMEOUT_MS must be a whole number from 100 to 30000/
        );
    });
});
