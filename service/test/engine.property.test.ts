import fc from 'fast-check';
import { type Band, type Deal, type DealScore, ScoreRequest } from '../src/contract';
import { bandFor, DEFAULT_BANDS, scoreDeals } from '../src/modules/scoring/engine';
import { FIXTURE_AS_OF, FIXTURE_TYPICAL_DEAL_AMOUNT, randomDeal, seededRandom } from './support/deal-factory';

const NUM_RUNS = 400;

/** Random but contract-valid deals (built from a seed by the factory, so shrinking works on the seed). */
const dealArbitrary: fc.Arbitrary<Deal> = fc
    .integer({ min: 0, max: 2 ** 31 - 1 })
    .map((seed) => randomDeal(seededRandom(seed), seed));

const configArbitrary = fc.option(
    fc.record({
        weights: fc
            .tuple(fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(100))
            .map((cuts) => [0, ...cuts.sort((a, b) => a - b), 100])
            .map((points) => ({
                qualification: points[1]! - points[0]!,
                engagement: points[2]! - points[1]!,
                momentum: points[3]! - points[2]!,
                hygiene: points[4]! - points[3]!,
                playbookAdherence: points[5]! - points[4]!
            }))
    }),
    { nil: undefined }
);

const score = (deal: Deal, config?: ScoreRequest['config']) =>
    scoreDeals({
        asOf: FIXTURE_AS_OF,
        orgContext: { typicalDealAmount: FIXTURE_TYPICAL_DEAL_AMOUNT },
        deals: [deal],
        ...(config ? { config } : {})
    }).results[0]!;

const addDays = (isoDate: string, days: number) =>
    new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const BAND_RANK: Record<Band, number> = { at_risk: 0, watch: 1, healthy: 2 };

const pushed = (deal: Deal, days: number): Deal => ({
    ...deal,
    closeDate: addDays(deal.closeDate, days),
    closeDateHistory: {
        pushCount: deal.closeDateHistory.pushCount + 1,
        totalDaysPushed: deal.closeDateHistory.totalDaysPushed + days
    }
});

/** The buyer goes quiet for `days` more: buyer activity and every contact's engagement move back; seller activity stays. */
const silenced = (deal: Deal, days: number): Deal => ({
    ...deal,
    activity: {
        ...deal.activity,
        lastBuyerActivityDate:
            deal.activity.lastBuyerActivityDate === null ? null : addDays(deal.activity.lastBuyerActivityDate, -days)
    },
    contactRoles: deal.contactRoles.map((contact) => ({
        ...contact,
        lastEngagedDate: contact.lastEngagedDate === null ? null : addDays(contact.lastEngagedDate, -days)
    }))
});

/** Every text of a result a person reads. */
const readableTexts = (result: DealScore): string[] => [
    ...result.dimensions.flatMap((dimension) => dimension.signals.flatMap((line) => [line.label, line.evidence])),
    ...result.risks.flatMap((risk) => [risk.message, risk.evidence]),
    ...result.nudges.flatMap((nudge) => [nudge.title, nudge.why]),
    ...(result.exitCriteria?.criteria.map((criterion) => criterion.evidence) ?? []),
    ...(result.exitCriteria?.stillNeeded.map((needed) => needed.missing) ?? []),
    ...(result.exitCriteria?.blockers.map((blocker) => blocker.message) ?? [])
];

