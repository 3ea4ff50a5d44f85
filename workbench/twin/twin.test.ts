/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY: tests of the Apex stand-in over real HTTP on 127.0.0.1, against a
 * 30-deal sample org, and (for rescoring) the real Execution Loop service built in-process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { DealHealthView as LwcDealHealthView } from 'c/dealHealthLogic';
import type { NudgeView as LwcNudgeView } from 'c/nudgeLogic';
import type { PlaybookView as LwcPlaybookView, StepView as LwcStepView } from 'c/playbookLogic';
import type {
    BoardPage as LwcBoardPage,
    BoardRow as LwcBoardRow,
    BoardSummary as LwcBoardSummary,
    SessionSummary as LwcSessionSummary
} from 'c/reviewLogic';
import { buildApp } from '../../service/src/app';
import type { Nudge, ScoreRequest } from '../../service/src/contract';
import type {
    BoardLoad,
    BoardPage,
    BoardRow,
    BoardSummary,
    DealHealthView,
    NudgeView,
    PlaybookView,
    SaveResult,
    ScopeOptions,
    SessionSummary,
    StepView
} from './apex-types';
import { buildRescoreRequest } from './DealHealthController';
import type { RecordRepresentation, UserList } from './records';
import { TOKEN_HEADER } from './request-guard';
import { startStandInServer, type RunningStandIn, USER_HEADER } from './server';
import { WorkbenchStore } from './store';

jest.setTimeout(30_000);

const API_KEY = 'workbench-test-key-0123456789abcdefghijklmnop';
const AS_OF = '2026-11-16';
/** The workbench clock: the sample org's date, 10:00 UTC, moving with real time. */
const clockStart = Date.now();
const now = () => new Date(Date.parse(`${AS_OF}T10:00:00.000Z`) + (Date.now() - clockStart));

let store: WorkbenchStore;
let standIn: RunningStandIn;
let managerId: string;
let teamIds: Set<string>;

interface Reply<T> {
    status: number;
    json: T;
}

/** Every API call carries the session token (the browser reads it from index.html). */
const SESSION_TOKEN = 'twin-test-session-token';
const tokenHeader = { [TOKEN_HEADER]: SESSION_TOKEN };

