/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY: the StrategyCheckController stand-in over real HTTP on 127.0.0.1,
 * against a sample org and the real Execution Loop service built in-process.
 */
import type { CheckView as LwcCheckView } from 'c/strategyCheckLogic';
import { calibrationExamples } from '../sample-org/calibration';
import { playbookMatchFor } from '../sample-org/scoring';
import { callAnalyses } from './CallInsightsController';
import { developmentState } from './development-state';
import { TOKEN_HEADER } from './request-guard';
import { startStandInServer, USER_HEADER } from './server';
import { WorkbenchStore } from './store';
import { quarterOf, quarterStart, RAN_PLAY_SHARE, type CheckView } from './StrategyCheckController';
import { resolveTeamScope } from './team-scope';
import { startTwinForTest, TEST_API_KEY, TEST_SESSION_TOKEN, type TwinUnderTest } from './twin-test-support';

jest.setTimeout(60_000);

const AS_OF = '2026-11-16';
const now = () => new Date(`${AS_OF}T10:00:00.000Z`);

let store: WorkbenchStore;
let twin: TwinUnderTest;
let vpId: string;

const call = <T>(method: string, params: unknown, userId: string) => twin.call<T>(method, params, userId);

beforeAll(async () => {
    store = new WorkbenchStore({ deals: 1200, asOf: AS_OF, now });
    vpId = store.org.users.find((user) => user.level === 'vp')!.Id;
    twin = await startTwinForTest(store, 50_000);
});

afterAll(async () => {
    await twin?.close();
});

