/**
 * The org data profile in the engine: what an org does not capture is unknown, not bad news, and what it does capture
 * stays a real signal.
 */
import fc from 'fast-check';
import { type Deal, type DealScore, MEDDPICC_ELEMENTS, type OrgDataProfile, type RiskCode } from '../src/contract';
import { scoreDeals } from '../src/modules/scoring/engine';
import { type CapturableFact, MIN_DEALS_MEASURED } from '../src/modules/scoring/engine/data-capture';
import {
    FIXTURE_AS_OF,
    FIXTURE_TYPICAL_DEAL_AMOUNT,
    everyMeddpiccElement,
    nothingRecorded,
    randomDeal,
    seededRandom,
    SPARSE_ORG_PROFILE
} from './support/deal-factory';

const NUM_RUNS = 300;

const FACTS: readonly CapturableFact[] = [
    'buyerActivity',
    'contactRoles',
    'nextStep',
    'nextStepDate',
    'closeDateChange',
    'amount',
    ...MEDDPICC_ELEMENTS.map((element) => `meddpicc.${element}` as const)
];

const dealArbitrary: fc.Arbitrary<Deal> = fc
    .integer({ min: 0, max: 2 ** 31 - 1 })
    .map((seed) => randomDeal(seededRandom(seed), seed));

const share = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
const profileArbitrary: fc.Arbitrary<OrgDataProfile> = fc.record({
    measuredOn: fc.constant(FIXTURE_AS_OF),
    windowDays: fc.constant(180),
    dealsMeasured: fc.integer({ min: MIN_DEALS_MEASURED, max: 5000 }),
    withBuyerActivity: share,
    withContactRoles: share,
    withNextStep: share,
    withNextStepDate: share,
    withCloseDateChange: share,
    withAmount: share,
    withMeddpicc: fc.record(everyMeddpiccElement(share))
});

/** The profile with one fact's share set: 1 (the org records it on every deal) or 0 (on none). */
function withShare(profile: OrgDataProfile, fact: CapturableFact, value: number): OrgDataProfile {
    if (fact.startsWith('meddpicc.')) {
        const element = fact.slice('meddpicc.'.length) as keyof OrgDataProfile['withMeddpicc'];
        return { ...profile, withMeddpicc: { ...profile.withMeddpicc, [element]: value } };
    }
    const key = `with${fact.charAt(0).toUpperCase()}${fact.slice(1)}` as
        | 'withBuyerActivity'
        | 'withContactRoles'
        | 'withNextStep'
        | 'withNextStepDate'
        | 'withCloseDateChange'
        | 'withAmount';
    return { ...profile, [key]: value };
}

/** The deal without the fact: what it looks like on a deal that lacks it. Close-date changes are bad news, not a fact a deal can lack, so they are not removed. */
function without(deal: Deal, fact: Exclude<CapturableFact, 'closeDateChange'>): Deal {
    switch (fact) {
        case 'buyerActivity':
            return {
                ...deal,
                activity: {
                    lastActivityDate: null,
                    lastBuyerActivityDate: null,
                    last14Days: { emails: 0, calls: 0, meetings: 0 },
                    last30Days: { emails: 0, calls: 0, meetings: 0 }
                },
                contactRoles: deal.contactRoles.map((contact) => ({ ...contact, lastEngagedDate: null }))
            };
        case 'contactRoles':
            return { ...deal, contactRoles: [] };
        case 'nextStep':
            return { ...deal, nextStep: null, nextStepDate: null };
        case 'nextStepDate':
            return { ...deal, nextStepDate: null };
        case 'amount':
            return { ...deal, amount: null };
        default: {
            const element = fact.slice('meddpicc.'.length) as keyof Deal['meddpicc'];
            return { ...deal, meddpicc: { ...deal.meddpicc, [element]: { status: 'unknown' } } };
        }
    }
}

const score = (deal: Deal, dataProfile?: OrgDataProfile): DealScore =>
    scoreDeals({
        asOf: FIXTURE_AS_OF,
        orgContext: { typicalDealAmount: FIXTURE_TYPICAL_DEAL_AMOUNT, ...(dataProfile ? { dataProfile } : {}) },
        deals: [deal]
    }).results[0]!;

const BAND_RANK = { at_risk: 0, watch: 1, healthy: 2 } as const;
const codes = (result: DealScore): Set<RiskCode> => new Set(result.risks.map((risk) => risk.code));

