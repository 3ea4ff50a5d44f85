// Plain logic of the living playbook: the view Apex returns, optimistic step changes, the rows a stage shows with
// their exit criteria, and what is still needed to advance. No DOM, so it is unit-tested on its own.
import type { ExitCriteria, ExitCriterionResult } from '@contract';

export type StepStatus = 'done' | 'skipped' | 'not_applicable' | 'open';

/**
 * PlaybookService.StepView, as Apex serializes it. (`status` is declared through Record<> because the LWC lint
 * parser reads a bare `status` member as the window global.)
 */
export type StepView = Record<'status', StepStatus> & {
    stepKey: string;
    title: string;
    guidance?: string | null;
    isRequired: boolean;
    exitCriterion?: string | null;
    dueInDays?: number | null;
    skipReason?: string | null;
    completedByName?: string | null;
    completedAt?: string | null;
};

export interface StageView {
    apiName: string;
    label: string;
    isCurrent: boolean;
    isPast: boolean;
    steps: StepView[];
}

/** PlaybookService.PlaybookView, as Apex serializes it. */
export interface PlaybookView {
    hasPlaybook: boolean;
    playbookKey?: string | null;
    playbookLabel?: string | null;
    description?: string | null;
    ownerRole?: string | null;
    matchReason?: string | null;
    adminHint?: string | null;
    currentStage?: string | null;
    stages: StageView[];
    exitCriteriaJson?: string | null;
    scoredAt?: string | null;
}

export const STATUS_LABELS: Record<StepStatus, string> = {
    done: 'Done',
    skipped: 'Skipped',
    not_applicable: 'Not applicable',
    open: 'To do'
};

const STATUS_BADGES: Record<StepStatus, string> = {
    done: 'slds-badge slds-theme_success',
    skipped: 'slds-badge slds-theme_warning',
    not_applicable: 'slds-badge slds-badge_lightest',
    open: 'slds-badge'
};

export const MAX_SKIP_REASON = 255;

/** Why a skip reason cannot be saved, or null when it can. */
export function skipReasonProblem(reason: string | null | undefined): string | null {
    const trimmed = (reason ?? '').trim();
    if (!trimmed) return 'Say why this step is skipped.';
    if (trimmed.length > MAX_SKIP_REASON) return `Keep the reason under ${MAX_SKIP_REASON} characters.`;
    return null;
}

export function findStep(view: PlaybookView, stepKey: string): { stage: StageView; step: StepView } | null {
    for (const stage of view.stages) {
        const step = stage.steps.find((candidate) => candidate.stepKey === stepKey);
        if (step) return { stage, step };
    }
    return null;
}

/** The view with one step's status changed, as the optimistic UI shows it before Apex confirms. */
export function withStepStatus(
    view: PlaybookView,
    stepKey: string,
    status: StepStatus,
    skipReason: string | null,
    changedBy: string | null
): PlaybookView {
    if (!findStep(view, stepKey)) {
        throw new Error(`"${stepKey}" is not a step of this playbook.`);
    }
    return {
        ...view,
        stages: view.stages.map((stage) => ({
            ...stage,
            steps: stage.steps.map((step) => {
                if (step.stepKey !== stepKey) return step;
                return {
                    ...step,
                    status,
                    skipReason: status === 'skipped' ? skipReason : null,
                    completedByName: status === 'open' ? null : changedBy,
                    completedAt: status === 'open' ? null : step.completedAt
                };
            })
        }))
    };
}

export function currentStage(view: PlaybookView): StageView | undefined {
    return view.stages.find((stage) => stage.isCurrent);
}

export interface CriterionCell {
    isMet: boolean;
    label: string;
    evidence: string;
    iconName: string;
}

export type StepRow = StepView & {
    statusLabel: string;
    statusBadgeClass: string;
    isOpen: boolean;
    criterion: CriterionCell | null;
    isExpanded: boolean;
    ariaExpanded: 'true' | 'false';
    guidanceId: string;
    requiredLabel: string;
};

export function criteriaByStep(criteria: ExitCriteria | null): Map<string, ExitCriterionResult> {
    return new Map((criteria?.criteria ?? []).map((criterion) => [criterion.stepKey, criterion]));
}

/** The rows a stage shows; exit criteria come from the latest scoring of the deal's current stage. */
export function stepRows(stage: StageView, criteria: ExitCriteria | null, expanded: ReadonlySet<string>): StepRow[] {
    const byStep = criteriaByStep(criteria);
    return stage.steps.map((step) => {
        const criterion = byStep.get(step.stepKey);
        const isExpanded = expanded.has(step.stepKey);
        return {
            ...step,
            statusLabel: STATUS_LABELS[step.status],
            statusBadgeClass: STATUS_BADGES[step.status],
            isOpen: step.status === 'open',
            criterion: criterion
                ? {
                      isMet: criterion.isMet,
                      label: criterion.isMet ? 'Exit criterion met' : 'Exit criterion not met',
                      evidence: criterion.evidence,
                      iconName: criterion.isMet ? 'utility:success' : 'utility:close'
                  }
                : null,
            isExpanded,
            ariaExpanded: isExpanded ? 'true' : 'false',
            guidanceId: `guidance-${step.stepKey}`,
            requiredLabel: step.isRequired ? 'Required' : 'Optional'
        };
    });
}

export interface AdvanceSummary {
    ready: boolean;
    headline: string;
    items: Array<{ key: string; text: string }>;
}

/**
 * Whether the deal may leave the current stage and, if not, every reason in plain words: open gates, unmet exit
 * criteria and high risks, as the service lists them. Results stored before blockers existed list the unmet criteria.
 */
export function advanceSummary(criteria: ExitCriteria | null, stageLabel: string | null | undefined): AdvanceSummary {
    if (!criteria) {
        return { ready: false, headline: 'Score the deal to check the exit criteria of this stage.', items: [] };
    }
    const stage = stageLabel ?? criteria.stage;
    if (criteria.readyToAdvance) {
        return {
            ready: true,
            headline: `Every gate and required exit criterion of ${stage} is met and no high risk is open: ready to advance.`,
            items: []
        };
    }
    const blockers = (criteria as Partial<ExitCriteria>).blockers;
    return {
        ready: false,
        headline: `Not ready to leave ${stage}:`,
        items: blockers
            ? blockers.map((blocker) => ({
                  key: `${blocker.reason}:${blocker.stepKey ?? blocker.riskCode ?? ''}`,
                  text: blocker.message
              }))
            : criteria.stillNeeded.map((need) => ({ key: need.stepKey, text: `${need.title}: ${need.missing}` }))
    };
}
