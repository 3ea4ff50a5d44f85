import type { ExitCriterionSignal, MeddpiccElement, Risk, RiskCode, Severity } from '../../../contract';
import { formatRatio, plural } from './dates';
import {
    describeAmountProblem,
    describeBuyerRecency,
    describeContactEngagement,
    describeOverdueCloseDate,
    describeUnrealisticCloseDate
} from './dimensions';
import { qualificationElementOf } from './exit-criteria';
import type { DealFacts } from './facts';
import type { OpenGate } from './gates';
import { sortSmallInPlace } from './small-sort';

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Close-date slippage from which the close-date risk is medium / high (and caps the band). */
const SLIP_MEDIUM = { pushes: 2, days: 30 } as const;
const SLIP_HIGH = { pushes: 3, days: 60 } as const;

const risk = (code: RiskCode, severity: Severity, message: string, evidence: string): Risk => ({
    code,
    severity,
    message,
    evidence,
    capsBand: false
});

/**
 * Severity of the close-date risk from the slippage so far, counting an overdue date as one push that is still
 * pending (its days past due as days pushed). Pushing an overdue date out keeps the count and adds days, so the
 * severity, and with it the band cap, can never fall by pushing: score and band tell the same story.
 */
export function closeDateSeverity(facts: DealFacts): Severity | null {
    const { pushCount, totalDaysPushed } = facts.deal.closeDateHistory;
    const isOverdue = facts.closeDateOverdueDays > 0;
    const pushes = pushCount + (isOverdue ? 1 : 0);
    const days = totalDaysPushed + facts.closeDateOverdueDays;
    if (pushes === 0) return null;
    if (pushes >= SLIP_HIGH.pushes || days >= SLIP_HIGH.days) return 'high';
    if (pushes >= SLIP_MEDIUM.pushes || days >= SLIP_MEDIUM.days || isOverdue) return 'medium';
    return 'low';
}

/** Which risk already speaks for a step's criterion, so `playbook_steps_incomplete` does not repeat it. */
const RISKS_COVERING_ELEMENT: Partial<Record<MeddpiccElement, readonly RiskCode[]>> = {
    economicBuyer: ['no_economic_buyer', 'economic_buyer_not_validated'],
    champion: ['no_champion']
};
const RISKS_COVERING_SIGNAL: Partial<Record<ExitCriterionSignal, readonly RiskCode[]>> = {
    multi_threaded: ['single_threaded', 'no_contacts', 'going_dark'],
    executive_engaged: ['no_contacts', 'going_dark'],
    next_step_scheduled: ['next_step_missing', 'next_step_overdue']
};

function isCoveredByRisk(risks: readonly Risk[], signal: ExitCriterionSignal): boolean {
    const element = qualificationElementOf(signal);
    const codes = (element === null ? undefined : RISKS_COVERING_ELEMENT[element]) ?? RISKS_COVERING_SIGNAL[signal];
    if (codes === undefined) return false;
    for (const existing of risks) {
        if (codes.includes(existing.code)) return true;
    }
    return false;
}

