import {
    DEAL_TABLE_COLUMNS,
    DevelopmentRequest,
    DevelopmentResponse,
    toDealTable
} from '../src/modules/development/contract/development';
import { analyzeDevelopment, bootstrapInterval, median, wilsonInterval } from '../src/modules/development/engine';
import { DEFAULT_BODY_LIMIT_BYTES } from '../src/config';
import { authHeaders, buildTestApp } from './support/app';
import { SPARSE_ORG_PROFILE } from './support/deal-factory';
import { closedDeal, dealId, openDeal, repId, teamRequest } from './support/development-factory';

const analyze = (request: unknown) => analyzeDevelopment(DevelopmentRequest.parse(request));
const figure = (response: DevelopmentResponse, rep: number, metric: string) =>
    response.reps.find((candidate) => candidate.repId === repId(rep))!.metrics.find((m) => m.metric === metric)!;

describe('statistics', () => {
    it('computes the Wilson score interval (published values)', () => {
        const none = wilsonInterval(0, 10, 0.95);
        expect(none.low).toBe(0);
        expect(none.high).toBeCloseTo(0.2775, 4);
        const half = wilsonInterval(5, 10, 0.95);
        expect(half.low).toBeCloseTo(0.2366, 4);
        expect(half.high).toBeCloseTo(0.7634, 4);
        expect(() => wilsonInterval(0, 0, 0.9)).toThrow(/at least one trial/);
    });

    it('takes the median of odd and even counts', () => {
        expect(median([3, 1, 2])).toBe(2);
        expect(median([4, 1, 3, 2])).toBe(2.5);
        expect(() => median([])).toThrow();
    });

    it('bootstraps deterministically for a seed, and the interval brackets the estimate', () => {
        const values = [10, 20, 30, 40, 50, 60, 70, 80, 90];
        const options = { resamples: 500, confidence: 0.9, seed: 42 };
        const first = bootstrapInterval(values, median, options);
        expect(bootstrapInterval(values, median, options)).toEqual(first);
        expect(first.low).toBeLessThanOrEqual(50);
        expect(first.high).toBeGreaterThanOrEqual(50);
        expect(first.high - first.low).toBeGreaterThan(0);
    });
});

