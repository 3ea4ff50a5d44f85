/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. Never deployed; the real controllers are the Apex classes in
 * force-app/main/default/classes.
 *
 * One function per Apex method the components call, keyed `Class.method`, taking the same named parameters the LWC
 * passes and returning the JSON the Apex classes serialize, with the same validation and the same messages. They read
 * and write the workbench's session store; rescoreDeal calls the real Execution Loop service over HTTP.
 */
import { ScoreRequest, type Deal, type Nudge, type Risk } from '../../service/src/contract';
import { dayOf } from '../sample-org/dates';
import { buildDeal, playbookMatchFor } from '../sample-org/scoring';
import type {
    NudgeFeedbackRecord,
    OpportunityRecord,
    PipelineReviewRecord,
    PlaybookStepProgressRecord,
    ReviewDecisionRecord
} from '../sample-org/types';
import type { PlaybookStepDefinition } from '../sample-org/metadata';
import type {
    ActionItem,
    BoardPage,
    BoardQuery,
    BoardRow,
    BoardSummary,
    DealHealthView,
    DecisionInput,
    DecisionKind,
    NudgeView,
    Option,
    PlaybookView,
    SaveResult,
    ScopeOptions,
    SessionSummary,
    StageView,
    StepStatus,
    StepView
} from './apex-types';
import {
    abbreviate,
    ApexError,
    type ApexParams,
    isBlank,
    readDate,
    readDecimal,
    readId,
    readInteger,
    readList,
    readObject,
    readString,
    text
} from './params';
import { callExecutionLoopService, ServiceCallError, type ServiceTarget } from './service-client';
import type { StoredSnapshot, StoredTask, WorkbenchStore } from './store';
import { resolveTeamScope } from './team-scope';
import { StrategyCheckController } from './StrategyCheckController';

export { ApexError } from './params';

/** Who is calling and where the named credential points: UserInfo and the callout target of one request. */
export interface ApexContext {
    store: WorkbenchStore;
    /** UserInfo.getUserId(). */
    userId: string;
    scoring: ServiceTarget;
}

export type ApexMethod = (context: ApexContext, params: ApexParams) => unknown;

const OPPORTUNITY_PREFIX = '006';
const DAY_MS = 86_400_000;

function userName(context: ApexContext, userId: string | null): string | null {
    return userId === null ? null : (context.store.user(userId)?.Name ?? null);
}

/** DealHealthController/NudgeController.requireId: an Opportunity id or 'An opportunity id is required.' */
function requireOpportunityId(params: ApexParams): string {
    const id = readId(params.opportunityId, 'opportunityId');
    if (id === null || !id.startsWith(OPPORTUNITY_PREFIX)) throw new ApexError('An opportunity id is required.');
    return id;
}

function notVisible(opportunityId: string | null): ApexError {
    return new ApexError(`Opportunity ${text(opportunityId)} was not found or is not visible to you.`);
}

// ==================================================================== DealHealthController

/** Snapshots of a deal the user can see, newest first (user mode: none for a deal they cannot see). */
function recentSnapshots(context: ApexContext, opportunityId: string, maxRows: number): StoredSnapshot[] {
    if (!context.store.visibleOpportunity(context.userId, opportunityId)) return [];
    return context.store.snapshotsNewestFirst(opportunityId).slice(0, maxRows);
}

function dealHealthView(context: ApexContext, opportunityId: string): DealHealthView {
    const newestFirst = recentSnapshots(context, opportunityId, context.store.trendLength());
    const latest = newestFirst[0];
    return {
        opportunityId,
        hasSnapshot: latest !== undefined,
        isStale: false,
        staleReason: null,
        score: latest?.Score__c ?? null,
        band: latest?.Band__c ?? null,
        scoredAt: latest?.Scored_At__c ?? null,
        scoringTrigger: latest?.Scoring_Trigger__c ?? null,
        modelVersion: latest?.Model_Version__c ?? null,
        dimensionsJson: latest ? JSON.stringify(latest.dimensions) : null,
        risksJson: latest ? JSON.stringify(latest.risks) : null,
        exitCriteriaJson: latest ? JSON.stringify(latest.exitCriteria) : null,
        nudgesJson: latest ? JSON.stringify(latest.nudges) : null,
        trend: [...newestFirst]
            .reverse()
            .map((snapshot) => ({ scoredAt: snapshot.Scored_At__c, score: snapshot.Score__c }))
    };
}

const STALE_DATE_FORMAT = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit'
});

/** Datetime.format() for an en_US user in UTC, e.g. `11/16/2026, 2:00 AM`. */
export function formatDatetime(iso: string): string {
    return STALE_DATE_FORMAT.format(new Date(iso)).replace(/\u202f/g, ' ');
}

function staleView(context: ApexContext, opportunityId: string, reason: string): DealHealthView {
    const view = dealHealthView(context, opportunityId);
    view.isStale = true;
    view.staleReason =
        view.hasSnapshot && view.scoredAt
            ? `${reason} Showing the last score from ${formatDatetime(view.scoredAt)}.`
            : `${reason} This deal has not been scored yet.`;
    return view;
}

/**
 * The score request for one deal as Apex builds it on demand: the deal as it is now (every record so far, including
 * today's step marks and decisions), activity windows and days in stage counted up to today.
 */
export function buildRescoreRequest(store: WorkbenchStore, opportunityId: string): ScoreRequest {
    const index = store.index();
    const today = store.today();
    const current = buildDeal(index, opportunityId, store.todayPlus(1));
    if (current === null) throw new Error(`Opportunity ${opportunityId} has no history to score`);
    const startOfToday = buildDeal(index, opportunityId, today);
    const deal: Deal = {
        ...current,
        stage: { ...current.stage, daysInStage: Math.max(0, current.stage.daysInStage - 1) },
        activity: startOfToday?.activity ?? current.activity
    };
    return ScoreRequest.parse({ asOf: today, config: store.org.scoringConfig, deals: [deal] });
}

/** DealHealthService.saveSnapshots: upsert on the key, and the latest flag moves to the new snapshot. */
function saveSnapshot(store: WorkbenchStore, snapshot: Omit<StoredSnapshot, 'Id'>): void {
    for (const previous of store.org.dealHealthSnapshots) {
        if (
            previous.Opportunity__c === snapshot.Opportunity__c &&
            previous.Is_Latest__c &&
            previous.Snapshot_Key__c !== snapshot.Snapshot_Key__c
        ) {
            previous.Is_Latest__c = false;
        }
    }
    const existing = store.org.dealHealthSnapshots.find(
        (record) => record.Snapshot_Key__c === snapshot.Snapshot_Key__c
    );
    if (existing) Object.assign(existing, snapshot);
    else store.org.dealHealthSnapshots.push({ Id: store.newId('Deal_Health_Snapshot__c'), ...snapshot });
    store.changed();
}