async function call<T>(method: string, params: unknown, userId?: string, url = standIn.url): Promise<Reply<T>> {
    const response = await fetch(`${url}/apex/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...tokenHeader, ...(userId ? { [USER_HEADER]: userId } : {}) },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(20_000)
    });
    return { status: response.status, json: (await response.json()) as T };
}

async function ok<T>(method: string, params: unknown, userId?: string): Promise<T> {
    const reply = await call<T>(method, params, userId);
    if (reply.status !== 200) throw new Error(`${method}: HTTP ${reply.status} ${JSON.stringify(reply.json)}`);
    return reply.json;
}

async function apexError(method: string, params: unknown, userId?: string): Promise<string> {
    const reply = await call<{ body: { message: string } }>(method, params, userId);
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.json)).toEqual(['body']);
    return reply.json.body.message;
}

async function get<T>(path: string, userId?: string): Promise<Reply<T>> {
    const response = await fetch(`${standIn.url}${path}`, {
        headers: { ...tokenHeader, ...(userId ? { [USER_HEADER]: userId } : {}) },
        signal: AbortSignal.timeout(20_000)
    });
    return { status: response.status, json: (await response.json()) as T };
}

const keys = (value: object) => Object.keys(value).sort();
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Open deals of the manager's team with a latest snapshot. */
function openScoredTeamDeals() {
    return store.org.opportunities.filter(
        (opportunity) =>
            !opportunity.IsClosed && teamIds.has(opportunity.OwnerId) && store.latestSnapshot(opportunity.Id)
    );
}

function aTeamDeal(predicate: (id: string) => boolean = () => true): string {
    const deal = openScoredTeamDeals().find((opportunity) => predicate(opportunity.Id));
    if (!deal) throw new Error('no deal fits');
    return deal.Id;
}

beforeAll(async () => {
    store = new WorkbenchStore({ deals: 30, asOf: AS_OF, now });
    managerId = store.defaultUserId;
    teamIds = new Set(store.teamMembers(managerId).map((user) => user.Id));
    standIn = await startStandInServer({
        sessionToken: SESSION_TOKEN,
        store,
        scoringUrl: 'http://127.0.0.1:9',
        apiKey: API_KEY
    });
});

afterAll(async () => {
    await standIn?.close();
});

describe('identity and workbench API', () => {
    it('defaults to the first manager and lists the users', async () => {
        const { status, json } = await get<UserList>('/api/users');
        expect(status).toBe(200);
        expect(json.defaultUserId).toBe(managerId);
        expect(json.currentUserId).toBe(managerId);
        expect(json.users.find((user) => user.id === managerId)?.level).toBe('manager');
        expect(json.users.filter((user) => user.level === 'rep').length).toBeGreaterThan(0);
    });

    it('rejects an unknown user and unknown routes with JSON errors', async () => {
        const unknownUser = await call<{ body: { message: string } }>(
            'DealHealthController.getDealHealth',
            { opportunityId: aTeamDeal() },
            '005000000000000AAA'
        );
        expect(unknownUser.status).toBe(400);
        expect(unknownUser.json.body.message).toMatch(/Unknown workbench user/);
        const unknownMethod = await call<{ body: { message: string } }>('Nope.nothing', {});
        expect(unknownMethod.status).toBe(404);
        const badJson = await fetch(`${standIn.url}/apex/DealHealthController.getDealHealth`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...tokenHeader },
            body: '{not json'
        });
        expect(badJson.status).toBe(400);
        expect(await badJson.json()).toEqual({ body: { message: 'The request body is not valid JSON.' } });
        const tooBig = await fetch(`${standIn.url}/apex/DealHealthController.getDealHealth`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...tokenHeader },
            body: JSON.stringify({ opportunityId: 'x'.repeat(2 * 1024 * 1024) })
        }).catch(() => null);
        // Either the 413 arrives or the server closes the connection mid-upload: never a 200 or a stack trace.
        if (tooBig) expect(tooBig.status).toBe(413);
    });

    it('serves the record in UI API shape and the deal list', async () => {
        const id = aTeamDeal();
        const { status, json } = await get<RecordRepresentation>(`/api/record/${id}`);
        expect(status).toBe(200);
        expect(json).toMatchObject({ id, apiName: 'Opportunity' });
        for (const field of [
            'StageName',
            'CloseDate',
            'Amount',
            'NextStep',
            'ForecastCategoryName',
            'LastModifiedDate'
        ]) {
            expect(keys(json.fields[field]!)).toEqual(['displayValue', 'value']);
        }
        expect(json.fields.LastModifiedDate!.value).toMatch(ISO_DATETIME);
        expect(json.fields.CloseDate!.value).toMatch(ISO_DATE);
        // Another team's deal is not visible to this manager.
        const otherTeam = store.org.opportunities.find((opportunity) => !teamIds.has(opportunity.OwnerId))!;
        expect((await get(`/api/record/${otherTeam.Id}`)).status).toBe(404);
        expect((await get(`/api/record/${otherTeam.Id}`, otherTeam.OwnerId)).status).toBe(200);
        const deals = await get<{ deals: { id: string; band: string | null }[] }>('/api/deals');
        expect(deals.json.deals).toHaveLength(30);
    });

    it('saves the fields a nudge edits through a record PATCH, validated, and refuses the rest', async () => {
        const id = aTeamDeal();
        const patch = (body: unknown) =>
            fetch(`${standIn.url}/api/record/${id}`, {
                method: 'PATCH',
                headers: { 'content-type': 'application/json', ...tokenHeader },
                body: JSON.stringify(body),
                signal: AbortSignal.timeout(20_000)
            });
        const before = (await get<RecordRepresentation>(`/api/record/${id}`)).json.fields.LastModifiedDate!.value;

        const saved = await patch({
            Metrics_Status__c: 'validated',
            Metrics_Evidence__c: 'CFO confirmed 30% faster onboarding'
        });
        expect(saved.status).toBe(200);
        const after = (await get<RecordRepresentation>(`/api/record/${id}`)).json;
        expect(after.fields.Metrics_Status__c!.value).toBe('validated');
        expect(after.fields.Metrics_Evidence__c!.value).toBe('CFO confirmed 30% faster onboarding');
        expect(after.fields.LastModifiedDate!.value).not.toBe(before);

        const badStatus = await patch({ Metrics_Status__c: 'maybe' });
        expect(badStatus.status).toBe(400);
        expect(((await badStatus.json()) as { body: { message: string } }).body.message).toBe(
            'Metrics_Status__c: bad value for restricted picklist field: maybe'
        );
        const notEditable = await patch({ Amount: '1' });
        expect(notEditable.status).toBe(400);
        expect(((await notEditable.json()) as { body: { message: string } }).body.message).toBe(
            'Amount cannot be edited in the workbench.'
        );
        expect((await get<RecordRepresentation>(`/api/record/${id}`)).json.fields.Metrics_Status__c!.value).toBe(
            'validated'
        );
    });
});

describe('DealHealthController', () => {
    it('getDealHealth returns the Apex DealHealthView with its trend', async () => {
        const id = aTeamDeal();
        const view = await ok<DealHealthView>('DealHealthController.getDealHealth', { opportunityId: id });
        const typed: LwcDealHealthView = view;
        const expected: Required<DealHealthView> = {
            opportunityId: '',
            hasSnapshot: true,
            isStale: false,
            staleReason: null,
            score: 0,
            band: '',
            scoredAt: '',
            scoringTrigger: '',
            modelVersion: '',
            dimensionsJson: '',
            risksJson: '',
            exitCriteriaJson: '',
            nudgesJson: '',
            trend: []
        };
        expect(keys(typed)).toEqual(keys(expected));
        expect(view.hasSnapshot).toBe(true);
        expect(view.scoredAt).toMatch(ISO_DATETIME);
        expect(view.score).toBe(store.latestSnapshot(id)!.Score__c);
        expect(view.trend.length).toBeGreaterThan(1);
        expect(view.trend[view.trend.length - 1]).toEqual({ scoredAt: view.scoredAt, score: view.score });
        expect(JSON.parse(view.dimensionsJson!)).toEqual(store.latestSnapshot(id)!.dimensions);
    });

    it('requires an opportunity id', async () => {
        expect(await apexError('DealHealthController.getDealHealth', {})).toBe('An opportunity id is required.');
        expect(await apexError('DealHealthController.getDealHealth', { opportunityId: managerId })).toBe(
            'An opportunity id is required.'
        );
    });
});

describe('PlaybookController', () => {
    it('getPlaybook returns the Apex PlaybookView; markStep persists and a reload shows it', async () => {
        const id = aTeamDeal((dealId) => {
            const deal = store.opportunity(dealId)!;
            return store.org.playbookMatches.some((match) => match.OpportunityId === deal.Id);
        });
        const view = await ok<PlaybookView>('PlaybookController.getPlaybook', { opportunityId: id });
        const typed: LwcPlaybookView = view;
        expect(keys(typed)).toEqual(
            keys({
                hasPlaybook: true,
                playbookKey: null,
                playbookLabel: null,
                description: null,
                ownerRole: null,
                matchReason: null,
                adminHint: null,
                currentStage: null,
                stages: [],
                exitCriteriaJson: null,
                scoredAt: null
            } satisfies Required<PlaybookView>)
        );
        expect(view.hasPlaybook).toBe(true);
        expect(view.stages.filter((stage) => stage.isCurrent)).toHaveLength(1);
        const step = view.stages.flatMap((stage) => stage.steps).find((candidate) => candidate.status === 'open')!;
        const stepKeys: Required<StepView> = {
            stepKey: '',
            title: '',
            guidance: null,
            isRequired: false,
            isGate: false,
            exitCriterion: null,
            dueInDays: null,
            status: 'open',
            skipReason: null,
            completedByName: null,
            completedAt: null
        };
        const typedStep: LwcStepView = step;
        expect(keys(typedStep)).toEqual(keys(stepKeys));
        expect(view.stages.flatMap((stage) => stage.steps).some((candidate) => candidate.guidance)).toBe(true);

        const saved = await ok<StepView>('PlaybookController.markStep', {
            opportunityId: id,
            stepKey: step.stepKey,
            status: 'done',
            skipReason: null
        });
        expect(saved).toMatchObject({ stepKey: step.stepKey, status: 'done', guidance: null });
        expect(saved.completedByName).toBe(store.user(managerId)!.Name);
        expect(saved.completedAt).toMatch(ISO_DATETIME);
        const reloaded = await ok<PlaybookView>('PlaybookController.getPlaybook', { opportunityId: id });
        const after = reloaded.stages.flatMap((stage) => stage.steps).find((c) => c.stepKey === step.stepKey)!;
        expect(after).toMatchObject({ status: 'done', completedByName: store.user(managerId)!.Name });

        const reopened = await ok<StepView>('PlaybookController.markStep', {
            opportunityId: id,
            stepKey: step.stepKey,
            status: 'open',
            skipReason: null
        });
        expect(reopened).toMatchObject({ status: 'open', completedAt: null, completedByName: null });
        const again = await ok<PlaybookView>('PlaybookController.getPlaybook', { opportunityId: id });
        expect(again.stages.flatMap((stage) => stage.steps).find((c) => c.stepKey === step.stepKey)!.status).toBe(
            'open'
        );
    });

    it('validates markStep with the Apex messages', async () => {
        const id = aTeamDeal();
        const mark = (status: unknown, skipReason: unknown, stepKey = 'ENT_Proposal_Metrics') =>
            apexError('PlaybookController.markStep', { opportunityId: id, stepKey, status, skipReason });
        expect(await mark('skipped', '  ')).toBe('Say why this step is skipped.');
        expect(await mark('finished', null)).toBe(
            'Unknown step status "finished"; use done, skipped, not_applicable or open.'
        );
        expect(await mark('skipped', 'x'.repeat(256))).toBe('The skip reason is limited to 255 characters.');
        expect(await mark('done', null, 'No_Such_Step')).toBe(
            '"No_Such_Step" is not a step of the playbook for this deal.'
        );
    });
});

describe('NudgeController', () => {
    it('getNudges returns the Apex NudgeView; feedback hides the nudge', async () => {
        const id = aTeamDeal((dealId) => {
            const latest = store.latestSnapshot(dealId)!;
            return (
                latest.nudges.length > 0 &&
                !store.org.nudgeFeedback.some((feedback) => feedback.Opportunity__c === dealId)
            );
        });
        const view = await ok<NudgeView>('NudgeController.getNudges', { opportunityId: id });
        const typed: LwcNudgeView = view;
        expect(keys(typed)).toEqual(['fieldsByNudgeField', 'hasSnapshot', 'modelVersion', 'nudgesJson', 'scoredAt']);
        expect(view.fieldsByNudgeField.economicBuyer).toEqual([
            'Economic_Buyer_Status__c',
            'Economic_Buyer_Evidence__c'
        ]);
        expect(view.fieldsByNudgeField.closeDate).toEqual(['CloseDate']);
        const nudges = JSON.parse(view.nudgesJson!) as Nudge[];
        expect(nudges.length).toBeGreaterThan(0);
        const [first] = nudges;

        expect(
            await apexError('NudgeController.recordNudgeFeedback', {
                opportunityId: id,
                nudgeCode: first!.code,
                outcome: 'dismissed',
                reason: ' ',
                modelVersion: view.modelVersion
            })
        ).toBe('Say why this nudge is dismissed.');
        const feedbackId = await ok<string>('NudgeController.recordNudgeFeedback', {
            opportunityId: id,
            nudgeCode: first!.code,
            outcome: 'acted',
            reason: null,
            modelVersion: view.modelVersion
        });
        expect(feedbackId).toMatch(/^a05[a-zA-Z0-9]{15}$/);
        const after = await ok<NudgeView>('NudgeController.getNudges', { opportunityId: id });
        const remaining = (JSON.parse(after.nudgesJson!) as Nudge[]).map((nudge) => nudge.code);
        expect(remaining).not.toContain(first!.code);
        expect(remaining).toHaveLength(nudges.length - 1);
    });
});

describe('PipelineReviewController: board', () => {
    it('getScopeOptions lists the team and five quarters', async () => {
        const options = await ok<ScopeOptions>('PipelineReviewController.getScopeOptions', {});
        expect(options.hasTeam).toBe(true);
        expect(new Set(options.reps.map((rep) => rep.value))).toEqual(teamIds);
        expect(options.quarters.map((quarter) => quarter.value)).toEqual([
            '2026-Q3',
            '2026-Q4',
            '2027-Q1',
            '2027-Q2',
            '2027-Q3'
        ]);
        expect(options.stages).toHaveLength(8);
        const rep = [...teamIds][0]!;
        const repOptions = await ok<ScopeOptions>('PipelineReviewController.getScopeOptions', {}, rep);
        expect(repOptions).toMatchObject({ hasTeam: false, reps: [] });
        expect(await apexError('PipelineReviewController.getBoardPage', { query: { scope: 'my_team' } }, rep)).toBe(
            'You have no team below you in the role hierarchy.'
        );
    });

    it('pages cover every open scored team deal exactly once, riskiest first', async () => {
        const seen: BoardRow[] = [];
        let pages = 0;
        let cursor: { cursorRisk: number | null; cursorId: string | null } = { cursorRisk: null, cursorId: null };
        for (let pageNumber = 0; pageNumber < 20; pageNumber++) {
            const page = await ok<BoardPage>('PipelineReviewController.getBoardPage', {
                query: { scope: 'my_team', pageSize: 4, ...cursor }
            });
            const typed: LwcBoardPage = page;
            expect(keys(typed)).toEqual(
                keys({
                    rows: [],
                    hasMore: false,
                    nextCursorRisk: null,
                    nextCursorId: null,
                    lastReviewAt: null,
                    reviewDates: [],
                    decisionReviewId: null
                } satisfies BoardPage)
            );
            seen.push(...page.rows);
            pages += 1;
            if (!page.hasMore) break;
            cursor = { cursorRisk: page.nextCursorRisk ?? null, cursorId: page.nextCursorId ?? null };
        }
        const expectedIds = openScoredTeamDeals().map((deal) => deal.Id);
        expect(pages).toBe(Math.ceil(expectedIds.length / 4));
        expect(pages).toBeGreaterThan(1);
        expect(seen.map((row) => row.opportunityId).sort()).toEqual([...expectedIds].sort());
        for (let position = 1; position < seen.length; position++) {
            expect(seen[position - 1]!.riskWeightedAmount!).toBeGreaterThanOrEqual(seen[position]!.riskWeightedAmount!);
        }
        const row = seen[0]!;
        const typedRow: LwcBoardRow = row;
        expect(keys(typedRow)).toEqual(keys(emptyRow()));
        expect(row.createdDate).toMatch(ISO_DATETIME);
        expect(row.closeDate).toMatch(ISO_DATE);
        expect(row.stageEnteredAt).toMatch(ISO_DATETIME);
        expect(seen.some((candidate) => candidate.stageAtLastReview !== null)).toBe(true);
        expect(
            await apexError('PipelineReviewController.getBoardPage', {
                query: { scope: 'my_team', cursorRisk: 5 }
            })
        ).toBe('A page cursor needs both the risk-weighted amount and the snapshot id.');
    });

    it('summary totals equal the sums over the store', async () => {
        const summary = await ok<BoardSummary>('PipelineReviewController.getBoardSummary', {
            query: { scope: 'my_team' }
        });
        const typed: LwcBoardSummary = summary;
        expect(keys(typed)).toEqual(
            keys({
                currencyIsoCode: 'USD',
                totalDeals: 0,
                totalAmount: 0,
                unscoredDeals: 0,
                healthyDeals: 0,
                watchDeals: 0,
                atRiskDeals: 0,
                atRiskDecidedThisWeek: 0,
                stuckDeals: 0,
                overdueActions: 0,
                openActions: [],
                lastReviewAt: null
            } satisfies BoardSummary)
        );
        const open = store.org.opportunities.filter((deal) => !deal.IsClosed && teamIds.has(deal.OwnerId));
        expect(summary.totalDeals).toBe(open.length);
        expect(summary.totalAmount).toBe(open.reduce((sum, deal) => sum + (deal.Amount ?? 0), 0));
        const bands = open.map((deal) => store.latestSnapshot(deal.Id)?.Band__c);
        expect(summary.healthyDeals).toBe(bands.filter((band) => band === 'healthy').length);
        expect(summary.watchDeals).toBe(bands.filter((band) => band === 'watch').length);
        expect(summary.atRiskDeals).toBe(bands.filter((band) => band === 'at_risk').length);
        expect(summary.unscoredDeals).toBe(bands.filter((band) => band === undefined).length);
        expect(summary.lastReviewAt).toMatch(ISO_DATETIME);
        // The seeded review's first action is overdue.
        expect(summary.overdueActions).toBeGreaterThanOrEqual(1);
        expect(summary.openActions.every((action) => action.dueDate === null || ISO_DATE.test(action.dueDate!))).toBe(
            true
        );
        const filtered = await ok<BoardSummary>('PipelineReviewController.getBoardSummary', {
            query: { scope: 'my_team', band: 'at_risk' }
        });
        // The band narrows the totals to the deals the board lists; a deal without a snapshot has no band.
        expect(filtered.totalDeals).toBe(summary.atRiskDeals);
        expect(filtered.totalAmount).toBe(
            open
                .filter((deal) => store.latestSnapshot(deal.Id)?.Band__c === 'at_risk')
                .reduce((sum, deal) => sum + (deal.Amount ?? 0), 0)
        );
        expect(filtered.unscoredDeals).toBe(0);
        expect(filtered.healthyDeals).toBe(0);
        expect(summary.currencyIsoCode).toBe('USD');
        expect(await apexError('PipelineReviewController.getBoardSummary', { query: { scope: 'team' } })).toBe(
            'Unknown scope "team"; use me, my_team, one_rep or all_visible.'
        );
    });
});

function emptyRow(): BoardRow {
    return {
        snapshotId: '',
        opportunityId: '',
        name: '',
        accountName: null,
        ownerId: '',
        ownerName: '',
        stage: '',
        amount: null,
        closeDate: null,
        closeDatePushCount: null,
        forecastCategory: null,
        nextStep: null,
        lastActivityDate: null,
        createdDate: '',
        stageEnteredAt: null,
        daysInStage: null,
        score: null,
        band: null,
        topRisk: null,
        topRiskSeverity: null,
        risks: [],
        riskWeightedAmount: null,
        stageAtLastReview: null,
        amountAtLastReview: null,
        closeDateAtLastReview: null,
        scoreAtLastReview: null,
        decisionDates: [],
        savedDecision: null
    };
}

describe('PipelineReviewController: a session', () => {
    it('bad decisions save nothing and name every problem', async () => {
        const reviewId = await ok<string>('PipelineReviewController.startReview', { query: { scope: 'my_team' } });
        const [first, second, third] = openScoredTeamDeals();
        const before = JSON.stringify([store.org.reviewDecisions, store.org.tasks, store.org.opportunities]);
        const message = await apexError('PipelineReviewController.saveDecisions', {
            reviewId,
            decisions: [
                { opportunityId: first!.Id, decision: 'maybe' },
                { opportunityId: second!.Id, decision: 'push', newCloseDate: null },
                {
                    opportunityId: third!.Id,
                    decision: 'action',
                    actionText: 'Call the CFO',
                    actionOwnerId: third!.OwnerId,
                    actionDueDate: '2026-11-01'
                }
            ]
        });
        expect(message).toBe(
            `Nothing was saved. ${first!.Name}: unknown decision 'maybe'. ${second!.Name}: a push needs the new close date. ${third!.Name}: the action has a due date in the past.`
        );
        expect(
            await apexError('PipelineReviewController.saveDecisions', {
                reviewId,
                decisions: [{ opportunityId: first!.Id, decision: 'push', newCloseDate: '2026-01-01' }]
            })
        ).toBe(`Nothing was saved. ${first!.Name}: the new close date is in the past.`);
        expect(await apexError('PipelineReviewController.saveDecisions', { reviewId, decisions: [] })).toBe(
            'Nothing was saved. Record at least one decision.'
        );
        expect(JSON.stringify([store.org.reviewDecisions, store.org.tasks, store.org.opportunities])).toBe(before);
    });

    it('records one decision of each kind, creates the Task, moves the close date, and summarizes', async () => {
        const options = await ok<ScopeOptions>('PipelineReviewController.getScopeOptions', {});
        const reviewId = options.openReviewId!;
        expect(reviewId).toMatch(/^a03/);
        // startReview resumes the session in progress.
        expect(await ok<string>('PipelineReviewController.startReview', { query: { scope: 'all_visible' } })).toBe(
            reviewId
        );
        const deals = openScoredTeamDeals().slice(0, 5);
        const [commit, push, disqualify, action, noChange] = deals;
        const newClose = store.todayPlus(30);
        const tasksBefore = store.org.tasks.length;
        const result = await ok<SaveResult>('PipelineReviewController.saveDecisions', {
            reviewId,
            decisions: [
                { opportunityId: commit!.Id, decision: 'commit' },
                { opportunityId: push!.Id, decision: 'push', newCloseDate: newClose },
                { opportunityId: disqualify!.Id, decision: 'disqualify', reason: 'No budget this year' },
                {
                    opportunityId: action!.Id,
                    decision: 'action',
                    actionText: ' Book the exec sponsor meeting ',
                    actionOwnerId: action!.OwnerId,
                    actionDueDate: store.todayPlus(3)
                },
                { opportunityId: noChange!.Id, decision: 'no_change' }
            ]
        });
        expect(result).toMatchObject({ savedCount: 5, tasksCreated: 1 });
        expect(result.decisionIds).toHaveLength(5);
        expect(store.org.tasks).toHaveLength(tasksBefore + 1);
        const task = store.org.tasks[store.org.tasks.length - 1]!;
        expect(task).toMatchObject({
            WhatId: action!.Id,
            OwnerId: action!.OwnerId,
            Subject: 'Book the exec sponsor meeting',
            Status: 'Not Started',
            IsClosed: false
        });
        expect(store.opportunity(push!.Id)!.CloseDate).toBe(newClose);
        expect(store.opportunity(commit!.Id)!.ForecastCategoryName).toBe('Commit');
        expect(store.opportunity(disqualify!.Id)).toMatchObject({ StageName: 'Closed Lost', IsClosed: true });

        // The board's one round trip carries the saved decisions, with who decided and when.
        const load = await ok<BoardLoad>('PipelineReviewController.loadBoard', {
            query: { scope: null, pageSize: 200 }
        });
        expect(load.scope).toBe('my_team');
        expect(load.options!.openReviewId).toBe(reviewId);
        expect(load.summary!.totalDeals).toBeGreaterThan(0);
        expect(load.page!.decisionReviewId).toBe(reviewId);
        expect(load.page!.rows.find((row) => row.opportunityId === push!.Id)!.savedDecision).toMatchObject({
            reviewId,
            decision: 'push',
            newCloseDate: newClose,
            decidedByName: store.user(managerId)!.Name
        });
        expect(load.page!.rows.find((row) => row.opportunityId === noChange!.Id)!.savedDecision!.decision).toBe(
            'no_change'
        );

        // The record wire sees the change after the review started; the board drops the closed deal.
        const record = await get<RecordRepresentation>(`/api/record/${push!.Id}`);
        expect(record.json.fields.CloseDate!.value).toBe(newClose);
        expect(Date.parse(String(record.json.fields.LastModifiedDate!.value))).toBeGreaterThan(
            Date.parse(`${AS_OF}T09:59:00.000Z`)
        );
        const summaryNow = await ok<BoardSummary>('PipelineReviewController.getBoardSummary', {
            query: { scope: 'my_team' }
        });
        expect(summaryNow.openActions.map((item) => item.taskId)).toContain(task.Id);

        const ended = await ok<SessionSummary>('PipelineReviewController.endReview', { reviewId });
        const typed: LwcSessionSummary = ended;
        expect(keys(typed)).toEqual(
            keys({
                reviewId: '',
                reviewName: '',
                status: '',
                dealsReviewed: 0,
                commits: 0,
                pushes: 0,
                disqualifications: 0,
                actions: 0,
                noChanges: 0,
                tasksCreated: 0,
                zeroDecisionWarning: false
            } satisfies SessionSummary)
        );
        expect(ended).toMatchObject({
            reviewId,
            status: 'completed',
            dealsReviewed: 5,
            commits: 1,
            pushes: 1,
            disqualifications: 1,
            actions: 1,
            noChanges: 1,
            tasksCreated: 1,
            zeroDecisionWarning: false
        });
        expect(ended.reviewName).toBe(`Pipeline review ${AS_OF} (my team)`);
        expect(await ok<SessionSummary>('PipelineReviewController.getSessionSummary', { reviewId })).toEqual(ended);
        expect(await apexError('PipelineReviewController.endReview', { reviewId })).toBe(
            `Nothing was saved. The review "${ended.reviewName}" is completed; start a new review to record decisions.`
        );
        // The completed session is now the baseline of the board.
        const page = await ok<BoardPage>('PipelineReviewController.getBoardPage', { query: { scope: 'my_team' } });
        expect(page.reviewDates).toHaveLength(2);
        expect(page.rows.map((row) => row.opportunityId)).not.toContain(disqualify!.Id);
        expect(page.rows.find((row) => row.opportunityId === push!.Id)!.decisionDates.length).toBeGreaterThan(0);
        // With no session open, the last completed one's decisions stay on the board.
        expect(page.decisionReviewId).toBe(reviewId);
    });
});

describe('DealHealthController.rescoreDeal', () => {
    let service: FastifyInstance;
    let serviceUrl: string;
    let scoringStandIn: RunningStandIn;

    beforeAll(async () => {
        service = buildApp({
            settings: {
                apiKeys: [API_KEY],
                bodyLimitBytes: 5 * 1024 * 1024,
                rateLimit: { max: 1000, windowMs: 60_000 }
            },
            logger: false
        });
        await service.listen({ port: 0, host: '127.0.0.1' });
        const address = service.server.address();
        if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
        serviceUrl = `http://127.0.0.1:${address.port}`;
        scoringStandIn = await startStandInServer({
            sessionToken: SESSION_TOKEN,
            store,
            scoringUrl: serviceUrl,
            apiKey: API_KEY
        });
    });

    afterAll(async () => {
        await scoringStandIn?.close();
        await service?.close();
    });

    it('scores the deal through the service and stores a new latest snapshot', async () => {
        const id = aTeamDeal();
        const previous = store.latestSnapshot(id)!;
        const count = store.org.dealHealthSnapshots.length;
        const reply = await call<DealHealthView>(
            'DealHealthController.rescoreDeal',
            { opportunityId: id },
            undefined,
            scoringStandIn.url
        );
        expect(reply.status).toBe(200);
        const view = reply.json;
        expect(view).toMatchObject({
            hasSnapshot: true,
            isStale: false,
            staleReason: null,
            scoringTrigger: 'on_demand'
        });
        expect(store.org.dealHealthSnapshots).toHaveLength(count + 1);
        const latest = store.latestSnapshot(id)!;
        expect(latest.Id).not.toBe(previous.Id);
        expect(previous.Is_Latest__c).toBe(false);
        expect(latest).toMatchObject({
            Snapshot_Key__c: `${id}:${AS_OF}:on_demand`,
            Scoring_Trigger__c: 'on_demand',
            As_Of__c: AS_OF,
            Is_Latest__c: true
        });
        expect(view.scoredAt).toBe(latest.Scored_At__c);
        expect(view.trend[view.trend.length - 1]!.scoredAt).toBe(latest.Scored_At__c);
        expect(store.org.dealHealthSnapshots.filter((s) => s.Opportunity__c === id && s.Is_Latest__c)).toHaveLength(1);

        // A same-day rerun updates the on-demand snapshot instead of adding one.
        await call<DealHealthView>(
            'DealHealthController.rescoreDeal',
            { opportunityId: id },
            undefined,
            scoringStandIn.url
        );
        expect(store.org.dealHealthSnapshots).toHaveLength(count + 1);
        expect(store.latestSnapshot(id)!.Id).toBe(latest.Id);
    });

    it('falls back to the stored view, flagged stale, when the key is rejected', async () => {
        const badKey = await startStandInServer({
            sessionToken: SESSION_TOKEN,
            store,
            scoringUrl: serviceUrl,
            apiKey: `${API_KEY}-wrong`
        });
        try {
            const id = aTeamDeal();
            const count = store.org.dealHealthSnapshots.length;
            const reply = await call<DealHealthView>(
                'DealHealthController.rescoreDeal',
                { opportunityId: id },
                undefined,
                badKey.url
            );
            expect(reply.status).toBe(200);
            expect(reply.json.isStale).toBe(true);
            expect(reply.json.staleReason).toMatch(
                /^The Execution Loop service rejected the credentials; an admin must update the API key of the Execution Loop Service named credential\. Showing the last score from \d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d{2} [AP]M\.$/
            );
            expect(store.org.dealHealthSnapshots).toHaveLength(count);
        } finally {
            await badKey.close();
        }
    });

    it('with the service stopped: the stored view flagged stale, and nothing written', async () => {
        await service.close();
        const id = aTeamDeal();
        const before = JSON.stringify(store.org.dealHealthSnapshots);
        const stored = await ok<DealHealthView>('DealHealthController.getDealHealth', { opportunityId: id });
        const reply = await call<DealHealthView>(
            'DealHealthController.rescoreDeal',
            { opportunityId: id },
            undefined,
            scoringStandIn.url
        );
        expect(reply.status).toBe(200);
        expect(reply.json).toEqual({
            ...stored,
            isStale: true,
            staleReason: expect.stringMatching(
                /^The Execution Loop service could not be reached\. Showing the last score from \d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d{2} [AP]M\.$/
            )
        });
        expect(JSON.stringify(store.org.dealHealthSnapshots)).toBe(before);
    });
});

