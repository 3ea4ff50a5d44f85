import type { ActivityCounts, DimensionKey, PlaybookStep } from '../../../contract';
import { formatRatio, plural } from './dates';
import {
    type DealFacts,
    expectedStageOrder,
    GATE_STEP_WEIGHT,
    QUALIFICATION_RULES,
    qualificationCredit
} from './facts';

/** A signal before rounding: `points` is real-valued; the engine turns all points into integers summing to the score. */
export interface RawSignal {
    readonly key: string;
    readonly label: string;
    readonly points: number;
    /** Real-valued points the rule can earn at most; 0 for a deduction. A dimension's add up to its weight. */
    readonly available: number;
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

/** Credit for an amount: missing, 0 or implausible (an early-stage outlier) amounts lose the amount share. */
export function amountPenalty(facts: DealFacts): number {
    const amount = facts.deal.amount;
    return amount === null || amount === 0 || facts.isAmountOutlier
        ? facts.config.weights.hygiene * HYGIENE_SHARES.amount
        : 0;
}

export function stageAgePenalty(facts: DealFacts): number {
    const excess = Math.min(1, Math.max(0, (facts.stageAgeRatio - 1) / (STAGE_AGE_ZERO_CREDIT_RATIO - 1)));
    return facts.config.weights.momentum * MOMENTUM_SHARES.stageAge * excess;
}

export interface CloseDatePenalties {
    /** Deducted from momentum for pushes. */
    readonly slip: number;
    /** Deducted from hygiene for a close date that is not credible: in the past, or unrealistically near. */
    readonly notCredible: number;
    /** The slip cost the close-date share of momentum absorbs before pushes eat into the rest of momentum. */
    readonly budget: number;
}

/**
 * Pushes cost `max(budget/4, the not-credible cost)` each plus `budget/180` per day pushed. The close-date share of
 * momentum (the budget) is not a ceiling: further pushes keep costing, from whatever momentum stage age left, so a
 * fourth push still lowers the score. A not-credible close date (overdue, or too near for an early stage) costs the
 * hygiene close-date share, limited to the momentum still left after the slips: each push costs at least as much, so
 * moving a bad date out (one more push, date no longer overdue or too near) can never raise the score.
 */
export function closeDatePenalties(facts: DealFacts): CloseDatePenalties {
    const { weights } = facts.config;
    const budget = weights.momentum * MOMENTUM_SHARES.closeDateStability;
    const notCredibleCost = weights.hygiene * HYGIENE_SHARES.closeDate;
    const perPush = Math.max(budget / 4, notCredibleCost);
    const perDay = budget / SLIP_DAYS_FOR_FULL_PENALTY;
    const history = facts.deal.closeDateHistory;
    const room = Math.max(0, weights.momentum - stageAgePenalty(facts));
    const slip = Math.min(room, history.pushCount * perPush + history.totalDaysPushed * perDay);
    const isNotCredible = facts.closeDateOverdueDays > 0 || facts.isCloseDateUnrealistic;
    const notCredible = isNotCredible ? Math.min(notCredibleCost, room - slip) : 0;
    return { slip, notCredible, budget };
}

export function nextStepPenalty(facts: DealFacts): number {
    return facts.nextStepState === 'scheduled' ? 0 : facts.config.weights.hygiene * HYGIENE_SHARES.nextStep;
}

export function playbookStepCredits(facts: DealFacts): { earlier: number; current: number } {
    const weight = facts.config.weights.playbookAdherence;
    return {
        earlier:
            weight *
            PLAYBOOK_SHARES.earlierSteps *
            completedShare(facts.earlierRequiredWeight, facts.incompleteEarlierRequiredWeight),
        current:
            weight *
            PLAYBOOK_SHARES.currentSteps *
            completedShare(facts.currentRequiredWeight, facts.incompleteCurrentRequiredWeight)
    };
}

/** Share of required step weight complete; full credit when nothing is required. */
function completedShare(requiredWeight: number, incompleteWeight: number): number {
    return requiredWeight === 0 ? 1 : (requiredWeight - incompleteWeight) / requiredWeight;
}

/**
 * Every element gets a line, also one that earns nothing, so every point lost is on screen. The label carries the
 * status; the evidence quotes the rep's note, or says when the element is expected (empty when there is nothing to add).
 */
function qualificationSignals(facts: DealFacts): RawSignal[] {
    const signals: RawSignal[] = [];
    const weight = facts.config.weights.qualification;
    const { stage } = facts.deal;
    for (const rule of QUALIFICATION_RULES) {
        const credit = qualificationCredit(facts, rule);
        const element = facts.deal.meddpicc[rule.element];
        let label: string = rule.signalLabels[element.status];
        let evidence = '';
        if (element.status === 'unknown') {
            const expectedFrom = expectedStageOrder(rule, stage.openStageCount);
            if (credit > 0) {
                evidence = `Expected from stage ${expectedFrom} of ${stage.openStageCount}; the deal is in stage ${stage.stageOrder}`;
            } else {
                label = rule.missingLabel;
                evidence = `Expected from stage ${expectedFrom} of ${stage.openStageCount}; the deal is in stage ${stage.stageOrder} (${stage.apiName})`;
            }
        } else if (element.evidence) {
            evidence = `"${element.evidence}"`;
        }
        const available = weight * rule.share;
        signals.push({ key: rule.signalKey, label, points: available * credit, available, evidence });
    }
    return signals;
}

function describeCounts(counts: ActivityCounts): string {
    return `${plural(counts.meetings, 'meeting')}, ${plural(counts.calls, 'call')}, ${plural(counts.emails, 'email')}`;
}

/** Buyer recency in words, naming the source it was read from; shared by signals, risks and nudges. */
export function describeBuyerRecency(facts: DealFacts): string {
    const days = plural(facts.daysSinceActivity, 'day');
    let text: string;
    switch (facts.recencyBasis) {
        case 'buyer_activity':
            text = `Last call or meeting with a buyer contact ${days} ago (${facts.recencyDate})`;
            break;
        case 'contact_engagement':
            text = `A buyer contact last engaged ${days} ago (${facts.recencyDate}, the contact's own last engagement)`;
            break;
        case 'created':
            text = `No call or meeting with a buyer contact yet; the deal was created ${days} ago`;
            break;
    }
    if (facts.daysSinceSellerOnlyActivity !== null) {
        text += `; seller activity ${plural(facts.daysSinceSellerOnlyActivity, 'day')} ago does not count`;
    }
    return text;
}

/** Contact engagement in words, e.g. "2 of 4 contacts engaged in the last 30 days, none senior". */
export function describeContactEngagement(facts: DealFacts): string {
    if (facts.contactCount === 0) return 'No contacts on the deal';
    const days = facts.config.thresholds.engagedContactDays;
    const senior =
        facts.engagedContacts === 0 ? '' : facts.seniorContactEngaged ? ', including a senior buyer' : ', none senior';
    return `${facts.engagedContacts} of ${plural(facts.contactCount, 'contact')} engaged in the last ${days} days${senior}`;
}

function engagementSignals(facts: DealFacts): RawSignal[] {
    const weight = facts.config.weights.engagement;
    const { deal } = facts;
    const recency = weight * ENGAGEMENT_SHARES.recency;
    const volume = weight * ENGAGEMENT_SHARES.volume;
    const threading = weight * ENGAGEMENT_SHARES.threading;
    return [
        {
            key: 'engagement.recency',
            label: 'Recent buyer engagement',
            points: recency * recencyFraction(facts),
            available: recency,
            evidence: describeBuyerRecency(facts)
        },
        {
            key: 'engagement.activity_volume',
            label: 'Activity volume',
            points: volume * volumeFraction(facts),
            available: volume,
            evidence: `Last 30 days: ${describeCounts(deal.activity.last30Days)}; last 14 days: ${describeCounts(deal.activity.last14Days)}`
        },
        {
            key: 'engagement.multi_threading',
            label: 'Multi-threading',
            points: threading * threadingFraction(facts),
            available: threading,
            evidence: describeContactEngagement(facts)
        }
    ];
}

function momentumSignals(facts: DealFacts, penalties: CloseDatePenalties): RawSignal[] {
    const weight = facts.config.weights.momentum;
    const { stage, closeDateHistory } = facts.deal;
    const signals: RawSignal[] = [
        {
            key: 'momentum.baseline',
            label: 'Momentum before deductions',
            points: weight,
            available: weight,
            evidence: 'Full credit, less the deductions for stage age and close-date pushes'
        }
    ];
    const agePenalty = stageAgePenalty(facts);
    if (agePenalty > 0) {
        signals.push({
            key: 'momentum.stage_age',
            label: 'Stage age beyond benchmark',
            points: -agePenalty,
            available: 0,
            evidence: `${plural(stage.daysInStage, 'day')} in ${stage.apiName} vs ${facts.isBenchmarkDefault ? 'default ' : ''}${facts.benchmarkDays}-day benchmark (${formatRatio(facts.stageAgeRatio)}×)`
        });
    }
    if (penalties.slip > 0) {
        signals.push({
            key: 'momentum.close_date_slips',
            label: 'Close date pushed',
            points: -penalties.slip,
            available: 0,
            evidence: `Close date pushed ${plural(closeDateHistory.pushCount, 'time')}, +${plural(closeDateHistory.totalDaysPushed, 'day')}${penalties.slip > penalties.budget ? ' (beyond the slip budget: further pushes cost momentum)' : ''}`
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
    const signals: RawSignal[] = [
        {
            key: 'hygiene.baseline',
            label: 'Record hygiene before deductions',
            points: facts.config.weights.hygiene,
            available: facts.config.weights.hygiene,
            evidence: 'Full credit, less the deductions for next step, close date and amount'
        }
    ];
    const nextStep = nextStepPenalty(facts);
    if (nextStep > 0) {
        signals.push({
            key: 'hygiene.next_step',
            label: 'Next step not scheduled',
            points: -nextStep,
            available: 0,
            evidence: describeUnscheduledNextStep(facts)
        });
    }
    if (penalties.notCredible > 0) {
        const overdue = facts.closeDateOverdueDays > 0;
        signals.push({
            key: overdue ? 'hygiene.close_date_overdue' : 'hygiene.close_date_unrealistic',
            label: overdue ? 'Close date in the past' : 'Close date too near for the stage',
            points: -penalties.notCredible,
            available: 0,
            evidence: overdue ? describeOverdueCloseDate(facts) : describeUnrealisticCloseDate(facts)
        });
    }
    const amount = amountPenalty(facts);
    if (amount > 0) {
        signals.push({
            key: facts.isAmountOutlier ? 'hygiene.amount_outlier' : 'hygiene.amount',
            label: facts.isAmountOutlier ? 'Amount far above the usual deal' : 'Amount not set',
            points: -amount,
            available: 0,
            evidence: describeAmountProblem(facts)
        });
    }
    return signals;
}

export function describeOverdueCloseDate(facts: DealFacts): string {
    return `Close date ${facts.deal.closeDate} is ${plural(facts.closeDateOverdueDays, 'day')} in the past`;
}

export function describeUnrealisticCloseDate(facts: DealFacts): string {
    const { deal } = facts;
    return `Close date ${deal.closeDate} is ${plural(facts.daysToClose, 'day')} away, but the deal is in ${deal.stage.apiName} with ${plural(facts.remainingOpenStages, 'open stage')} to go (at least a week each)`;
}

const formatAmount = (amount: number): string => Math.round(amount).toLocaleString('en-US');

export function describeAmountProblem(facts: DealFacts): string {
    const { deal } = facts;
    if (deal.amount === null) return 'Amount is empty';
    if (deal.amount === 0) return 'Amount is 0';
    return `Amount ${formatAmount(deal.amount)} is ${formatRatio(facts.amountToTypicalRatio ?? 0)}× the org's typical deal of ${formatAmount(facts.typicalDealAmount ?? 0)}, in ${deal.stage.apiName}`;
}

function playbookSignals(facts: DealFacts): RawSignal[] {
    const weight = facts.config.weights.playbookAdherence;
    if (facts.deal.playbook === null) {
        return [
            {
                key: 'playbookAdherence.no_playbook',
                label: 'No playbook matched',
                points: weight * PLAYBOOK_SHARES.noPlaybook,
                available: weight,
                evidence: 'No playbook matched this deal; adherence gets neutral credit'
            }
        ];
    }
    const credits = playbookStepCredits(facts);
    const stageName = facts.deal.stage.apiName;
    const earlierCount = facts.earlierRequiredStepCount;
    const earlierOpen = facts.incompleteEarlierRequiredSteps;
    const currentCount = facts.currentRequiredStepCount;
    const currentOpen = facts.incompleteCurrentRequiredSteps;
    return [
        {
            key: 'playbookAdherence.earlier_steps',
            label: 'Required steps of earlier stages',
            points: credits.earlier,
            available: weight * PLAYBOOK_SHARES.earlierSteps,
            evidence:
                earlierCount === 0
                    ? 'No required steps in earlier stages'
                    : `${earlierCount - earlierOpen.length} of ${earlierCount} complete${describeOpenSteps(earlierOpen)}`
        },
        {
            key: 'playbookAdherence.current_steps',
            label: `Required steps of ${stageName}`,
            points: credits.current,
            available: weight * PLAYBOOK_SHARES.currentSteps,
            evidence:
                currentCount === 0
                    ? `No required steps in ${stageName}`
                    : `${currentCount - currentOpen.length} of ${currentCount} complete${describeOpenSteps(currentOpen)}`
        }
    ];
}

/** "; open: Identify a champion, Pass the security review (gate, counts 3×)". */
function describeOpenSteps(steps: readonly PlaybookStep[]): string {
    if (steps.length === 0) return '';
    return `; open: ${steps.map((step) => (step.isGate ? `${step.title} (gate, counts ${GATE_STEP_WEIGHT}×)` : step.title)).join(', ')}`;
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
