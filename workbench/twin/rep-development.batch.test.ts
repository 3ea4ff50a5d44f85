/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY: the Rep Development tab's two ways to its figures, over real HTTP on
 * 127.0.0.1 against the real service: on demand for one scope (refused above the cap), and this month's snapshots from
 * the monthly batch (RepDevelopmentBatch, run through POST /api/jobs/rep-development); and call coaching from the
 * calls the org analysed (CallInsightsController).
 */
import type { DevelopmentResult, DevelopmentView } from 'c/repDevelopmentLogic';
import { CallAnalysisResponse, DevelopmentResponse } from '../../service/src/contract';
import { callAnalyses } from './CallInsightsController';
import { label } from './labels';
import { MAX_ON_DEMAND_DEALS, type MonthlyBatchSummary } from './RepDevelopmentController';
import { TOKEN_HEADER } from './request-guard';
import { WorkbenchStore } from './store';
import { startTwinForTest, TEST_SESSION_TOKEN, type TwinUnderTest } from './twin-test-support';

jest.setTimeout(120_000);

const AS_OF = '2026-11-16';
const DAY_MS = 86_400_000;
const now = () => new Date(`${AS_OF}T10:00:00.000Z`);

let store: WorkbenchStore;
let twin: TwinUnderTest;
/** Each manager's team figures computed on demand before the batch ran. */
const onDemandByManager = new Map<string, DevelopmentResponse>();
/** The view's figures as the service contract reads them (the component's own type lists only what it shows). */
const parseResponse = (view: DevelopmentView) => DevelopmentResponse.parse(JSON.parse(view.developmentJson));

const parse = (view: DevelopmentView) => JSON.parse(view.developmentJson) as DevelopmentResult;
const vp = () => store.org.users.find((user) => user.level === 'vp')!;
const firstManager = () => store.org.users.find((user) => user.level === 'manager')!;

/** Open, or closed in the 90 days up to AS_OF (a closed deal dated later is not in the window). */
function inWindow(deal: { IsClosed: boolean; CloseDate: string }): boolean {
    const age = (Date.parse(AS_OF) - Date.parse(deal.CloseDate)) / DAY_MS;
    return !deal.IsClosed || (age >= 0 && age < 90);
}

/** Deals the tab counts for these owners. */
function dealsInWindow(ownerIds: ReadonlySet<string>): number {
    return store.org.opportunities.filter((deal) => ownerIds.has(deal.OwnerId) && inWindow(deal)).length;
}

async function runBatch(): Promise<MonthlyBatchSummary> {
    const response = await fetch(`${twin.standIn.url}/api/jobs/rep-development`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TEST_SESSION_TOKEN },
        body: '{}'
    });
    expect(response.status).toBe(200);
    return (await response.json()) as MonthlyBatchSummary;
}

beforeAll(async () => {
    store = new WorkbenchStore({ deals: 2400, asOf: AS_OF, now });
    twin = await startTwinForTest(store, 110_000);
});

afterAll(async () => {
    await twin.close();
});

describe('Rep Development: call coaching from analysed calls', () => {
    it('reports call coaching as not captured in an org with no analysed call, then counts the analysed calls', async () => {
        // An org that has not used Call Insights yet: the sample org's seeded analyses set aside for this test.
        const seeded = callAnalyses(store).splice(0);
        expect(seeded.length).toBeGreaterThan(0);
        try {
            await notCapturedThenCounted();
        } finally {
            callAnalyses(store).splice(0, Infinity, ...seeded);
        }
    });
});

