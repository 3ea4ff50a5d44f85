/**
 * The classes of judgment a sales expert checks (issue 11): buyer silence, gates, readiness, explanations that add
 * up, plain language, score and band agreeing, and sanity checks. Each rule is tested on a named deal here and, where
 * it is general, as a property in engine.property.test.ts.
 */
import { type Deal, type DealScore, ScoreRequest } from '../src/contract';
import { bandFor, DEFAULT_BANDS, scoreDeals } from '../src/modules/scoring/engine';
import {
    closeDateSlippedDeal,
    FIXTURE_AS_OF,
    FIXTURE_TYPICAL_DEAL_AMOUNT,
    gateNotPassedDeal,
    healthyDeal,
    lateStageNoEconomicBuyerDeal,
    silentBuyerDeal,
    stalledSingleThreadedDeal
} from './support/deal-factory';

const scoreOne = (deal: Deal, typicalDealAmount: number | null = FIXTURE_TYPICAL_DEAL_AMOUNT): DealScore =>
    scoreDeals({ asOf: FIXTURE_AS_OF, orgContext: { typicalDealAmount }, deals: [deal] }).results[0]!;
const riskCodes = (result: DealScore) => result.risks.map((risk) => risk.code);
const risk = (result: DealScore, code: string) => result.risks.find((candidate) => candidate.code === code);
const signal = (result: DealScore, key: string) =>
    result.dimensions.flatMap((dimension) => dimension.signals).find((candidate) => candidate.key === key);
const nudgeCodes = (result: DealScore) => result.nudges.map((nudge) => nudge.code);
/** Every nudge candidate, not only the first five. */
const allNudgeCodes = (deal: Deal) =>
    nudgeCodes(
        scoreDeals({
            asOf: FIXTURE_AS_OF,
            orgContext: { typicalDealAmount: FIXTURE_TYPICAL_DEAL_AMOUNT },
            config: { thresholds: { maxNudges: 20 } },
            deals: [deal]
        }).results[0]!
    );
const addDays = (isoDate: string, days: number) =>
    new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('1. buyer silence is judged on buyer-facing activity, not seller activity', () => {
    it('does not credit a seller e-mail yesterday when the buyer has been silent for 40 days', () => {
        const result = scoreOne(silentBuyerDeal());
        expect(signal(result, 'engagement.recency')).toMatchObject({
            impact: 0,
            evidence:
                'Last call or meeting with a buyer contact 40 days ago (2026-10-07); seller activity 1 day ago does not count'
        });
        expect(risk(result, 'going_dark')).toMatchObject({ severity: 'high', message: 'The buyer has gone quiet' });
    });

    it('calls four silent contacts silence, not single-threading, and nudges to re-engage the buyer', () => {
        const result = scoreOne(silentBuyerDeal());
        expect(riskCodes(result)).not.toContain('single_threaded');
        expect(nudgeCodes(result)).toContain('re_engage_buyer');
        expect(nudgeCodes(result)).not.toContain('multi_thread');
        expect(signal(result, 'engagement.multi_threading')?.evidence).toBe(
            '0 of 4 contacts engaged in the last 30 days'
        );
    });

    it("uses a contact's own last engagement when it is more recent, and says so", () => {
        const deal = silentBuyerDeal();
        deal.contactRoles[1] = { ...deal.contactRoles[1]!, lastEngagedDate: '2026-11-14' };
        const result = scoreOne(deal);
        expect(signal(result, 'engagement.recency')?.evidence).toBe(
            "A buyer contact last engaged 2 days ago (2026-11-14, the contact's own last engagement); seller activity 1 day ago does not count"
        );
        expect(riskCodes(result)).not.toContain('going_dark');
    });

    it('measures a deal with seller activity only from its creation', () => {
        const deal = silentBuyerDeal();
        deal.activity.lastBuyerActivityDate = null;
        deal.contactRoles = deal.contactRoles.map((contact) => ({ ...contact, lastEngagedDate: null }));
        expect(signal(scoreOne(deal), 'engagement.recency')?.evidence).toBe(
            'No call or meeting with a buyer contact yet; the deal was created 228 days ago; seller activity 1 day ago does not count'
        );
    });

    it('still calls one engaged contact among several single-threaded', () => {
        const result = scoreOne(stalledSingleThreadedDeal());
        expect(risk(result, 'single_threaded')?.message).toBe('Only one buyer contact is engaged');
    });
});

