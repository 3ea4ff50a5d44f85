import type { Deal, DealScore, ScoreRequest } from '../src/contract';
import { apportion, bandFor, DEFAULT_BANDS, scoreDeals } from '../src/modules/scoring/engine';
import {
    brandNewDeal,
    closeDateSlippedDeal,
    FIXTURE_AS_OF,
    healthyDeal,
    lateStageNoEconomicBuyerDeal,
    stalledSingleThreadedDeal
} from './support/deal-factory';

const scoreOne = (deal: Deal, config?: ScoreRequest['config']): DealScore => {
    const result = scoreDeals({ asOf: FIXTURE_AS_OF, deals: [deal], ...(config ? { config } : {}) }).results[0];
    if (!result) throw new Error('no result');
    return result;
};
const riskCodes = (result: DealScore) => result.risks.map((risk) => risk.code);
const signal = (result: DealScore, key: string) =>
    result.dimensions.flatMap((dimension) => dimension.signals).find((candidate) => candidate.key === key);

describe('apportion', () => {
    it('rounds shares to integers that add up to the total, largest remainders first', () => {
        expect(apportion([3.4, 3.3, 3.3], 10)).toEqual([4, 3, 3]);
        expect(apportion([20, -6.6, -0.7], 13)).toEqual([20, -6, -1]);
        expect(apportion([0.5, 0.5], 1)).toEqual([1, 0]);
    });

    it('refuses a total the shares cannot reach', () => {
        expect(() => apportion([1.2, 1.2], 5)).toThrow(/out of reach/);
    });
});

describe('bands', () => {
    it('follows the thresholds, and a high-severity risk caps a healthy score at watch', () => {
        expect(bandFor(70, DEFAULT_BANDS)).toBe('healthy');
        expect(bandFor(69, DEFAULT_BANDS)).toBe('watch');
        expect(bandFor(44, DEFAULT_BANDS)).toBe('at_risk');
        expect(bandFor(95, DEFAULT_BANDS, true)).toBe('watch');
    });

    it('uses configured thresholds', () => {
        const result = scoreOne(healthyDeal(), { bands: { healthyMin: 99, watchMin: 98 } });
        expect(result.band).toBe('at_risk');
    });
});

