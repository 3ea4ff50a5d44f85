import type { ExitCriteria, MeddpiccElement, Nudge, NudgeCode, UpdatableField } from '../contract';
import { plural } from './dates';
import {
    ENGAGEMENT_SHARES,
    HYGIENE_SHARES,
    amountPenalty,
    nextStepPenalty,
    PLAYBOOK_SHARES,
    recencyFraction,
    stageAgePenalty,
    threadingFraction
} from './dimensions';
import { qualificationElementOf } from './exit-criteria';
import { type DealFacts, expectedStageOrder, isStepComplete, QUALIFICATION_RULES, qualificationCredit } from './facts';

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

function nudge(
    code: NudgeCode,
    title: string,
    why: string,
    action: { actionType: Nudge['actionType']; fieldName?: UpdatableField; stepKey?: string | null },
    points: number
): Nudge {
    return {
        code,
        title,
        why,
        actionType: action.actionType,
        fieldName: action.fieldName ?? null,
        stepKey: action.stepKey ?? null,
        expectedImpact: roundImpact(points)
    };
}

/** Next-best actions for an open deal, ranked by the points each recovers, capped at `maxNudges`. */
export function buildNudges(facts: DealFacts, exitCriteria: ExitCriteria | null): Nudge[] {
    const { deal, config } = facts;
    if (deal.stage.isClosed || config.thresholds.maxNudges === 0) {
        return [];
    }
    const { weights } = config;
    const nudges: Nudge[] = [];
    const unmetStepBySignalElement = new Map<MeddpiccElement, string>();
    const unmetStepKeys = new Set(exitCriteria?.stillNeeded.map((needed) => needed.stepKey) ?? []);
    for (const criterion of exitCriteria?.criteria ?? []) {
        const element = qualificationElementOf(criterion.signal);
        if (element && !criterion.isMet && !unmetStepBySignalElement.has(element)) {
            unmetStepBySignalElement.set(element, criterion.stepKey);
        }
    }

    for (const rule of QUALIFICATION_RULES) {
        const status = deal.meddpicc[rule.element].status;
        if (status === 'validated') continue;
        const gain = weights.qualification * rule.share * (1 - qualificationCredit(facts, rule));
        const stepKey = unmetStepBySignalElement.get(rule.element) ?? null;
        const expected = deal.stage.stageOrder >= expectedStageOrder(rule, deal.stage.openStageCount);
        if (status === 'unknown' && !expected && stepKey === null) continue;
        const verb = status === 'unknown' ? 'Identify' : 'Validate';
        nudges.push(
            nudge(
                QUALIFY_CODES[rule.element],
                `${verb} the ${rule.label.toLowerCase()}`,
                `${rule.label} is ${status} in ${deal.stage.apiName} (stage ${deal.stage.stageOrder} of ${deal.stage.openStageCount})`,
                { actionType: 'update_field', fieldName: rule.element, stepKey },
                gain
            )
        );
    }

    const { thresholds } = config;
    if (facts.engagedContacts < thresholds.multiThreadedContacts) {
        nudges.push(
            nudge(
                'multi_thread',
                'Engage more buyer contacts',
                `${plural(facts.engagedContacts, 'contact')} engaged in the last ${thresholds.engagedContactDays} days; ${thresholds.multiThreadedContacts} needed to be multi-threaded`,
                { actionType: 'create_task', stepKey: stepKeyForSignal(exitCriteria, 'multi_threaded') },
                weights.engagement * ENGAGEMENT_SHARES.threading * (1 - threadingFraction(facts))
            )
        );
    }
    if (facts.daysSinceActivity > thresholds.staleActivityDays / 2) {
        nudges.push(
            nudge(
                're_engage_buyer',
                'Re-engage the buyer',
                `Last buyer activity ${plural(facts.daysSinceActivity, 'day')} ago`,
                { actionType: 'create_task' },
                weights.engagement * ENGAGEMENT_SHARES.recency * (1 - recencyFraction(facts))
            )
        );
    }

    const nextStepGain = nextStepPenalty(facts);
    if (nextStepGain > 0) {
        nudges.push(
            nudge(
                'schedule_next_step',
                facts.nextStepState === 'missing' ? 'Agree and record a next step' : 'Date the next step',
                facts.nextStepState === 'overdue'
                    ? `Next step date ${deal.nextStepDate} has passed`
                    : `Next step is ${facts.nextStepState}`,
                {
                    actionType: 'update_field',
                    fieldName: facts.nextStepState === 'missing' ? 'nextStep' : 'nextStepDate',
                    stepKey: stepKeyForSignal(exitCriteria, 'next_step_scheduled')
                },
                nextStepGain
            )
        );
    }
    if (facts.closeDateOverdueDays > 0) {
        nudges.push(
            nudge(
                'update_close_date',
                'Set a realistic close date',
                `Close date ${deal.closeDate} is ${plural(facts.closeDateOverdueDays, 'day')} in the past`,
                { actionType: 'update_field', fieldName: 'closeDate' },
                // Ranked at the full value of an accurate close date: the deduction it clears may already be
                // absorbed by the shared close-date budget, but a stale date corrupts the forecast either way.
                facts.config.weights.hygiene * HYGIENE_SHARES.closeDate
            )
        );
    }
    const amountGain = amountPenalty(facts);
    if (amountGain > 0) {
        nudges.push(
            nudge(
                'confirm_amount',
                'Confirm the deal amount',
                deal.amount === null ? 'Amount is empty' : 'Amount is 0',
                { actionType: 'create_task' },
                amountGain
            )
        );
    }
    const ageGain = stageAgePenalty(facts);
    if (ageGain > 0) {
        nudges.push(
            nudge(
                'unstick_stage',
                `Agree what it takes to leave ${deal.stage.apiName}`,
                `${plural(deal.stage.daysInStage, 'day')} in ${deal.stage.apiName} vs ${facts.benchmarkDays}-day benchmark`,
                { actionType: 'create_task' },
                ageGain
            )
        );
    }

    addPlaybookStepNudges(facts, unmetStepKeys, nudges);

    nudges.sort(
        (a, b) =>
            b.expectedImpact - a.expectedImpact ||
            CODE_RANK[a.code] - CODE_RANK[b.code] ||
            compareStrings(a.stepKey ?? '', b.stepKey ?? '')
    );
    return nudges.slice(0, thresholds.maxNudges);
}