export const DealHealthController = {
    getDealHealth(context: ApexContext, params: ApexParams): DealHealthView {
        return dealHealthView(context, requireOpportunityId(params));
    },

    async rescoreDeal(context: ApexContext, params: ApexParams): Promise<DealHealthView> {
        const opportunityId = requireOpportunityId(params);
        const { store } = context;
        // User mode: a deal the user cannot see is not scored (and nothing is shown).
        if (!store.visibleOpportunity(context.userId, opportunityId)) throw notVisible(opportunityId);
        let request: ScoreRequest;
        try {
            request = buildRescoreRequest(store, opportunityId);
        } catch (error) {
            return staleView(context, opportunityId, (error as Error).message);
        }
        let response;
        try {
            response = await callExecutionLoopService(
                context.scoring,
                request,
                context.scoring.timeoutMs ?? store.calloutTimeoutMs()
            );
        } catch (error) {
            if (error instanceof ServiceCallError) return staleView(context, opportunityId, error.userMessage());
            throw error;
        }
        const scoredAt = store.nowIso();
        for (const result of response.results) {
            saveSnapshot(store, {
                Opportunity__c: result.dealId,
                Score__c: result.score,
                Band__c: result.band,
                As_Of__c: request.asOf,
                Scored_At__c: scoredAt,
                Scoring_Trigger__c: 'on_demand',
                Model_Version__c: result.modelVersion,
                Snapshot_Key__c: `${result.dealId}:${request.asOf}:on_demand`,
                Is_Latest__c: true,
                dimensions: result.dimensions,
                risks: result.risks,
                exitCriteria: result.exitCriteria,
                nudges: result.nudges
            });
        }
        return dealHealthView(context, opportunityId);
    }
};

// ==================================================================== PlaybookController

const STEP_STATUSES: ReadonlySet<string> = new Set(['done', 'skipped', 'not_applicable', 'open']);
const ADMIN_HINT =
    'No active playbook matches this deal. An admin can add one, or widen the segment rules of an existing one, in Setup > Custom Metadata Types > Playbook.';

function requireOpportunity(context: ApexContext, opportunityId: string | null): OpportunityRecord {
    const opportunity = context.store.visibleOpportunity(context.userId, opportunityId);
    if (!opportunity) throw notVisible(opportunityId);
    return opportunity;
}

function matchFor(context: ApexContext, opportunity: OpportunityRecord) {
    return playbookMatchFor(context.store.index(), opportunity, opportunity.Amount);
}

function toStepView(
    context: ApexContext,
    step: PlaybookStepDefinition,
    guidance: string | null,
    progress: PlaybookStepProgressRecord | undefined
): StepView {
    return {
        stepKey: step.stepKey,
        title: step.title,
        guidance,
        isRequired: step.isRequired,
        exitCriterion: step.exitCriterion,
        dueInDays: step.dueInDays === null ? null : Math.trunc(step.dueInDays),
        status: progress?.Status__c ?? 'open',
        skipReason: progress?.Skip_Reason__c ?? null,
        completedByName: progress ? userName(context, progress.Completed_By__c) : null,
        completedAt: progress?.Completed_At__c ?? null
    };
}

export const PlaybookController = {
    getPlaybook(context: ApexContext, params: ApexParams): PlaybookView {
        const opportunityId = readId(params.opportunityId, 'opportunityId');
        const deal = requireOpportunity(context, opportunityId);
        const { store } = context;
        const view: PlaybookView = {
            hasPlaybook: false,
            playbookKey: null,
            playbookLabel: null,
            description: null,
            ownerRole: null,
            matchReason: null,
            adminHint: null,
            currentStage: deal.StageName,
            stages: [],
            exitCriteriaJson: null,
            scoredAt: null
        };
        const match = matchFor(context, deal);
        if (match === null) {
            view.adminHint = ADMIN_HINT;
            return view;
        }
        view.hasPlaybook = true;
        const latest = store.snapshotsNewestFirst(deal.Id)[0];
        if (latest) {
            view.exitCriteriaJson = JSON.stringify(latest.exitCriteria);
            view.scoredAt = latest.Scored_At__c;
        }
        view.playbookKey = match.playbook.playbookKey;
        view.playbookLabel = match.playbook.label;
        view.description = match.playbook.description;
        view.ownerRole = match.playbook.ownerRole;
        view.matchReason = match.reason;

        const progressByKey = new Map(
            (store.index().progressByOpportunity.get(deal.Id) ?? []).map((progress) => [progress.Step_Key__c, progress])
        );
        let pastCurrent = false;
        for (const stage of store.org.stages) {
            if (stage.isClosed) continue;
            const isCurrent = stage.apiName === deal.StageName;
            const stageView: StageView = {
                apiName: stage.apiName,
                label: stage.apiName,
                isCurrent,
                isPast: !pastCurrent && !isCurrent && !deal.IsClosed,
                steps: []
            };
            pastCurrent = pastCurrent || isCurrent;
            for (const step of match.playbook.steps) {
                if (step.stage === stage.apiName) {
                    stageView.steps.push(
                        toStepView(
                            context,
                            step,
                            store.guidanceByStep.get(step.stepKey) ?? null,
                            progressByKey.get(step.stepKey)
                        )
                    );
                }
            }
            view.stages.push(stageView);
        }
        return view;
    },

    markStep(context: ApexContext, params: ApexParams): StepView {
        const opportunityId = readId(params.opportunityId, 'opportunityId');
        const stepKey = readString(params.stepKey, 'stepKey');
        const status = readString(params.status, 'status');
        const skipReason = readString(params.skipReason, 'skipReason');
        if (isBlank(status) || !STEP_STATUSES.has(status!)) {
            throw new ApexError(`Unknown step status "${text(status)}"; use done, skipped, not_applicable or open.`);
        }
        const reason = isBlank(skipReason) ? null : skipReason!.trim();
        if (status === 'skipped' && reason === null) throw new ApexError('Say why this step is skipped.');
        if (reason !== null && reason.length > 255) {
            throw new ApexError('The skip reason is limited to 255 characters.');
        }
        const deal = requireOpportunity(context, opportunityId);
        const step = matchFor(context, deal)?.playbook.steps.find((candidate) => candidate.stepKey === stepKey);
        if (!step) throw new ApexError(`"${text(stepKey)}" is not a step of the playbook for this deal.`);

        const { store } = context;
        const progressKey = `${deal.Id}:${step.stepKey}`;
        const records = store.org.playbookStepProgress;
        const existingAt = records.findIndex(
            (progress) => progress.Opportunity__c === deal.Id && progress.Step_Key__c === step.stepKey
        );
        if (status === 'open') {
            if (existingAt >= 0) {
                records.splice(existingAt, 1);
                store.changed();
            }
            return toStepView(context, step, null, undefined);
        }
        const progress: PlaybookStepProgressRecord = {
            Id: existingAt >= 0 ? records[existingAt]!.Id : store.newId('Playbook_Step_Progress__c'),
            Opportunity__c: deal.Id,
            Step_Key__c: step.stepKey,
            Status__c: status as Exclude<StepStatus, 'open'>,
            Skip_Reason__c: status === 'skipped' ? reason : null,
            Completed_By__c: context.userId,
            Completed_At__c: store.nowIso(),
            Progress_Key__c: progressKey
        };
        if (existingAt >= 0) records[existingAt] = progress;
        else records.push(progress);
        store.changed();
        return toStepView(context, step, null, progress);
    }
};