describe('the gap rule', () => {
    it('flags a well-evidenced gap against the team median and suggests it as the focus, with its deals', () => {
        const request = teamRequest({ reps: 5, perRep: 20, singleThreaded: (rep) => (rep === 1 ? 15 : 4) });
        const response = analyze(request);
        const weak = figure(response, 1, 'single_threaded');
        expect(weak).toMatchObject({ value: 0.75, sampleSize: 20, teamMedian: 0.2, enoughEvidence: true, isGap: true });
        expect(weak.interval!.low).toBeGreaterThan(0.2);
        expect(weak.gapPoints).toBeCloseTo((weak.interval!.low - 0.2) * 100, 0);
        const focus = response.reps[0]!.suggestedFocus!;
        expect(focus.skill).toBe('multi_threading');
        expect(focus.baseline).toBe(0.75);
        expect(focus.target).toBeCloseTo(0.475, 4);
        // The 15 single-threaded deals, most valuable first, at most 10.
        expect(focus.dealIds).toEqual(Array.from({ length: 10 }, (_, index) => dealId(1, 14 - index)));
        expect(focus.reason).toMatch(/75% of 20 deals against a team median of 20%/);
        for (const rep of [2, 3, 4, 5]) {
            expect(figure(response, rep, 'single_threaded').isGap).toBe(false);
            expect(response.reps[rep - 1]!.suggestedFocus).toBeNull();
        }
    });

    it('does not flag a rep with fewer deals than the minimum, however bad the share', () => {
        const request = teamRequest({ reps: 5, perRep: 20, singleThreaded: () => 4 });
        request.reps.push({ repId: repId(9), name: 'New rep' });
        for (let index = 0; index < 5; index += 1) request.deals.push(openDeal(9, index, { engagedContacts: 0 }));
        const response = analyze(request);
        const newcomer = figure(response, 9, 'single_threaded');
        expect(newcomer).toMatchObject({
            value: 1,
            sampleSize: 5,
            enoughEvidence: false,
            isGap: false,
            gapPoints: null
        });
        expect(response.reps.at(-1)!.suggestedFocus).toBeNull();
    });

    it('does not flag a worse share whose interval still includes the team median', () => {
        const response = analyze(teamRequest({ reps: 5, perRep: 20, singleThreaded: (rep) => (rep === 1 ? 6 : 4) }));
        const rep = figure(response, 1, 'single_threaded');
        expect(rep.value).toBe(0.3);
        expect(rep.interval!.low).toBeLessThan(0.2);
        expect(rep.isGap).toBe(false);
    });

    it('flags a better-than-median rep never (only the worse side counts)', () => {
        const response = analyze(teamRequest({ reps: 5, perRep: 20, singleThreaded: (rep) => (rep === 1 ? 0 : 12) }));
        expect(figure(response, 1, 'single_threaded').isGap).toBe(false);
    });

    it('has no team median, hence no gaps, with fewer qualifying reps than minReps', () => {
        const response = analyze(teamRequest({ reps: 2, perRep: 20, singleThreaded: (rep) => (rep === 1 ? 18 : 0) }));
        expect(figure(response, 1, 'single_threaded')).toMatchObject({ teamMedian: null, isGap: false });
    });

    it('flags an outcome gap (win rate) but never makes it the focus', () => {
        const response = analyze(
            teamRequest({
                reps: 5,
                perRep: 10,
                singleThreaded: () => 2,
                closedPerRep: 30,
                wins: (rep) => (rep === 1 ? 5 : 20)
            })
        );
        expect(figure(response, 1, 'win_rate')).toMatchObject({ isGap: true, sampleSize: 30 });
        expect(response.reps[0]!.suggestedFocus).toBeNull();
    });

    it('flags a slow cycle in days with a bootstrap interval and reports the median cycle of won deals', () => {
        const response = analyze(
            teamRequest({
                reps: 5,
                perRep: 10,
                singleThreaded: () => 2,
                closedPerRep: 20,
                wins: () => 20,
                cycle: (rep) => (rep === 1 ? 90 : 40)
            })
        );
        expect(figure(response, 1, 'cycle_days')).toMatchObject({ value: 90, teamMedian: 40, isGap: true });
        expect(figure(response, 1, 'cycle_days').gapPoints).toBeCloseTo(125, 0);
    });

    it('picks the largest behaviour gap as the focus', () => {
        const request = teamRequest({ reps: 5, perRep: 20, singleThreaded: (rep) => (rep === 1 ? 10 : 2) });
        // Rep 1 also never knows the economic buyer, while everyone else always does: the larger gap.
        request.deals = request.deals.map((deal) =>
            deal.ownerId === repId(1) ? { ...deal, economicBuyer: 'unknown' as const } : deal
        );
        const response = analyze(request);
        expect(figure(response, 1, 'single_threaded').isGap).toBe(true);
        expect(figure(response, 1, 'economic_buyer_coverage').isGap).toBe(true);
        expect(response.reps[0]!.suggestedFocus!.skill).toBe('economic_buyer_access');
        expect(figure(response, 1, 'economic_buyer_coverage').byStage).toEqual([
            { stage: 'Proposal', covered: 0, deals: 20 }
        ]);
    });

    it('pools steps over deals and counts stuck deals and pushes', () => {
        const request = teamRequest({ reps: 4, perRep: 12, singleThreaded: () => 0 });
        request.deals[0] = { ...request.deals[0]!, requiredStepsDone: 1, requiredStepsSkipped: 2 };
        request.deals[1] = { ...request.deals[1]!, daysInStage: 70, daysSinceActivity: null, closeDatePushes: 2 };
        const response = analyze(request);
        expect(figure(response, 1, 'step_completion')).toMatchObject({ value: 0.9375, sampleSize: 12, eventCount: 48 });
        expect(figure(response, 1, 'step_skip').value).toBeCloseTo(2 / 48, 4);
        expect(figure(response, 1, 'stuck').value).toBeCloseTo(1 / 12, 4);
        expect(figure(response, 1, 'stage_age_overrun').value).toBeCloseTo(1 / 12, 4);
        expect(figure(response, 1, 'close_date_push').value).toBeCloseTo(1 / 12, 4);
    });

    it('leaves closed deals outside the window out and counts dismissal reasons', () => {
        const request = teamRequest({ reps: 3, perRep: 5, singleThreaded: () => 0 });
        const old = closedDeal(1, 900, true, 30);
        request.deals.push({ ...old, closeDate: '2026-01-10', createdDate: '2025-12-01' });
        request.deals.push(openDeal(1, 901, { nudgesDismissed: 2, dismissReasons: ['Not relevant', 'Already done'] }));
        request.deals.push(openDeal(1, 902, { nudgesDismissed: 1, dismissReasons: ['Not relevant'] }));
        const response = analyze(request);
        expect(response.reps[0]!.closedDeals).toBe(0);
        expect(response.reps[0]!.dismissReasons).toEqual([
            { reason: 'Not relevant', count: 2 },
            { reason: 'Already done', count: 1 }
        ]);
    });

    it('reports metrics the org does not capture as such, never as zeros that read as a gap', () => {
        const request = teamRequest({ reps: 5, perRep: 20, singleThreaded: (rep) => (rep === 1 ? 15 : 4) });
        const response = analyze({ ...request, notCaptured: ['single_threaded'] });
        expect(figure(response, 1, 'single_threaded')).toMatchObject({
            captured: false,
            value: null,
            sampleSize: 0,
            teamMedian: null,
            isGap: false
        });
        expect(figure(response, 1, 'stage_age_overrun').captured).toBe(true);
        expect(response.reps[0]!.suggestedFocus).toBeNull();
        expect(DevelopmentRequest.safeParse({ ...request, notCaptured: ['charm'] }).success).toBe(false);
    });

    it("derives what is not captured from the org data profile with scoring's thresholds", () => {
        const request = teamRequest({ reps: 5, perRep: 20, singleThreaded: (rep) => (rep === 1 ? 15 : 4) });
        const sparse = analyze({ ...request, dataProfile: SPARSE_ORG_PROFILE, notCaptured: ['step_skip'] });
        const uncaptured = sparse.reps[0]!.metrics.filter((entry) => !entry.captured).map((entry) => entry.metric);
        expect(uncaptured.sort()).toEqual(
            ['close_date_push', 'economic_buyer_coverage', 'single_threaded', 'step_skip', 'stuck'].sort()
        );
        // Activities logged on most deals but no contact roles: engaged contacts still cannot be seen.
        const noRoles = { ...SPARSE_ORG_PROFILE, withBuyerActivity: 0.9, withCloseDateChange: 0.2 };
        const partly = analyze({ ...request, dataProfile: noRoles });
        expect(figure(partly, 1, 'single_threaded').captured).toBe(false);
        expect(figure(partly, 1, 'stuck').captured).toBe(true);
        expect(figure(partly, 1, 'close_date_push').captured).toBe(true);
        // A profile measured on too few deals says nothing: everything counts as captured, as without one.
        const thin = analyze({ ...request, dataProfile: { ...SPARSE_ORG_PROFILE, dealsMeasured: 5 } });
        expect(thin.reps[0]!.metrics.every((entry) => entry.captured)).toBe(true);
        expect(thin.reps[0]!.suggestedFocus!.metric).toBe('single_threaded');
    });

    it('measures call coaching from analysed calls, pooled per deal, with the same gap rule', () => {
        const request = teamRequest({ reps: 5, perRep: 20, singleThreaded: () => 4 });
        request.deals = request.deals.map((deal) => {
            const rep = Number(deal.ownerId.slice(-2));
            const index = Number(deal.dealId.slice(-3));
            // Two calls on every deal; rep 1's calls cover 1 of 4 steps and rarely end with a dated next step.
            const weak = rep === 1;
            return {
                ...deal,
                callsAnalyzed: 2,
                callsWithDatedNextStep: weak ? (index < 4 ? 1 : 0) : 2,
                callStepsCovered: weak ? 2 : 6,
                callStepsMissed: weak ? 6 : 2
            };
        });
        const response = analyze(request);
        const covered = figure(response, 1, 'call_steps_covered');
        expect(covered).toMatchObject({ value: 0.25, sampleSize: 20, eventCount: 160, teamMedian: 0.75, isGap: true });
        const dated = figure(response, 1, 'call_next_step_dated');
        expect(dated).toMatchObject({ value: 0.1, sampleSize: 20, eventCount: 40, teamMedian: 1, isGap: true });
        expect(figure(response, 2, 'call_steps_covered').isGap).toBe(false);
        // The larger gap wins the focus: 50 points of steps against about 80 of dated next steps.
        const focus = response.reps[0]!.suggestedFocus!;
        expect(focus).toMatchObject({ metric: 'call_next_step_dated', skill: 'advancing_the_deal' });
        expect(focus.dealIds).toHaveLength(10);
        // A rep with no analysed call has an empty sample, never a zero.
        const none = analyze(teamRequest({ reps: 3, perRep: 10, singleThreaded: () => 0 }));
        expect(figure(none, 1, 'call_steps_covered')).toMatchObject({ value: null, sampleSize: 0, isGap: false });
        const bad = { ...request, deals: [{ ...request.deals[0]!, callsAnalyzed: 0, callStepsMissed: 1 }] };
        expect(DevelopmentRequest.safeParse(bad).success).toBe(false);
        const tooMany = { ...request, deals: [{ ...request.deals[0]!, callsWithDatedNextStep: 3 }] };
        expect(DevelopmentRequest.safeParse(tooMany).error!.issues[0]!.path).toEqual([
            'deals',
            0,
            'callsWithDatedNextStep'
        ]);
    });

    it('is deterministic and states its rule with the numbers in force', () => {
        const request = teamRequest({ reps: 5, perRep: 20, singleThreaded: (rep) => rep * 2, closedPerRep: 10 });
        const response = analyze(request);
        expect(analyze(request)).toEqual(response);
        expect(response.rule).toMatch(/at least 8 deals/);
        expect(response.rule).toMatch(/90% interval/);
        expect(analyze({ ...request, rules: { minDeals: 12, confidence: 0.95 } }).rule).toMatch(
            /at least 12 deals.*95%/
        );
        expect(DevelopmentResponse.parse(response)).toEqual(response);
    });
});

