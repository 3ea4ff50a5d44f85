/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY: the Call Insights stand-in over real HTTP, against a 30-deal sample org
 * and the real Execution Loop service (deterministic extractor) built in-process.
 */
import type { FastifyInstance } from 'fastify';
import type { AnalysisView as LwcAnalysisView, InsightsView as LwcInsightsView } from 'c/callInsights';
import { buildApp } from '../../service/src/app';
import { CallAnalysisResponse } from '../../service/src/contract';
import { type AnalysisView, callAnalyses } from './CallInsightsController';
import { startStandInServer, type RunningStandIn, USER_HEADER } from './server';
import { TOKEN_HEADER } from './request-guard';
import { TEST_SESSION_TOKEN as SESSION_TOKEN } from './twin-test-support';
import { WorkbenchStore } from './store';

jest.setTimeout(30_000);

const API_KEY = 'workbench-test-key-0123456789abcdefghijklmnop';
const AS_OF = '2026-11-16';

let store: WorkbenchStore;
let service: FastifyInstance;
let standIn: RunningStandIn;
let serviceDown: RunningStandIn;
let repId: string;
let dealId: string;

async function call<T>(method: string, params: unknown, url = standIn.url): Promise<{ status: number; json: T }> {
    const response = await fetch(`${url}/apex/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: SESSION_TOKEN, [USER_HEADER]: repId },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(20_000)
    });
    return { status: response.status, json: (await response.json()) as T };
}

async function ok<T>(method: string, params: unknown, url?: string): Promise<T> {
    const reply = await call<T>(method, params, url);
    if (reply.status !== 200) throw new Error(`${method}: HTTP ${reply.status} ${JSON.stringify(reply.json)}`);
    return reply.json;
}

async function apexError(method: string, params: unknown): Promise<string> {
    const reply = await call<{ body: { message: string } }>(method, params);
    expect(reply.status).toBe(400);
    return reply.json.body.message;
}

function notesFor(contactName: string): string {
    return [
        `${contactName} confirmed the dispatch team rebuilds routes by hand in spreadsheets every morning.`,
        'They are also evaluating Globex.',
        'Next step: pricing workshop on Friday.'
    ].join('\n');
}

beforeAll(async () => {
    store = new WorkbenchStore({ deals: 30, asOf: AS_OF, now: () => new Date(`${AS_OF}T10:00:00.000Z`) });
    service = buildApp({
        settings: { apiKeys: [API_KEY], bodyLimitBytes: 5 * 1024 * 1024, rateLimit: { max: 10_000, windowMs: 60_000 } },
        logger: false
    });
    await service.listen({ port: 0, host: '127.0.0.1' });
    const address = service.server.address() as { port: number };
    standIn = await startStandInServer({
        store,
        scoringUrl: `http://127.0.0.1:${address.port}`,
        apiKey: API_KEY,
        sessionToken: SESSION_TOKEN
    });
    serviceDown = await startStandInServer({
        store,
        scoringUrl: 'http://127.0.0.1:9',
        apiKey: API_KEY,
        sessionToken: SESSION_TOKEN
    });
    // A deal where the call has something new to say about pain and competition.
    const deal = store.org.opportunities.find(
        (opportunity) =>
            !opportunity.IsClosed &&
            opportunity.Identified_Pain_Status__c === 'unknown' &&
            opportunity.Competition_Status__c === 'unknown'
    )!;
    dealId = deal.Id;
    repId = deal.OwnerId;
});

afterAll(async () => {
    await standIn?.close();
    await serviceDown?.close();
    await service?.close();
});

