import type { Risk, Severity } from '../../../contract';
import { formatRatio, plural } from './dates';
import type { DealFacts } from './facts';
import { sortSmallInPlace } from './small-sort';

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Risks are independent of the score: they name what could lose the deal, most severe first. */
export function assessRisks(facts: DealFacts): Risk[] {
    const { deal, config } = facts;
    const { thresholds } = config;
    if (deal.stage.isClosed) {
        return [];
    }
    const risks: Risk[] = [];

    if (facts.closeDateOverdueDays > 0) {
        risks.push({
            code: 'close_date_overdue',
            severity: 'high',
            message: 'The close date has passed but the deal is still open',
            evidence: `Close date ${deal.closeDate} is ${plural(facts.closeDateOverdueDays, 'day')} in the past`
        });
    }

    const { pushCount, totalDaysPushed } = deal.closeDateHistory;
    if (pushCount > 0) {
        const severity: Severity =
            pushCount >= 3 || totalDaysPushed >= 60
                ? 'high'
                : pushCount >= 2 || totalDaysPushed >= 30
                  ? 'medium'
                  : 'low';
        risks.push({
            code: 'close_date_slipped',
            severity,
            message: 'The close date keeps moving out',
            evidence: `Close date pushed ${plural(pushCount, 'time')}, +${plural(totalDaysPushed, 'day')}`
        });
    }

    if (facts.stageAgeRatio > thresholds.stalledStageRatio) {
        risks.push({
            code: 'stalled_in_stage',
            severity: facts.stageAgeRatio > thresholds.stalledStageRatio * 2 ? 'high' : 'medium',
            message: `The deal has stalled in ${deal.stage.apiName}`,
            evidence: `${plural(deal.stage.daysInStage, 'day')} in ${deal.stage.apiName} vs ${facts.benchmarkDays}-day benchmark (${formatRatio(facts.stageAgeRatio)}×)`
        });
    }

    if (facts.daysSinceActivity > thresholds.staleActivityDays) {
        risks.push({
            code: 'going_dark',
            severity: facts.daysSinceActivity > thresholds.staleActivityDays * 2 ? 'high' : 'medium',
            message: 'No recent buyer-facing activity',
            evidence:
                facts.recencyBasis === 'activity'
                    ? `Last buyer activity ${plural(facts.daysSinceActivity, 'day')} ago (${deal.activity.lastActivityDate})`
                    : `No activity logged in the ${plural(facts.daysSinceActivity, 'day')} since the deal was created`
        });
    }

    if (facts.engagedContacts < thresholds.multiThreadedContacts && facts.engagedContacts <= 1) {
        risks.push({
            code: 'single_threaded',
            severity: facts.isLateStage ? 'high' : deal.stage.stageOrder === 1 ? 'low' : 'medium',
            message:
                facts.engagedContacts === 0 ? 'No buyer contact engaged recently' : 'Only one buyer contact is engaged',
            evidence: `${plural(facts.engagedContacts, 'contact')} engaged in the last ${thresholds.engagedContactDays} days of ${deal.contactRoles.length} on the deal`
        });
    }

    const economicBuyer = deal.meddpicc.economicBuyer;
    if (facts.stageProgress >= 0.5 && economicBuyer.status === 'unknown') {
        risks.push({
            code: 'no_economic_buyer',
            severity: facts.isLateStage ? 'high' : 'medium',
            message: 'No economic buyer identified',
            evidence: `Economic buyer unknown in ${deal.stage.apiName} (stage ${deal.stage.stageOrder} of ${deal.stage.openStageCount})`
        });
    } else if (facts.isLateStage && economicBuyer.status === 'identified') {
        risks.push({
            code: 'economic_buyer_not_validated',
            severity: 'medium',
            message: 'The economic buyer is identified but not validated',
            evidence: `Economic buyer identified, not validated, in ${deal.stage.apiName}`
        });
    }

    if (facts.stageProgress >= 0.5 && deal.meddpicc.champion.status === 'unknown') {
        risks.push({
            code: 'no_champion',
            severity: facts.isLateStage ? 'high' : 'medium',
            message: 'No champion identified',
            evidence: `Champion unknown in ${deal.stage.apiName} (stage ${deal.stage.stageOrder} of ${deal.stage.openStageCount})`
        });
    }

    if (facts.nextStepState === 'missing' || facts.nextStepState === 'undated') {
        risks.push({
            code: 'next_step_missing',
            severity: facts.isLateStage ? 'high' : 'medium',
            message: 'No dated next step',
            evidence: facts.nextStepState === 'missing' ? 'Next step is empty' : 'Next step has no date'
        });
    } else if (facts.nextStepState === 'overdue') {
        risks.push({
            code: 'next_step_overdue',
            severity: 'medium',
            message: 'The next step date has passed',
            evidence: `Next step date ${deal.nextStepDate} is in the past`
        });
    }

    if (deal.amount === null || deal.amount === 0) {
        risks.push({
            code: 'amount_missing',
            severity: facts.isLateStage ? 'medium' : 'low',
            message: 'The deal has no amount',
            evidence: deal.amount === null ? 'Amount is empty' : 'Amount is 0'
        });
    }

    const incomplete = facts.incompleteEarlierRequiredSteps;
    if (incomplete.length > 0) {
        risks.push({
            code: 'playbook_steps_incomplete',
            severity: incomplete.length >= 2 ? 'high' : 'medium',
            message: 'Required steps of earlier stages are not complete',
            evidence: `Incomplete: ${incomplete.map((step) => step.stepKey).join(', ')}`
        });
    }

    // The sort is stable: within a severity, risks keep the order above.
    return sortSmallInPlace(risks, bySeverity);
}

function bySeverity(a: Risk, b: Risk): number {
    return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}