// ==================================================================== NudgeController

const NUDGE_CODE = /^[a-z][a-z0-9_]{0,79}$/;
/** A dismissed nudge stays hidden this long, even when a later scoring raises it again. */
const DISMISSAL_DAYS = 30;
const MEDDPICC_SETTING_STEMS: ReadonlyArray<readonly [string, string]> = [
    ['metrics', 'Metrics'],
    ['economicBuyer', 'Economic_Buyer'],
    ['decisionCriteria', 'Decision_Criteria'],
    ['decisionProcess', 'Decision_Process'],
    ['paperProcess', 'Paper_Process'],
    ['identifiedPain', 'Identified_Pain'],
    ['champion', 'Champion'],
    ['competition', 'Competition']
];

/** NudgeController.editableFields from the OpportunityFieldMapping settings. */
function editableFields(context: ApexContext): Record<string, string[]> {
    const { store } = context;
    const fields: Record<string, string[]> = {};
    for (const [element, stem] of MEDDPICC_SETTING_STEMS) {
        const status = store.setting(`Field_${stem}_Status`);
        if (status === null) continue;
        const evidence = store.setting(`Field_${stem}_Evidence`);
        fields[element] = evidence === null ? [status] : [status, evidence];
    }
    fields.nextStep = ['NextStep'];
    fields.closeDate = ['CloseDate'];
    const nextStepDate = store.setting('Field_Next_Step_Date');
    if (nextStepDate !== null) fields.nextStepDate = [nextStepDate];
    return fields;
}

/** Codes acted on since the snapshot was scored, or dismissed within DISMISSAL_DAYS. */
function handledCodes(context: ApexContext, opportunityId: string, scoredAt: string): Set<string> {
    const cutoff = new Date(context.store.nowMs() - DISMISSAL_DAYS * DAY_MS).toISOString();
    const handled = new Set<string>();
    for (const feedback of context.store.org.nudgeFeedback) {
        if (feedback.Opportunity__c !== opportunityId || feedback.Recorded_At__c < cutoff) continue;
        if (feedback.Outcome__c === 'dismissed' || feedback.Recorded_At__c >= scoredAt) {
            handled.add(feedback.Nudge_Code__c);
        }
    }
    return handled;
}

export const NudgeController = {
    getNudges(context: ApexContext, params: ApexParams): NudgeView {
        const opportunityId = requireOpportunityId(params);
        const view: NudgeView = {
            hasSnapshot: false,
            scoredAt: null,
            modelVersion: null,
            nudgesJson: null,
            fieldsByNudgeField: editableFields(context)
        };
        const snapshot = recentSnapshots(context, opportunityId, 1)[0];
        if (!snapshot) return view;
        view.hasSnapshot = true;
        view.scoredAt = snapshot.Scored_At__c;
        view.modelVersion = snapshot.Model_Version__c;
        const handled = handledCodes(context, opportunityId, snapshot.Scored_At__c);
        const open: Nudge[] = snapshot.nudges.filter((nudge) => !handled.has(nudge.code));
        view.nudgesJson = JSON.stringify(open);
        return view;
    },

    recordNudgeFeedback(context: ApexContext, params: ApexParams): string {
        const opportunityId = requireOpportunityId(params);
        const nudgeCode = readString(params.nudgeCode, 'nudgeCode');
        const outcome = readString(params.outcome, 'outcome');
        const reason = readString(params.reason, 'reason');
        const modelVersion = readString(params.modelVersion, 'modelVersion');
        if (isBlank(nudgeCode) || !NUDGE_CODE.test(nudgeCode!)) {
            throw new ApexError(`"${text(nudgeCode)}" is not a nudge code.`);
        }
        if (outcome !== 'acted' && outcome !== 'dismissed') {
            throw new ApexError(`Unknown outcome "${text(outcome)}"; use acted or dismissed.`);
        }
        const trimmedReason = isBlank(reason) ? null : reason!.trim();
        if (outcome === 'dismissed' && trimmedReason === null) throw new ApexError('Say why this nudge is dismissed.');
        if (trimmedReason !== null && trimmedReason.length > 255) {
            throw new ApexError('The reason is limited to 255 characters.');
        }
        const { store } = context;
        // Master-detail: inserting under a deal the user cannot see fails like the platform's DML does.
        if (!store.visibleOpportunity(context.userId, opportunityId)) {
            throw new ApexError(`insufficient access rights on cross-reference id: ${opportunityId}`);
        }
        const feedback: NudgeFeedbackRecord = {
            Id: store.newId('Nudge_Feedback__c'),
            Opportunity__c: opportunityId,
            Nudge_Code__c: nudgeCode!,
            Outcome__c: outcome,
            Reason__c: trimmedReason,
            Recorded_At__c: store.nowIso(),
            User__c: context.userId,
            // The sample org's type has no null model version; an absent one is stored empty.
            Model_Version__c: modelVersion === null ? '' : abbreviate(modelVersion, 40)
        };
        store.org.nudgeFeedback.push(feedback);
        store.changed();
        return feedback.Id;
    }
};

