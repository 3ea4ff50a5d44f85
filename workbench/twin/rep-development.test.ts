/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY: the Rep Development tab's Apex stand-in (RepDevelopmentController,
 * PracticeController) over real HTTP on 127.0.0.1, against the 400-deal sample org and the real Execution Loop
 * service built in-process.
 */
import type { DevelopmentResult, DevelopmentView, DrillOptions, DrillSession, FocusView } from 'c/repDevelopmentLogic';
import { WorkbenchStore } from './store';
import { startTwinForTest, type TwinUnderTest } from './twin-test-support';

jest.setTimeout(60_000);

const AS_OF = '2026-11-16';
const now = () => new Date(`${AS_OF}T10:00:00.000Z`);

let store: WorkbenchStore;
let twin: TwinUnderTest;

const call = <T>(method: string, params: unknown, userId: string) => twin.call<T>(method, params, userId);
const ok = <T>(method: string, params: unknown, userId: string) => twin.ok<T>(method, params, userId);

async function apexError(method: string, params: unknown, userId: string): Promise<string> {
    const reply = await call<{ body: { message: string } }>(method, params, userId);
    expect(reply.status).toBe(400);
    return reply.json.body.message;
}

beforeAll(async () => {
    store = new WorkbenchStore({ deals: 400, asOf: AS_OF, now });
    twin = await startTwinForTest(store);
});

afterAll(async () => {
    await twin.close();
});

const parseDevelopment = (json: string) => JSON.parse(json) as DevelopmentResult;
const managers = () => store.org.users.filter((user) => user.level === 'manager');

describe('RepDevelopmentController', () => {
    it("gives a manager their team's figures with sample sizes, the rule, seeded history and loop data", async () => {
        const manager = managers()[0]!;
        const view = await ok<DevelopmentView>(
            'RepDevelopmentController.getDevelopment',
            { scope: 'my_team' },
            manager.Id
        );
        const development = parseDevelopment(view.developmentJson);
        const team = store.teamMembers(manager.Id);
        expect(development.reps.map((rep) => rep.repId).sort()).toEqual(team.map((rep) => rep.Id).sort());
        for (const rep of development.reps) {
            const open = store.org.opportunities.filter((deal) => deal.OwnerId === rep.repId && !deal.IsClosed).length;
            expect(rep.openDeals).toBe(open);
            expect(rep.metrics.find((figure) => figure.metric === 'single_threaded')!.sampleSize).toBe(open);
        }
        expect(development.rule).toMatch(/at least 8 deals/);
        expect(view).toMatchObject({
            month: '2026-11-01',
            canSetFocus: true,
            scopeLabel: 'my team',
            computedBy: 'on_demand'
        });
        expect(view.focuses.filter((focus) => focus.month === '2026-10-01')).toHaveLength(2);
        // The sample org comes with analysed calls on a share of the open deals: call coaching shows real values.
        expect(view.dataNotes).toEqual(["Last month's focuses are seeded sample history (workbench only)."]);
        for (const rep of development.reps) {
            // An independent count over the seeded analyses of the rep's deals: deals, calls, calls with a dated step.
            const calls = store.org.callAnalyses.filter((analysis) =>
                store.org.opportunities.some(
                    (deal) => deal.Id === analysis.Opportunity__c && deal.OwnerId === rep.repId && !deal.IsClosed
                )
            );
            const results = calls.map(
                (analysis) => JSON.parse(analysis.Result_Json__c!) as { nextSteps: { dueDate: string | null }[] }
            );
            const dated = results.filter((result) => result.nextSteps.some((step) => step.dueDate !== null)).length;
            const figure = rep.metrics.find((entry) => entry.metric === 'call_next_step_dated')!;
            expect(calls.length).toBeGreaterThan(0);
            expect(figure).toMatchObject({
                captured: true,
                sampleSize: new Set(calls.map((analysis) => analysis.Opportunity__c)).size,
                eventCount: calls.length
            });
            expect(figure.value).toBeCloseTo(dated / calls.length, 4);
        }
    });

    it('gives a rep their own figures only, without a team median, and no focus setting', async () => {
        const rep = store.teamMembers(managers()[0]!.Id)[0]!;
        const view = await ok<DevelopmentView>('RepDevelopmentController.getDevelopment', { scope: 'me' }, rep.Id);
        const development = parseDevelopment(view.developmentJson);
        expect(development.reps.map((entry) => entry.repId)).toEqual([rep.Id]);
        expect(development.reps[0]!.metrics.every((figure) => figure.teamMedian === null && !figure.isGap)).toBe(true);
        expect(view.canSetFocus).toBe(false);
        expect(await apexError('RepDevelopmentController.getDevelopment', { scope: 'my_team' }, rep.Id)).toBe(
            'You have no team below you in the role hierarchy.'
        );
    });

    it('sets one focus per rep per month from a suggestion, and refuses a second', async () => {
        const manager = managers()[1]!;
        const view = await ok<DevelopmentView>(
            'RepDevelopmentController.getDevelopment',
            { scope: 'my_team' },
            manager.Id
        );
        const suggested = parseDevelopment(view.developmentJson).reps.find((rep) => rep.suggestedFocus)!;
        expect(suggested).toBeDefined();
        const focus = suggested.suggestedFocus!;
        const params = {
            repId: suggested.repId,
            skill: focus.skill,
            metric: focus.metric,
            baseline: focus.baseline,
            target: focus.target,
            notes: 'Add a second contact on the listed deals.'
        };
        const saved = await ok<FocusView>('RepDevelopmentController.setFocus', params, manager.Id);
        expect(saved).toMatchObject({
            repId: suggested.repId,
            month: '2026-11-01',
            status: 'active',
            skill: focus.skill
        });
        expect(await apexError('RepDevelopmentController.setFocus', params, manager.Id)).toMatch(
            /already has a focus this month.*One focus per rep per month/
        );
        const after = await ok<DevelopmentView>(
            'RepDevelopmentController.getDevelopment',
            { scope: 'my_team' },
            manager.Id
        );
        expect(after.focuses.some((candidate) => candidate.id === saved.id)).toBe(true);
    });

    it('rejects a focus for someone outside the team, an unknown skill, a mismatched metric and a bad baseline', async () => {
        const [first, second] = managers();
        const otherRep = store.teamMembers(second!.Id)[0]!;
        const ownRep = store.teamMembers(first!.Id)[3]!;
        const base = {
            repId: ownRep.Id,
            skill: 'multi_threading',
            metric: 'single_threaded',
            baseline: 0.5,
            target: 0.3
        };
        expect(
            await apexError('RepDevelopmentController.setFocus', { ...base, repId: otherRep.Id }, first!.Id)
        ).toMatch(/not an active member of your team/);
        expect(await apexError('RepDevelopmentController.setFocus', { ...base, skill: 'charm' }, first!.Id)).toMatch(
            /^Unknown skill "charm"/
        );
        expect(await apexError('RepDevelopmentController.setFocus', { ...base, metric: 'win_rate' }, first!.Id)).toBe(
            'The metric win_rate does not measure the skill multi_threading.'
        );
        expect(await apexError('RepDevelopmentController.setFocus', { ...base, baseline: 4 }, first!.Id)).toBe(
            'The baseline must be a number between 0 and 1.'
        );
    });

    it("reviews last month's focus with its outcome", async () => {
        const manager = managers()[0]!;
        const view = await ok<DevelopmentView>(
            'RepDevelopmentController.getDevelopment',
            { scope: 'my_team' },
            manager.Id
        );
        const open = view.focuses.find((focus) => focus.status === 'active' && focus.month === '2026-10-01')!;
        const reviewed = await ok<FocusView>(
            'RepDevelopmentController.reviewFocus',
            { focusId: open.id, outcome: 'not_moved', result: 0.47 },
            manager.Id
        );
        expect(reviewed).toMatchObject({ status: 'reviewed', outcome: 'not_moved', result: 0.47 });
        expect(
            await apexError(
                'RepDevelopmentController.reviewFocus',
                { focusId: open.id, outcome: 'great', result: 1 },
                manager.Id
            )
        ).toMatch(/^Unknown outcome "great"/);
    });
});

