/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY: the StrategyCheckController stand-in over real HTTP on 127.0.0.1,
 * against a sample org and the real Execution Loop service built in-process.
 */
import type { CheckView as LwcCheckView } from 'c/strategyCheckLogic';
import { calibrationExamples } from '../sample-org/calibration';
import { TOKEN_HEADER } from './request-guard';
import { startStandInServer, USER_HEADER } from './server';
import { WorkbenchStore } from './store';
import { quarterOf, quarterStart, RAN_PLAY_SHARE, type CheckView } from './StrategyCheckController';
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
        expect(view.loopHealth.focusNote).toMatch(/Rep_Focus__c/);
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
