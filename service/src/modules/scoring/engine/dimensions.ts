import type { ActivityCounts, DimensionKey } from '../../../contract';
import { formatRatio, plural } from './dates';
import { type DealFacts, expectedStageOrder, QUALIFICATION_RULES, qualificationCredit } from './facts';

/** A signal before rounding: `points` is real-valued; the engine turns all points into integers summing to the score. */
export interface RawSignal {
    readonly key: string;
    readonly label: string;
    readonly points: number;
    readonly evidence: string;
}

/** Shares of each dimension's weight. Each set adds up to 1, so a dimension can never leave 0..weight. */
export const ENGAGEMENT_SHARES = { recency: 0.4, volume: 0.25, threading: 0.35 } as const;
export const MOMENTUM_SHARES = { stageAge: 0.6, closeDateStability: 0.4 } as const;
export const HYGIENE_SHARES = { nextStep: 0.4, closeDate: 0.3, amount: 0.3 } as const;
export const PLAYBOOK_SHARES = { earlierSteps: 0.6, currentSteps: 0.4, noPlaybook: 0.5 } as const;

/** Weighted activity: a meeting is worth three emails, a call two. 12 weighted touches in 30 days earns full credit. */
const ACTIVITY_WEIGHTS = { meetings: 3, calls: 2, emails: 1 } as const;
const FULL_VOLUME_TOUCHES = 12;
/** Stage age beyond the benchmark costs credit linearly until this multiple of the benchmark, where all is lost. */
const STAGE_AGE_ZERO_CREDIT_RATIO = 3;
/** Total close-date push days that exhaust the slip budget on their own. */
const SLIP_DAYS_FOR_FULL_PENALTY = 180;

export function recencyFraction(facts: DealFacts): number {
    const stale = facts.config.thresholds.staleActivityDays;
    const fullCreditDays = stale / 2;
    const zeroCreditDays = stale * 2;
    if (facts.daysSinceActivity <= fullCreditDays) return 1;
    if (facts.daysSinceActivity >= zeroCreditDays) return 0;
    return (zeroCreditDays - facts.daysSinceActivity) / (zeroCreditDays - fullCreditDays);
}

export function weightedTouches(counts: ActivityCounts): number {
    return (
        counts.meetings * ACTIVITY_WEIGHTS.meetings +
        counts.calls * ACTIVITY_WEIGHTS.calls +
        counts.emails * ACTIVITY_WEIGHTS.emails
    );
}

export function volumeFraction(facts: DealFacts): number {
    return Math.min(1, weightedTouches(facts.deal.activity.last30Days) / FULL_VOLUME_TOUCHES);
}

/** Three quarters for the number of engaged contacts, one quarter for reaching a senior one. */
export function threadingFraction(facts: DealFacts): number {
    const breadth = Math.min(1, facts.engagedContacts / facts.config.thresholds.multiThreadedContacts);
    return breadth * 0.75 + (facts.seniorContactEngaged ? 0.25 : 0);
}

export function stageAgePenalty(facts: DealFacts): number {
    const excess = Math.min(1, Math.max(0, (facts.stageAgeRatio - 1) / (STAGE_AGE_ZERO_CREDIT_RATIO - 1)));
    return facts.config.weights.momentum * MOMENTUM_SHARES.stageAge * excess;
}

export interface CloseDatePenalties {
    /** Deducted from momentum for pushes. */
    readonly slip: number;
    /** Deducted from hygiene for a close date in the past. */
    readonly overdue: number;
    readonly budget: number;
}

/**
 * Slips and an overdue close date share one budget (the momentum close-date share). Each push costs at least as
 * much as an overdue date, so moving an overdue date out (one more push, no longer overdue) can never raise the score.
 */
export function closeDatePenalties(facts: DealFacts): CloseDatePenalties {
    const { weights } = facts.config;
    const budget = weights.momentum * MOMENTUM_SHARES.closeDateStability;
    const overdueCost = weights.hygiene * HYGIENE_SHARES.closeDate;
    const perPush = Math.max(budget / 4, overdueCost);
    const perDay = budget / SLIP_DAYS_FOR_FULL_PENALTY;
    const history = facts.deal.closeDateHistory;
    const slip = Math.min(budget, history.pushCount * perPush + history.totalDaysPushed * perDay);
    const overdue = facts.closeDateOverdueDays > 0 ? Math.min(overdueCost, budget - slip) : 0;
    return { slip, overdue, budget };
}