describe('the development contract', () => {
    const base = () => teamRequest({ reps: 3, perRep: 3, singleThreaded: () => 0 });

    it('rejects a deal owned by an unlisted rep, a won open deal, a closed deal after asOf and bad step counts', () => {
        const request = base();
        request.deals[0] = { ...request.deals[0]!, ownerId: repId(99) };
        request.deals[1] = { ...request.deals[1]!, isWon: true };
        request.deals[2] = { ...request.deals[2]!, isClosed: true, closeDate: '2027-01-01' };
        request.deals[3] = { ...request.deals[3]!, requiredStepsDone: 5 };
        const result = DevelopmentRequest.safeParse(request);
        expect(result.success).toBe(false);
        const messages = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        expect(messages).toEqual(
            expect.arrayContaining([
                'deals.0.ownerId: is not one of the listed reps',
                'deals.1.isWon: an open deal cannot be won',
                'deals.2.closeDate: a closed deal cannot close after asOf',
                'deals.3.requiredStepsDue: must be at least requiredStepsDone + requiredStepsSkipped'
            ])
        );
    });

    it('takes the deals as a deal table too, with the same result, and checks every row as a deal', () => {
        const request = teamRequest({ reps: 5, perRep: 20, singleThreaded: (rep) => (rep === 1 ? 15 : 4) });
        const { deals, ...header } = request;
        const table = toDealTable(deals);
        expect(analyze({ ...header, dealTable: table })).toEqual(analyze(request));
        // Columns in any order, each once.
        const reversed = [...DEAL_TABLE_COLUMNS].reverse();
        const shuffled = {
            columns: reversed,
            rows: table.rows.map((row) => [...row].reverse())
        };
        expect(analyze({ ...header, dealTable: shuffled })).toEqual(analyze(request));
        // About a third of the bytes of the same facts as objects.
        expect(JSON.stringify(table).length).toBeLessThan(JSON.stringify(deals).length / 2.5);

        const badRow = {
            ...table,
            rows: table.rows.map((row, index) => (index === 3 ? row.map((v, j) => (j === 3 ? 2 : v)) : row))
        };
        const refused = DevelopmentRequest.safeParse({ ...header, dealTable: badRow });
        expect(refused.error!.issues[0]).toMatchObject({ path: ['dealTable', 'rows', 3, 3] });
        expect(refused.error!.issues[0]!.message).toMatch(/^stageProgress: /);
        const twice = { ...table, columns: table.columns.map((column, index) => (index === 1 ? 'dealId' : column)) };
        expect(DevelopmentRequest.safeParse({ ...header, dealTable: twice }).error!.issues[0]!.message).toMatch(
            /each deal property once/
        );
        expect(DevelopmentRequest.safeParse({ ...header, deals, dealTable: table }).error!.issues[0]!.message).toMatch(
            /one of the two/
        );
        expect(DevelopmentRequest.safeParse(header).success).toBe(false);
    });

    it('rejects a rep listed twice and unknown properties', () => {
        const request = base();
        request.reps.push({ ...request.reps[0]! });
        expect(DevelopmentRequest.safeParse(request).error!.issues[0]!.message).toBe('is listed twice');
        expect(DevelopmentRequest.safeParse({ ...base(), email: 'x@example.com' }).success).toBe(false);
    });
});