/** Call coaching before and after three calls are analysed, in an org with no other analysed call. */
async function notCapturedThenCounted(): Promise<void> {
    const manager = firstManager();
    const before = await twin.ok<DevelopmentView>(
        'RepDevelopmentController.getDevelopment',
        { scope: 'my_team' },
        manager.Id
    );
    expect(before.computedBy).toBe('on_demand');
    const figureBefore = parse(before).reps[0]!.metrics.find((entry) => entry.metric === 'call_next_step_dated')!;
    expect(figureBefore).toMatchObject({ captured: false, value: null, sampleSize: 0 });
    expect(before.dataNotes.join(' ')).toMatch(/No analysed calls/);

    const rep = store.teamMembers(manager.Id)[0]!;
    const deals = store.org.opportunities.filter((deal) => deal.OwnerId === rep.Id && !deal.IsClosed).slice(0, 3);
    const notes = [
        'Dana Cho confirmed the budget. Next step: pricing workshop on Friday.',
        'Dana Cho said the dispatch team plans routes by hand every morning.',
        'Next step: security review on December 3.'
    ];
    for (const [index, deal] of deals.entries()) {
        await twin.ok(
            'CallInsightsController.analyzeCall',
            {
                opportunityId: deal.Id,
                source: 'pasted_notes',
                sourceRecordId: null,
                text: notes[index]
            },
            rep.Id
        );
    }
    // An independent count over the stored analyses: calls, calls with a dated next step, steps judged.
    const stored = callAnalyses(store).map((analysis) =>
        CallAnalysisResponse.parse(JSON.parse(analysis.Result_Json__c!))
    );
    const dated = stored.filter((result) => result.nextSteps.some((step) => step.dueDate !== null)).length;
    const judged = stored.reduce(
        (sum, result) => sum + result.coaching.stepsCovered.length + result.coaching.stepsMissed.length,
        0
    );

    const after = await twin.ok<DevelopmentView>(
        'RepDevelopmentController.getDevelopment',
        { scope: 'my_team' },
        manager.Id
    );
    expect(after.dataNotes.join(' ')).not.toMatch(/No analysed calls/);
    const repFigures = parse(after).reps.find((entry) => entry.repId === rep.Id)!.metrics;
    const nextSteps = repFigures.find((entry) => entry.metric === 'call_next_step_dated')!;
    expect(nextSteps).toMatchObject({ captured: true, sampleSize: 3, eventCount: 3, enoughEvidence: false });
    expect(nextSteps.value).toBeCloseTo(dated / 3, 4);
    expect(dated).toBeGreaterThan(0);
    const steps = repFigures.find((entry) => entry.metric === 'call_steps_covered')!;
    expect(steps.eventCount).toBe(judged);
    const peer = parse(after).reps.find((entry) => entry.repId !== rep.Id)!;
    expect(peer.metrics.find((entry) => entry.metric === 'call_next_step_dated')).toMatchObject({
        captured: true,
        value: null,
        sampleSize: 0
    });
}

