/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * The JSON the Apex @AuraEnabled classes serialize, field for field (DealHealthService.DealHealthView, PlaybookService
 * views, NudgeController.NudgeView, PipelineReviewModels). Datetime values are ISO 8601 strings with milliseconds and
 * Z, Date values `YYYY-MM-DD`. The stand-in sends every field, null when unset (the platform leaves null fields out;
 * the components read both the same way).
 */

export interface TrendPoint {
    scoredAt: string;
    score: number | null;
}

export interface DealHealthView {
    opportunityId: string;
    hasSnapshot: boolean;
    isStale: boolean;
    staleReason: string | null;
    score: number | null;
    band: string | null;
    scoredAt: string | null;
    scoringTrigger: string | null;
    modelVersion: string | null;
    dimensionsJson: string | null;
    risksJson: string | null;
    exitCriteriaJson: string | null;
    nudgesJson: string | null;
    trend: TrendPoint[];
}

export type StepStatus = 'done' | 'skipped' | 'not_applicable' | 'open';

export interface StepView {
    stepKey: string;
    title: string;
    guidance: string | null;
    isRequired: boolean;
    exitCriterion: string | null;
    dueInDays: number | null;
    status: StepStatus;
    skipReason: string | null;
    completedByName: string | null;
    completedAt: string | null;
}

export interface StageView {
    apiName: string;
    label: string;
    isCurrent: boolean;
    isPast: boolean;
    steps: StepView[];
}

export interface PlaybookView {
    hasPlaybook: boolean;
    playbookKey: string | null;
    playbookLabel: string | null;
    description: string | null;
    ownerRole: string | null;
    matchReason: string | null;
    adminHint: string | null;
    currentStage: string | null;
    stages: StageView[];
    exitCriteriaJson: string | null;
    scoredAt: string | null;
}

export interface NudgeView {
    hasSnapshot: boolean;
    scoredAt: string | null;
    modelVersion: string | null;
    nudgesJson: string | null;
    fieldsByNudgeField: Record<string, string[]>;
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

export interface BoardRow {
    snapshotId: string;
    opportunityId: string;
    name: string;
    ownerId: string;
    ownerName: string;
    stage: string;
    amount: number | null;
    closeDate: string | null;
    closeDatePushCount: number | null;
    forecastCategory: string | null;
    nextStep: string | null;
    lastActivityDate: string | null;
    createdDate: string;
    stageEnteredAt: string | null;
    daysInStage: number | null;
    score: number | null;
    band: string | null;
    topRisk: string | null;
    topRiskSeverity: string | null;
    riskWeightedAmount: number | null;
    stageAtLastReview: string | null;
    amountAtLastReview: number | null;
    closeDateAtLastReview: string | null;
    scoreAtLastReview: number | null;
    decisionDates: string[];
}

export interface BoardPage {
    rows: BoardRow[];
    hasMore: boolean;
    nextCursorRisk: number | null;
    nextCursorId: string | null;
    lastReviewAt: string | null;
    reviewDates: string[];
}

export interface ActionItem {
    taskId: string;
    subject: string;
    ownerId: string;
    ownerName: string;
    dueDate: string | null;
    isOverdue: boolean;
    opportunityId: string;
    opportunityName: string;
    reviewName: string;
}

export interface BoardSummary {
    totalDeals: number;
    totalAmount: number;
    unscoredDeals: number;
    healthyDeals: number;
    watchDeals: number;
    atRiskDeals: number;
    atRiskDecidedThisWeek: number;
    stuckDeals: number;
    overdueActions: number;
    openActions: ActionItem[];
    lastReviewAt: string | null;
}

export type DecisionKind = 'commit' | 'push' | 'disqualify' | 'action' | 'no_change';

/** PipelineReviewModels.DecisionInput as the stand-in reads it. */
export interface DecisionInput {
    opportunityId: string | null;
    decision: string | null;
    newCloseDate: string | null;
    reason: string | null;
    actionText: string | null;
    actionOwnerId: string | null;
    actionDueDate: string | null;
}

export interface SaveResult {
    savedCount: number;
    tasksCreated: number;
    decisionIds: string[];
}

export interface SessionSummary {
    reviewId: string;
    reviewName: string;
    status: string;
    dealsReviewed: number;
    commits: number;
    pushes: number;
    disqualifications: number;
    actions: number;
    noChanges: number;
    tasksCreated: number;
    zeroDecisionWarning: boolean;
}
