import { PracticeTurnRequest, PracticeTurnResponse } from '../src/modules/practice/contract/practice';
import { askQuestions, createPracticeModel, drillCriteria, practiceTurn } from '../src/modules/practice/engine';
import { authHeaders, buildTestApp } from './support/app';
import { practiceTurnRequest } from './support/module-fixtures';
import { startScriptedLlm, type ScriptedLlm } from './support/scripted-llm';
import { loadLlmSettings } from '../src/shared/llm-settings';

const EB_GUIDANCE = [
    'Good: you met the economic buyer, who confirmed the problem, the metrics, the budget, the timeline and what they need to approve.',
    'Ask: What must be true for you to approve this? Which risks worry you? What would make you decide to wait?',
    'Trap: a business case that reaches the economic buyer only through others.'
].join('\n');

// The fixtures' practice request, with this file's fuller guidance (it has a trap line as well).
const baseRequest = (transcript: PracticeTurnRequest['transcript'] = []): PracticeTurnRequest =>
    practiceTurnRequest(transcript, EB_GUIDANCE);

const GOOD_ANSWERS = [
    'Thanks. Before you present it, what must be true for you to approve this on your side?',
    'I understand. Which risks worry you most, and what would make you decide to wait?',
    'Could we meet together with the person who approves the budget next Tuesday, so I can answer their questions?'
];
const WEAK_ANSWERS = ['Great, I will send you the deck.', 'Sure, no problem.', 'Whatever works for you.'];

/** Plays a whole scripted drill with these answers and returns the final response. */
async function playScripted(answers: readonly string[]) {
    let transcript: PracticeTurnRequest['transcript'] = [];
    for (const answer of answers) {
        const step = await practiceTurn(baseRequest(transcript), null);
        expect(step.done).toBe(false);
        transcript = [...transcript, { role: 'buyer', text: step.buyerTurn! }, { role: 'rep', text: answer }];
    }
    return practiceTurn(baseRequest(transcript), null);
}

describe('drill criteria', () => {
    it("takes the yes/no criteria from the step's Ask line, plus the skill's behaviour", () => {
        expect(askQuestions(EB_GUIDANCE)).toEqual([
            'What must be true for you to approve this?',
            'Which risks worry you?',
            'What would make you decide to wait?'
        ]);
        expect(drillCriteria('economic_buyer_access', EB_GUIDANCE).map((criterion) => criterion.key)).toEqual([
            'ask_1',
            'ask_2',
            'ask_3',
            'economic_buyer_access'
        ]);
        expect(drillCriteria('close_plan', 'Good: a plan.').map((criterion) => criterion.key)).toEqual(['close_plan']);
    });
});

describe('the scripted drill (no model)', () => {
    it('opens with a buyer built from the deal: the senior title, the account and the risk as objection', async () => {
        const first = await practiceTurn(baseRequest(), null);
        expect(first).toMatchObject({ mode: 'scripted', done: false, turnsLeft: 2, scorecard: null });
        expect(first.buyerTurn).toContain('VP Operations at Northwind Bank');
        const second = await practiceTurn(
            baseRequest([
                { role: 'buyer', text: first.buyerTurn! },
                { role: 'rep', text: 'OK.' }
            ]),
            null
        );
        expect(second.buyerTurn).toContain('I would rather not involve my boss until I am sure.');
    });

    it('scores every criterion met for a rep who asks the questions and for the meeting', async () => {
        const last = await playScripted(GOOD_ANSWERS);
        expect(last.done).toBe(true);
        expect(last.scorecard!.score).toBe(100);
        expect(
            last.scorecard!.criteria.find((criterion) => criterion.key === 'economic_buyer_access')!.evidence
        ).toContain('person who approves the budget');
        expect(PracticeTurnResponse.parse(last)).toEqual(last);
    });

    it('scores nothing met for answers that ask nothing, and says so', async () => {
        const last = await playScripted(WEAK_ANSWERS);
        expect(last.scorecard!.score).toBe(0);
        expect(last.scorecard!.criteria.every((criterion) => criterion.evidence === 'Not heard in your answers.')).toBe(
            true
        );
    });

    it('gives partial credit in proportion to the criteria met', async () => {
        const last = await playScripted([GOOD_ANSWERS[0]!, 'Sure.', 'Fine.']);
        expect(last.scorecard!.score).toBe(25);
    });
});

