import type {
    ExitCriteria,
    ExitCriterionSignal,
    MeddpiccElement,
    Nudge,
    NudgeActionType,
    NudgeCode,
    PlaybookStep,
    UpdatableField
} from '../../../contract';
import { plural } from './dates';
import {
    ENGAGEMENT_SHARES,
    HYGIENE_SHARES,
    amountPenalty,
    describeAmountProblem,
    describeBuyerRecency,
    describeContactEngagement,
    describeOverdueCloseDate,
    describeUnrealisticCloseDate,
    nextStepPenalty,
    PLAYBOOK_SHARES,
    recencyFraction,
    stageAgePenalty,
    threadingFraction
} from './dimensions';
import { qualificationElementOf } from './exit-criteria';
import type { OpenGate } from './gates';
import {
    type DealFacts,
    expectedStageOrder,
    GATE_STEP_WEIGHT,
    QUALIFICATION_RULES,
    type QualificationRule,
    qualificationCredit
} from './facts';
import { sortSmallInPlace } from './small-sort';

const QUALIFY_CODES: Record<MeddpiccElement, NudgeCode> = {
    metrics: 'qualify_metrics',
    economicBuyer: 'qualify_economic_buyer',
    decisionCriteria: 'qualify_decision_criteria',
    decisionProcess: 'qualify_decision_process',
    paperProcess: 'qualify_paper_process',
    identifiedPain: 'qualify_identified_pain',
    champion: 'qualify_champion',
    competition: 'qualify_competition'
};

/** Tie-break when two nudges promise the same effect: fix the record first, then the relationship, then the process. */
const CODE_PRIORITY: readonly NudgeCode[] = [
    'update_close_date',
    'schedule_next_step',
    'qualify_economic_buyer',
    'qualify_champion',
    'multi_thread',
    're_engage_buyer',
    'complete_playbook_step',
    'qualify_identified_pain',
    'qualify_metrics',
    'qualify_decision_process',
    'qualify_decision_criteria',
    'qualify_paper_process',
    'qualify_competition',
    'unstick_stage',
    'confirm_amount'
];

const CODE_RANK = Object.fromEntries(CODE_PRIORITY.map((code, index) => [code, index])) as Record<NudgeCode, number>;

/** Ordinal comparison: deterministic across locales (localeCompare is not, and is slower). */
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const roundImpact = (points: number): number => Math.round(points * 10) / 10;

/**
 * A nudge before it is worded. A deal typically has twice as many candidates as `maxNudges`, so candidates are ranked
 * on their impact first and only the ones returned get their title and explanation written.
 */
interface NudgeCandidate {
    readonly code: NudgeCode;
    readonly expectedImpact: number;
    readonly stepKey: string | null;
    /** The MEDDPICC rule a `qualify_*` nudge is about. */
    readonly rule: QualificationRule | null;
    /** The playbook step a `complete_playbook_step` nudge is about. */
    readonly step: PlaybookStep | null;
    /** 0 for a gate the deal has already left behind, 1 for a gate of the current stage, 2 otherwise: gates come first. */
    gateRank: number;
}

function candidate(
    code: NudgeCode,
    points: number,
    stepKey: string | null = null,
    rule: QualificationRule | null = null,
    step: PlaybookStep | null = null
): NudgeCandidate {
    return { code, expectedImpact: roundImpact(points), stepKey, rule, step, gateRank: NOT_A_GATE };
}

const NOT_A_GATE = 2;

function byImpactThenPriority(a: NudgeCandidate, b: NudgeCandidate): number {
    return (
        a.gateRank - b.gateRank ||
        b.expectedImpact - a.expectedImpact ||
        CODE_RANK[a.code] - CODE_RANK[b.code] ||
        compareStrings(a.stepKey ?? '', b.stepKey ?? '')
    );
}

/**
 * Next-best actions for an open deal: open gates first (a gate blocks the deal whatever its points), then ranked by the
 * points each recovers, capped at `maxNudges`.
 */