/** Risks are independent of the score: they name what could lose the deal, most severe first, each fact once. */
export function assessRisks(facts: DealFacts, openGates: readonly OpenGate[]): Risk[] {
    const { deal, config } = facts;
    const { thresholds } = config;
    if (deal.stage.isClosed) {
        return [];
    }
    const risks: Risk[] = [];

    for (const gate of openGates) {
        // Within its own stage a gate is pending (it blocks readiness); once the deal has left the stage it is a red flag.
        risks.push(risk('gate_not_passed', gate.isPastStage ? 'high' : 'low', gate.message, gate.evidence));
    }

    const closeDateRisk = closeDateSeverity(facts);
    const { pushCount, totalDaysPushed } = deal.closeDateHistory;
    const pushes =
        pushCount > 0 ? `; pushed ${plural(pushCount, 'time')} before, +${plural(totalDaysPushed, 'day')}` : '';
    if (closeDateRisk !== null && facts.closeDateOverdueDays > 0) {
        risks.push(
            risk(
                'close_date_overdue',
                closeDateRisk,
                'The close date has passed but the deal is still open',
                `${describeOverdueCloseDate(facts)}${pushes}`
            )
        );
    } else if (closeDateRisk !== null) {
        risks.push(
            risk(
                'close_date_slipped',
                closeDateRisk,
                'The close date keeps moving out',
                `Close date pushed ${plural(pushCount, 'time')}, +${plural(totalDaysPushed, 'day')}`
            )
        );
    }
    if (facts.isCloseDateUnrealistic) {
        risks.push(
            risk(
                'unrealistic_close_date',
                'medium',
                'The close date is unrealistic for an early-stage deal',
                describeUnrealisticCloseDate(facts)
            )
        );
    }

    if (facts.stageAgeRatio > thresholds.stalledStageRatio) {
        risks.push(
            risk(
                'stalled_in_stage',
                facts.stageAgeRatio > thresholds.stalledStageRatio * 2 ? 'high' : 'medium',
                `The deal has stalled in ${deal.stage.apiName}`,
                `${plural(deal.stage.daysInStage, 'day')} in ${deal.stage.apiName} vs ${facts.benchmarkDays}-day benchmark (${formatRatio(facts.stageAgeRatio)}×)`
            )
        );
    }

    if (facts.isBuyerSilent) {
        risks.push(
            risk(
                'going_dark',
                facts.daysSinceActivity > thresholds.staleActivityDays * 2 ? 'high' : 'medium',
                'The buyer has gone quiet',
                describeBuyerRecency(facts)
            )
        );
    }

    if (facts.contactCount === 0) {
        if (deal.stage.stageOrder > 1) {
            risks.push(
                risk(
                    'no_contacts',
                    facts.isLateStage ? 'high' : 'medium',
                    'No buyer contacts on the deal',
                    `No contact roles in ${deal.stage.apiName} (stage ${deal.stage.stageOrder} of ${deal.stage.openStageCount})`
                )
            );
        }
    } else if (
        facts.engagedContacts < thresholds.multiThreadedContacts &&
        facts.engagedContacts <= 1 &&
        // Several contacts but none engaged is silence (going dark), not single-threading.
        !(facts.engagedContacts === 0 && facts.contactCount > 1 && facts.isBuyerSilent)
    ) {
        risks.push(
            risk(
                'single_threaded',
                facts.isLateStage ? 'high' : deal.stage.stageOrder === 1 ? 'low' : 'medium',
                facts.engagedContacts === 0 ? 'No buyer contact engaged recently' : 'Only one buyer contact is engaged',
                describeContactEngagement(facts)
            )
        );
    }

    const economicBuyer = deal.meddpicc.economicBuyer;
    if (facts.stageProgress >= 0.5 && economicBuyer.status === 'unknown') {
        risks.push(
            risk(
                'no_economic_buyer',
                facts.isLateStage ? 'high' : 'medium',
                'No economic buyer identified',
                `Economic buyer unknown in ${deal.stage.apiName} (stage ${deal.stage.stageOrder} of ${deal.stage.openStageCount})`
            )
        );
    } else if (facts.isLateStage && economicBuyer.status === 'identified') {
        risks.push(
            risk(
                'economic_buyer_not_validated',
                'medium',
                'The economic buyer is identified but not validated',
                `Economic buyer identified, not validated, in ${deal.stage.apiName}`
            )
        );
    }

    if (facts.stageProgress >= 0.5 && deal.meddpicc.champion.status === 'unknown') {
        risks.push(
            risk(
                'no_champion',
                facts.isLateStage ? 'high' : 'medium',
                'No champion identified',
                `Champion unknown in ${deal.stage.apiName} (stage ${deal.stage.stageOrder} of ${deal.stage.openStageCount})`
            )
        );
    }

    if (facts.nextStepState === 'missing' || facts.nextStepState === 'undated') {
        risks.push(
            risk(
                'next_step_missing',
                facts.isLateStage ? 'high' : 'medium',
                'No dated next step',
                facts.nextStepState === 'missing' ? 'No next step recorded' : 'The next step has no date'
            )
        );
    } else if (facts.nextStepState === 'overdue') {
        risks.push(
            risk(
                'next_step_overdue',
                'medium',
                'The next step date has passed',
                `Next step date ${deal.nextStepDate} is in the past`
            )
        );
    }

    if (deal.amount === null || deal.amount === 0) {
        risks.push(
            risk(
                'amount_missing',
                facts.isLateStage ? 'medium' : 'low',
                'The deal has no amount',
                describeAmountProblem(facts)
            )
        );
    } else if (facts.isAmountOutlier) {
        risks.push(
            risk(
                'amount_outlier',
                'medium',
                "The amount is far above the org's usual deal for this stage",
                describeAmountProblem(facts)
            )
        );
    }

    // Earlier steps no other risk speaks for: gates have their own risk, and e.g. an economic-buyer step is covered by
    // the economic-buyer risk.
    const uncovered = facts.incompleteEarlierRequiredSteps.filter(
        (step) => !step.isGate && !isCoveredByRisk(risks, step.exitCriterion)
    );
    if (uncovered.length > 0) {
        risks.push(
            risk(
                'playbook_steps_incomplete',
                uncovered.length >= 2 ? 'high' : 'medium',
                'Required steps of earlier stages are not done',
                `Not done: ${uncovered.map((step) => `${step.title} (${step.stage})`).join(', ')}`
            )
        );
    }

    // The sort is stable: within a severity, risks keep the order above.
    return sortSmallInPlace(risks, bySeverity);
}

function bySeverity(a: Risk, b: Risk): number {
    return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}