// ==================================================================== PipelineReviewController

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
const RECENT_REVIEWS = 10;
const STUCK_REVIEW_COUNT = 3;
const SCORE_AT_REVIEW_WINDOW_DAYS = 60;
const MAX_DECISION_DATES = 20;
const MAX_ACTION_DECISIONS = 2000;
const FORECAST_CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Omitted'];
const BANDS: ReadonlySet<string> = new Set(['healthy', 'watch', 'at_risk']);
const DECISIONS: ReadonlySet<string> = new Set(['commit', 'push', 'disqualify', 'action', 'no_change']);
const MAX_DECISIONS = 200;
const MAX_TEXT = 255;
const STATUS_IN_PROGRESS = 'in_progress';
const STATUS_COMPLETED = 'completed';
const TASK_ID = /^00T[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const SEVERITY_RANK: Record<string, number> = { high: 3, medium: 2, low: 1 };

interface Criteria {
    ownerIds: ReadonlySet<string> | null;
    closeFrom: string | null;
    closeBefore: string | null;
    stage: string | null;
    forecastCategory: string | null;
    band: string | null;
}

interface ResolvedScope {
    scope: PipelineReviewRecord['Scope__c'];
    repId: string | null;
    label: string;
    criteria: Criteria;
}

function readBoardQuery(value: unknown): BoardQuery | null {
    const raw = readObject(value, 'query', 'PipelineReviewModels.BoardQuery');
    if (raw === null) return null;
    return {
        scope: readString(raw.scope, 'query'),
        repId: readId(raw.repId, 'query'),
        closeQuarter: readString(raw.closeQuarter, 'query'),
        stage: readString(raw.stage, 'query'),
        forecastCategory: readString(raw.forecastCategory, 'query'),
        band: readString(raw.band, 'query'),
        pageSize: readInteger(raw.pageSize, 'query'),
        cursorRisk: readDecimal(raw.cursorRisk, 'query'),
        cursorId: readId(raw.cursorId, 'query')
    };
}

function readDecisions(value: unknown): (DecisionInput | null)[] | null {
    const list = readList(value, 'decisions');
    if (list === null) return null;
    return list.map((item) => {
        const raw = readObject(item, 'decisions', 'List');
        if (raw === null) return null;
        return {
            opportunityId: readId(raw.opportunityId, 'decisions'),
            decision: readString(raw.decision, 'decisions'),
            newCloseDate: readDate(raw.newCloseDate, 'decisions'),
            reason: readString(raw.reason, 'decisions'),
            actionText: readString(raw.actionText, 'decisions'),
            actionOwnerId: readId(raw.actionOwnerId, 'decisions'),
            actionDueDate: readDate(raw.actionDueDate, 'decisions')
        };
    });
}

function addMonths(isoDay: string, months: number): string {
    const year = Number(isoDay.slice(0, 4));
    const month = Number(isoDay.slice(5, 7)) - 1 + months;
    return new Date(Date.UTC(year + Math.floor(month / 12), ((month % 12) + 12) % 12, 1)).toISOString().slice(0, 10);
}

/** PipelineReviewService.resolve: the validated scope and filters of a board query. */
function resolve(context: ApexContext, query: BoardQuery | null): ResolvedScope {
    if (query === null) {
        throw new ApexError('Choose a scope for the review: my team, one rep or all deals you can see.');
    }
    const criteria: Criteria = {
        ownerIds: null,
        closeFrom: null,
        closeBefore: null,
        stage: null,
        forecastCategory: null,
        band: null
    };
    const teamScope = resolveTeamScope(context.store, context.userId, query.scope, query.repId);
    const { label, repId } = teamScope;
    criteria.ownerIds = teamScope.ownerIds;
    if (!isBlank(query.closeQuarter)) {
        const quarter = QUARTER.exec(query.closeQuarter!.trim());
        if (!quarter) {
            throw new ApexError(`The close quarter "${query.closeQuarter}" is not a quarter like 2026-Q3.`);
        }
        const month = (Number(quarter[2]) - 1) * 3 + 1;
        criteria.closeFrom = `${quarter[1]}-${String(month).padStart(2, '0')}-01`;
        criteria.closeBefore = addMonths(criteria.closeFrom, 3);
    }
    if (!isBlank(query.stage)) criteria.stage = query.stage!.trim();
    if (!isBlank(query.forecastCategory)) {
        if (!FORECAST_CATEGORIES.includes(query.forecastCategory!)) {
            throw new ApexError(
                `Unknown forecast category "${query.forecastCategory}"; use ${FORECAST_CATEGORIES.join(', ')}.`
            );
        }
        criteria.forecastCategory = query.forecastCategory;
    }
    if (!isBlank(query.band)) {
        if (!BANDS.has(query.band!)) {
            throw new ApexError(`Unknown band "${query.band}"; use healthy, watch or at_risk.`);
        }
        criteria.band = query.band;
    }
    return { scope: query.scope as ResolvedScope['scope'], repId, label, criteria };
}

/** Open opportunities in scope and filters that the user can see (PipelineReviewSelector.opportunityConditions). */
function opportunitiesInScope(context: ApexContext, criteria: Criteria): OpportunityRecord[] {
    const { store } = context;
    return store.org.opportunities.filter(
        (opportunity) =>
            !opportunity.IsClosed &&
            store.canAccessOwnedBy(context.userId, opportunity.OwnerId) &&
            (criteria.ownerIds === null || criteria.ownerIds.has(opportunity.OwnerId)) &&
            (criteria.closeFrom === null ||
                criteria.closeBefore === null ||
                (opportunity.CloseDate >= criteria.closeFrom && opportunity.CloseDate < criteria.closeBefore)) &&
            (criteria.stage === null || opportunity.StageName === criteria.stage) &&
            (criteria.forecastCategory === null || opportunity.ForecastCategoryName === criteria.forecastCategory)
    );
}

interface ScopedSnapshot {
    snapshot: StoredSnapshot;
    opportunity: OpportunityRecord;
    risk: number;
}

/** Risk_Weighted_Amount__c: BLANKVALUE(Amount, 0) * (100 - BLANKVALUE(Score__c, 0)) / 100, scale 2. */
function riskWeightedAmount(opportunity: OpportunityRecord, snapshot: StoredSnapshot): number {
    return Math.round((opportunity.Amount ?? 0) * (100 - (snapshot.Score__c ?? 0))) / 100;
}

/** Latest snapshots of open deals in scope, with the band filter (PipelineReviewSelector.snapshotConditions). */
function latestSnapshotsInScope(context: ApexContext, criteria: Criteria): ScopedSnapshot[] {
    const scoped: ScopedSnapshot[] = [];
    for (const opportunity of opportunitiesInScope(context, criteria)) {
        const snapshot = context.store.latestSnapshot(opportunity.Id);
        if (!snapshot || (criteria.band !== null && snapshot.Band__c !== criteria.band)) continue;
        scoped.push({ snapshot, opportunity, risk: riskWeightedAmount(opportunity, snapshot) });
    }
    return scoped;
}

function byStartedDesc(a: PipelineReviewRecord, b: PipelineReviewRecord): number {
    return a.Started_At__c < b.Started_At__c ? 1 : a.Started_At__c > b.Started_At__c ? -1 : 0;
}

function completedReviews(context: ApexContext, maxRows: number): PipelineReviewRecord[] {
    return context.store.org.pipelineReviews
        .filter(
            (review) =>
                review.Manager__c === context.userId && review.Status__c === STATUS_COMPLETED && review.Started_At__c
        )
        .sort(byStartedDesc)
        .slice(0, maxRows);
}

function openReview(context: ApexContext): PipelineReviewRecord | undefined {
    // Newest start first; among equal starts, the one created last.
    return context.store.org.pipelineReviews
        .map((review, position) => ({ review, position }))
        .filter(({ review }) => review.Manager__c === context.userId && review.Status__c === STATUS_IN_PROGRESS)
        .sort((a, b) => byStartedDesc(a.review, b.review) || b.position - a.position)[0]?.review;
}

/** Decisions other than no change, per deal, newest first, with their CreatedDate. */
function decisionDatesByDeal(context: ApexContext): Map<string, string[]> {
    const byDeal = new Map<string, string[]>();
    for (const decision of context.store.org.reviewDecisions) {
        if (decision.Decision__c === 'no_change') continue;
        const dates = byDeal.get(decision.Opportunity__c) ?? [];
        dates.push(context.store.decisionCreatedDate(decision.Id));
        byDeal.set(decision.Opportunity__c, dates);
    }
    for (const dates of byDeal.values()) dates.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    return byDeal;
}

function topRisk(risks: readonly Risk[]): Risk | null {
    let top: Risk | null = null;
    let topRank = 0;
    for (const risk of risks) {
        const rank = SEVERITY_RANK[risk.severity];
        if (rank !== undefined && rank > topRank) {
            top = risk;
            topRank = rank;
        }
    }
    return top;
}

function toRow(context: ApexContext, { snapshot, opportunity, risk }: ScopedSnapshot): BoardRow {
    const top = topRisk(snapshot.risks);
    return {
        snapshotId: snapshot.Id,
        opportunityId: opportunity.Id,
        name: opportunity.Name,
        ownerId: opportunity.OwnerId,
        ownerName: userName(context, opportunity.OwnerId) ?? '',
        stage: opportunity.StageName,
        amount: opportunity.Amount,
        closeDate: opportunity.CloseDate,
        closeDatePushCount: 0,
        forecastCategory: opportunity.ForecastCategoryName,
        nextStep: opportunity.NextStep,
        lastActivityDate: opportunity.LastActivityDate,
        createdDate: opportunity.CreatedDate,
        stageEnteredAt: context.store.lastStageChangeDate(opportunity.Id),
        daysInStage: null,
        score: snapshot.Score__c,
        band: snapshot.Band__c,
        topRisk: top === null ? null : isBlank(top.message) ? top.code : top.message,
        topRiskSeverity: top?.severity ?? null,
        riskWeightedAmount: risk,
        stageAtLastReview: null,
        amountAtLastReview: null,
        closeDateAtLastReview: null,
        scoreAtLastReview: null,
        decisionDates: []
    };
}

/** PipelineReviewService.addHistory: push count, stage entry, days in stage, the baseline and the decision dates. */
function addHistory(
    context: ApexContext,
    row: BoardRow,
    lastReviewAt: string | null,
    decisionDates: readonly string[]
): void {
    const { store } = context;
    const history = store.index().historyByOpportunity.get(row.opportunityId) ?? [];
    let previousClose: string | null = null;
    let previousStage: string | null = null;
    let lastStageChange: string | null = null;
    let atLastReview: (typeof history)[number] | null = null;
    for (const change of history) {
        if (previousClose !== null && change.CloseDate > previousClose) row.closeDatePushCount! += 1;
        previousClose = change.CloseDate;
        if (change.StageName !== previousStage) {
            lastStageChange = change.CreatedDate;
            previousStage = change.StageName;
        }
        if (lastReviewAt !== null && change.CreatedDate <= lastReviewAt) atLastReview = change;
    }
    if (row.stageEnteredAt === null) row.stageEnteredAt = lastStageChange ?? row.createdDate;
    row.daysInStage = Math.max(0, dayOf(store.today()) - dayOf(row.stageEnteredAt.slice(0, 10)));
    if (atLastReview !== null) {
        row.stageAtLastReview = atLastReview.StageName;
        row.amountAtLastReview = atLastReview.Amount;
        row.closeDateAtLastReview = atLastReview.CloseDate;
    }
    // The newest snapshot scored in the window before the last review (none without a completed review).
    const scoredTo = lastReviewAt ?? new Date(0).toISOString();
    const scoredFrom = new Date(Date.parse(scoredTo) - SCORE_AT_REVIEW_WINDOW_DAYS * DAY_MS).toISOString();
    const atReview = store
        .snapshotsNewestFirst(row.opportunityId)
        .find((snapshot) => snapshot.Scored_At__c >= scoredFrom && snapshot.Scored_At__c <= scoredTo);
    if (atReview) row.scoreAtLastReview = atReview.Score__c;
    for (const decidedAt of decisionDates.slice(0, MAX_DECISION_DATES)) {
        if (decidedAt >= row.stageEnteredAt) row.decisionDates.push(decidedAt);
    }
}

function quarterOptions(today: string): Option[] {
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    const index = year * 4 + Math.floor((month - 1) / 3) - 1;
    const quarters: Option[] = [];
    for (let offset = 0; offset < 5; offset++) {
        const quarterYear = Math.floor((index + offset) / 4);
        const quarter = ((index + offset) % 4) + 1;
        quarters.push({ label: `Q${quarter} ${quarterYear}`, value: `${quarterYear}-Q${quarter}` });
    }
    return quarters;
}

function validationError(problems: readonly string[]): ApexError {
    return new ApexError(`Nothing was saved. ${problems.join(' ')}`);
}

/** The review when it exists, is visible, is the user's and is in progress; otherwise a problem is added. */
function requireOpenReview(
    context: ApexContext,
    reviewId: string | null,
    problems: string[]
): PipelineReviewRecord | null {
    const review = visibleReview(context, reviewId);
    if (!review) {
        problems.push(`The review ${text(reviewId)} was not found or is not visible to you.`);
        return null;
    }
    if (review.Manager__c !== context.userId) {
        problems.push(`The review "${review.Name}" belongs to another manager.`);
    } else if (review.Status__c !== STATUS_IN_PROGRESS) {
        problems.push(`The review "${review.Name}" is completed; start a new review to record decisions.`);
    }
    return review;
}

function visibleReview(context: ApexContext, reviewId: string | null): PipelineReviewRecord | undefined {
    if (reviewId === null) return undefined;
    const review = context.store.org.pipelineReviews.find((candidate) => candidate.Id === reviewId);
    return review && context.store.canAccessOwnedBy(context.userId, review.Manager__c) ? review : undefined;
}

function validateDecision(name: string, input: DecisionInput, activeOwners: ReadonlySet<string>, today: string) {
    const problems: string[] = [];
    const decision = input.decision;
    if (isBlank(decision) || !DECISIONS.has(decision!)) {
        problems.push(`${name}: unknown decision '${text(decision)}'.`);
    } else if (decision === 'push') {
        if (input.newCloseDate === null) problems.push(`${name}: a push needs the new close date.`);
        else if (input.newCloseDate < today) problems.push(`${name}: the new close date is in the past.`);
    } else if (decision === 'disqualify') {
        if (isBlank(input.reason)) problems.push(`${name}: a disqualification needs a reason.`);
        else if (input.reason!.trim().length > MAX_TEXT) {
            problems.push(`${name}: the reason is limited to ${MAX_TEXT} characters.`);
        }
    } else if (decision === 'action') {
        if (isBlank(input.actionText)) problems.push(`${name}: an action needs what to do.`);
        else if (input.actionText!.trim().length > MAX_TEXT) {
            problems.push(`${name}: the action is limited to ${MAX_TEXT} characters.`);
        }
        if (input.actionOwnerId === null) problems.push(`${name}: an action needs an owner.`);
        else if (!activeOwners.has(input.actionOwnerId))
            problems.push(`${name}: the action owner is not an active user.`);
        if (input.actionDueDate === null) problems.push(`${name}: an action needs a due date.`);
        else if (input.actionDueDate < today) problems.push(`${name}: the action has a due date in the past.`);
    }
    return problems;
}

function summarize(context: ApexContext, reviewId: string | null): SessionSummary {
    const review = visibleReview(context, reviewId);
    if (!review) throw new ApexError(`The review ${text(reviewId)} was not found or is not visible to you.`);
    const summary: SessionSummary = {
        reviewId: review.Id,
        reviewName: review.Name,
        status: review.Status__c,
        dealsReviewed: 0,
        commits: 0,
        pushes: 0,
        disqualifications: 0,
        actions: 0,
        noChanges: 0,
        tasksCreated: 0,
        zeroDecisionWarning: false
    };
    const deals = new Set<string>();
    for (const decision of context.store.org.reviewDecisions) {
        if (decision.Pipeline_Review__c !== review.Id) continue;
        deals.add(decision.Opportunity__c);
        if (decision.Decision__c === 'commit') summary.commits += 1;
        else if (decision.Decision__c === 'push') summary.pushes += 1;
        else if (decision.Decision__c === 'disqualify') summary.disqualifications += 1;
        else if (decision.Decision__c === 'action') {
            summary.actions += 1;
            summary.tasksCreated += isBlank(decision.Task_Id__c) ? 0 : 1;
        } else summary.noChanges += 1;
    }
    summary.dealsReviewed = deals.size;
    summary.zeroDecisionWarning = summary.commits + summary.pushes + summary.disqualifications + summary.actions === 0;
    return summary;
}

export const PipelineReviewController = {
    getScopeOptions(context: ApexContext): ScopeOptions {
        const { store } = context;
        const reps = store.teamMembers(context.userId).map((user) => ({ label: user.Name, value: user.Id }));
        return {
            reps,
            stages: store.org.stages
                .filter((stage) => !stage.isClosed)
                .map((stage) => ({ label: stage.apiName, value: stage.apiName })),
            forecastCategories: FORECAST_CATEGORIES.map((category) => ({ label: category, value: category })),
            quarters: quarterOptions(store.today()),
            hasTeam: reps.length > 0,
            openReviewId: openReview(context)?.Id ?? null
        };
    },

    getBoardPage(context: ApexContext, params: ApexParams): BoardPage {
        const query = readBoardQuery(params.query);
        const resolved = resolve(context, query);
        const pageSize = query!.pageSize ?? DEFAULT_PAGE_SIZE;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new ApexError(`The page size must be between 1 and ${MAX_PAGE_SIZE}.`);
        }
        const { cursorRisk, cursorId } = query!;
        if ((cursorRisk === null) !== (cursorId === null)) {
            throw new ApexError('A page cursor needs both the risk-weighted amount and the snapshot id.');
        }
        const reviewDates = completedReviews(context, RECENT_REVIEWS).map((review) => review.Started_At__c);
        const lastReviewAt = reviewDates[0] ?? null;
        const ordered = latestSnapshotsInScope(context, resolved.criteria)
            .filter(
                ({ snapshot, risk }) =>
                    cursorRisk === null ||
                    cursorId === null ||
                    risk < cursorRisk ||
                    (risk === cursorRisk && snapshot.Id < cursorId)
            )
            .sort(
                (a, b) =>
                    b.risk - a.risk || (a.snapshot.Id < b.snapshot.Id ? 1 : a.snapshot.Id > b.snapshot.Id ? -1 : 0)
            )
            .slice(0, pageSize + 1);
        const page: BoardPage = {
            rows: [],
            hasMore: ordered.length > pageSize,
            nextCursorRisk: null,
            nextCursorId: null,
            lastReviewAt,
            reviewDates
        };
        const shown = ordered.slice(0, pageSize);
        if (page.hasMore) {
            const last = shown[shown.length - 1]!;
            page.nextCursorRisk = last.risk;
            page.nextCursorId = last.snapshot.Id;
        }
        const decisionDates = decisionDatesByDeal(context);
        for (const scoped of shown) {
            const row = toRow(context, scoped);
            addHistory(context, row, lastReviewAt, decisionDates.get(row.opportunityId) ?? []);
            page.rows.push(row);
        }
        return page;
    },

    getBoardSummary(context: ApexContext, params: ApexParams): BoardSummary {
        const { criteria } = resolve(context, readBoardQuery(params.query));
        const { store } = context;
        const reviews = completedReviews(context, STUCK_REVIEW_COUNT);
        const inScope = opportunitiesInScope(context, criteria);
        const scoped = latestSnapshotsInScope(context, criteria);
        const summary: BoardSummary = {
            totalDeals: inScope.length,
            totalAmount: inScope.reduce((sum, opportunity) => sum + (opportunity.Amount ?? 0), 0),
            unscoredDeals: inScope.filter((opportunity) => !store.latestSnapshot(opportunity.Id)).length,
            healthyDeals: scoped.filter(({ snapshot }) => snapshot.Band__c === 'healthy').length,
            watchDeals: scoped.filter(({ snapshot }) => snapshot.Band__c === 'watch').length,
            atRiskDeals: scoped.filter(({ snapshot }) => snapshot.Band__c === 'at_risk').length,
            atRiskDecidedThisWeek: 0,
            stuckDeals: 0,
            overdueActions: 0,
            openActions: [],
            lastReviewAt: reviews[0]?.Started_At__c ?? null
        };
        const decisionDates = decisionDatesByDeal(context);
        const decidedSince = (opportunityId: string, since: string) =>
            (decisionDates.get(opportunityId) ?? []).some((decidedAt) => decidedAt >= since);
        const weekAgo = new Date(store.nowMs() - 7 * DAY_MS).toISOString();
        summary.atRiskDecidedThisWeek = scoped.filter(
            ({ snapshot, opportunity }) => snapshot.Band__c === 'at_risk' && decidedSince(opportunity.Id, weekAgo)
        ).length;
        if (reviews.length >= STUCK_REVIEW_COUNT) {
            const cutoff = reviews[STUCK_REVIEW_COUNT - 1]!.Started_At__c;
            summary.stuckDeals = scoped.filter(({ opportunity }) => {
                const changedAt = store.lastStageChangeDate(opportunity.Id);
                const entered = changedAt === null ? opportunity.CreatedDate <= cutoff : changedAt <= cutoff;
                return entered && !decidedSince(opportunity.Id, cutoff);
            }).length;
        }
        addOpenActions(context, summary);
        return summary;
    },

    startReview(context: ApexContext, params: ApexParams): string {
        const query = readBoardQuery(params.query);
        const resolved = resolve(context, query);
        const open = openReview(context);
        if (open) return open.Id;
        const { store } = context;
        const now = store.nowIso();
        const review: PipelineReviewRecord = {
            Id: store.newId('Pipeline_Review__c'),
            Name: abbreviate(`Pipeline review ${now.slice(0, 10)} (${resolved.label})`, 80),
            Manager__c: context.userId,
            Scope__c: resolved.scope,
            Scope_Rep__c: resolved.repId,
            Status__c: STATUS_IN_PROGRESS,
            Started_At__c: now,
            Ended_At__c: null,
            Deals_Reviewed__c: 0,
            Filters_Json__c: JSON.stringify({
                scope: query!.scope,
                repId: query!.repId,
                closeQuarter: query!.closeQuarter,
                stage: query!.stage,
                forecastCategory: query!.forecastCategory,
                band: query!.band
            })
        };
        store.org.pipelineReviews.push(review);
        store.changed();
        return review.Id;
    },

    /** All or nothing: every problem is reported at once and nothing is written unless there is none. */
    saveDecisions(context: ApexContext, params: ApexParams): SaveResult {
        const reviewId = readId(params.reviewId, 'reviewId');
        const decisions = readDecisions(params.decisions);
        const { store } = context;
        const problems: string[] = [];
        const review = requireOpenReview(context, reviewId, problems);
        if (decisions === null || decisions.length === 0) problems.push('Record at least one decision.');
        else if (decisions.length > MAX_DECISIONS) {
            problems.push(`At most ${MAX_DECISIONS} decisions can be saved at once; save them in parts.`);
        }
        if (problems.length > 0) throw validationError(problems);
        const inputs = decisions!;

        const deals = new Map<string, OpportunityRecord>();
        const activeOwners = new Set<string>();
        for (const input of inputs) {
            const deal = store.visibleOpportunity(context.userId, input?.opportunityId ?? null);
            if (deal) deals.set(deal.Id, deal);
            const owner = input?.actionOwnerId ? store.user(input.actionOwnerId) : undefined;
            if (owner?.IsActive) activeOwners.add(owner.Id);
        }
        const anyDisqualify = inputs.some((input) => input?.decision === 'disqualify');
        const lostStage = anyDisqualify
            ? (store.org.stages.find((stage) => stage.isClosed && !stage.isWon)?.apiName ?? null)
            : null;

        const today = store.today();
        const perDeal = new Map<string, number>();
        for (const input of inputs) {
            if (input === null || input.opportunityId === null) {
                problems.push('A decision names no deal.');
                continue;
            }
            perDeal.set(input.opportunityId, (perDeal.get(input.opportunityId) ?? 0) + 1);
        }
        const reported = new Set<string>();
        for (const input of inputs) {
            if (input === null || input.opportunityId === null) continue;
            const deal = deals.get(input.opportunityId);
            const name = deal?.Name ?? input.opportunityId;
            if (!deal) {
                if (!reported.has(input.opportunityId)) {
                    reported.add(input.opportunityId);
                    problems.push(`${name}: the opportunity was not found or is not visible to you.`);
                }
                continue;
            }
            const count = perDeal.get(deal.Id) ?? 0;
            if (count > 1 && !reported.has(deal.Id)) {
                reported.add(deal.Id);
                problems.push(`${name}: one decision per deal; this deal has ${count}.`);
            }
            // Visible deals are editable here: owners and the managers above them in the role hierarchy.
            problems.push(...validateDecision(name, input, activeOwners, today));
        }
        if (anyDisqualify && lostStage === null) {
            problems.push('No active closed stage that is not won exists to disqualify deals into; ask your admin.');
        }
        if (problems.length > 0) throw validationError(problems);
        return writeDecisions(context, review!, inputs as DecisionInput[], deals, lostStage);
    },

    endReview(context: ApexContext, params: ApexParams): SessionSummary {
        const reviewId = readId(params.reviewId, 'reviewId');
        const problems: string[] = [];
        const review = requireOpenReview(context, reviewId, problems);
        if (problems.length > 0) throw validationError(problems);
        const deals = new Set(
            context.store.org.reviewDecisions
                .filter((decision) => decision.Pipeline_Review__c === review!.Id)
                .map((decision) => decision.Opportunity__c)
        );
        review!.Status__c = STATUS_COMPLETED;
        review!.Ended_At__c = context.store.nowIso();
        review!.Deals_Reviewed__c = deals.size;
        context.store.changed();
        return summarize(context, review!.Id);
    },

    getSessionSummary(context: ApexContext, params: ApexParams): SessionSummary {
        return summarize(context, readId(params.reviewId, 'reviewId'));
    }
};