describe('Rep Development: on demand, and the monthly batch', () => {
    it('refuses a scope above the on-demand cap with what to do, then reads the batch snapshots as of their day', async () => {
        const leader = vp();
        const reps = store.teamMembers(leader.Id);
        const inScope = dealsInWindow(new Set(reps.map((rep) => rep.Id)));
        // The precondition of this test: the VP's whole org is over the cap.
        expect(inScope).toBeGreaterThan(MAX_ON_DEMAND_DEALS);
        const refused = await twin.call<{ body: { message: string } }>(
            'RepDevelopmentController.getDevelopment',
            { scope: 'my_team' },
            leader.Id
        );
        expect(refused.status).toBe(400);
        expect(refused.json.body.message).toBe(label('DevelopmentTooManyDeals', MAX_ON_DEMAND_DEALS));
        expect(refused.json.body.message).toMatch(/choose one rep.*monthly batch/);

        // Before the batch: each manager's team on demand, for the comparison of medians below.
        for (const manager of store.org.users.filter((user) => user.level === 'manager')) {
            const view = await twin.ok<DevelopmentView>(
                'RepDevelopmentController.getDevelopment',
                { scope: 'my_team' },
                manager.Id
            );
            expect(view.computedBy).toBe('on_demand');
            onDemandByManager.set(manager.Id, parseResponse(view));
        }

        const summary = await runBatch();
        const owners = new Set(
            store.org.opportunities
                .filter((deal) => !deal.IsClosed || (Date.parse(AS_OF) - Date.parse(deal.CloseDate)) / DAY_MS < 90)
                .map((deal) => deal.OwnerId)
        );
        expect(summary).toMatchObject({
            asOf: AS_OF,
            month: '2026-11-01',
            reps: owners.size,
            snapshots: owners.size,
            deals: dealsInWindow(owners)
        });
        // What one callout carries, for the README's arithmetic: a deal table costs under 200 bytes a deal.
        expect(summary.requestBytes / summary.deals).toBeLessThan(200);

        const view = await twin.ok<DevelopmentView>(
            'RepDevelopmentController.getDevelopment',
            { scope: 'my_team' },
            leader.Id
        );
        expect(view).toMatchObject({ computedBy: 'monthly_batch', asOf: AS_OF, month: '2026-11-01' });
        const development = parse(view);
        // Everyone below the VP who owns a deal in the window (the managers own none: the batch has nothing on them).
        const owning = reps.filter((rep) => owners.has(rep.Id));
        expect(owning.length).toBeLessThan(reps.length);
        expect(development.reps.map((rep) => rep.repId).sort()).toEqual(owning.map((rep) => rep.Id).sort());
        for (const rep of development.reps) {
            const open = store.org.opportunities.filter((deal) => deal.OwnerId === rep.repId && !deal.IsClosed);
            expect(rep.openDeals).toBe(open.length);
        }
        const names = development.reps.map((rep) => rep.name);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    });

    it("compares each rep with their own team's median in the batch, as on demand for their manager's team", async () => {
        const teams = [...onDemandByManager.entries()];
        expect(teams).toHaveLength(2);
        const batch = parseResponse(
            await twin.ok<DevelopmentView>('RepDevelopmentController.getDevelopment', { scope: 'my_team' }, vp().Id)
        );
        const mediansDiffer: boolean[] = [];
        for (const [managerId, onDemand] of teams) {
            const managerRole = store.user(managerId)!.UserRoleId;
            expect(onDemand.reps.length).toBeGreaterThanOrEqual(3);
            for (const rep of onDemand.reps) {
                const inBatch = batch.reps.find((entry) => entry.repId === rep.repId)!;
                // The batch keys the rep to the role above theirs: their manager's.
                expect(inBatch).toMatchObject({ teamKey: managerRole, repsCompared: onDemand.reps.length });
                expect(rep.teamKey).toBeNull();
                for (const figure of rep.metrics) {
                    const batchFigure = inBatch.metrics.find((entry) => entry.metric === figure.metric)!;
                    expect({ metric: figure.metric, teamMedian: batchFigure.teamMedian }).toEqual({
                        metric: figure.metric,
                        teamMedian: figure.teamMedian
                    });
                }
                // Everything else follows from the median: the same gaps and the same suggested focus. Only "captured"
                // may differ: it is judged over the request's facts (a team without analysed calls, in an org with some).
                const capturedAsOnDemand = inBatch.metrics.map((figure, index) => {
                    const own = rep.metrics[index]!;
                    if (own.captured || !figure.captured) return figure;
                    expect(figure).toMatchObject({ sampleSize: 0, value: null });
                    return { ...figure, captured: false };
                });
                expect({ ...inBatch, teamKey: null, metrics: capturedAsOnDemand }).toEqual(rep);
            }
        }
        // The two teams' medians are not all alike, so the test could tell a team median from the org's.
        const [first, second] = teams.map(([, onDemand]) => onDemand.reps[0]!.metrics);
        for (const figure of first!) {
            mediansDiffer.push(
                figure.teamMedian !== second!.find((entry) => entry.metric === figure.metric)!.teamMedian
            );
        }
        expect(mediansDiffer).toContain(true);
    });

    it("gives a manager their team's part of the batch and a rep their own, the same whoever reads it", async () => {
        const manager = firstManager();
        const team = store.teamMembers(manager.Id);
        const managerView = await twin.ok<DevelopmentView>(
            'RepDevelopmentController.getDevelopment',
            { scope: 'my_team' },
            manager.Id
        );
        expect(managerView.computedBy).toBe('monthly_batch');
        expect(
            parse(managerView)
                .reps.map((rep) => rep.repId)
                .sort()
        ).toEqual(team.map((rep) => rep.Id).sort());
        const rep = team[0]!;
        const own = await twin.ok<DevelopmentView>('RepDevelopmentController.getDevelopment', { scope: 'me' }, rep.Id);
        expect(own.computedBy).toBe('monthly_batch');
        const ownFigures = parse(own).reps;
        expect(ownFigures.map((entry) => entry.repId)).toEqual([rep.Id]);
        // The same snapshot whoever reads it: the figures do not depend on the reader's scope.
        expect(ownFigures[0]).toEqual(parse(managerView).reps.find((entry) => entry.repId === rep.Id));
    });

    it('replaces the month’s snapshots on a re-run (one per rep and month)', async () => {
        const first = await runBatch();
        const second = await runBatch();
        expect(second.snapshots).toBe(first.snapshots);
        const view = await twin.ok<DevelopmentView>(
            'RepDevelopmentController.getDevelopment',
            { scope: 'my_team' },
            vp().Id
        );
        expect(parse(view).reps).toHaveLength(first.reps);
    });
});
