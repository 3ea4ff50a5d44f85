import type { ActivityCounts, Deal, DimensionKey, PlaybookStep } from '../../../contract';
import { type CapturableFact, MEDDPICC_FACTS, NEUTRAL_CREDIT, notCapturedEvidence } from './data-capture';
import { formatRatio, plural } from './dates';
import {
    type DealFacts,
    expectedStageOrder,
    GATE_STEP_WEIGHT,
    isQualificationNotCaptured,
    QUALIFICATION_RULES,
    type QualificationRule,
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

/**
 * The fact a rule reads that the org does not record, if any. Such a rule's credit never falls below neutral,
 * whatever the deal's own data (so a stale trace of an unrecorded fact cannot score below having none), and its risk
 * is not raised when the deal lacks the fact.
 */
export function uncapturedFactOf(facts: DealFacts, rule: 'activity' | 'threading' | 'nextStep'): CapturableFact | null {
    const { capture } = facts;
    switch (rule) {
        case 'activity':
            return capture.captures('buyerActivity') ? null : 'buyerActivity';
        case 'threading':
            if (!capture.captures('contactRoles')) return 'contactRoles';
            return capture.captures('buyerActivity') ? null : 'buyerActivity';
        case 'nextStep':
            if (!capture.captures('nextStep')) return 'nextStep';
            return capture.captures('nextStepDate') ? null : 'nextStepDate';
    }
}

/** A rule's credit when its fact is not recorded in the org: never below neutral, never below what the deal earns. */
function withNeutralFloor(fraction: number, notCaptured: CapturableFact | null): number {
    return notCaptured === null ? fraction : Math.max(NEUTRAL_CREDIT, fraction);
}

/** The fact to explain on a line: only when the neutral floor, not the deal's data, decided its credit. */
function floorFact(fraction: number, notCaptured: CapturableFact | null): CapturableFact | null {
    return notCaptured !== null && fraction < NEUTRAL_CREDIT ? notCaptured : null;
}

export function recencyFraction(facts: DealFacts): number {
    return withNeutralFloor(buyerRecencyFraction(facts), uncapturedFactOf(facts, 'activity'));
}

function buyerRecencyFraction(facts: DealFacts): number {
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
    return withNeutralFloor(activityVolumeFraction(facts), uncapturedFactOf(facts, 'activity'));
}

function activityVolumeFraction(facts: DealFacts): number {
    return Math.min(1, weightedTouches(facts.deal.activity.last30Days) / FULL_VOLUME_TOUCHES);
}

/** Three quarters for the number of engaged contacts, one quarter for reaching a senior one. */
export function threadingFraction(facts: DealFacts): number {
    return withNeutralFloor(contactThreadingFraction(facts), uncapturedFactOf(facts, 'threading'));
}

function contactThreadingFraction(facts: DealFacts): number {
    const breadth = Math.min(1, facts.engagedContacts / facts.config.thresholds.multiThreadedContacts);
    return breadth * 0.75 + (facts.seniorContactEngaged ? 0.25 : 0);
}

/** Credit for an amount: missing, 0 or implausible (an early-stage outlier) amounts lose the amount share. */
export function amountPenalty(facts: DealFacts): number {
    const amount = facts.deal.amount;
    const full = facts.config.weights.hygiene * HYGIENE_SHARES.amount;
    if (facts.isAmountOutlier) return full;
    if (amount !== null && amount !== 0) return 0;
    return facts.capture.captures('amount') ? full : full * (1 - NEUTRAL_CREDIT);
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
    if (facts.nextStepState === 'scheduled') return 0;
    const full = facts.config.weights.hygiene * HYGIENE_SHARES.nextStep;
    return uncapturedFactOf(facts, 'nextStep') === null ? full : full * (1 - NEUTRAL_CREDIT);
}

/** The label and evidence of a line whose fact the org does not record. */
function notCapturedLine(facts: DealFacts, fact: CapturableFact, what: string): { label: string; evidence: string } {
    return { label: `${what}: not recorded in this org`, evidence: notCapturedEvidence(facts.capture, fact) };
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
 * "Expected from stage 3 of 6; the deal is in stage 5 (Negotiation)". The same few sentences recur across a batch, so
 * they are built once per stage and rule (cached by stage name, checked against its order) rather than for every deal.
 */
interface StageEvidence {
    readonly stageOrder: number;
    readonly openStageCount: number;
    /** Index `2 × rule + (not expected yet ? 1 : 0)`. */
    readonly texts: (string | undefined)[];
}
const unknownEvidenceByStage = new Map<string, StageEvidence>();
const UNKNOWN_EVIDENCE_CACHE_LIMIT = 512;

function unknownElementEvidence(
    ruleIndex: number,
    rule: QualificationRule,
    stage: Deal['stage'],
    isNotExpectedYet: boolean
): string {
    let entry = unknownEvidenceByStage.get(stage.apiName);
    if (entry === undefined || entry.stageOrder !== stage.stageOrder || entry.openStageCount !== stage.openStageCount) {
        if (unknownEvidenceByStage.size >= UNKNOWN_EVIDENCE_CACHE_LIMIT) unknownEvidenceByStage.clear();
        entry = { stageOrder: stage.stageOrder, openStageCount: stage.openStageCount, texts: [] };
        unknownEvidenceByStage.set(stage.apiName, entry);
    }
    const slot = ruleIndex * 2 + (isNotExpectedYet ? 1 : 0);
    const cached = entry.texts[slot];
    if (cached !== undefined) return cached;
    const expectedFrom = expectedStageOrder(rule, stage.openStageCount);
    const text = `Expected from stage ${expectedFrom} of ${stage.openStageCount}; the deal is in stage ${stage.stageOrder}${isNotExpectedYet ? '' : ` (${stage.apiName})`}`;
    entry.texts[slot] = text;
    return text;
}

/**
 * Every element gets a line, also one that earns nothing, so every point lost is on screen. The label carries the
 * status; the evidence quotes the rep's note, or says when the element is expected (empty when there is nothing to add).
 */
function qualificationSignals(facts: DealFacts): RawSignal[] {
    const signals: RawSignal[] = [];
    const weight = facts.config.weights.qualification;
    const { stage } = facts.deal;
    for (let ruleIndex = 0; ruleIndex < QUALIFICATION_RULES.length; ruleIndex++) {
        const rule = QUALIFICATION_RULES[ruleIndex]!;
        const credit = qualificationCredit(facts, rule);
        const element = facts.deal.meddpicc[rule.element];
        let label: string = rule.signalLabels[element.status];
        let evidence = '';
        if (isQualificationNotCaptured(facts, rule)) {
            ({ label, evidence } = notCapturedLine(facts, MEDDPICC_FACTS[rule.element], rule.label));
        } else if (element.status === 'unknown') {
            if (credit <= 0) label = rule.missingLabel;
            evidence = unknownElementEvidence(ruleIndex, rule, stage, credit > 0);
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

/**
 * Signals, risks and nudges of one deal quote the same sentences; the last deal's are kept (one entry per sentence,
 * keyed by the facts object) so each is built once per deal.
 */
let recencyFor: DealFacts | null = null;
let recencyText = '';
let engagementFor: DealFacts | null = null;
let engagementText = '';

/** Buyer recency in words, naming the source it was read from; shared by signals, risks and nudges. */
export function describeBuyerRecency(facts: DealFacts): string {
    if (recencyFor !== facts) {
        recencyText = buildBuyerRecency(facts);
        recencyFor = facts;
    }
    return recencyText;
}

function buildBuyerRecency(facts: DealFacts): string {
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
    if (engagementFor !== facts) {
        engagementText = buildContactEngagement(facts);
        engagementFor = facts;
    }
    return engagementText;
}

function buildContactEngagement(facts: DealFacts): string {
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
    const line = (fact: CapturableFact | null, what: string, evidence: string) =>
        fact === null ? { label: what, evidence } : notCapturedLine(facts, fact, what);
    const activityFact = uncapturedFactOf(facts, 'activity');
    return [
        {
            key: 'engagement.recency',
            ...line(
                floorFact(buyerRecencyFraction(facts), activityFact),
                'Recent buyer engagement',
                describeBuyerRecency(facts)
            ),
            points: recency * recencyFraction(facts),
            available: recency
        },
        {
            key: 'engagement.activity_volume',
            ...line(
                floorFact(activityVolumeFraction(facts), activityFact),
                'Activity volume',
                `Last 30 days: ${describeCounts(deal.activity.last30Days)}; last 14 days: ${describeCounts(deal.activity.last14Days)}`
            ),
            points: volume * volumeFraction(facts),
            available: volume
        },
        {
            key: 'engagement.multi_threading',
            ...line(
                floorFact(contactThreadingFraction(facts), uncapturedFactOf(facts, 'threading')),
                'Multi-threading',
                describeContactEngagement(facts)
            ),
            points: threading * threadingFraction(facts),
            available: threading
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
            evidence: facts.capture.captures('closeDateChange')
                ? 'Full credit, less the deductions for stage age and close-date pushes'
                : `Full credit, less the deduction for stage age. ${notCapturedEvidence(facts.capture, 'closeDateChange')}`
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
        const fact = uncapturedFactOf(facts, 'nextStep');
        signals.push({
            key: 'hygiene.next_step',
            ...(fact === null
                ? { label: 'Next step not scheduled', evidence: describeUnscheduledNextStep(facts) }
                : notCapturedLine(facts, fact, 'Next step')),
            points: -nextStep,
            available: 0
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
        const fact = facts.capture.captures('amount') ? null : 'amount';
        signals.push({
            key: facts.isAmountOutlier ? 'hygiene.amount_outlier' : 'hygiene.amount',
            ...(facts.isAmountOutlier
                ? { label: 'Amount far above the usual deal', evidence: describeAmountProblem(facts) }
                : fact === null
                  ? { label: 'Amount not set', evidence: describeAmountProblem(facts) }
                  : notCapturedLine(facts, fact, 'Amount')),
            points: -amount,
            available: 0
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

/** "; open: Identify a champion, Pass the security review (gate, counts 3×)". A loop, not map/join: it runs per deal. */
function describeOpenSteps(steps: readonly PlaybookStep[]): string {
    if (steps.length === 0) return '';
    let text = '; open: ';
    for (let index = 0; index < steps.length; index++) {
        const step = steps[index]!;
        if (index > 0) text += ', ';
        text += step.title;
        if (step.isGate) text += GATE_SUFFIX;
    }
    return text;
}

const GATE_SUFFIX = ` (gate, counts ${GATE_STEP_WEIGHT}×)`;
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
