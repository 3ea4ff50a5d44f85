import type {
    ExitCriteria,
    ExitCriterionResult,
    ExitCriterionSignal,
    MeddpiccElement,
    PlaybookStep,
    QualificationStatus,
    StepStatus
} from '../../../contract';
import { plural } from './dates';
import { type DealFacts, stepStatusOf } from './facts';

interface Verdict {
    readonly isMet: boolean;
    readonly evidence: string;
}

interface QualificationSignal {
    readonly element: MeddpiccElement;
    readonly label: string;
    readonly needsValidation: boolean;
    /** `<label> is <status>`, per status; fixed wording, built once. */
    readonly evidence: Readonly<Record<QualificationStatus, string>>;
    /** What is missing while the criterion is unmet. */
    readonly missing: string;
}

function qualificationSignal(element: MeddpiccElement, label: string, needsValidation: boolean): QualificationSignal {
    return {
        element,
        label,
        needsValidation,
        evidence: {
            unknown: `${label} is unknown`,
            identified: `${label} is identified`,
            validated: `${label} is validated`
        },
        missing: `${label} must be ${needsValidation ? 'validated' : 'identified'}`
    };
}

const QUALIFICATION_SIGNALS: Partial<Record<ExitCriterionSignal, QualificationSignal>> = {
    economic_buyer_identified: qualificationSignal('economicBuyer', 'Economic buyer', false),
    economic_buyer_validated: qualificationSignal('economicBuyer', 'Economic buyer', true),
    champion_identified: qualificationSignal('champion', 'Champion', false),
    champion_validated: qualificationSignal('champion', 'Champion', true),
    metrics_identified: qualificationSignal('metrics', 'Metrics', false),
    metrics_validated: qualificationSignal('metrics', 'Metrics', true),
    pain_identified: qualificationSignal('identifiedPain', 'Pain', false),
    decision_criteria_identified: qualificationSignal('decisionCriteria', 'Decision criteria', false),
    decision_process_mapped: qualificationSignal('decisionProcess', 'Decision process', false),
    paper_process_mapped: qualificationSignal('paperProcess', 'Paper process', false),
    competition_assessed: qualificationSignal('competition', 'Competition', false)
};

const STEP_STATUS_EVIDENCE: Readonly<Record<StepStatus, string>> = {
    done: 'Step marked done',
    skipped: 'Step marked skipped',
    not_applicable: 'Step marked not applicable'
};

/** A step marked not applicable waives its criterion; "skipped" does not. */
const WAIVED: Verdict = { isMet: true, evidence: 'Marked not applicable' };

/** The MEDDPICC element an exit-criterion signal reads, if any (nudges use it to name the field to update). */
export function qualificationElementOf(signal: ExitCriterionSignal): MeddpiccElement | null {
    return QUALIFICATION_SIGNALS[signal]?.element ?? null;
}

function evaluateSignal(facts: DealFacts, step: PlaybookStep, stepStatus: StepStatus | undefined): Verdict {
    const { deal } = facts;
    const qualification = QUALIFICATION_SIGNALS[step.exitCriterion];
    if (qualification) {
        const status = deal.meddpicc[qualification.element].status;
        const isMet = qualification.needsValidation ? status === 'validated' : status !== 'unknown';
        return { isMet, evidence: qualification.evidence[status] };
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
                evidence: stepStatus === undefined ? 'Step not started' : STEP_STATUS_EVIDENCE[stepStatus]
            };
    }
}

const MISSING_BY_SIGNAL: Partial<Record<ExitCriterionSignal, string>> = {
    multi_threaded: 'Engage more buyer contacts',
    executive_engaged: 'Engage a senior buyer',
    next_step_scheduled: 'Record a dated next step'
};

function describeMissing(step: PlaybookStep): string {
    return (
        QUALIFICATION_SIGNALS[step.exitCriterion]?.missing ??
        MISSING_BY_SIGNAL[step.exitCriterion] ??
        'Mark the step done'
    );
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
        const status = stepStatusOf(deal.playbook, step.stepKey);
        const verdict = status === 'not_applicable' ? WAIVED : evaluateSignal(facts, step, status);
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