export function nextStepPenalty(facts: DealFacts): number {
    return facts.nextStepState === 'scheduled' ? 0 : facts.config.weights.hygiene * HYGIENE_SHARES.nextStep;
}

export function amountPenalty(facts: DealFacts): number {
    const amount = facts.deal.amount;
    return amount === null || amount === 0 ? facts.config.weights.hygiene * HYGIENE_SHARES.amount : 0;
}

export function playbookStepCredits(facts: DealFacts): { earlier: number; current: number } {
    const weight = facts.config.weights.playbookAdherence;
    return {
        earlier:
            weight *
            PLAYBOOK_SHARES.earlierSteps *
            completedShare(facts.earlierRequiredStepCount, facts.incompleteEarlierRequiredSteps.length),
        current:
            weight *
            PLAYBOOK_SHARES.currentSteps *
            completedShare(facts.currentRequiredStepCount, facts.incompleteCurrentRequiredSteps.length)
    };
}

/** Share of required steps complete; full credit when nothing is required. */
function completedShare(requiredCount: number, incompleteCount: number): number {
    return requiredCount === 0 ? 1 : (requiredCount - incompleteCount) / requiredCount;
}

/** Evidence prefix per known status (`Identified: "…"`), fixed wording built once. */
const STATUS_EVIDENCE = {
    identified: { quoted: 'Identified: "', withoutNote: 'Identified (no evidence note)' },
    validated: { quoted: 'Validated: "', withoutNote: 'Validated (no evidence note)' }
} as const;

function qualificationSignals(facts: DealFacts): RawSignal[] {
    const signals: RawSignal[] = [];
    const weight = facts.config.weights.qualification;
    const { stage } = facts.deal;
    for (const rule of QUALIFICATION_RULES) {
        const credit = qualificationCredit(facts, rule);
        // Unknown-and-expected elements earn nothing: they surface as risks and nudges instead.
        if (credit <= 0) continue;
        const element = facts.deal.meddpicc[rule.element];
        let evidence: string;
        if (element.status === 'unknown') {
            evidence = `Unknown; expected from stage ${expectedStageOrder(rule, stage.openStageCount)} of ${stage.openStageCount}, deal is in stage ${stage.stageOrder}`;
        } else {
            const wording = STATUS_EVIDENCE[element.status];
            evidence = element.evidence ? `${wording.quoted}${element.evidence}"` : wording.withoutNote;
        }
        signals.push({
            key: rule.signalKey,
            label: rule.signalLabels[element.status],
            points: weight * rule.share * credit,
            evidence
        });
    }
    return signals;
}

function describeCounts(counts: ActivityCounts): string {
    return `${plural(counts.meetings, 'meeting')}, ${plural(counts.calls, 'call')}, ${plural(counts.emails, 'email')}`;
}

function engagementSignals(facts: DealFacts): RawSignal[] {
    const weight = facts.config.weights.engagement;
    const { deal } = facts;
    return [
        {
            key: 'engagement.recency',
            label: 'Recent buyer activity',
            points: weight * ENGAGEMENT_SHARES.recency * recencyFraction(facts),
            evidence:
                facts.recencyBasis === 'activity'
                    ? `Last buyer activity ${plural(facts.daysSinceActivity, 'day')} ago (${deal.activity.lastActivityDate})`
                    : `No activity logged yet; deal created ${plural(facts.daysSinceActivity, 'day')} ago`
        },
        {
            key: 'engagement.activity_volume',
            label: 'Buyer-facing activity volume',
            points: weight * ENGAGEMENT_SHARES.volume * volumeFraction(facts),
            evidence: `Last 30 days: ${describeCounts(deal.activity.last30Days)}; last 14 days: ${describeCounts(deal.activity.last14Days)}`
        },
        {
            key: 'engagement.multi_threading',
            label: 'Multi-threading',
            points: weight * ENGAGEMENT_SHARES.threading * threadingFraction(facts),
            evidence: `${plural(facts.engagedContacts, 'contact')} engaged in the last ${facts.config.thresholds.engagedContactDays} days of ${deal.contactRoles.length} on the deal${facts.seniorContactEngaged ? ', including a senior buyer' : ', none senior'}`
        }
    ];
}