describe('POST /v1/reps/development', () => {
    const app = buildTestApp();
    afterAll(() => app.close());

    it('answers with the figures, validated against the contract', async () => {
        const response = await app.inject({
            method: 'POST',
            url: '/v1/reps/development',
            headers: authHeaders(),
            payload: teamRequest({ reps: 5, perRep: 20, singleThreaded: (rep) => (rep === 1 ? 15 : 4) })
        });
        expect(response.statusCode).toBe(200);
        const body = DevelopmentResponse.parse(response.json());
        expect(body.reps[0]!.suggestedFocus!.skill).toBe('multi_threading');
    });

    it('needs a key and names the field at fault', async () => {
        const payload = teamRequest({ reps: 3, perRep: 3, singleThreaded: () => 0 });
        const unauthorized = await app.inject({
            method: 'POST',
            url: '/v1/reps/development',
            headers: { 'content-type': 'application/json' },
            payload
        });
        expect(unauthorized.statusCode).toBe(401);
        payload.deals[0] = { ...payload.deals[0]!, stageProgress: 2 };
        const invalid = await app.inject({
            method: 'POST',
            url: '/v1/reps/development',
            headers: authHeaders(),
            payload
        });
        expect(invalid.statusCode).toBe(400);
        expect(invalid.json<{ errors: Array<{ path: string }> }>().errors[0]!.path).toBe('deals[0].stageProgress');
    });

    it('admits a whole org in one request (the monthly batch: 200 reps, 12,000 deals) under the service-wide limit', async () => {
        // 12,000 deals as a deal table, about 2 MB: within the 5 MB default; as objects they would be over 6 MB.
        const { deals, ...header } = teamRequest({ reps: 200, perRep: 60, singleThreaded: () => 10 });
        const payload = JSON.stringify({ ...header, asOf: 'not a date', dealTable: toDealTable(deals) });
        expect(payload.length).toBeLessThan(2.5 * 1024 * 1024);
        expect(JSON.stringify({ ...header, deals }).length).toBeGreaterThan(DEFAULT_BODY_LIMIT_BYTES);
        const response = await app.inject({
            method: 'POST',
            url: '/v1/reps/development',
            headers: authHeaders(),
            payload
        });
        // Read and validated (the 400 names the field at fault), not refused for its size (413). Judging 200 reps
        // takes about a second in the service; the table's decoding is checked on a smaller request above.
        expect(response.statusCode).toBe(400);
        expect(response.json<{ errors: Array<{ path: string }> }>().errors[0]!.path).toBe('asOf');
    });
});
