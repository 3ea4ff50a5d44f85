import fc from 'fast-check';
import {
    DevelopmentRequest,
    type DevelopmentDeal,
    type DevelopmentResponse
} from '../src/modules/development/contract/development';
import { analyzeDevelopment } from '../src/modules/development/engine';
import { openDeal, repId, teamRequest } from './support/development-factory';

const analyze = (request: unknown) => analyzeDevelopment(DevelopmentRequest.parse(request));
const figure = (response: DevelopmentResponse, rep: number, metric: string) =>
    response.reps.find((candidate) => candidate.repId === repId(rep))!.metrics.find((m) => m.metric === metric)!;

/** Reps 1–4 in team A (mostly multi-threaded), 5–8 in team B (mostly single-threaded), 20 open deals each. */
function twoTeams() {
    const request = teamRequest({ reps: 8, perRep: 20, singleThreaded: (rep) => (rep <= 4 ? 3 : 15) });
    return {
        ...request,
        reps: request.reps.map((rep, index) => ({ ...rep, teamKey: index < 4 ? 'team-a' : 'team-b' }))
    };
}

describe('team medians: each rep against the median of their own team', () => {
    it('compares a rep with their team, not with every rep in the request', () => {
        const request = twoTeams();
        // Rep 1 is single-threaded on 15 of 20 deals: far worse than team A (3 of 20), like every rep of team B.
        request.deals = request.deals.map((deal) =>
            deal.ownerId === repId(1) && Number(deal.dealId.slice(-3)) < 15 ? { ...deal, engagedContacts: 1 } : deal
        );
        const response = analyze(request);
        const rep1 = figure(response, 1, 'single_threaded');
        expect(rep1).toMatchObject({ value: 0.75, teamMedian: 0.15, isGap: true });
        expect(response.reps[0]).toMatchObject({ teamKey: 'team-a', repsCompared: 4 });
        expect(response.reps[0]!.suggestedFocus!.skill).toBe('multi_threading');
        // The same figure in team B is that team's norm: no gap there.
        for (const rep of [5, 6, 7, 8]) {
            expect(figure(response, rep, 'single_threaded')).toMatchObject({ teamMedian: 0.75, isGap: false });
        }
        // Without team keys the reps form one group: its median is the org's (rep 1 is then no worse than it).
        const { reps, ...rest } = request;
        const pooled = analyze({ ...rest, reps: reps.map(({ teamKey: _teamKey, ...rep }) => rep) });
        expect(figure(pooled, 1, 'single_threaded')).toMatchObject({ teamMedian: 0.75, isGap: false });
        expect(pooled.reps[0]).toMatchObject({ teamKey: null, repsCompared: 8 });
    });

    it('groups the reps without a team key together, apart from the keyed teams', () => {
        const teams = twoTeams();
        const response = analyze({
            ...teams,
            reps: teams.reps.map((rep, index) => (index < 4 ? { repId: rep.repId, name: rep.name } : rep))
        });
        expect(figure(response, 2, 'single_threaded').teamMedian).toBe(0.15);
        expect(figure(response, 6, 'single_threaded').teamMedian).toBe(0.75);
        expect(response.reps.map((rep) => rep.repsCompared)).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
    });

    it('has no median for a team with fewer qualifying reps than minReps, whatever the other teams hold', () => {
        const request = twoTeams();
        request.reps = request.reps.map((rep, index) => (index === 0 ? { ...rep, teamKey: 'team-solo' } : rep));
        const response = analyze(request);
        expect(figure(response, 1, 'single_threaded')).toMatchObject({ teamMedian: null, isGap: false });
        expect(response.reps[0]!.repsCompared).toBe(1);
        expect(figure(response, 2, 'single_threaded').teamMedian).toBe(0.15);
    });

    it('rejects an empty or overlong team key', () => {
        const request = twoTeams();
        request.reps[0] = { ...request.reps[0]!, teamKey: '' };
        expect(DevelopmentRequest.safeParse(request).error!.issues[0]!.path).toEqual(['reps', 0, 'teamKey']);
        request.reps[0] = { ...request.reps[0], teamKey: 'x'.repeat(81) };
        expect(DevelopmentRequest.safeParse(request).success).toBe(false);
    });
});

