/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. Never deployed; the real controller is
 * force-app/main/default/classes/PipelineReviewController.cls (and the services and selectors it calls).
 *
 * One function per @AuraEnabled method, taking the same named parameters the LWC passes and returning the JSON the
 * Apex class serializes, with the same validation and the same messages.
 */
import { type Risk } from '../../service/src/contract';
import { dayOf } from '../sample-org/dates';
import type { OpportunityRecord, PipelineReviewRecord, ReviewDecisionRecord } from '../sample-org/types';
import type {
    ActionItem,
    BoardLoad,
    BoardPage,
    BoardQuery,
    BoardRow,
    BoardSummary,
    DecisionInput,
    DecisionKind,
    Option,
    SaveResult,
    ScopeOptions,
    SessionSummary
} from './apex-types';
import {
    abbreviate,
    ApexError,
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
import type { StoredSnapshot, StoredTask } from './store';
import { resolveTeamScope } from './team-scope';
import { accountNameOf, addSavedDecisions, rankedRisks, SAMPLE_ORG_CURRENCY } from './ReviewBoardRows';
import { label } from './labels';
import { type ApexContext, type ParamsOf, DAY_MS, userName } from './apex-context';

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
        throw new ApexError(label('ReviewChooseScope'));
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
    const { repId } = teamScope;
    criteria.ownerIds = teamScope.ownerIds;
    if (!isBlank(query.closeQuarter)) {
        const quarter = QUARTER.exec(query.closeQuarter!.trim());
        if (!quarter) {
            throw new ApexError(label('ReviewBadCloseQuarter', query.closeQuarter));
        }
        const month = (Number(quarter[2]) - 1) * 3 + 1;
        criteria.closeFrom = `${quarter[1]}-${String(month).padStart(2, '0')}-01`;
        criteria.closeBefore = addMonths(criteria.closeFrom, 3);
    }
    if (!isBlank(query.stage)) criteria.stage = query.stage!.trim();
    if (!isBlank(query.forecastCategory)) {
        if (!FORECAST_CATEGORIES.includes(query.forecastCategory!)) {
            throw new ApexError(
                label('ReviewUnknownForecastCategory', query.forecastCategory, FORECAST_CATEGORIES.join(', '))
            );
        }
        criteria.forecastCategory = query.forecastCategory;
    }
    if (!isBlank(query.band)) {
        if (!BANDS.has(query.band!)) {
            throw new ApexError(label('ReviewUnknownBand', query.band));
        }
        criteria.band = query.band;
    }
    return { scope: query.scope as ResolvedScope['scope'], repId, label: teamScope.label, criteria };
}