describe('StrategyCheckController stand-in', () => {
    it('names quarters like the Apex service and refuses anything else with its message', () => {
        expect(quarterStart('2026-Q3')).toBe('2026-07-01');
        expect(quarterOf('2026-12-31')).toBe('2026-Q4');
        expect(() => quarterStart('Q3')).toThrow('Choose a quarter written like 2026-Q3 (got "Q3").');
    });

    it('offers eight quarters, the quarter to date by default', async () => {
        const { json } = await call<{ quarters: Array<{ value: string }>; defaultQuarter: string }>(
            'StrategyCheckController.getFilterOptions',
            {},
            vpId
        );
        expect(json.quarters.map((quarter) => quarter.value).slice(0, 3)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2']);
        expect(json.defaultQuarter).toBe('2026-Q4');
    });

    it("aggregates the team's closed deals per playbook and gets a verdict for each from the service", async () => {
        const { status, json } = await call<CheckView>(
            'StrategyCheckController.getStrategyCheck',
            { quarter: '2026-Q4', scope: 'my_team' },
            vpId
        );
        expect(status).toBe(200);
        const view: LwcCheckView = json as unknown as LwcCheckView;
        expect(view.verdictError).toBeNull();
        expect(view.segments.length).toBeGreaterThan(0);
        const closedInQuarter = store.org.opportunities.filter(
            (deal) => deal.IsClosed && deal.CloseDate >= '2026-10-01' && deal.CloseDate < '2027-01-01'
        ).length;
        expect(view.segments.reduce((sum, segment) => sum + segment.closedDeals, 0) + view.unmatchedDeals).toBe(
            closedInQuarter
        );
        for (const segment of view.segments) {
            expect(segment.verdict?.segment).toBe(segment.segment);
            expect(segment.requiredStepsDoneOnTime).toBeLessThanOrEqual(segment.requiredStepsDue);
            const { winRateRanPlay, winRateOffPlay } = segment.verdict!;
            // Deals with no required step due are in neither arm.
            expect(winRateRanPlay.count + winRateOffPlay.count).toBeLessThanOrEqual(segment.closedDeals);
        }
        expect(view.rules?.minClosedPerArm).toBe(10);
        expect(view.gatesAvailable).toBe(true);
        expect(view.loopHealth.focusNote).toBeNull();
        expect(view.loopHealth.callAnalysisNote).toBeNull();
        // The sample org's seeded analysed calls: a real figure from the first start, counted independently here.
        const openIds = new Set(store.org.opportunities.filter((deal) => !deal.IsClosed).map((deal) => deal.Id));
        const seededInQuarter = store.org.callAnalyses.filter(
            (analysis) => openIds.has(analysis.Opportunity__c) && analysis.CreatedDate >= '2026-10-01'
        ).length;
        expect(seededInQuarter).toBeGreaterThan(0);
        expect(view.loopHealth.callAnalysesPerActiveDeal).toBe(
            Math.round((seededInQuarter / openIds.size) * 100) / 100
        );
        expect(view.forecast.managers.length).toBeGreaterThan(0);
        expect(RAN_PLAY_SHARE).toBe(0.8);
    });

    it('shows the calibration card from a fit by the real service on the same examples the backtest uses', async () => {
        const { json } = await call<CheckView>(
            'StrategyCheckController.getStrategyCheck',
            { quarter: '2026-Q3', scope: 'all_visible' },
            vpId
        );
        const examples = calibrationExamples(store.index());
        const card = json.calibration;
        expect(card.hasModel).toBe(true);
        expect((card.wonCount ?? 0) + (card.lostCount ?? 0)).toBe(examples.length);
        expect(card.showsProbability).toBe(card.status === 'calibrated');
        if (card.status !== 'insufficient_history') {
            const evaluation = JSON.parse(card.evaluationJson!) as { calibrated: { brier: number } };
            expect(evaluation.calibrated.brier).toBeGreaterThan(0);
        }
    });

    it('keeps the aggregates and says why when the service is down', async () => {
        const down = await startStandInServer({
            store,
            scoringUrl: 'http://127.0.0.1:9',
            apiKey: TEST_API_KEY,
            sessionToken: TEST_SESSION_TOKEN
        });
        try {
            const response = await fetch(`${down.url}/apex/StrategyCheckController.getStrategyCheck`, {
                method: 'POST',
                headers: {
                    'content-type': 'application/json',
                    [TOKEN_HEADER]: TEST_SESSION_TOKEN,
                    [USER_HEADER]: vpId
                },
                body: JSON.stringify({ quarter: '2026-Q4', scope: 'my_team' })
            });
            const view = (await response.json()) as CheckView;
            expect(view.segments.length).toBeGreaterThan(0);
            expect(view.segments.every((segment) => segment.verdict === null)).toBe(true);
            expect(view.verdictError).toMatch(/^No verdicts: /);
        } finally {
            await down.close();
        }
    });

    it('counts the gates of the playbook steps: due once the deal left their stage, on time when done before', async () => {
        const check = () =>
            twin.ok<CheckView>(
                'StrategyCheckController.getStrategyCheck',
                { quarter: '2026-Q4', scope: 'all_visible' },
                vpId
            );
        const before = await check();
        expect(before.gatesAvailable).toBe(true);
        for (const segment of before.segments) {
            expect(segment.gatesDoneOnTime).toBeLessThanOrEqual(segment.gatesDue);
            // A gate is a required step, so it is also among the required steps due.
            expect(segment.gatesDue).toBeLessThanOrEqual(segment.requiredStepsDue);
        }
        expect(before.segments.some((segment) => segment.gatesDue > 0)).toBe(true);

        // One gate done on time, skipped instead: the segment loses exactly one gate (and one required step) on time.
        const index = store.index();
        const candidate = store.org.playbookStepProgress.find((row) => {
            const deal = store.opportunity(row.Opportunity__c);
            if (!deal?.IsClosed || deal.CloseDate < '2026-10-01' || row.Status__c !== 'done') return false;
            const step = playbookMatchFor(index, deal, deal.Amount)?.playbook.steps.find(
                (candidateStep) => candidateStep.stepKey === row.Step_Key__c
            );
            if (!step?.isGate) return false;
            const history = index.historyByOpportunity.get(deal.Id) ?? [];
            const stageAt = history.findIndex((entry) => entry.StageName === step.stage);
            const exit = history.slice(stageAt).find((entry) => entry.StageName !== step.stage);
            return stageAt >= 0 && exit !== undefined && row.Completed_At__c <= exit.CreatedDate;
        })!;
        expect(candidate).toBeDefined();
        const deal = store.opportunity(candidate.Opportunity__c)!;
        const segmentKey = playbookMatchFor(index, deal, deal.Amount)!.playbook.playbookKey;
        candidate.Status__c = 'skipped';
        try {
            const after = await check();
            const was = before.segments.find((segment) => segment.segment === segmentKey)!;
            const now = after.segments.find((segment) => segment.segment === segmentKey)!;
            expect(now.gatesDue).toBe(was.gatesDue);
            expect(now.gatesDoneOnTime).toBe(was.gatesDoneOnTime - 1);
            expect(now.requiredStepsDoneOnTime).toBe(was.requiredStepsDoneOnTime - 1);
        } finally {
            candidate.Status__c = 'done';
        }
    });

    it('counts the reps of the scope with a monthly focus set in the quarter', async () => {
        const team = resolveTeamScope(store, vpId, 'my_team', null).ownerIds!;
        const focusedInOctober = new Set(
            developmentState(store)
                .focuses.filter((focus) => focus.Month__c === '2026-10-01' && team.has(focus.Rep__c))
                .map((focus) => focus.Rep__c)
        );
        expect(focusedInOctober.size).toBeGreaterThan(0);
        const q4 = await twin.ok<CheckView>(
            'StrategyCheckController.getStrategyCheck',
            { quarter: '2026-Q4', scope: 'my_team' },
            vpId
        );
        expect(q4.loopHealth.repsWithFocus).toBe(focusedInOctober.size);
        expect(q4.loopHealth.focusNote).toBeNull();
        // The seeded focuses are October's: the quarter before has none.
        const q3 = await twin.ok<CheckView>(
            'StrategyCheckController.getStrategyCheck',
            { quarter: '2026-Q3', scope: 'my_team' },
            vpId
        );
        expect(q3.loopHealth.repsWithFocus).toBe(0);
    });

    it('counts the call analyses of open deals created in the quarter, per active deal', async () => {
        // The rep with the fewest open deals, so that one analysis more or less moves the two-decimal figure.
        const openByRep = new Map<string, number>();
        for (const deal of store.org.opportunities.filter((candidate) => !candidate.IsClosed)) {
            openByRep.set(deal.OwnerId, (openByRep.get(deal.OwnerId) ?? 0) + 1);
        }
        const [repId, openDeals] = [...openByRep].sort((a, b) => a[1] - b[1])[0]!;
        const perDeal = (analyses: number) => Math.round((analyses / openDeals) * 100) / 100;
        const openDeal = store.org.opportunities.find((deal) => !deal.IsClosed && deal.OwnerId === repId)!;
        const closedDeal = store.org.opportunities.find((deal) => deal.IsClosed && deal.OwnerId === repId)!;
        const analyse = (opportunityId: string) =>
            twin.ok<{ analysisId: string }>(
                'CallInsightsController.analyzeCall',
                {
                    opportunityId,
                    source: 'pasted_notes',
                    text: 'Spoke with the CFO; budget is approved and they want to sign by the end of the month.'
                },
                repId
            );
        const stored = callAnalyses(store);
        const storedBefore = stored.length;
        // The sample org's seeded analyses on this rep's open deals, made in the quarter, count too.
        const seeded = stored.filter(
            (analysis) =>
                analysis.CreatedDate >= '2026-10-01' &&
                store.org.opportunities.some(
                    (deal) => deal.Id === analysis.Opportunity__c && deal.OwnerId === repId && !deal.IsClosed
                )
        ).length;
        // Precondition: one analysis more or less gives another figure.
        expect(new Set([1, 2, 3].map((extra) => perDeal(seeded + extra))).size).toBe(3);
        await analyse(openDeal.Id);
        await analyse(openDeal.Id);
        // Neither of these counts: a closed deal's, and one made before the quarter.
        await analyse(closedDeal.Id);
        const old = await analyse(openDeal.Id);
        stored.find((record) => record.Id === old.analysisId)!.CreatedDate = '2026-09-30T23:59:59.000Z';
        try {
            const view = await twin.ok<CheckView>(
                'StrategyCheckController.getStrategyCheck',
                { quarter: '2026-Q4', scope: 'me' },
                repId
            );
            expect(view.loopHealth.activeDeals).toBe(openDeals);
            expect(view.loopHealth.callAnalysesPerActiveDeal).toBe(perDeal(seeded + 2));
            expect(view.loopHealth.callAnalysisNote).toBeNull();
        } finally {
            stored.splice(storedBefore);
        }
    });

    it('refuses a quarter that has not started and the one-rep scope, with the Apex messages', async () => {
        const future = await call<{ body: { message: string } }>(
            'StrategyCheckController.getStrategyCheck',
            { quarter: '2027-Q2', scope: 'my_team' },
            vpId
        );
        expect(future.status).toBe(400);
        expect(future.json.body.message).toBe('The quarter 2027-Q2 has not started yet.');
        const oneRep = await call<{ body: { message: string } }>(
            'StrategyCheckController.getStrategyCheck',
            { quarter: '2026-Q3', scope: 'one_rep' },
            vpId
        );
        expect(oneRep.json.body.message).toBe('The strategy check covers a team: choose my team, my deals or all.');
    });
});