describe('the practice contract', () => {
    it('rejects a transcript that does not alternate, ends with the buyer, or a skill without a drill', () => {
        const bad = PracticeTurnRequest.safeParse({
            ...baseRequest([
                { role: 'rep', text: 'Hi' },
                { role: 'rep', text: 'Hello?' },
                { role: 'buyer', text: 'Yes' }
            ]),
            skill: 'acting_on_coaching'
        });
        expect(bad.success).toBe(false);
        const messages = bad.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        expect(messages).toEqual(
            expect.arrayContaining([
                expect.stringMatching(/^skill: has no drill/),
                'transcript.0.role: must be buyer: the buyer opens and the two alternate',
                "transcript: must end with the rep's answer (or be empty to open the drill)"
            ])
        );
    });
});

describe('LLM settings (shared with call analysis)', () => {
    it('is off without a key, on with one, and a clear error for an out-of-range value', () => {
        expect(loadLlmSettings({})).toBeNull();
        expect(
            loadLlmSettings({ OPENAI_API_KEY: 'k', OPENAI_MODEL: 'm', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' })
        ).toMatchObject({ apiKey: 'k', model: 'm', baseURL: 'http://127.0.0.1:1/v1' });
        expect(() => loadLlmSettings({ OPENAI_API_KEY: 'k', OPENAI_TIMEOUT_MS: 'soon' })).toThrow(/OPENAI_TIMEOUT_MS/);
    });
});

describe('the model drill (real openai SDK against a scripted server on 127.0.0.1)', () => {
    let llm: ScriptedLlm | null = null;
    afterEach(async () => {
        await llm?.close();
        llm = null;
    });
    const modelFor = (server: ScriptedLlm) =>
        createPracticeModel({
            apiKey: 'test-key',
            model: 'buyer-model',
            baseURL: server.baseURL,
            timeoutMs: 5000,
            maxRetries: 0
        });
    const finished = () =>
        baseRequest(
            GOOD_ANSWERS.flatMap((answer, index) => [
                { role: 'buyer' as const, text: `Buyer turn ${index + 1}` },
                { role: 'rep' as const, text: answer }
            ])
        );

    it('lets the model play the buyer with a persona prompt built from the deal', async () => {
        llm = await startScriptedLlm([{ content: 'We can handle the approval ourselves, thanks.' }]);
        const response = await practiceTurn(baseRequest(), modelFor(llm));
        expect(response).toMatchObject({ mode: 'llm', buyerTurn: 'We can handle the approval ourselves, thanks.' });
        expect(llm.requests[0]!.model).toBe('buyer-model');
        expect(llm.requests[0]!.messages[0]!.content).toContain('IT Manager at Northwind Bank');
        expect(llm.requests[0]!.messages[0]!.content).toContain('No economic buyer identified');
    });

    it("takes the model's verdicts on exactly the drill's criteria", async () => {
        const verdicts = ['ask_1', 'ask_2', 'ask_3', 'economic_buyer_access'].map((key, index) => ({
            key,
            met: index !== 2,
            evidence: index === 2 ? 'Did not ask what would make them wait.' : 'Asked it.'
        }));
        llm = await startScriptedLlm([{ content: JSON.stringify({ verdicts }) }]);
        const response = await practiceTurn(finished(), modelFor(llm));
        expect(response).toMatchObject({ mode: 'llm', done: true, fallbackReason: null });
        expect(response.scorecard!.score).toBe(75);
        expect(llm.requests[0]!.response_format).toMatchObject({ type: 'json_schema' });
    });

    it('falls back to the scripted drill, and says why, when the model fails or judges other criteria', async () => {
        llm = await startScriptedLlm([{ status: 500 }, { content: JSON.stringify({ verdicts: [] }) }]);
        const failed = await practiceTurn(baseRequest(), modelFor(llm));
        expect(failed.mode).toBe('scripted');
        expect(failed.buyerTurn).toContain('VP Operations at Northwind Bank');
        expect(failed.fallbackReason).toMatch(/^The language model failed \(.*500/);
        const misjudged = await practiceTurn(finished(), modelFor(llm));
        expect(misjudged.mode).toBe('scripted');
        expect(misjudged.scorecard!.score).toBe(100);
        expect(misjudged.fallbackReason).toMatch(/did not judge exactly the criteria/);
    });
});

describe('POST /v1/practice/turn', () => {
    const app = buildTestApp();
    afterAll(() => app.close());

    it('runs the scripted drill over HTTP and rejects a broken transcript with its path', async () => {
        const ok = await app.inject({
            method: 'POST',
            url: '/v1/practice/turn',
            headers: authHeaders(),
            payload: baseRequest()
        });
        expect(ok.statusCode).toBe(200);
        expect(PracticeTurnResponse.parse(ok.json()).mode).toBe('scripted');
        const bad = await app.inject({
            method: 'POST',
            url: '/v1/practice/turn',
            headers: authHeaders(),
            payload: baseRequest([{ role: 'buyer', text: 'Hello' }])
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.json<{ errors: Array<{ path: string }> }>().errors[0]!.path).toBe('transcript');
    });
});