/** Open opportunities in scope and filters that the user can see (PipelineReviewSelector.opportunityConditions). */
function opportunitiesInScope(context: ApexContext, criteria: Criteria): OpportunityRecord[] {
    const visibleOwners = context.store.accessibleOwnerIds(context.userId);
    return context.store.org.opportunities.filter(
        (opportunity) =>
            !opportunity.IsClosed &&
            visibleOwners.has(opportunity.OwnerId) &&
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

/** What the board reads for one user and one set of filters: the deals in scope and their latest snapshots. */
interface BoardScope {
    inScope: OpportunityRecord[];
    /** Latest snapshots of those deals, with the band filter, in record order. */
    scoped: ScopedSnapshot[];
    /** The same, riskiest first (risk-weighted amount, then snapshot id, both descending): the board's order. */
    ordered: ScopedSnapshot[];
}

/**
 * Board scopes by running user and filters, per index of the store: a write makes a new index (store.changed), so
 * a scope is computed once after each write and then shared by the summary, the first page and the next pages.
 */
const boardScopesByIndex = new WeakMap<object, Map<string, BoardScope>>();

function boardScope(context: ApexContext, criteria: Criteria): BoardScope {
    const index = context.store.index();
    let scopes = boardScopesByIndex.get(index);
    if (!scopes) {
        scopes = new Map();
        boardScopesByIndex.set(index, scopes);
    }
    const key = JSON.stringify([
        context.userId,
        criteria.ownerIds === null ? null : [...criteria.ownerIds].sort(),
        criteria.closeFrom,
        criteria.closeBefore,
        criteria.stage,
        criteria.forecastCategory,
        criteria.band
    ]);
    let scope = scopes.get(key);
    if (!scope) {
        const inScope = opportunitiesInScope(context, criteria);
        const scoped = latestSnapshotsOf(context, inScope, criteria);
        const ordered = [...scoped].sort(
            (a, b) => b.risk - a.risk || (a.snapshot.Id < b.snapshot.Id ? 1 : a.snapshot.Id > b.snapshot.Id ? -1 : 0)
        );
        scope = { inScope, scoped, ordered };
        scopes.set(key, scope);
    }
    return scope;
}

/** Latest snapshots of open deals in scope, with the band filter (PipelineReviewSelector.snapshotConditions). */
function latestSnapshotsOf(
    context: ApexContext,
    inScope: readonly OpportunityRecord[],
    criteria: Criteria
): ScopedSnapshot[] {
    const scoped: ScopedSnapshot[] = [];
    for (const opportunity of inScope) {
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

/** decisionDatesByDeal per index of the store (decisions are written with store.changed, which makes a new one). */
const decisionDatesByIndex = new WeakMap<object, Map<string, string[]>>();

/** Decisions other than no change, per deal, newest first, with their CreatedDate. */
function decisionDatesByDeal(context: ApexContext): Map<string, string[]> {
    const index = context.store.index();
    const cached = decisionDatesByIndex.get(index);
    if (cached) return cached;
    const byDeal = new Map<string, string[]>();
    for (const decision of context.store.org.reviewDecisions) {
        if (decision.Decision__c === 'no_change') continue;
        const dates = byDeal.get(decision.Opportunity__c) ?? [];
        dates.push(context.store.decisionCreatedDate(decision.Id));
        byDeal.set(decision.Opportunity__c, dates);
    }
    for (const dates of byDeal.values()) dates.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    decisionDatesByIndex.set(index, byDeal);
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

/** A board row as the twin builds it: the fields Apex always sets are known to be there. */
type BuiltBoardRow = BoardRow & {
    opportunityId: string;
    createdDate: string;
    stageEnteredAt: string | null;
    closeDatePushCount: number;
};

function toRow(context: ApexContext, { snapshot, opportunity, risk }: ScopedSnapshot): BuiltBoardRow {
    const top = topRisk(snapshot.risks);
    return {
        snapshotId: snapshot.Id,
        opportunityId: opportunity.Id,
        name: opportunity.Name,
        ownerId: opportunity.OwnerId,
        accountName: accountNameOf(context.store, opportunity.AccountId),
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
        risks: rankedRisks(snapshot.risks),
        riskWeightedAmount: risk,
        stageAtLastReview: null,
        amountAtLastReview: null,
        closeDateAtLastReview: null,
        scoreAtLastReview: null,
        decisionDates: [],
        savedDecision: null
    };
}

/** PipelineReviewService.addHistory: push count, stage entry, days in stage, the baseline and the decision dates. */
function addHistory(
    context: ApexContext,
    row: BuiltBoardRow,
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
        if (previousClose !== null && change.CloseDate > previousClose) row.closeDatePushCount += 1;
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
    return new ApexError(label('ReviewNothingSaved', problems.join(' ')));
}

/** The review when it exists, is visible, is the user's and is in progress; otherwise a problem is added. */
function requireOpenReview(
    context: ApexContext,
    reviewId: string | null,
    problems: string[]
): PipelineReviewRecord | null {
    const review = visibleReview(context, reviewId);
    if (!review) {
        problems.push(label('ReviewNotFound', text(reviewId)));
        return null;
    }
    if (review.Manager__c !== context.userId) {
        problems.push(label('ReviewOtherManager', review.Name));
    } else if (review.Status__c !== STATUS_IN_PROGRESS) {
        problems.push(label('ReviewCompleted', review.Name));
    }
    return review;
}

function visibleReview(context: ApexContext, reviewId: string | null): PipelineReviewRecord | undefined {
    if (reviewId === null) return undefined;
    const review = context.store.org.pipelineReviews.find((candidate) => candidate.Id === reviewId);
    return review && context.store.canAccessOwnedBy(context.userId, review.Manager__c) ? review : undefined;
}

/**
 * ReviewDecisionService.validateDecision: every problem of one decision, in order. Replayed with Apex from
 * force-app/test/behaviour-cases/review-decision-validation.json.
 */
export function validateDecision(
    name: string,
    input: DecisionInput,
    activeOwners: ReadonlySet<string>,
    today: string
): string[] {
    const problems: string[] = [];
    const decision = input.decision;
    if (isBlank(decision) || !DECISIONS.has(decision!)) {
        problems.push(label('ReviewDecisionUnknown', name, decision));
    } else if (decision === 'push') {
        if (input.newCloseDate === null) problems.push(label('ReviewPushNeedsDate', name));
        else if (input.newCloseDate < today) problems.push(label('ReviewPushDateInPast', name));
    } else if (decision === 'disqualify') {
        if (isBlank(input.reason)) problems.push(label('ReviewDisqualifyNeedsReason', name));
        else if (input.reason!.trim().length > MAX_TEXT) {
            problems.push(label('ReviewDisqualifyReasonTooLong', name, MAX_TEXT));
        }
    } else if (decision === 'action') {
        if (isBlank(input.actionText)) problems.push(label('ReviewActionNeedsText', name));
        else if (input.actionText!.trim().length > MAX_TEXT) {
            problems.push(label('ReviewActionTextTooLong', name, MAX_TEXT));
        }
        if (input.actionOwnerId === null) problems.push(label('ReviewActionNeedsOwner', name));
        else if (!activeOwners.has(input.actionOwnerId)) problems.push(label('ReviewActionOwnerInactive', name));
        if (input.actionDueDate === null) problems.push(label('ReviewActionNeedsDueDate', name));
        else if (input.actionDueDate < today) problems.push(label('ReviewActionDueDateInPast', name));
    }
    return problems;
}

function summarize(context: ApexContext, reviewId: string | null): SessionSummary {
    const review = visibleReview(context, reviewId);
    if (!review) throw new ApexError(label('ReviewNotFound', text(reviewId)));
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
    /** PipelineReviewService.loadBoard: options, the scope used, totals and the first page in one round trip. */
    loadBoard(context: ApexContext, params: ParamsOf<'PipelineReviewController.loadBoard'>): BoardLoad {
        const options = PipelineReviewController.getScopeOptions(context);
        const given = params.query === null || params.query === undefined ? {} : params.query;
        const query = { ...readObject(given, 'query', 'PipelineReviewModels.BoardQuery') };
        if (isBlank(typeof query.scope === 'string' ? query.scope : null)) {
            query.scope = options.hasTeam ? 'my_team' : 'all_visible';
        }
        return {
            options,
            scope: query.scope as string,
            summary: PipelineReviewController.getBoardSummary(context, {
                query
            } as ParamsOf<'PipelineReviewController.getBoardSummary'>),
            page: PipelineReviewController.getBoardPage(context, {
                query
            } as ParamsOf<'PipelineReviewController.getBoardPage'>)
        };
    },

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

    getBoardPage(context: ApexContext, params: ParamsOf<'PipelineReviewController.getBoardPage'>): BoardPage {
        const query = readBoardQuery(params.query);
        const resolved = resolve(context, query);
        const pageSize = query!.pageSize ?? DEFAULT_PAGE_SIZE;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new ApexError(label('ReviewBadPageSize', MAX_PAGE_SIZE));
        }
        const { cursorRisk, cursorId } = query!;
        if ((cursorRisk === null) !== (cursorId === null)) {
            throw new ApexError(label('ReviewBadCursor'));
        }
        const reviewDates = completedReviews(context, RECENT_REVIEWS).map((review) => review.Started_At__c);
        const lastReviewAt = reviewDates[0] ?? null;
        const ordered = boardScope(context, resolved.criteria)
            .ordered.filter(
                ({ snapshot, risk }) =>
                    cursorRisk === null ||
                    cursorId === null ||
                    risk < cursorRisk ||
                    (risk === cursorRisk && snapshot.Id < cursorId)
            )
            .slice(0, pageSize + 1);
        const page: BoardPage = {
            rows: [],
            hasMore: ordered.length > pageSize,
            nextCursorRisk: null,
            nextCursorId: null,
            lastReviewAt,
            reviewDates,
            decisionReviewId: null
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
        addSavedDecisions(context.store, context.userId, page);
        return page;
    },

    getBoardSummary(context: ApexContext, params: ParamsOf<'PipelineReviewController.getBoardSummary'>): BoardSummary {
        const { criteria } = resolve(context, readBoardQuery(params.query));
        const { store } = context;
        const reviews = completedReviews(context, STUCK_REVIEW_COUNT);
        const { inScope, scoped } = boardScope(context, criteria);
        // With a band filter the totals describe the listed deals (PipelineReviewSelector.totalsOf).
        const totalled = criteria.band === null ? inScope : scoped.map(({ opportunity }) => opportunity);
        const summary: BoardSummary = {
            currencyIsoCode: SAMPLE_ORG_CURRENCY,
            totalDeals: totalled.length,
            totalAmount: totalled.reduce((sum, opportunity) => sum + (opportunity.Amount ?? 0), 0),
            unscoredDeals:
                criteria.band === null
                    ? inScope.filter((opportunity) => !store.latestSnapshot(opportunity.Id)).length
                    : 0,
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

    startReview(context: ApexContext, params: ParamsOf<'PipelineReviewController.startReview'>): string {
        const query = readBoardQuery(params.query);
        const resolved = resolve(context, query);
        const open = openReview(context);
        if (open) return open.Id;
        const { store } = context;
        const now = store.nowIso();
        const review: PipelineReviewRecord = {
            Id: store.newId('Pipeline_Review__c'),
            Name: abbreviate(label('ReviewSessionName', now.slice(0, 10), resolved.label), 80),
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
    saveDecisions(context: ApexContext, params: ParamsOf<'PipelineReviewController.saveDecisions'>): SaveResult {
        const reviewId = readId(params.reviewId, 'reviewId');
        const decisions = readDecisions(params.decisions);
        const { store } = context;
        const problems: string[] = [];
        const review = requireOpenReview(context, reviewId, problems);
        if (decisions === null || decisions.length === 0) problems.push(label('ReviewNoDecisions'));
        else if (decisions.length > MAX_DECISIONS) {
            problems.push(label('ReviewTooManyDecisions', MAX_DECISIONS));
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
                problems.push(label('ReviewDecisionNoDeal'));
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
                    problems.push(label('ReviewDealNotVisible', name));
                }
                continue;
            }
            const count = perDeal.get(deal.Id) ?? 0;
            if (count > 1 && !reported.has(deal.Id)) {
                reported.add(deal.Id);
                problems.push(label('ReviewOneDecisionPerDeal', name, count));
            }
            // Visible deals are editable here: owners and the managers above them in the role hierarchy.
            problems.push(...validateDecision(name, input, activeOwners, today));
        }
        if (anyDisqualify && lostStage === null) {
            problems.push(label('ReviewNoLostStage'));
        }
        if (problems.length > 0) throw validationError(problems);
        return writeDecisions(context, review!, inputs as DecisionInput[], deals, lostStage);
    },

    endReview(context: ApexContext, params: ParamsOf<'PipelineReviewController.endReview'>): SessionSummary {
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

    getSessionSummary(
        context: ApexContext,
        params: ParamsOf<'PipelineReviewController.getSessionSummary'>
    ): SessionSummary {
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
                Description: label('ReviewActionTaskDescription', review.Name)
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

/** Each Task's position in the org by id, per index of the store (Tasks are written with store.changed). */
const taskPositionsByIndex = new WeakMap<object, Map<string, number>>();

function taskPositions(store: ApexContext['store']): Map<string, number> {
    const index = store.index();
    let positions = taskPositionsByIndex.get(index);
    if (!positions) {
        positions = new Map();
        // The first Task of an id, as a scan in order would find it.
        for (const [position, task] of store.org.tasks.entries())
            if (!positions.has(task.Id)) positions.set(task.Id, position);
        taskPositionsByIndex.set(index, positions);
    }
    return positions;
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
    // The decisions' Tasks by id rather than a scan of every Task, in the org's order (then soonest due first).
    const positions = taskPositions(store);
    const tasks = [...decisionByTask.keys()]
        .map((taskId) => positions.get(taskId))
        .filter((position): position is number => position !== undefined)
        .sort((a, b) => a - b)
        .map((position) => store.org.tasks[position]!)
        .filter((task) => !task.IsClosed)
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