function momentumSignals(facts: DealFacts, penalties: CloseDatePenalties): RawSignal[] {
    const weight = facts.config.weights.momentum;
    const { stage, closeDateHistory } = facts.deal;
    const signals: RawSignal[] = [
        {
            key: 'momentum.baseline',
            label: 'Momentum credit before deductions',
            points: weight,
            evidence: 'Full credit, less the deductions for stage age and close-date slips'
        }
    ];
    const agePenalty = stageAgePenalty(facts);
    if (agePenalty > 0) {
        signals.push({
            key: 'momentum.stage_age',
            label: 'Stage age beyond benchmark',
            points: -agePenalty,
            evidence: `${plural(stage.daysInStage, 'day')} in ${stage.apiName} vs ${facts.isBenchmarkDefault ? 'default ' : ''}${facts.benchmarkDays}-day benchmark (${formatRatio(facts.stageAgeRatio)}×)`
        });
    }
    if (penalties.slip > 0) {
        signals.push({
            key: 'momentum.close_date_slips',
            label: 'Close date pushed',
            points: -penalties.slip,
            evidence: `Close date pushed ${plural(closeDateHistory.pushCount, 'time')}, +${plural(closeDateHistory.totalDaysPushed, 'day')}`
        });
    }
    return signals;
}

function describeUnscheduledNextStep(facts: DealFacts): string {
    switch (facts.nextStepState) {
        case 'missing':
            return 'No next step recorded';
        case 'undated':
            return 'Next step has no date';
        case 'overdue':
            return `Next step date ${facts.deal.nextStepDate} is in the past`;
        case 'scheduled':
            return '';
    }
}

function hygieneSignals(facts: DealFacts, penalties: CloseDatePenalties): RawSignal[] {
    const { deal } = facts;
    const signals: RawSignal[] = [
        {
            key: 'hygiene.baseline',
            label: 'Hygiene credit before deductions',
            points: facts.config.weights.hygiene,
            evidence: 'Full credit, less the deductions for next step, close date and amount'
        }
    ];
    const nextStep = nextStepPenalty(facts);
    if (nextStep > 0) {
        signals.push({
            key: 'hygiene.next_step',
            label: 'Next step not scheduled',
            points: -nextStep,
            evidence: describeUnscheduledNextStep(facts)
        });
    }
    if (penalties.overdue > 0) {
        signals.push({
            key: 'hygiene.close_date_overdue',
            label: 'Close date in the past',
            points: -penalties.overdue,
            evidence: `Close date ${deal.closeDate} is ${plural(facts.closeDateOverdueDays, 'day')} in the past`
        });
    }
    const amount = amountPenalty(facts);
    if (amount > 0) {
        signals.push({
            key: 'hygiene.amount',
            label: 'Amount not set',
            points: -amount,
            evidence: deal.amount === null ? 'Amount is empty' : 'Amount is 0'
        });
    }
    return signals;
}

function playbookSignals(facts: DealFacts): RawSignal[] {
    const weight = facts.config.weights.playbookAdherence;
    if (facts.deal.playbook === null) {
        return [
            {
                key: 'playbookAdherence.no_playbook',
                label: 'No playbook matched',
                points: weight * PLAYBOOK_SHARES.noPlaybook,
                evidence: 'No playbook matched this deal; adherence gets neutral credit'
            }
        ];
    }
    const credits = playbookStepCredits(facts);
    const stageName = facts.deal.stage.apiName;
    const earlierCount = facts.earlierRequiredStepCount;
    const earlierDone = earlierCount - facts.incompleteEarlierRequiredSteps.length;
    const currentCount = facts.currentRequiredStepCount;
    const currentDone = currentCount - facts.incompleteCurrentRequiredSteps.length;
    return [
        {
            key: 'playbookAdherence.earlier_steps',
            label: 'Required steps of earlier stages',
            points: credits.earlier,
            evidence:
                earlierCount === 0
                    ? 'No required steps in earlier stages'
                    : `${earlierDone} of ${earlierCount} required earlier-stage steps complete`
        },
        {
            key: 'playbookAdherence.current_steps',
            label: 'Required steps of the current stage',
            points: credits.current,
            evidence:
                currentCount === 0
                    ? `No required steps in ${stageName}`
                    : `${currentDone} of ${currentCount} required ${stageName} steps complete`
        }
    ];
}

/** Each dimension's signals, in rule order; all their points add up to the real-valued score. */
export type SignalsByDimension = Readonly<Record<DimensionKey, readonly RawSignal[]>>;

export function collectSignals(facts: DealFacts): SignalsByDimension {
    const penalties = closeDatePenalties(facts);
    return {
        qualification: qualificationSignals(facts),
        engagement: engagementSignals(facts),
        momentum: momentumSignals(facts, penalties),
        hygiene: hygieneSignals(facts, penalties),
        playbookAdherence: playbookSignals(facts)
    };
}
