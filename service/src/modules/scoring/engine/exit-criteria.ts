import type {
    Blocker,
    ExitCriteria,
    ExitCriterionResult,
    ExitCriterionSignal,
    MeddpiccElement,
    PlaybookStep,
    QualificationStatus,
    Risk,
    StepStatus
} from '../../../contract';
import { plural } from './dates';
import type { DealFacts } from './facts';
import type { OpenGate } from './gates';

export interface Verdict {
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
            unknown: `${label} not identified yet`,
            identified: needsValidation ? `${label} identified, not validated yet` : `${label} identified`,
            validated: `${label} validated`
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
    pain_identified: qualificationSignal('identifiedPain', 'Business pain', false),
    decision_criteria_identified: qualificationSignal('decisionCriteria', 'Decision criteria', false),
    decision_process_mapped: qualificationSignal('decisionProcess', 'Decision process', false),
    paper_process_mapped: qualificationSignal('paperProcess', 'Paper process', false),
    competition_assessed: qualificationSignal('competition', 'Competition', false)
};

const STEP_STATUS_EVIDENCE: Readonly<Record<StepStatus, string>> = {
    done: 'Marked done',
    skipped: 'Skipped, so not done',
    not_applicable: 'Marked not applicable'
};

/** A step marked not applicable waives its criterion; "skipped" does not. */
const WAIVED: Verdict = { isMet: true, evidence: 'Marked not applicable' };

/** The MEDDPICC element an exit-criterion signal reads, if any (nudges use it to name the field to update). */
export function qualificationElementOf(signal: ExitCriterionSignal): MeddpiccElement | null {
    return QUALIFICATION_SIGNALS[signal]?.element ?? null;
}

/** Whether a step's criterion is met now; a step marked not applicable is waived. Used for exit criteria and gates. */
export function evaluateStep(facts: DealFacts, step: PlaybookStep): Verdict {
    const status = facts.deal.playbook?.stepProgress[step.stepKey];
    return status === 'not_applicable' ? WAIVED : evaluateSignal(facts, step, status);
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
                evidence: `${facts.engagedContacts} of ${plural(facts.contactCount, 'contact')} engaged in the last ${facts.config.thresholds.engagedContactDays} days (${needed} needed)`
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
                        : NEXT_STEP_EVIDENCE[facts.nextStepState]
            };
        default:
            // security_review_complete, mutual_plan_agreed and step_done are attested by marking the step done.
            return {
                isMet: stepStatus === 'done',
                evidence: stepStatus === undefined ? 'Not done yet' : STEP_STATUS_EVIDENCE[stepStatus]
            };
    }
}

const NEXT_STEP_EVIDENCE = {
    missing: 'No next step recorded',
    undated: 'The next step has no date',
    overdue: 'The next step date has passed',
    scheduled: 'Next step scheduled'
} as const;

const MISSING_BY_SIGNAL: Partial<Record<ExitCriterionSignal, string>> = {
    multi_threaded: 'Engage more buyer contacts',
    executive_engaged: 'Engage a senior buyer',
    next_step_scheduled: 'Record a dated next step',
    security_review_complete: 'Pass the review and mark the step done',
    mutual_plan_agreed: 'Agree the plan with the buyer and mark the step done'
};

function describeMissing(step: PlaybookStep): string {
    return (
        QUALIFICATION_SIGNALS[step.exitCriterion]?.missing ??
        MISSING_BY_SIGNAL[step.exitCriterion] ??
        'Mark the step done'
    );
}

/**
 * Exit criteria of the current stage (every step of that stage is a criterion) and readiness. A deal is ready to
 * advance only when nothing blocks it: every gate up to this stage is passed, every required criterion of this stage
 * is met, and no high-severity risk is open. The blockers say why not, gates first.
 */
export function evaluateExitCriteria(
    facts: DealFacts,
    openGates: readonly OpenGate[],
    risks: readonly Risk[]
): ExitCriteria | null {
    const { deal } = facts;
    if (deal.playbook === null || deal.stage.isClosed) {
        return null;
    }
    const criteria: ExitCriterionResult[] = [];
    const stillNeeded: ExitCriteria['stillNeeded'] = [];
    const blockers: Blocker[] = [];
    for (const gate of openGates) {
        blockers.push({ reason: 'gate', stepKey: gate.step.stepKey, riskCode: null, message: gate.message });
    }
    for (const step of facts.currentStageSteps) {
        const verdict = evaluateStep(facts, step);
        criteria.push({
            stepKey: step.stepKey,
            title: step.title,
            signal: step.exitCriterion,
            isRequired: step.isRequired,
            isMet: verdict.isMet,
            evidence: verdict.evidence
        });
        if (step.isRequired && !verdict.isMet) {
            const missing = describeMissing(step);
            stillNeeded.push({ stepKey: step.stepKey, title: step.title, missing });
            if (!step.isGate) {
                blockers.push({
                    reason: 'exit_criterion',
                    stepKey: step.stepKey,
                    riskCode: null,
                    message: `${step.title}: ${missing}`
                });
            }
        }
    }
    for (const risk of risks) {
        // An open gate is already a blocker of its own.
        if (risk.severity === 'high' && risk.code !== 'gate_not_passed') {
            blockers.push({ reason: 'high_risk', stepKey: null, riskCode: risk.code, message: risk.message });
        }
    }
    return { stage: deal.stage.apiName, criteria, readyToAdvance: blockers.length === 0, stillNeeded, blockers };
}
