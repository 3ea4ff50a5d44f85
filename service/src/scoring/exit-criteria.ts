import type {
    ExitCriteria,
    ExitCriterionResult,
    ExitCriterionSignal,
    MeddpiccElement,
    PlaybookStep
} from '../contract';
import { plural } from './dates';
import type { DealFacts } from './facts';

interface Verdict {
    readonly isMet: boolean;
    readonly evidence: string;
}

const QUALIFICATION_SIGNALS: Partial<
    Record<ExitCriterionSignal, { element: MeddpiccElement; label: string; needsValidation: boolean }>
> = {
    economic_buyer_identified: { element: 'economicBuyer', label: 'Economic buyer', needsValidation: false },
    economic_buyer_validated: { element: 'economicBuyer', label: 'Economic buyer', needsValidation: true },
    champion_identified: { element: 'champion', label: 'Champion', needsValidation: false },
    champion_validated: { element: 'champion', label: 'Champion', needsValidation: true },
    metrics_identified: { element: 'metrics', label: 'Metrics', needsValidation: false },
    metrics_validated: { element: 'metrics', label: 'Metrics', needsValidation: true },
    pain_identified: { element: 'identifiedPain', label: 'Pain', needsValidation: false },
    decision_criteria_identified: { element: 'decisionCriteria', label: 'Decision criteria', needsValidation: false },
    decision_process_mapped: { element: 'decisionProcess', label: 'Decision process', needsValidation: false },
    paper_process_mapped: { element: 'paperProcess', label: 'Paper process', needsValidation: false },
    competition_assessed: { element: 'competition', label: 'Competition', needsValidation: false }
};

/** The MEDDPICC element an exit-criterion signal reads, if any (nudges use it to name the field to update). */
export function qualificationElementOf(signal: ExitCriterionSignal): MeddpiccElement | null {
    return QUALIFICATION_SIGNALS[signal]?.element ?? null;
}

function evaluateSignal(facts: DealFacts, step: PlaybookStep): Verdict {
    const { deal } = facts;
    const stepStatus = deal.playbook?.stepProgress[step.stepKey];
    const qualification = QUALIFICATION_SIGNALS[step.exitCriterion];
    if (qualification) {
        const status = deal.meddpicc[qualification.element].status;
        const isMet = qualification.needsValidation ? status === 'validated' : status !== 'unknown';
        return { isMet, evidence: `${qualification.label} is ${status}` };
    }
    switch (step.exitCriterion) {
        case 'multi_threaded': {
            const needed = facts.config.thresholds.multiThreadedContacts;
            return {
                isMet: facts.engagedContacts >= needed,
                evidence: `${plural(facts.engagedContacts, 'contact')} engaged in the last ${facts.config.thresholds.engagedContactDays} days (needs ${needed})`
            };
        }
        case 'executive_engaged':
            return {
                isMet: facts.seniorContactEngaged,
                evidence: facts.seniorContactEngaged
                    ? 'A senior buyer engaged recently'
                    : 'No senior buyer engaged recently'
            };
        case 'next_step_scheduled':
            return {
                isMet: facts.nextStepState === 'scheduled',
                evidence:
                    facts.nextStepState === 'scheduled'
                        ? `Next step dated ${deal.nextStepDate}`
                        : `Next step is ${facts.nextStepState}`
            };
        default:
            // security_review_complete, mutual_plan_agreed and step_done are attested by marking the step done.
            return {
                isMet: stepStatus === 'done',
                evidence: stepStatus === undefined ? 'Step not started' : `Step marked ${stepStatus.replace('_', ' ')}`
            };
    }
}

const MISSING_BY_SIGNAL: Partial<Record<ExitCriterionSignal, string>> = {
    multi_threaded: 'Engage more buyer contacts',
    executive_engaged: 'Engage a senior buyer',
    next_step_scheduled: 'Record a dated next step'
};

function describeMissing(step: PlaybookStep): string {
    const qualification = QUALIFICATION_SIGNALS[step.exitCriterion];
    if (qualification) {
        return `${qualification.label} must be ${qualification.needsValidation ? 'validated' : 'identified'}`;
    }
    return MISSING_BY_SIGNAL[step.exitCriterion] ?? 'Mark the step done';
}

/** Exit criteria of the current stage: every step of that stage is a criterion; required ones gate advancing. */
export function evaluateExitCriteria(facts: DealFacts): ExitCriteria | null {
    const { deal } = facts;
    if (deal.playbook === null || deal.stage.isClosed) {
        return null;
    }
    const criteria: ExitCriterionResult[] = [];
    const stillNeeded: ExitCriteria['stillNeeded'] = [];
    for (const step of facts.currentStageSteps) {
        const status = deal.playbook.stepProgress[step.stepKey];
        // A step marked not applicable waives its criterion; "skipped" does not.
        const verdict: Verdict =
            status === 'not_applicable'
                ? { isMet: true, evidence: 'Marked not applicable' }
                : evaluateSignal(facts, step);
        criteria.push({
            stepKey: step.stepKey,
            title: step.title,
            signal: step.exitCriterion,
            isRequired: step.isRequired,
            isMet: verdict.isMet,
            evidence: verdict.evidence
        });
        if (step.isRequired && !verdict.isMet) {
            stillNeeded.push({ stepKey: step.stepKey, title: step.title, missing: describeMissing(step) });
        }
    }
    return { stage: deal.stage.apiName, criteria, readyToAdvance: stillNeeded.length === 0, stillNeeded };
}