describe('CallInsightsController stand-in', () => {
    it('analyses pasted notes through the real service and keeps the analysis', async () => {
        const view = await ok<AnalysisView>('CallInsightsController.analyzeCall', {
            opportunityId: dealId,
            source: 'pasted_notes',
            sourceRecordId: null,
            text: notesFor('Dana Cho')
        });
        const lwcView: LwcAnalysisView = view;
        expect(lwcView.analysisStatus).toBe('analyzed');
        expect(view.extractor).toBe('deterministic');
        const result = CallAnalysisResponse.parse(JSON.parse(view.resultJson!));
        expect(result.dealId).toBe(dealId);
        expect(result.proposals.map((proposal) => proposal.field)).toEqual(
            expect.arrayContaining(['NextStep', 'Next_Step_Date__c'])
        );
        const insights = await ok<LwcInsightsView>('CallInsightsController.getCallInsights', { opportunityId: dealId });
        expect(insights.analyses[0]?.analysisId).toBe(view.analysisId);
    });

    it('writes the accepted updates only, and records the review', async () => {
        const view = await ok<AnalysisView>('CallInsightsController.analyzeCall', {
            opportunityId: dealId,
            source: 'pasted_notes',
            sourceRecordId: null,
            text: notesFor('Dana Cho')
        });
        const proposals = CallAnalysisResponse.parse(JSON.parse(view.resultJson!)).proposals;
        const accept = new Set(['NextStep', 'Next_Step_Date__c']);
        const before = { ...store.opportunity(dealId)! };
        const decisions = proposals.map((proposal) => ({
            field: proposal.field,
            verdict: accept.has(proposal.field) ? 'accepted' : 'rejected'
        }));
        expect(decisions.some((decision) => decision.verdict === 'rejected')).toBe(true);
        const reviewed = await ok<AnalysisView>('CallInsightsController.applyDecisions', {
            analysisId: view.analysisId,
            decisionsJson: JSON.stringify(decisions)
        });
        expect(reviewed.analysisStatus).toBe('reviewed');
        const after = store.opportunity(dealId)!;
        expect(after.NextStep).toBe('Next step: pricing workshop on Friday.');
        expect(after.Next_Step_Date__c).toBe('2026-11-20');
        for (const proposal of proposals.filter((candidate) => !accept.has(candidate.field))) {
            expect((after as unknown as Record<string, unknown>)[proposal.field]).toEqual(
                (before as unknown as Record<string, unknown>)[proposal.field]
            );
        }
        const record = callAnalyses(store).find((candidate) => candidate.Id === view.analysisId)!;
        expect(record).toMatchObject({ Accepted_Count__c: 2, Reviewed_By__c: repId });
        expect(
            await apexError('CallInsightsController.applyDecisions', {
                analysisId: view.analysisId,
                decisionsJson: JSON.stringify(decisions)
            })
        ).toBe('This analysis has no proposals waiting for review.');
    });

    it('keeps the notes pending retry when the service is down, and retries them', async () => {
        const pending = await ok<AnalysisView>(
            'CallInsightsController.analyzeCall',
            {
                opportunityId: dealId,
                source: 'pasted_notes',
                sourceRecordId: null,
                text: 'Dana Cho said the CFO signs off.'
            },
            serviceDown.url
        );
        expect(pending.analysisStatus).toBe('pending_retry');
        expect(pending.lastError).toBe('The Execution Loop service could not be reached.');
        expect(pending.text).toBe('Dana Cho said the CFO signs off.');
        const retried = await ok<AnalysisView>('CallInsightsController.retryAnalysis', {
            analysisId: pending.analysisId
        });
        expect(retried.analysisStatus).toBe('analyzed');
    });

    it('answers bad input with the Apex messages', async () => {
        expect(
            await apexError('CallInsightsController.analyzeCall', { opportunityId: dealId, source: 'fax', text: 'x' })
        ).toBe('Unknown call source "fax".');
        expect(
            await apexError('CallInsightsController.analyzeCall', {
                opportunityId: dealId,
                source: 'pasted_notes',
                text: ' '
            })
        ).toBe('There is no text to analyse.');
        expect(
            await apexError('CallInsightsController.analyzeCall', {
                opportunityId: dealId,
                source: 'pasted_notes',
                text: 'x'.repeat(100_001)
            })
        ).toBe('The text has 100001 characters; Call Insights reads at most 100000.');
        expect(
            await apexError('CallInsightsController.applyDecisions', { analysisId: null, decisionsJson: 'nope' })
        ).toBe('The decisions could not be read.');
    });
});