describe('2. a gate is a property of a playbook step', () => {
    it('rejects a gate that is not a required step', () => {
        const deal = healthyDeal();
        const gate = deal.playbook!.steps.find((step) => step.stepKey === 'security_review')!;
        gate.isRequired = false;
        const parsed = ScoreRequest.safeParse({ asOf: FIXTURE_AS_OF, deals: [deal] });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]).toMatchObject({
            path: ['deals', 0, 'playbook', 'steps', 12, 'isGate'],
            message: 'a gate must be a required step (isRequired true)'
        });
    });

    it('names a gate the deal left behind as a high risk that caps the band and comes first in the nudges', () => {
        const result = scoreOne(gateNotPassedDeal());
        expect(result.risks[0]).toMatchObject({
            code: 'gate_not_passed',
            severity: 'high',
            capsBand: true,
            message: 'Gate not passed: "Pass the security review" was due in Negotiation, which the deal has left'
        });
        expect(result.score).toBeGreaterThanOrEqual(DEFAULT_BANDS.healthyMin);
        expect(result.band).toBe('watch');
        expect(result.nudges[0]).toMatchObject({
            code: 'complete_playbook_step',
            stepKey: 'security_review',
            title: 'Pass the security review',
            actionType: 'complete_step'
        });
    });

    it('treats a gate of the current stage as pending: a low risk that blocks readiness, nudged first', () => {
        const result = scoreOne(lateStageNoEconomicBuyerDeal());
        expect(risk(result, 'gate_not_passed')?.severity).toBe('low');
        expect(result.exitCriteria?.blockers[0]).toMatchObject({ reason: 'gate', stepKey: 'security_review' });
        expect(result.nudges[0]?.stepKey).toBe('security_review');
    });

    it('weighs a gate three times an ordinary step in adherence', () => {
        const withGate = scoreOne(gateNotPassedDeal());
        expect(signal(withGate, 'playbookAdherence.earlier_steps')?.evidence).toBe(
            '11 of 12 complete; open: Pass the security review (gate, counts 3×)'
        );
        const deal = gateNotPassedDeal();
        deal.playbook!.steps.find((step) => step.stepKey === 'security_review')!.isGate = false;
        const withoutGate = scoreOne(deal);
        expect(withGate.score).toBeLessThan(withoutGate.score);
    });

    it('is passed when marked done or not applicable, not when skipped', () => {
        for (const status of ['done', 'not_applicable'] as const) {
            const deal = gateNotPassedDeal();
            deal.playbook!.stepProgress.security_review = status;
            const result = scoreOne(deal);
            expect(riskCodes(result)).not.toContain('gate_not_passed');
            expect(result.band).toBe('healthy');
        }
    });
});

describe('3. readiness respects earlier gates and high risks, and says why not', () => {
    it('is not ready when stalled, silent, without economic buyer or champion, and lists every reason', () => {
        const deal = silentBuyerDeal();
        deal.playbook!.stepProgress = { ...deal.playbook!.stepProgress, security_review: 'done' };
        deal.meddpicc.paperProcess = { status: 'identified' };
        const exitCriteria = scoreOne(deal).exitCriteria!;
        // Every criterion of the stage is met: the stage's steps alone would have called it ready.
        expect(exitCriteria.stillNeeded).toEqual([]);
        expect(exitCriteria.readyToAdvance).toBe(false);
        expect(exitCriteria.blockers.map((blocker) => blocker.riskCode)).toEqual([
            'stalled_in_stage',
            'going_dark',
            'no_economic_buyer',
            'no_champion'
        ]);
        expect(exitCriteria.blockers[1]).toEqual({
            reason: 'high_risk',
            stepKey: null,
            riskCode: 'going_dark',
            message: 'The buyer has gone quiet'
        });
    });

    it('is ready when nothing blocks it', () => {
        expect(scoreOne(healthyDeal()).exitCriteria).toMatchObject({ readyToAdvance: true, blockers: [] });
    });
});

describe('4. explanations add up on screen', () => {
    it('shows every signal of a dimension at 0, with the points it could have earned', () => {
        const engagement = scoreOne(silentBuyerDeal()).dimensions.find((dimension) => dimension.key === 'engagement')!;
        expect(engagement.signals.map((line) => [line.key, line.impact, line.pointsAvailable])).toEqual([
            ['engagement.recency', 0, 10],
            ['engagement.activity_volume', 5, 6],
            ['engagement.multi_threading', 0, 9]
        ]);
    });

    it('shows an unknown MEDDPICC element that is expected by now as a line that earns nothing', () => {
        expect(signal(scoreOne(silentBuyerDeal()), 'qualification.economic_buyer')).toMatchObject({
            label: 'Economic buyer not identified',
            impact: 0,
            pointsAvailable: 7
        });
    });

    it('flags the high risks that cap the band, only when the cap changed the band', () => {
        const capped = scoreOne(lateStageNoEconomicBuyerDeal());
        expect(bandFor(capped.score, DEFAULT_BANDS)).toBe('healthy');
        expect(capped.band).toBe('watch');
        expect(risk(capped, 'no_economic_buyer')?.capsBand).toBe(true);
        const atRisk = scoreOne(silentBuyerDeal());
        expect(atRisk.band).toBe('at_risk');
        expect(atRisk.risks.every((candidate) => !candidate.capsBand)).toBe(true);
    });
});