/** ReviewDecisionService.write: decisions, their Tasks and the deal changes, after validation passed. */
function writeDecisions(
    context: ApexContext,
    review: PipelineReviewRecord,
    inputs: readonly DecisionInput[],
    deals: ReadonlyMap<string, OpportunityRecord>,
    lostStage: string | null
): SaveResult {
    const { store } = context;
    const now = store.nowIso();
    const result: SaveResult = { savedCount: 0, tasksCreated: 0, decisionIds: [] };
    for (const input of inputs) {
        const deal = deals.get(input.opportunityId!)!;
        const kind = input.decision as DecisionKind;
        const record: ReviewDecisionRecord = {
            Id: store.newId('Review_Decision__c'),
            Pipeline_Review__c: review.Id,
            Opportunity__c: deal.Id,
            Decision__c: kind,
            Stage_At_Review__c: abbreviate(deal.StageName, 80),
            Amount_At_Review__c: deal.Amount,
            Close_Date_At_Review__c: deal.CloseDate,
            Score_At_Review__c: store.latestSnapshot(deal.Id)?.Score__c ?? null,
            New_Close_Date__c: kind === 'push' ? input.newCloseDate : null,
            Disqualify_Reason__c: kind === 'disqualify' ? input.reason!.trim() : null,
            Action_Text__c: kind === 'action' ? input.actionText!.trim() : null,
            Action_Owner__c: kind === 'action' ? input.actionOwnerId : null,
            Action_Due_Date__c: kind === 'action' ? input.actionDueDate : null,
            Task_Id__c: null
        };
        if (kind === 'action') {
            const task: StoredTask = {
                Id: store.newId('Task'),
                WhatId: deal.Id,
                WhoId: null,
                OwnerId: input.actionOwnerId!,
                Subject: input.actionText!.trim(),
                TaskSubtype: 'Task',
                Status: 'Not Started',
                Priority: 'Normal',
                ActivityDate: input.actionDueDate!,
                IsClosed: false,
                CreatedDate: now,
                Description: `Action agreed in the pipeline review "${review.Name}".`
            };
            store.org.tasks.push(task);
            record.Task_Id__c = task.Id;
            result.tasksCreated += 1;
        }
        store.org.reviewDecisions.push(record);
        store.recordDecisionCreated(record.Id, now);
        result.decisionIds.push(record.Id);
    }
    // The deal changes come after every decision recorded the deal as it was at the review.
    for (const input of inputs) {
        const dealId = input.opportunityId!;
        if (input.decision === 'commit') store.updateOpportunity(dealId, { ForecastCategoryName: 'Commit' });
        else if (input.decision === 'push') store.updateOpportunity(dealId, { CloseDate: input.newCloseDate! });
        else if (input.decision === 'disqualify') store.updateOpportunity(dealId, { StageName: lostStage! });
    }
    store.changed();
    result.savedCount = inputs.length;
    return result;
}