describe('scenarios', () => {
    it('scores a well-run deal healthy with no risks', () => {
        const result = scoreOne(healthyDeal());
        expect(result.band).toBe('healthy');
        expect(result.score).toBeGreaterThanOrEqual(85);
        expect(result.risks).toEqual([]);
        expect(result.exitCriteria?.readyToAdvance).toBe(true);
    });

    it('flags a stalled, single-threaded deal with evidence', () => {
        const result = scoreOne(stalledSingleThreadedDeal());
        expect(result.band).toBe('at_risk');
        expect(riskCodes(result)).toEqual(
            expect.arrayContaining(['stalled_in_stage', 'single_threaded', 'going_dark'])
        );
        expect(signal(result, 'momentum.stage_age')?.evidence).toBe(
            '64 days in Solutioning vs 20-day benchmark (3.2×)'
        );
        expect(result.nudges.map((nudge) => nudge.code)).toContain('multi_thread');
    });

    it('does not call a late-stage deal without an economic buyer healthy', () => {
        const result = scoreOne(lateStageNoEconomicBuyerDeal());
        expect(riskCodes(result)[0]).toBe('no_economic_buyer');
        expect(result.band).not.toBe('healthy');
        expect(result.exitCriteria?.readyToAdvance).toBe(false);
        // The open security-review gate of the stage comes first; the economic buyer is the first ranked by points.
        expect(result.nudges[0]).toMatchObject({ code: 'complete_playbook_step', stepKey: 'security_review' });
        expect(result.nudges[1]).toMatchObject({
            code: 'qualify_economic_buyer',
            actionType: 'update_field',
            fieldName: 'economicBuyer'
        });
    });

    it('explains close-date slips with the push count and days', () => {
        const result = scoreOne(closeDateSlippedDeal());
        expect(signal(result, 'momentum.close_date_slips')).toMatchObject({
            // 3 pushes × 3 points + 47 days × 8/180: beyond the 8-point budget, so the excess costs momentum too.
            impact: -11,
            evidence: 'Close date pushed 3 times, +47 days (beyond the slip budget: further pushes cost momentum)'
        });
        // One close-date risk: the overdue date counts as a fourth push, so it is high and names the earlier pushes.
        expect(result.risks.find((risk) => risk.code === 'close_date_overdue')).toMatchObject({
            severity: 'high',
            evidence: 'Close date 2026-11-09 is 7 days in the past; pushed 3 times before, +47 days'
        });
        expect(riskCodes(result)).not.toContain('close_date_slipped');
        expect(result.nudges.map((nudge) => nudge.code)).toContain('update_close_date');
    });

    it('gives a brand-new deal a fair start: unknown qualification is not expected yet', () => {
        const result = scoreOne(brandNewDeal());
        expect(result.band).toBe('watch');
        expect(signal(result, 'qualification.economic_buyer')?.label).toBe('Economic buyer not yet expected');
        expect(signal(result, 'engagement.recency')?.evidence).toBe(
            'No call or meeting with a buyer contact yet; the deal was created 2 days ago'
        );
        expect(result.exitCriteria).toBeNull();
        expect(riskCodes(result)).not.toContain('no_economic_buyer');
    });

    it('waives an exit criterion marked not applicable, but not one marked skipped', () => {
        const deal = lateStageNoEconomicBuyerDeal();
        deal.playbook!.stepProgress.security_review = 'not_applicable';
        deal.playbook!.stepProgress.map_paper_process = 'skipped';
        const criteria = scoreOne(deal).exitCriteria!.criteria;
        expect(criteria.find((criterion) => criterion.stepKey === 'security_review')).toMatchObject({
            isMet: true,
            evidence: 'Marked not applicable'
        });
        // The paper process criterion reads the MEDDPICC data, which says it is identified.
        expect(criteria.find((criterion) => criterion.stepKey === 'map_paper_process')?.isMet).toBe(true);
        deal.meddpicc.paperProcess.status = 'unknown';
        expect(scoreOne(deal).exitCriteria!.stillNeeded.map((needed) => needed.stepKey)).toContain('map_paper_process');
    });

    it('ranks nudges by expected effect and respects maxNudges', () => {
        const result = scoreOne(stalledSingleThreadedDeal(), { thresholds: { maxNudges: 3 } });
        expect(result.nudges).toHaveLength(3);
        const impacts = result.nudges.map((nudge) => nudge.expectedImpact);
        expect([...impacts].sort((a, b) => b - a)).toEqual(impacts);
    });

    it('applies configured weights', () => {
        const weights = { qualification: 100, engagement: 0, momentum: 0, hygiene: 0, playbookAdherence: 0 };
        const result = scoreOne(healthyDeal(), { weights });
        expect(result.dimensions.map((dimension) => dimension.weight)).toEqual([100, 0, 0, 0, 0]);
        expect(result.score).toBe(result.dimensions[0]?.score);
    });

    it('infers seniority from the title when it is unknown', () => {
        const deal = stalledSingleThreadedDeal();
        deal.contactRoles[0] = { ...deal.contactRoles[0]!, seniority: 'unknown', title: 'SVP Operations' };
        expect(signal(scoreOne(deal), 'engagement.multi_threading')?.evidence).toContain('including a senior buyer');
    });

    it('does not read the clock', () => {
        const realNow = Date.now;
        const first = scoreOne(stalledSingleThreadedDeal());
        Date.now = () => realNow() + 400 * 86_400_000;
        try {
            expect(scoreOne(stalledSingleThreadedDeal())).toEqual(first);
        } finally {
            Date.now = realNow;
        }
    });

    it('returns no nudges, risks or exit criteria for a closed deal', () => {
        const deal = healthyDeal();
        deal.stage = { ...deal.stage, apiName: 'Closed Won', stageOrder: 7, isClosed: true };
        const result = scoreOne(deal);
        expect(result).toMatchObject({ nudges: [], risks: [], exitCriteria: null });
    });
});