describe('5. plain language, step labels, no repeated risks', () => {
    it('lists earlier steps by label and stage, leaving out the ones another risk already names', () => {
        const deal = stalledSingleThreadedDeal();
        deal.stage = { ...deal.stage, stageOrder: 4, apiName: 'Proposal' };
        deal.playbook!.stepProgress = { confirm_pain: 'done', book_discovery: 'done' };
        deal.meddpicc.champion = { status: 'unknown' };
        const result = scoreOne(deal);
        expect(risk(result, 'playbook_steps_incomplete')?.evidence).toBe(
            'Not done: Quantify success metrics (Discovery), Capture decision criteria (Solutioning)'
        );
        expect(riskCodes(result)).toEqual(expect.arrayContaining(['no_economic_buyer', 'no_champion']));
    });

    it('quotes no evidence placeholder and no developer key', () => {
        const result = scoreOne(healthyDeal());
        const texts = [
            ...result.dimensions.flatMap((dimension) =>
                dimension.signals.flatMap((line) => [line.label, line.evidence])
            ),
            ...result.nudges.flatMap((nudge) => [nudge.title, nudge.why])
        ];
        expect(texts.filter((text) => /no evidence note|Complete:/.test(text))).toEqual([]);
        expect(signal(result, 'qualification.metrics')).toMatchObject({ label: 'Metrics validated', evidence: '' });
        const criterion = scoreOne(closeDateSlippedDeal()).exitCriteria!.criteria.find(
            (candidate) => candidate.stepKey === 'validate_economic_buyer'
        );
        expect(criterion?.evidence).toBe('Economic buyer identified, not validated yet');
    });
});

describe('6. score and band tell the same story', () => {
    const pushed = (deal: Deal, days: number): Deal => ({
        ...deal,
        closeDate: addDays(deal.closeDate, days),
        closeDateHistory: {
            pushCount: deal.closeDateHistory.pushCount + 1,
            totalDaysPushed: deal.closeDateHistory.totalDaysPushed + days
        }
    });

    it('keeps charging for pushes beyond the slip budget', () => {
        const deal = closeDateSlippedDeal();
        deal.closeDate = '2026-12-20';
        const third = scoreOne(deal);
        const fourth = scoreOne(pushed(deal, 14));
        expect(fourth.score).toBeLessThan(third.score);
        expect(risk(fourth, 'close_date_slipped')?.severity).toBe('high');
    });

    it('does not lift the band when an overdue close date is pushed out', () => {
        const deal = healthyDeal();
        deal.closeDate = '2026-09-01'; // 76 days overdue: as much slippage as a 76-day push
        const overdue = scoreOne(deal);
        const moved = scoreOne(pushed(deal, 110));
        expect(overdue.band).toBe('watch');
        expect(risk(overdue, 'close_date_overdue')?.capsBand).toBe(true);
        expect(moved.score).toBeLessThanOrEqual(overdue.score);
        expect(moved.band).toBe('watch');
    });

    it('treats a close date a few days overdue as a medium risk that costs points but does not cap', () => {
        const deal = healthyDeal();
        deal.closeDate = '2026-11-12';
        const result = scoreOne(deal);
        expect(risk(result, 'close_date_overdue')?.severity).toBe('medium');
        expect(signal(result, 'hygiene.close_date_overdue')?.impact).toBe(-3);
        expect(result.band).toBe('healthy');
    });
});

describe('7. sanity checks', () => {
    it('judges a close date days away while the deal is in an early stage', () => {
        const deal = stalledSingleThreadedDeal();
        deal.closeDate = '2026-11-21';
        const result = scoreOne(deal);
        expect(risk(result, 'unrealistic_close_date')).toMatchObject({
            severity: 'medium',
            evidence:
                'Close date 2026-11-21 is 5 days away, but the deal is in Solutioning with 4 open stages to go (at least a week each)'
        });
        expect(signal(result, 'hygiene.close_date_unrealistic')?.impact).toBe(-3);
        expect(allNudgeCodes(deal)).toContain('update_close_date');
        // Late in the cycle a near close date is the plan, not a problem.
        const late = lateStageNoEconomicBuyerDeal();
        late.closeDate = '2026-11-21';
        expect(riskCodes(scoreOne(late))).not.toContain('unrealistic_close_date');
    });

    it("judges an early-stage amount an order of magnitude above the org's usual deal", () => {
        const deal = stalledSingleThreadedDeal();
        deal.amount = 4_500_000;
        const result = scoreOne(deal);
        expect(risk(result, 'amount_outlier')?.evidence).toBe(
            "Amount 4,500,000 is 75× the org's typical deal of 60,000, in Solutioning"
        );
        expect(signal(result, 'hygiene.amount_outlier')?.impact).toBe(-3);
        expect(allNudgeCodes(deal)).toContain('confirm_amount');
        // Without the org's usual deal size there is nothing to compare with.
        expect(riskCodes(scoreOne(deal, null))).not.toContain('amount_outlier');
    });

    it('does not call a late-stage deal without any contact healthy', () => {
        const deal = healthyDeal();
        deal.contactRoles = [];
        const result = scoreOne(deal);
        expect(risk(result, 'no_contacts')).toMatchObject({
            severity: 'high',
            message: 'No buyer contacts on the deal'
        });
        expect(riskCodes(result)).not.toContain('single_threaded');
        expect(result.band).not.toBe('healthy');
        expect(result.nudges.find((nudge) => nudge.code === 'multi_thread')?.title).toBe(
            "Add the buyer's contacts to the deal"
        );
    });
});
