/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * The JSON the Apex @AuraEnabled classes serialize, field for field (DealHealthService.DealHealthView, PlaybookService
 * views, NudgeService.NudgeView, PipelineReviewModels). Datetime values are ISO 8601 strings with milliseconds and
 * Z, Date values `YYYY-MM-DD`. The stand-in sends every field, null when unset (the platform leaves null fields out;
 * the components read both the same way).
 */
// The view shapes are defined once, by the components that read them; the stand-in returns exactly those.
export type { TrendPoint, DealHealthView } from 'c/dealHealthLogic';
export type { StepStatus, StepView, StageView, PlaybookView } from 'c/playbookLogic';
export type { NudgeView } from 'c/nudgeLogic';
export type { BoardRow, BoardPage, ActionItem, BoardSummary, SessionSummary, BoardLoad } from 'c/reviewLogic';

/** A decision as the stand-in receives it: untrusted JSON, every field possibly null until validated. */
export interface DecisionInput {
    opportunityId: string | null;
    decision: string | null;
    newCloseDate: string | null;
    reason: string | null;
    actionText: string | null;
    actionOwnerId: string | null;
    actionDueDate: string | null;
}

export interface Option {
    label: string;
    value: string;
}

export interface ScopeOptions {
    reps: Option[];
    stages: Option[];
    forecastCategories: Option[];
    quarters: Option[];
    hasTeam: boolean;
    openReviewId: string | null;
}

/** PipelineReviewModels.BoardQuery as the stand-in reads it (Apex deserializes it the same way). */
export interface BoardQuery {
    scope: string | null;
    repId: string | null;
    closeQuarter: string | null;
    stage: string | null;
    forecastCategory: string | null;
    band: string | null;
    pageSize: number | null;
    cursorRisk: number | null;
    cursorId: string | null;
}

export type DecisionKind = 'commit' | 'push' | 'disqualify' | 'action' | 'no_change';

export interface SaveResult {
    savedCount: number;
    tasksCreated: number;
    decisionIds: string[];
}
