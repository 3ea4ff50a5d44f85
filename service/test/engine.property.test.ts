import fc from 'fast-check';
import { type Deal, ScoreRequest } from '../src/contract';
import { scoreDeals } from '../src/modules/scoring/engine';
import { FIXTURE_AS_OF, randomDeal, seededRandom } from './support/deal-factory';

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
    scoreDeals({ asOf: FIXTURE_AS_OF, deals: [deal], ...(config ? { config } : {}) }).results[0]!;

const addDays = (isoDate: string, days: number) =>
    new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

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
});