describe('PracticeController (scripted drill, no model)', () => {
    it("runs a drill on the rep's own deal to a stored score that joins the trend", async () => {
        const rep = store.teamMembers(managers()[0]!.Id)[0]!;
        const options = await ok<DrillOptions>('PracticeController.getDrillOptions', {}, rep.Id);
        expect(options.deals.length).toBeGreaterThan(0);
        let session = await ok<DrillSession>(
            'PracticeController.startDrill',
            { opportunityId: options.deals[0]!.value, skill: 'economic_buyer_access' },
            rep.Id
        );
        expect(session).toMatchObject({ mode: 'scripted', done: false, turnsLeft: 2 });
        expect(session.transcript).toHaveLength(1);
        expect(session.buyerTitles.length).toBeGreaterThan(0);
        const answers = [
            'What must be true for you to approve this?',
            'Which risks worry you, and what would make you decide to wait?',
            'Could we meet the person who approves the budget next Tuesday?'
        ];
        for (const answer of answers) {
            session = await ok<DrillSession>(
                'PracticeController.answer',
                { sessionId: session.sessionId, answer },
                rep.Id
            );
        }
        expect(session.done).toBe(true);
        expect(session.score).toBeGreaterThanOrEqual(50);
        expect(session.criteria.length).toBeGreaterThan(1);
        expect(
            await apexError('PracticeController.answer', { sessionId: session.sessionId, answer: 'More?' }, rep.Id)
        ).toBe('This drill is finished; start a new one.');
        const manager = managers()[0]!;
        const view = await ok<DevelopmentView>(
            'RepDevelopmentController.getDevelopment',
            { scope: 'my_team' },
            manager.Id
        );
        expect(view.practice).toContainEqual({
            repId: rep.Id,
            month: '2026-11-01',
            sessions: 1,
            averageScore: session.score
        });
        const again = await ok<DrillOptions>('PracticeController.getDrillOptions', {}, rep.Id);
        expect(again.recent[0]).toMatchObject({ sessionId: session.sessionId, score: session.score });
    });

    it("refuses another rep's deal, a skill without a drill, an empty answer and someone else's session", async () => {
        const [rep, peer] = store.teamMembers(managers()[0]!.Id);
        const peerDeal = store.org.opportunities.find((deal) => deal.OwnerId === peer!.Id && !deal.IsClosed)!;
        expect(
            await apexError(
                'PracticeController.startDrill',
                { opportunityId: peerDeal.Id, skill: 'close_plan' },
                rep!.Id
            )
        ).toBe('Choose one of your own open deals to practise on.');
        expect(
            await apexError(
                'PracticeController.startDrill',
                { opportunityId: peerDeal.Id, skill: 'acting_on_coaching' },
                peer!.Id
            )
        ).toMatch(/^Choose a skill to practise/);
        const session = await ok<DrillSession>(
            'PracticeController.startDrill',
            { opportunityId: peerDeal.Id, skill: 'close_plan' },
            peer!.Id
        );
        expect(
            await apexError('PracticeController.answer', { sessionId: session.sessionId, answer: '  ' }, peer!.Id)
        ).toBe('Write your answer to the buyer first.');
        expect(
            await apexError('PracticeController.answer', { sessionId: session.sessionId, answer: 'Hi' }, rep!.Id)
        ).toMatch(/not found or is not yours/);
    });
});