describe('team medians: properties', () => {
    /** A random org: reps in up to three teams (or none), each with random single-threading, pushes and wins. */
    const org = fc
        .array(
            fc.record({
                team: fc.constantFrom('north', 'south', 'west', null),
                deals: fc.integer({ min: 0, max: 14 }),
                singleThreaded: fc.integer({ min: 0, max: 14 }),
                pushed: fc.integer({ min: 0, max: 14 })
            }),
            { minLength: 1, maxLength: 12 }
        )
        .map((reps) => {
            const deals: DevelopmentDeal[] = [];
            reps.forEach((rep, index) => {
                for (let deal = 0; deal < rep.deals; deal += 1) {
                    deals.push(
                        openDeal(index + 1, deal, {
                            engagedContacts: deal < rep.singleThreaded ? 1 : 3,
                            closeDatePushes: deal < rep.pushed ? 1 : 0
                        })
                    );
                }
            });
            return {
                asOf: '2026-11-15',
                windowDays: 90,
                rules: { bootstrapResamples: 200 },
                reps: reps.map((rep, index) => ({
                    repId: repId(index + 1),
                    name: `Rep ${index + 1}`,
                    ...(rep.team === null ? {} : { teamKey: rep.team })
                })),
                deals
            };
        });

    it("gives every rep the same figures as a request for their team alone, without keys (on demand's view)", () => {
        fc.assert(
            fc.property(org, (request) => {
                const whole = analyze(request);
                const teams = new Set(request.reps.map((rep) => rep.teamKey ?? null));
                for (const team of teams) {
                    const members = request.reps.filter((rep) => (rep.teamKey ?? null) === team);
                    const ids = new Set(members.map((rep) => rep.repId));
                    const alone = analyze({
                        ...request,
                        reps: members.map((rep) => ({ repId: rep.repId, name: rep.name })),
                        deals: request.deals.filter((deal) => ids.has(deal.ownerId))
                    });
                    for (const rep of alone.reps) {
                        const inWhole = whole.reps.find((candidate) => candidate.repId === rep.repId)!;
                        expect({ ...inWhole, teamKey: null }).toEqual(rep);
                    }
                }
            }),
            { numRuns: 40 }
        );
    });

    it('answers a request whose reps all share one key exactly as one without keys', () => {
        fc.assert(
            fc.property(org, (request) => {
                const keyless = analyze({
                    ...request,
                    reps: request.reps.map(({ repId: id, name }) => ({ repId: id, name }))
                });
                const shared = analyze({ ...request, reps: request.reps.map((rep) => ({ ...rep, teamKey: 'one' })) });
                expect(shared.reps.map((rep) => ({ ...rep, teamKey: null }))).toEqual(keyless.reps);
            }),
            { numRuns: 40 }
        );
    });
});

describe('what each metric counts', () => {
    it('names the events: the deals for per-deal shares, else the steps, nudges or calls pooled over them', () => {
        const request = teamRequest({ reps: 3, perRep: 10, singleThreaded: () => 2, closedPerRep: 4 });
        request.deals = request.deals.map((deal, index) =>
            deal.isClosed ? deal : { ...deal, callsAnalyzed: 2, callsWithDatedNextStep: index % 2, callStepsCovered: 3 }
        );
        const response = analyze(request);
        const units = Object.fromEntries(response.definitions.map((entry) => [entry.metric, entry.eventUnit]));
        expect(units).toMatchObject({
            step_completion: 'steps',
            nudges_acted: 'nudges',
            call_steps_covered: 'steps',
            call_next_step_dated: 'calls'
        });
        for (const definition of response.definitions) {
            for (const rep of response.reps) {
                const figure = rep.metrics.find((entry) => entry.metric === definition.metric)!;
                if (definition.eventUnit === 'deals') expect(figure.eventCount).toBe(figure.sampleSize);
            }
        }
        // Two analysed calls on each of a rep's ten open deals: 10 deals, 20 calls.
        expect(figure(response, 1, 'call_next_step_dated')).toMatchObject({ sampleSize: 10, eventCount: 20 });
        expect(figure(response, 1, 'call_steps_covered')).toMatchObject({ sampleSize: 10, eventCount: 30 });
    });
});