export function buildNudges(
    facts: DealFacts,
    exitCriteria: ExitCriteria | null,
    openGates: readonly OpenGate[]
): Nudge[] {
    const { deal, config } = facts;
    if (deal.stage.isClosed || config.thresholds.maxNudges === 0) {
        return [];
    }
    const { weights, thresholds } = config;
    const candidates: NudgeCandidate[] = [];

    for (const rule of QUALIFICATION_RULES) {
        const status = deal.meddpicc[rule.element].status;
        if (status === 'validated') continue;
        const stepKey = unmetStepKeyForElement(exitCriteria, rule.element);
        const expected = deal.stage.stageOrder >= expectedStageOrder(rule, deal.stage.openStageCount);
        if (status === 'unknown' && !expected && stepKey === null) continue;
        const gain = weights.qualification * rule.share * (1 - qualificationCredit(facts, rule));
        candidates.push(candidate(QUALIFY_CODES[rule.element], gain, stepKey, rule));
    }

    const threadingGain =
        facts.engagedContacts < thresholds.multiThreadedContacts
            ? weights.engagement * ENGAGEMENT_SHARES.threading * (1 - threadingFraction(facts))
            : 0;
    // A silent buyer group that is already wide enough needs re-engaging, not more contacts: re-engaging recovers the
    // threading points too.
    const isSilentGroup = facts.isBuyerSilent && facts.contactCount >= thresholds.multiThreadedContacts;
    if (threadingGain > 0 && !isSilentGroup) {
        candidates.push(
            candidate('multi_thread', threadingGain, unmetStepKeyForSignal(exitCriteria, 'multi_threaded'))
        );
    }
    if (facts.daysSinceActivity > thresholds.staleActivityDays / 2) {
        const recencyGain = weights.engagement * ENGAGEMENT_SHARES.recency * (1 - recencyFraction(facts));
        candidates.push(candidate('re_engage_buyer', recencyGain + (isSilentGroup ? threadingGain : 0)));
    }
    const nextStepGain = nextStepPenalty(facts);
    if (nextStepGain > 0) {
        candidates.push(
            candidate('schedule_next_step', nextStepGain, unmetStepKeyForSignal(exitCriteria, 'next_step_scheduled'))
        );
    }
    if (facts.closeDateOverdueDays > 0 || facts.isCloseDateUnrealistic) {
        // Ranked at the full value of an accurate close date: the deduction it clears may already be absorbed by the
        // shared close-date budget, but a stale date corrupts the forecast either way.
        candidates.push(candidate('update_close_date', weights.hygiene * HYGIENE_SHARES.closeDate));
    }
    const amountGain = amountPenalty(facts);
    if (amountGain > 0) {
        candidates.push(candidate('confirm_amount', amountGain));
    }
    const ageGain = stageAgePenalty(facts);
    if (ageGain > 0) {
        candidates.push(candidate('unstick_stage', ageGain));
    }
    addPlaybookStepCandidates(facts, candidates);
    markGates(candidates, openGates);

    sortSmallInPlace(candidates, byImpactThenPriority);
    const nudges: Nudge[] = [];
    const count = Math.min(candidates.length, thresholds.maxNudges);
    for (let index = 0; index < count; index++) {
        nudges.push(describeNudge(facts, exitCriteria, candidates[index]!));
    }
    return nudges;
}

/** The first unmet exit criterion of the current stage that reads this MEDDPICC element. */
function unmetStepKeyForElement(exitCriteria: ExitCriteria | null, element: MeddpiccElement): string | null {
    for (const criterion of exitCriteria?.criteria ?? []) {
        if (!criterion.isMet && qualificationElementOf(criterion.signal) === element) return criterion.stepKey;
    }
    return null;
}

function unmetStepKeyForSignal(exitCriteria: ExitCriteria | null, signal: ExitCriterionSignal): string | null {
    for (const criterion of exitCriteria?.criteria ?? []) {
        if (!criterion.isMet && criterion.signal === signal) return criterion.stepKey;
    }
    return null;
}

const stepWeight = (step: PlaybookStep): number => (step.isGate ? GATE_STEP_WEIGHT : 1);

/** Required steps still open: earlier-stage ones first (they are overdue), then those gating the current stage. */
function addPlaybookStepCandidates(facts: DealFacts, candidates: NudgeCandidate[]): void {
    const weight = facts.config.weights.playbookAdherence;
    // Steps another nudge already advances (e.g. a qualify nudge for the same exit criterion) are not repeated.
    const coveredCount = candidates.length;
    for (const step of facts.incompleteEarlierRequiredSteps) {
        if (isStepCovered(candidates, coveredCount, step.stepKey)) continue;
        const points = (weight * PLAYBOOK_SHARES.earlierSteps * stepWeight(step)) / facts.earlierRequiredWeight;
        candidates.push(candidate('complete_playbook_step', points, step.stepKey, null, step));
    }
    for (const step of facts.incompleteCurrentRequiredSteps) {
        if (isStepCovered(candidates, coveredCount, step.stepKey)) continue;
        const points = (weight * PLAYBOOK_SHARES.currentSteps * stepWeight(step)) / facts.currentRequiredWeight;
        candidates.push(candidate('complete_playbook_step', points, step.stepKey, null, step));
    }
}