describe('rescoreDeal failures and the request it sends', () => {
    let fake: Server;
    let fakeUrl: string;
    const received: { authorization: string | undefined; body: ScoreRequest }[] = [];

    beforeAll(async () => {
        // An Execution Loop service that hangs on /hang/… and answers 503 problem details on /down/….
        fake = createServer((request, response) => {
            const chunks: Buffer[] = [];
            request.on('data', (chunk: Buffer) => chunks.push(chunk));
            request.on('end', () => {
                received.push({
                    authorization: request.headers.authorization,
                    body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ScoreRequest
                });
                if (request.url?.startsWith('/down/')) {
                    response.writeHead(503, { 'content-type': 'application/problem+json' });
                    response.end(
                        JSON.stringify({ title: 'Service Unavailable', detail: 'Shutting down', status: 503 })
                    );
                }
                // /hang/: never answers; the stand-in's timeout ends the call.
            });
        });
        await new Promise<void>((done) => fake.listen(0, '127.0.0.1', done));
        fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
        fake.closeAllConnections();
        await new Promise<void>((done) => fake.close(() => done()));
    });

    async function rescoreThrough(scoringUrl: string, calloutTimeoutMs?: number): Promise<DealHealthView> {
        const running = await startStandInServer({
            sessionToken: SESSION_TOKEN,
            store,
            scoringUrl,
            apiKey: API_KEY,
            ...(calloutTimeoutMs === undefined ? {} : { calloutTimeoutMs })
        });
        try {
            return (
                await call<DealHealthView>(
                    'DealHealthController.rescoreDeal',
                    { opportunityId: aTeamDeal() },
                    undefined,
                    running.url
                )
            ).json;
        } finally {
            await running.close();
        }
    }

    it('times out like the callout and says so', async () => {
        const count = store.org.dealHealthSnapshots.length;
        const view = await rescoreThrough(`${fakeUrl}/hang`, 300);
        expect(view.isStale).toBe(true);
        expect(view.staleReason).toMatch(
            /^The Execution Loop service did not answer in time\. Showing the last score from /
        );
        expect(store.org.dealHealthSnapshots).toHaveLength(count);
        expect(received[received.length - 1]!.authorization).toBe(`Bearer ${API_KEY}`);
    });

    it('reports a 5xx without the service text (reps see a reference when the service gives one)', async () => {
        const view = await rescoreThrough(`${fakeUrl}/down`);
        expect(view.staleReason).toMatch(/^The Execution Loop service failed\. Showing the last score from /);
    });

    it("sends the deal as it is now: today's step marks and close date", async () => {
        const id = aTeamDeal((dealId) => store.org.playbookMatches.some((match) => match.OpportunityId === dealId));
        const view = await ok<PlaybookView>('PlaybookController.getPlaybook', { opportunityId: id });
        const step = view.stages.flatMap((stage) => stage.steps).find((candidate) => candidate.status === 'open')!;
        await ok<StepView>('PlaybookController.markStep', {
            opportunityId: id,
            stepKey: step.stepKey,
            status: 'not_applicable',
            skipReason: null
        });
        const request = buildRescoreRequest(store, id);
        expect(request.asOf).toBe(AS_OF);
        expect(request.deals[0]!.playbook!.stepProgress[step.stepKey!]).toBe('not_applicable');
        expect(request.deals[0]!.closeDate).toBe(store.opportunity(id)!.CloseDate);
    });
});
