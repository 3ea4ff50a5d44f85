// Plain logic of the living playbook: the view Apex returns, optimistic step changes, the rows a stage shows with
// their exit criteria, and what is still needed to advance. No DOM, so it is unit-tested on its own.
import SKIP_REASON_REQUIRED from '@salesforce/label/c.StepMarkSkipReasonRequired';
import type { PlaybookService } from '@generated/apex';
import type { ExitCriteria, ExitCriterionResult } from '@contract';

export type StepStatus = 'done' | 'skipped' | 'not_applicable' | 'open';

/** PlaybookService.StepView, StageView and PlaybookView, generated from the Apex classes (types/generated/apex.d.ts). */
export type StepView = PlaybookService.StepView;
export type StageView = PlaybookService.StageView;
export type PlaybookView = PlaybookService.PlaybookView;

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

export function isStepStatus(value: string): value is StepStatus {
    return Object.hasOwn(STATUS_BADGES, value);
}

export const MAX_SKIP_REASON = 255;

/** Why a skip reason cannot be saved, or null when it can. */
export function skipReasonProblem(reason: string | null | undefined): string | null {
    const trimmed = (reason ?? '').trim();
    if (!trimmed) return SKIP_REASON_REQUIRED;
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
        // Apex always sets the key; the DTO cannot say so.
        const stepKey = step.stepKey ?? '';
        const criterion = byStep.get(stepKey);
        const isExpanded = expanded.has(stepKey);
        const stepStatus = step.status;
        return {
            ...step,
            // A status this component does not know is shown as it arrived, not hidden behind a default.
            statusLabel: isStepStatus(stepStatus) ? STATUS_LABELS[stepStatus] : stepStatus,
            statusBadgeClass: isStepStatus(stepStatus) ? STATUS_BADGES[stepStatus] : 'slds-badge',
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
            requiredLabel: step.isGate ? 'Required gate' : step.isRequired ? 'Required' : 'Optional'
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

/** One item of the condensed stage path: a stage, or a marker standing for the stages left out. */
export interface PathItem {
    key: string;
    label: string;
    /** Full text for the tooltip and screen readers ("3 earlier stages: A, B, C"). */
    title: string;
    className: string;
    /** "step" on the current stage, "false" elsewhere. */
    ariaCurrent: string;
}

/** Stages shown on each side of the current one; the rest fold into a "+N" marker, so any number of stages fits. */
export const PATH_NEIGHBOURS = 1;

const PATH_ITEM = 'slds-path__item';

/**
 * The stage path condensed around the current stage: the stage before it, the current stage and the stage after it,
 * with the earlier and later stages folded into one marker each. Without a current stage, the first stages show.
 */
export function condensedPath(stages: readonly StageView[], neighbours: number = PATH_NEIGHBOURS): PathItem[] {
    const currentIndex = stages.findIndex((stage) => stage.isCurrent);
    const centre = currentIndex === -1 ? 0 : currentIndex;
    const from = Math.max(0, centre - neighbours);
    const to = Math.min(stages.length - 1, centre + neighbours);
    const items: PathItem[] = [];
    const fold = (folded: readonly StageView[], key: string, complete: boolean, where: string): PathItem => ({
        key,
        label: `+${folded.length}`,
        title: `${folded.length} ${where} ${folded.length === 1 ? 'stage' : 'stages'}: ${folded.map((stage) => stage.label).join(', ')}`,
        className: `${PATH_ITEM} path-fold ${complete ? 'slds-is-complete' : 'slds-is-incomplete'}`,
        ariaCurrent: 'false'
    });
    if (from > 0) items.push(fold(stages.slice(0, from), 'before', true, 'earlier'));
    for (let index = from; index <= to; index++) {
        const stage = stages[index]!;
        const state = stage.isCurrent
            ? 'slds-is-current slds-is-active'
            : stage.isPast
              ? 'slds-is-complete'
              : 'slds-is-incomplete';
        items.push({
            key: stage.apiName ?? `stage-${index}`,
            label: stage.label ?? stage.apiName ?? '',
            title: stage.label ?? stage.apiName ?? '',
            className: `${PATH_ITEM} ${state}`,
            ariaCurrent: stage.isCurrent ? 'step' : 'false'
        });
    }
    if (to < stages.length - 1) items.push(fold(stages.slice(to + 1), 'after', false, 'later'));
    return items;
}

/** "Stage 4 of 8: Proposal/Price Quote", or how many stages the play has when the deal is in none of them. */
export function pathSummary(stages: readonly StageView[]): string {
    const index = stages.findIndex((stage) => stage.isCurrent);
    if (index === -1) return `${stages.length} stages`;
    return `Stage ${index + 1} of ${stages.length}: ${stages[index]!.label}`;
}