function stepKeyForSignal(exitCriteria: ExitCriteria | null, signal: string): string | null {
    return exitCriteria?.criteria.find((criterion) => criterion.signal === signal && !criterion.isMet)?.stepKey ?? null;
}

/** Required steps still open: earlier-stage ones first (they are overdue), then those gating the current stage. */
function addPlaybookStepNudges(facts: DealFacts, unmetStepKeys: ReadonlySet<string>, nudges: Nudge[]): void {
    const weight = facts.config.weights.playbookAdherence;
    const coveredStepKeys = new Set(nudges.map((existing) => existing.stepKey));
    const earlier = facts.earlierRequiredSteps;
    for (const step of earlier) {
        if (isStepComplete(facts, step.stepKey) || coveredStepKeys.has(step.stepKey)) continue;
        nudges.push(
            nudge(
                'complete_playbook_step',
                `Complete: ${step.title}`,
                `Required in ${step.stage}, which the deal has already passed`,
                { actionType: 'complete_step', stepKey: step.stepKey },
                (weight * PLAYBOOK_SHARES.earlierSteps) / earlier.length
            )
        );
    }
    const currentRequired = facts.currentStageSteps.filter((step) => step.isRequired);
    for (const step of currentRequired) {
        if (isStepComplete(facts, step.stepKey) || coveredStepKeys.has(step.stepKey)) continue;
        nudges.push(
            nudge(
                'complete_playbook_step',
                `Complete: ${step.title}`,
                unmetStepKeys.has(step.stepKey)
                    ? `Exit criterion for ${step.stage} not met yet`
                    : `Required in ${step.stage}; exit criterion met, step not marked done`,
                { actionType: 'complete_step', stepKey: step.stepKey },
                (weight * PLAYBOOK_SHARES.currentSteps) / currentRequired.length
            )
        );
    }
}