describe('engine properties', () => {
    it('generates contract-valid deals', () => {
        fc.assert(
            fc.property(dealArbitrary, (deal) => {
                expect(ScoreRequest.safeParse({ asOf: FIXTURE_AS_OF, deals: [deal] }).success).toBe(true);
            }),
            { numRuns: 100 }
        );
    });

    it('is deterministic', () => {
        fc.assert(
            fc.property(dealArbitrary, configArbitrary, (deal, config) => {
                expect(score(structuredClone(deal), config)).toEqual(score(structuredClone(deal), config));
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('keeps scores in bounds and impacts adding up exactly to dimensions and score', () => {
        fc.assert(
            fc.property(dealArbitrary, configArbitrary, (deal, config) => {
                const result = score(deal, config);
                expect(Number.isInteger(result.score)).toBe(true);
                expect(result.score).toBeGreaterThanOrEqual(0);
                expect(result.score).toBeLessThanOrEqual(100);
                let total = 0;
                for (const dimension of result.dimensions) {
                    const impacts = dimension.signals.map((signal) => signal.impact);
                    expect(impacts.every(Number.isInteger)).toBe(true);
                    expect(impacts.reduce((sum, impact) => sum + impact, 0)).toBe(dimension.score);
                    expect(dimension.score).toBeGreaterThanOrEqual(0);
                    expect(dimension.score).toBeLessThanOrEqual(dimension.weight);
                    total += dimension.score;
                }
                expect(total).toBe(result.score);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('never lowers the score when the economic buyer becomes validated', () => {
        fc.assert(
            fc.property(dealArbitrary, configArbitrary, (deal, config) => {
                const validated: Deal = {
                    ...deal,
                    meddpicc: { ...deal.meddpicc, economicBuyer: { status: 'validated', evidence: 'Met the CFO' } }
                };
                expect(score(validated, config).score).toBeGreaterThanOrEqual(score(deal, config).score);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('never raises the score when the close date is pushed', () => {
        fc.assert(
            fc.property(dealArbitrary, configArbitrary, fc.integer({ min: 1, max: 200 }), (deal, config, days) => {
                const pushed: Deal = {
                    ...deal,
                    closeDate: addDays(deal.closeDate, days),
                    closeDateHistory: {
                        pushCount: deal.closeDateHistory.pushCount + 1,
                        totalDaysPushed: deal.closeDateHistory.totalDaysPushed + days
                    }
                };
                expect(score(pushed, config).score).toBeLessThanOrEqual(score(deal, config).score);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('never raises the score or lifts the band when the close date is pushed (score and band agree)', () => {
        fc.assert(
            fc.property(dealArbitrary, fc.integer({ min: 1, max: 200 }), (deal, days) => {
                const before = score(deal);
                const after = score(pushed(deal, days));
                expect(BAND_RANK[after.band]).toBeLessThanOrEqual(BAND_RANK[before.band]);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('never raises the score or lifts the band when the buyer goes quiet', () => {
        fc.assert(
            fc.property(dealArbitrary, configArbitrary, fc.integer({ min: 1, max: 120 }), (deal, config, days) => {
                const before = score(deal, config);
                const after = score(silenced(deal, days), config);
                expect(after.score).toBeLessThanOrEqual(before.score);
                expect(BAND_RANK[after.band]).toBeLessThanOrEqual(BAND_RANK[before.band]);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('never lets seller-only activity change the score', () => {
        fc.assert(
            fc.property(dealArbitrary, fc.integer({ min: 0, max: 45 }), (deal, daysAgo) => {
                const busySeller: Deal = {
                    ...deal,
                    activity: { ...deal.activity, lastActivityDate: addDays(FIXTURE_AS_OF, -daysAgo) }
                };
                expect(score(busySeller).score).toBe(score(deal).score);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('never leaves a deal ready while a gate up to its stage is not passed, and nudges that gate first', () => {
        fc.assert(
            fc.property(dealArbitrary, (deal) => {
                if (deal.playbook === null || deal.stage.isClosed) return;
                const gate = deal.playbook.steps.find((step) => step.isGate)!;
                const progress = { ...deal.playbook.stepProgress };
                delete progress[gate.stepKey];
                const stage = { ...deal.stage, stageOrder: Math.max(deal.stage.stageOrder, gate.stageOrder) };
                const result = score({ ...deal, stage, playbook: { ...deal.playbook, stepProgress: progress } });
                expect(result.exitCriteria?.readyToAdvance).toBe(false);
                expect(result.exitCriteria?.blockers[0]).toMatchObject({ reason: 'gate', stepKey: gate.stepKey });
                expect(result.risks.map((risk) => risk.code)).toContain('gate_not_passed');
                expect(result.nudges[0]?.stepKey).toBe(gate.stepKey);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('is ready exactly when nothing blocks it, and never with a high risk open', () => {
        fc.assert(
            fc.property(dealArbitrary, (deal) => {
                const result = score(deal);
                if (result.exitCriteria === null) return;
                expect(result.exitCriteria.readyToAdvance).toBe(result.exitCriteria.blockers.length === 0);
                if (result.risks.some((risk) => risk.severity === 'high')) {
                    expect(result.exitCriteria.readyToAdvance).toBe(false);
                }
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('puts every point lost on screen: each line says what it could earn, and they add up to the weights', () => {
        fc.assert(
            fc.property(dealArbitrary, configArbitrary, (deal, config) => {
                const result = score(deal, config);
                let lost = 0;
                for (const dimension of result.dimensions) {
                    let available = 0;
                    for (const line of dimension.signals) {
                        if (line.pointsAvailable > 0) expect(line.impact).toBeLessThanOrEqual(line.pointsAvailable);
                        else expect(line.impact).toBeLessThanOrEqual(0);
                        available += line.pointsAvailable;
                        lost += line.pointsAvailable - line.impact;
                    }
                    expect(available).toBe(dimension.weight);
                }
                expect(lost).toBe(100 - result.score);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('explains every band cap: the band is below what the score earns exactly when a risk says it caps it', () => {
        fc.assert(
            fc.property(dealArbitrary, (deal) => {
                const result = score(deal);
                const capped = result.band !== bandFor(result.score, DEFAULT_BANDS);
                expect(result.risks.some((risk) => risk.capsBand)).toBe(capped);
                for (const risk of result.risks) if (risk.capsBand) expect(risk.severity).toBe('high');
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('shows no developer key in any text a person reads, and names each risk once', () => {
        fc.assert(
            fc.property(dealArbitrary, (deal) => {
                const result = score(deal);
                const stepKeys = deal.playbook?.steps.map((step) => step.stepKey) ?? [];
                const offending = readableTexts(result).filter(
                    (text) =>
                        stepKeys.some((stepKey) => text.includes(stepKey)) ||
                        text.includes('no evidence note') ||
                        text.startsWith('Complete: ')
                );
                expect(offending).toEqual([]);
                const codes = result.risks.map((risk) => risk.code);
                expect(new Set(codes).size).toBe(codes.length);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('never calls a late-stage deal without contacts healthy', () => {
        fc.assert(
            fc.property(dealArbitrary, (deal) => {
                const late = {
                    ...deal,
                    stage: { ...deal.stage, stageOrder: 5, apiName: 'Negotiation' },
                    contactRoles: []
                };
                expect(score(late).band).not.toBe('healthy');
            }),
            { numRuns: NUM_RUNS }
        );
    });
});