/** Open Tasks created by the manager's action decisions (every session), soonest due first. */
function addOpenActions(context: ApexContext, summary: BoardSummary): void {
    const { store } = context;
    const reviewById = new Map(store.org.pipelineReviews.map((review) => [review.Id, review]));
    const decisionByTask = new Map<string, ReviewDecisionRecord>();
    const actionDecisions = store.org.reviewDecisions
        .filter(
            (decision) =>
                decision.Decision__c === 'action' &&
                decision.Task_Id__c !== null &&
                reviewById.get(decision.Pipeline_Review__c)?.Manager__c === context.userId
        )
        .sort((a, b) => {
            const left = store.decisionCreatedDate(a.Id);
            const right = store.decisionCreatedDate(b.Id);
            return left < right ? 1 : left > right ? -1 : 0;
        })
        .slice(0, MAX_ACTION_DECISIONS);
    for (const decision of actionDecisions) {
        if (TASK_ID.test(decision.Task_Id__c!)) decisionByTask.set(decision.Task_Id__c!, decision);
    }
    const today = store.today();
    const tasks = store.org.tasks
        .filter((task) => decisionByTask.has(task.Id) && !task.IsClosed)
        .sort((a, b) => (a.ActivityDate < b.ActivityDate ? -1 : a.ActivityDate > b.ActivityDate ? 1 : 0));
    for (const task of tasks) {
        const decision = decisionByTask.get(task.Id)!;
        const item: ActionItem = {
            taskId: task.Id,
            subject: task.Subject,
            ownerId: task.OwnerId,
            ownerName: userName(context, task.OwnerId) ?? '',
            dueDate: task.ActivityDate,
            isOverdue: task.ActivityDate !== null && task.ActivityDate < today,
            opportunityId: decision.Opportunity__c,
            opportunityName: store.opportunity(decision.Opportunity__c)?.Name ?? '',
            reviewName: reviewById.get(decision.Pipeline_Review__c)?.Name ?? ''
        };
        summary.openActions.push(item);
        if (item.isOverdue) summary.overdueActions += 1;
    }
}

