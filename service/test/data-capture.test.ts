import type { OrgDataProfile } from '../src/contract';
import {
    CLOSE_DATE_CHANGE_MIN_SHARE,
    MEDDPICC_MIN_SHARE,
    MIN_DEALS_MEASURED,
    notCapturedEvidence,
    resolveDataCapture,
    ROUTINE_FACT_MIN_SHARE
} from '../src/modules/scoring/engine/data-capture';
import { everyMeddpiccElement, SPARSE_ORG_PROFILE } from './support/deal-factory';

const everyShare = (share: number): OrgDataProfile => ({
    ...SPARSE_ORG_PROFILE,
    withBuyerActivity: share,
    withContactRoles: share,
    withNextStep: share,
    withNextStepDate: share,
    withCloseDateChange: share,
    withAmount: share,
    withMeddpicc: everyMeddpiccElement(share)
});

describe('resolveDataCapture', () => {
    it('counts every fact as captured without a profile, or with too few deals measured to judge', () => {
        for (const profile of [undefined, null, { ...everyShare(0), dealsMeasured: MIN_DEALS_MEASURED - 1 }]) {
            const capture = resolveDataCapture(profile);
            expect(capture.capturesAll(['buyerActivity', 'contactRoles', 'meddpicc.champion', 'amount'])).toBe(true);
            expect(capture.measuredShare('buyerActivity')).toBeNull();
        }
    });

    it('tells the sparse org apart: amounts captured, activities, contacts, next steps and MEDDPICC not', () => {
        const capture = resolveDataCapture(SPARSE_ORG_PROFILE);
        expect(capture.captures('amount')).toBe(true);
        for (const fact of [
            'buyerActivity',
            'contactRoles',
            'nextStep',
            'closeDateChange',
            'meddpicc.metrics'
        ] as const) {
            expect(capture.captures(fact)).toBe(false);
        }
        expect(capture.capturesAll(['amount', 'buyerActivity'])).toBe(false);
    });

    it.each([
        ['buyerActivity', ROUTINE_FACT_MIN_SHARE],
        ['contactRoles', ROUTINE_FACT_MIN_SHARE],
        ['nextStep', ROUTINE_FACT_MIN_SHARE],
        ['nextStepDate', ROUTINE_FACT_MIN_SHARE],
        ['amount', ROUTINE_FACT_MIN_SHARE],
        ['closeDateChange', CLOSE_DATE_CHANGE_MIN_SHARE],
        ['meddpicc.paperProcess', MEDDPICC_MIN_SHARE]
    ] as const)('captures %s from a share of %s of the recent deals', (fact, threshold) => {
        expect(resolveDataCapture(everyShare(threshold)).captures(fact)).toBe(true);
        expect(resolveDataCapture(everyShare(threshold - 0.0001)).captures(fact)).toBe(false);
    });

    it('explains in plain words what is not scored, on how many deals it was measured, and how to turn it on', () => {
        expect(notCapturedEvidence(resolveDataCapture(SPARSE_ORG_PROFILE), 'buyerActivity')).toBe(
            'Activities are not logged on opportunities in this org, so engagement is not scored (0% of 2,000 recent ' +
                'deals have it). An admin can turn it on by logging calls, emails and meetings on opportunities ' +
                '(Einstein Activity Capture or the Outlook and Gmail integrations).'
        );
    });
});