/** Puts the nudge that passes each open gate first; a gate whose step has no nudge yet gets one. */
function markGates(candidates: NudgeCandidate[], openGates: readonly OpenGate[]): void {
    for (const gate of openGates) {
        // A data-backed gate is passed by the qualify nudge of its element; the others by completing the step.
        const element = qualificationElementOf(gate.step.exitCriterion);
        let gateCandidate = candidates.find(
            (existing) =>
                existing.stepKey === gate.step.stepKey || (element !== null && existing.rule?.element === element)
        );
        if (gateCandidate === undefined) {
            // Marked done but its data-backed criterion is unmet, or otherwise not yet a candidate: no points to
            // recover, but it still comes first.
            gateCandidate = candidate('complete_playbook_step', 0, gate.step.stepKey, null, gate.step);
            candidates.push(gateCandidate);
        }
        gateCandidate.gateRank = Math.min(gateCandidate.gateRank, gate.isPastStage ? 0 : 1);
    }
}

function isStepCovered(candidates: readonly NudgeCandidate[], count: number, stepKey: string): boolean {
    for (let index = 0; index < count; index++) {
        if (candidates[index]!.stepKey === stepKey) return true;
    }
    return false;
}

function isUnmetExitCriterion(exitCriteria: ExitCriteria | null, stepKey: string): boolean {
    for (const needed of exitCriteria?.stillNeeded ?? []) {
        if (needed.stepKey === stepKey) return true;
    }
    return false;
}

/** Words a ranked candidate: title, why, and the action Salesforce takes. */
function describeNudge(facts: DealFacts, exitCriteria: ExitCriteria | null, nudge: NudgeCandidate): Nudge {
    const { deal } = facts;
    const { thresholds } = facts.config;
    const { code, rule, step } = nudge;
    let title: string;
    let why: string;
    let actionType: NudgeActionType = 'create_task';
    let fieldName: UpdatableField | null = null;
    if (rule !== null) {
        const status = deal.meddpicc[rule.element].status;
        title = `${status === 'unknown' ? 'Identify' : 'Validate'} the ${rule.label.toLowerCase()}`;
        why = `${status === 'unknown' ? `${rule.label} not identified yet` : `${rule.label} identified, not validated yet`} in ${deal.stage.apiName} (stage ${deal.stage.stageOrder} of ${deal.stage.openStageCount})`;
        if (nudge.gateRank !== NOT_A_GATE && step === null) why += '; this is a gate of the playbook';
        actionType = 'update_field';
        fieldName = rule.element;
    } else if (step !== null) {
        // Step titles are written as actions in the playbook ("Complete the security review"): shown as they are.
        title = step.title;
        if (nudge.gateRank === 0) {
            why = `A gate of ${step.stage}, which the deal has left without passing it`;
        } else if (nudge.gateRank === 1) {
            why = `A gate: the deal cannot leave ${step.stage} until it is passed`;
        } else if (step.stageOrder < deal.stage.stageOrder) {
            why = `Required in ${step.stage}, which the deal has already left`;
        } else if (isUnmetExitCriterion(exitCriteria, step.stepKey)) {
            why = `Required to leave ${step.stage}`;
        } else {
            why = `Required in ${step.stage}; the criterion is met but the step is not marked done`;
        }
        actionType = 'complete_step';
    } else {
        switch (code) {
            case 'multi_thread':
                title =
                    facts.contactCount === 0 ? "Add the buyer's contacts to the deal" : 'Engage more buyer contacts';
                why = `${describeContactEngagement(facts)}; ${thresholds.multiThreadedContacts} engaged contacts make a deal multi-threaded`;
                break;
            case 're_engage_buyer':
                title = 'Re-engage the buyer';
                why = describeBuyerRecency(facts);
                break;
            case 'schedule_next_step':
                title = facts.nextStepState === 'missing' ? 'Agree and record a next step' : 'Date the next step';
                why =
                    facts.nextStepState === 'overdue'
                        ? `Next step date ${deal.nextStepDate} has passed`
                        : facts.nextStepState === 'missing'
                          ? 'No next step recorded'
                          : 'The next step has no date';
                actionType = 'update_field';
                fieldName = facts.nextStepState === 'missing' ? 'nextStep' : 'nextStepDate';
                break;
            case 'update_close_date':
                title = 'Set a realistic close date';
                why =
                    facts.closeDateOverdueDays > 0
                        ? describeOverdueCloseDate(facts)
                        : describeUnrealisticCloseDate(facts);
                actionType = 'update_field';
                fieldName = 'closeDate';
                break;
            case 'confirm_amount':
                title = 'Confirm the deal amount';
                why = describeAmountProblem(facts);
                break;
            case 'unstick_stage':
                title = `Agree what it takes to leave ${deal.stage.apiName}`;
                why = `${plural(deal.stage.daysInStage, 'day')} in ${deal.stage.apiName} vs ${facts.benchmarkDays}-day benchmark`;
                break;
            default:
                throw new Error(`nudge ${code} has no wording`);
        }
    }
    return { code, title, why, actionType, fieldName, stepKey: nudge.stepKey, expectedImpact: nudge.expectedImpact };
}