// ==================================================================== registry

/** Every stand-in Apex method, keyed `Class.method` as the component imports it (`@salesforce/apex/Class.method`). */
export const APEX_METHODS: Readonly<Record<string, ApexMethod>> = {
    'DealHealthController.getDealHealth': DealHealthController.getDealHealth,
    'DealHealthController.rescoreDeal': DealHealthController.rescoreDeal,
    'PlaybookController.getPlaybook': PlaybookController.getPlaybook,
    'PlaybookController.markStep': PlaybookController.markStep,
    'NudgeController.getNudges': NudgeController.getNudges,
    'NudgeController.recordNudgeFeedback': NudgeController.recordNudgeFeedback,
    'PipelineReviewController.getScopeOptions': PipelineReviewController.getScopeOptions,
    'PipelineReviewController.getBoardPage': PipelineReviewController.getBoardPage,
    'PipelineReviewController.getBoardSummary': PipelineReviewController.getBoardSummary,
    'PipelineReviewController.startReview': PipelineReviewController.startReview,
    'PipelineReviewController.saveDecisions': PipelineReviewController.saveDecisions,
    'PipelineReviewController.endReview': PipelineReviewController.endReview,
    'PipelineReviewController.getSessionSummary': PipelineReviewController.getSessionSummary,
    'StrategyCheckController.getFilterOptions': StrategyCheckController.getFilterOptions,
    'StrategyCheckController.getStrategyCheck': StrategyCheckController.getStrategyCheck
};