describe('the org data profile in the engine', () => {
    it('a signal the org does not capture never lowers a score, lowers a band or raises a risk', () => {
        fc.assert(
            fc.property(dealArbitrary, profileArbitrary, fc.constantFrom(...FACTS), (deal, profile, fact) => {
                const captured = score(deal, withShare(profile, fact, 1));
                const notCaptured = score(deal, withShare(profile, fact, 0));
                expect(notCaptured.score).toBeGreaterThanOrEqual(captured.score);
                expect(BAND_RANK[notCaptured.band]).toBeGreaterThanOrEqual(BAND_RANK[captured.band]);
                const capturedCodes = codes(captured);
                for (const code of codes(notCaptured)) expect(capturedCodes).toContain(code);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('an org that captures nothing never scores a deal lower, or with more risks, than one that captures all', () => {
        fc.assert(
            fc.property(dealArbitrary, (deal) => {
                const full = score(deal);
                const sparse = score(deal, {
                    ...SPARSE_ORG_PROFILE,
                    withAmount: 0
                });
                expect(sparse.score).toBeGreaterThanOrEqual(full.score);
                const fullCodes = codes(full);
                for (const code of codes(sparse)) expect(fullCodes).toContain(code);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('removing a captured fact from one deal never raises its score', () => {
        const removable = FACTS.filter((fact): fact is Exclude<CapturableFact, 'closeDateChange'> => {
            return fact !== 'closeDateChange';
        });
        fc.assert(
            fc.property(dealArbitrary, profileArbitrary, fc.constantFrom(...removable), (deal, profile, fact) => {
                const capturing = withShare(profile, fact, 1);
                expect(score(without(deal, fact), capturing).score).toBeLessThanOrEqual(score(deal, capturing).score);
            }),
            { numRuns: NUM_RUNS }
        );
    });

    it('without a profile, or with too few deals measured, scores as if the org captured everything', () => {
        fc.assert(
            fc.property(dealArbitrary, (deal) => {
                const tooFew = { ...SPARSE_ORG_PROFILE, dealsMeasured: MIN_DEALS_MEASURED - 1 };
                expect(score(deal, tooFew)).toEqual(score(deal));
            }),
            { numRuns: 100 }
        );
    });
});

describe('a deal of a sparse org', () => {
    const sparseDeal = (): Deal => ({
        ...randomDeal(seededRandom(7), 7),
        stage: {
            apiName: 'Solutioning',
            stageOrder: 5,
            openStageCount: 6,
            isClosed: false,
            daysInStage: 10,
            benchmarkDays: 20
        },
        ...nothingRecorded()
    });

    it('raises none of the risks that read what the org does not record, and says why in plain words', () => {
        const inSparseOrg = score(sparseDeal(), SPARSE_ORG_PROFILE);
        const inFullOrg = score(sparseDeal());
        const uncapturedOnly: RiskCode[] = [
            'going_dark',
            'single_threaded',
            'no_contacts',
            'no_economic_buyer',
            'no_champion',
            'next_step_missing'
        ];
        for (const code of uncapturedOnly) expect(codes(inSparseOrg)).not.toContain(code);
        // The same deal in an org that records all of it is a late-stage deal with nothing: a real red flag.
        expect(codes(inFullOrg)).toContain('no_contacts');
        expect(codes(inFullOrg)).toContain('no_economic_buyer');
        expect(inFullOrg.band).toBe('at_risk');

        const engagement = inSparseOrg.dimensions.find((dimension) => dimension.key === 'engagement')!;
        const recency = engagement.signals.find((signal) => signal.key === 'engagement.recency')!;
        expect(recency.label).toBe('Recent buyer engagement: not recorded in this org');
        expect(recency.evidence).toContain(
            'Activities are not logged on opportunities in this org, so engagement is not scored'
        );
        expect(recency.evidence).toContain('An admin can turn it on');
        // Neutral credit: half of what the line can earn (within the one point integer rounding may move).
        expect(Math.abs(recency.impact - recency.pointsAvailable / 2)).toBeLessThanOrEqual(1);
        // No rep nudge asks for what the org does not record.
        expect(inSparseOrg.nudges.map((nudge) => nudge.code)).not.toContain('re_engage_buyer');
        expect(inSparseOrg.score).toBeGreaterThan(inFullOrg.score);
    });

    it('keeps a captured fact a real signal: no contact roles in an org where most deals have them is a risk', () => {
        const mostHaveContacts = { ...SPARSE_ORG_PROFILE, withContactRoles: 0.8 };
        expect(codes(score(sparseDeal(), mostHaveContacts))).toContain('no_contacts');
    });
});
