/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. Never deployed; the real controller is StrategyCheckController.cls.
 *
 * StrategyCheckController (with StrategyCheckService and StrategyQuarterAggregator) over the workbench store: the same
 * aggregates per playbook and quarter, the same messages, and the verdicts from the real Execution Loop service
 * (POST /v1/strategy/check). The calibration card stands for the stored Win_Probability_Model__c: the twin fits it
 * once per store through the real POST /v1/calibration/fit, as the monthly WinProbabilityCalibrationJob would.
 */
import {
    CalibrationFitResponse,
    StrategyCheckResponse,
    type CalibrationFitRequest,
    type SegmentQuarter,
    type StrategyCheckRequest
} from '../../service/src/contract';
import { calibrationExamples } from '../sample-org/calibration';
import { dayOf, isoDate } from '../sample-org/dates';
import { playbookMatchFor } from '../sample-org/scoring';
import type { OpportunityRecord } from '../sample-org/types';
import type { ApexContext, ParamsOf, ResultOf } from './apex-context';
import { label } from './labels';
import { callAnalyses } from './CallInsightsController';
import { developmentState } from './development-state';
import { ApexError, readString, text } from './params';
import { ServiceCallError } from './service-client';
import { postToService } from './service-json';
import type { WorkbenchStore } from './store';
import type { CalibrationCard, CheckView, SegmentView } from 'c/strategyCheckLogic';
import { resolveTeamScope, SCOPE_ALL_VISIBLE, SCOPE_ME, SCOPE_MY_TEAM, SCOPE_ONE_REP } from './team-scope';

export const STRATEGY_CHECK_PATH = '/v1/strategy/check';
export const CALIBRATION_FIT_PATH = '/v1/calibration/fit';
/** StrategyQuarterAggregator.RAN_PLAY_SHARE. */
export const RAN_PLAY_SHARE = 0.8;
const MAX_CLOSED_DEALS = 1000;
const QUARTERS_OFFERED = 8;
const NO_MANAGER = label('StrategyNoManager');
const DONE_STATUSES = new Set(['done', 'not_applicable']);

interface Option {
    label: string;
    value: string;
}

// The views are the component's (c/strategyCheckLogic), so the twin and the tab cannot drift apart.
export type { CalibrationCard, CheckView, SegmentView } from 'c/strategyCheckLogic';

// ---------------------------------------------------------------- quarters

/** StrategyCheckService.quarterStart: `YYYY-Qn` → its first day, or the Apex message. */
export function quarterStart(quarter: string | null): string {
    const parts = quarter === null ? null : /^(\d{4})-Q([1-4])$/.exec(quarter);
    if (!parts) throw new ApexError(label('StrategyBadQuarter', text(quarter)));
    return `${parts[1]}-${String((Number(parts[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function quarterOf(day: string): string {
    return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

function addMonths(day: string, months: number): string {
    const year = Number(day.slice(0, 4));
    const month = Number(day.slice(5, 7)) - 1 + months;
    const shifted = new Date(Date.UTC(year, month, 1));
    return shifted.toISOString().slice(0, 10);
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------- the aggregator

interface SegmentTotals {
    segment: string;
    label: string;
    won: number;
    lost: number;
    quarter: SegmentQuarter;
    wonCycleDays: number[];
    wonAmount: number;
    wonWithAmount: number;
    slipped: number;
}

function median(values: number[]): number | null {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** StrategyQuarterAggregator.aggregate over the store's closed deals of [from, before). */
function aggregate(
    store: WorkbenchStore,
    deals: OpportunityRecord[]
): { totals: Map<string, SegmentTotals>; unmatched: number } {
    const index = store.index();
    const progress = new Map<string, Map<string, { status: string; completedAt: string }>>();
    for (const row of store.org.playbookStepProgress) {
        const byStep = progress.get(row.Opportunity__c) ?? new Map();
        byStep.set(row.Step_Key__c, { status: row.Status__c, completedAt: row.Completed_At__c });
        progress.set(row.Opportunity__c, byStep);
    }
    const totals = new Map<string, SegmentTotals>();
    let unmatched = 0;
    for (const deal of deals) {
        const match = playbookMatchFor(index, deal, deal.Amount);
        if (!match) {
            unmatched++;
            continue;
        }
        const key = match.playbook.playbookKey;
        let segment = totals.get(key);
        if (!segment) {
            segment = {
                segment: key,
                label: match.playbook.label,
                won: 0,
                lost: 0,
                quarter: {
                    requiredStepsDue: 0,
                    requiredStepsDoneOnTime: 0,
                    gatesDue: 0,
                    gatesDoneOnTime: 0,
                    ranPlayWon: 0,
                    ranPlayLost: 0,
                    offPlayWon: 0,
                    offPlayLost: 0,
                    medianCycleDays: null,
                    slipRate: null,
                    meanWonAmount: null
                },
                wonCycleDays: [],
                wonAmount: 0,
                wonWithAmount: 0,
                slipped: 0
            };
            totals.set(key, segment);
        }
        const history = index.historyByOpportunity.get(deal.Id) ?? [];
        const exits = new Map<string, string>();
        let current: string | null = null;
        for (const row of history) {
            if (current !== null && row.StageName !== current && !exits.has(current))
                exits.set(current, row.CreatedDate);
            current = row.StageName;
        }
        const marks = progress.get(deal.Id) ?? new Map<string, { status: string; completedAt: string }>();
        let due = 0;
        let onTime = 0;
        for (const step of match.playbook.steps) {
            const deadline = exits.get(step.stage);
            if (deadline === undefined) continue;
            const mark = marks.get(step.stepKey);
            const done = mark !== undefined && DONE_STATUSES.has(mark.status) && mark.completedAt <= deadline;
            if (step.isRequired) {
                due++;
                if (done) onTime++;
            }
            // Is_Gate__c is in the package, so a gate always counts (Apex: gatesAvailable and step.Is_Gate__c).
            if (step.isGate) {
                segment.quarter.gatesDue++;
                if (done) segment.quarter.gatesDoneOnTime++;
            }
        }
        segment.quarter.requiredStepsDue += due;
        segment.quarter.requiredStepsDoneOnTime += onTime;
        const ranPlay = due > 0 && onTime >= RAN_PLAY_SHARE * due;
        if (deal.IsWon) {
            segment.won++;
            if (due > 0) segment.quarter[ranPlay ? 'ranPlayWon' : 'offPlayWon']++;
            segment.wonCycleDays.push(dayOf(deal.CloseDate) - dayOf(deal.CreatedDate.slice(0, 10)));
            if (deal.Amount !== null) {
                segment.wonAmount += deal.Amount;
                segment.wonWithAmount++;
            }
        } else {
            segment.lost++;
            if (due > 0) segment.quarter[ranPlay ? 'ranPlayLost' : 'offPlayLost']++;
        }
        let previousClose: string | null = null;
        let slipped = false;
        for (const row of history) {
            if (previousClose !== null && row.CloseDate > previousClose) slipped = true;
            previousClose = row.CloseDate;
        }
        if (slipped) segment.slipped++;
    }
    for (const segment of totals.values()) {
        const closed = segment.won + segment.lost;
        segment.quarter.medianCycleDays = median(segment.wonCycleDays);
        segment.quarter.slipRate = closed === 0 ? null : round(segment.slipped / closed, 4);
        segment.quarter.meanWonAmount =
            segment.wonWithAmount === 0 ? null : round(segment.wonAmount / segment.wonWithAmount, 2);
    }
    return { totals, unmatched };
}

function closedDeals(store: WorkbenchStore, from: string, before: string, owners: Set<string> | null, userId: string) {
    const deals = store.org.opportunities.filter(
        (deal) =>
            deal.IsClosed &&
            deal.CloseDate >= from &&
            deal.CloseDate < before &&
            (owners === null ? store.canAccessOwnedBy(userId, deal.OwnerId) : owners.has(deal.OwnerId))
    );
    if (deals.length > MAX_CLOSED_DEALS) {
        throw new ApexError(label('StrategyTooManyDeals', MAX_CLOSED_DEALS, quarterOf(from)));
    }
    return deals;
}

// ---------------------------------------------------------------- service calls

const fittedCards = new WeakMap<WorkbenchStore, Promise<CalibrationCard>>();

/** The stored model's card: fitted once per store, as the monthly job would have; a failed fit is retried. */
function calibrationCard(context: ApexContext): Promise<CalibrationCard> {
    const cached = fittedCards.get(context.store);
    if (cached) return cached;
    const fitting = fitCalibration(context);
    fittedCards.set(context.store, fitting);
    fitting.catch(() => fittedCards.delete(context.store));
    return fitting;
}

async function fitCalibration(context: ApexContext): Promise<CalibrationCard> {
    const examples = calibrationExamples(context.store.index());
    const fittedAt = context.store.nowIso();
    if (examples.length === 0) {
        return {
            hasModel: true,
            status: 'insufficient_history',
            showsProbability: false,
            fittedAt,
            wonCount: 0,
            lostCount: 0,
            minimumWon: null,
            minimumLost: null,
            reason: label('CalibrationNothingToFit'),
            evaluationJson: null
        };
    }
    const request: CalibrationFitRequest = { examples };
    const fit = await postToService(
        context.scoring,
        CALIBRATION_FIT_PATH,
        request,
        CalibrationFitResponse,
        context.store.calloutTimeoutMs()
    );
    return {
        hasModel: true,
        status: fit.status,
        showsProbability: fit.status === 'calibrated',
        fittedAt,
        wonCount: fit.history.won,
        lostCount: fit.history.lost,
        minimumWon: fit.minimumHistory.won,
        minimumLost: fit.minimumHistory.lost,
        reason: fit.status === 'calibrated' ? null : fit.reason,
        evaluationJson: fit.status === 'insufficient_history' ? null : JSON.stringify(fit.evaluation)
    };
}

// ---------------------------------------------------------------- loop health and forecast

function loopHealth(
    store: WorkbenchStore,
    from: string,
    before: string,
    owners: Set<string> | null,
    managers: Set<string> | null
): CheckView['loopHealth'] {
    const windowEnd = before > store.today() ? store.todayPlus(1) : before;
    const weeks = round((dayOf(windowEnd) - dayOf(from)) / 7, 1);
    const reviews = store.org.pipelineReviews.filter(
        (review) =>
            review.Started_At__c >= `${from}T00:00:00.000Z` &&
            review.Started_At__c < `${windowEnd}T00:00:00.000Z` &&
            (managers === null || managers.has(review.Manager__c))
    );
    const reviewIds = new Set(reviews.map((review) => review.Id));
    const managersReviewing = new Set(reviews.map((review) => review.Manager__c)).size;
    const decisions = store.org.reviewDecisions.filter((decision) => reviewIds.has(decision.Pipeline_Review__c));
    const counted = decisions.filter((decision) => decision.Decision__c !== 'no_change').length;
    const today = store.today();
    const openTaskIds = new Set(store.org.tasks.filter((task) => !task.IsClosed).map((task) => task.Id));
    const overdue = decisions.filter(
        (decision) =>
            decision.Decision__c === 'action' &&
            decision.Action_Due_Date__c !== null &&
            decision.Action_Due_Date__c < today &&
            decision.Task_Id__c !== null &&
            openTaskIds.has(decision.Task_Id__c)
    ).length;
    const inScope = (ownerId: string) => owners === null || owners.has(ownerId);
    const openDealIds = new Set(
        store.org.opportunities.filter((deal) => !deal.IsClosed && inScope(deal.OwnerId)).map((deal) => deal.Id)
    );
    const activeDeals = openDealIds.size;
    // StrategyCheckSelector.countRepsWithFocus counts by CreatedDate; a twin focus is created within its Month__c
    // (the month it is set in), and the window starts on a month, so the month decides the same way.
    const repsWithFocus = new Set(
        developmentState(store)
            .focuses.filter((focus) => focus.Month__c >= from && focus.Month__c < windowEnd && inScope(focus.Rep__c))
            .map((focus) => focus.Rep__c)
    ).size;
    // StrategyCheckSelector.countCallAnalysesOfOpenDeals: created in the window, on an open deal in scope.
    const analyses = callAnalyses(store).filter(
        (analysis) =>
            analysis.CreatedDate >= `${from}T00:00:00.000Z` &&
            analysis.CreatedDate < `${windowEnd}T00:00:00.000Z` &&
            openDealIds.has(analysis.Opportunity__c)
    ).length;
    return {
        reviewsHeld: reviews.length,
        managersReviewing,
        weeks,
        reviewsPerManagerPerWeek:
            managersReviewing > 0 && weeks > 0 ? round(reviews.length / managersReviewing / weeks, 2) : null,
        decisions: counted,
        decisionsPerReview: reviews.length === 0 ? null : round(counted / reviews.length, 2),
        overdueActions: overdue,
        // The package ships Rep_Focus__c and Call_Analysis__c, so the notes Apex sets for an org without them stay null.
        repsWithFocus,
        focusNote: null,
        activeDeals,
        callAnalysesPerActiveDeal: activeDeals > 0 ? round(analyses / activeDeals, 2) : null,
        callAnalysisNote: null
    };
}

const errorShare = (committed: number, won: number) =>
    committed === 0 ? null : round((won - committed) / committed, 4);

function forecast(store: WorkbenchStore, from: string, before: string, owners: Set<string> | null, userId: string) {
    const index = store.index();
    const inScope = (ownerId: string) =>
        owners === null ? store.canAccessOwnedBy(userId, ownerId) : owners.has(ownerId);
    const committedByOwner = new Map<string, number>();
    let committedDeals = 0;
    for (const deal of store.org.opportunities) {
        if (deal.CloseDate < from || !inScope(deal.OwnerId)) continue;
        const rows = (index.historyByOpportunity.get(deal.Id) ?? []).filter(
            (row) => row.CreatedDate < `${from}T00:00:00.000Z`
        );
        const asOf = rows[rows.length - 1];
        if (!asOf || asOf.ForecastCategory !== 'Forecast' || asOf.CloseDate < from || asOf.CloseDate >= before)
            continue;
        committedDeals++;
        committedByOwner.set(deal.OwnerId, (committedByOwner.get(deal.OwnerId) ?? 0) + (asOf.Amount ?? 0));
    }
    const wonByOwner = new Map<string, number>();
    let closedWonDeals = 0;
    for (const deal of store.org.opportunities) {
        if (!deal.IsWon || deal.CloseDate < from || deal.CloseDate >= before || !inScope(deal.OwnerId)) continue;
        closedWonDeals++;
        wonByOwner.set(deal.OwnerId, (wonByOwner.get(deal.OwnerId) ?? 0) + (deal.Amount ?? 0));
    }
    const roleById = new Map(store.org.userRoles.map((role) => [role.Id, role]));
    const managers = new Map<string, CheckView['forecast']['managers'][number]>();
    for (const ownerId of new Set([...committedByOwner.keys(), ...wonByOwner.keys()])) {
        const owner = store.user(ownerId);
        const parentRole = owner ? (roleById.get(owner.UserRoleId)?.ParentRoleId ?? null) : null;
        const key = parentRole ?? 'none';
        let manager = managers.get(key);
        if (!manager) {
            const holders = store.org.users
                .filter((user) => user.IsActive && parentRole !== null && user.UserRoleId === parentRole)
                .map((user) => user.Name)
                .sort();
            manager = {
                managerKey: key,
                managerName: holders.length > 0 ? holders.join(', ') : NO_MANAGER,
                committedAmount: 0,
                closedWonAmount: 0,
                errorShare: null
            };
            managers.set(key, manager);
        }
        manager.committedAmount += committedByOwner.get(ownerId) ?? 0;
        manager.closedWonAmount += wonByOwner.get(ownerId) ?? 0;
    }
    const rows = [...managers.values()].map((manager) => ({
        ...manager,
        errorShare: errorShare(manager.committedAmount, manager.closedWonAmount)
    }));
    const committedAmount = [...committedByOwner.values()].reduce((sum, amount) => sum + amount, 0);
    const closedWonAmount = [...wonByOwner.values()].reduce((sum, amount) => sum + amount, 0);
    return {
        committedDeals,
        committedAmount,
        closedWonDeals,
        closedWonAmount,
        errorShare: errorShare(committedAmount, closedWonAmount),
        managers: rows
    };
}

// ---------------------------------------------------------------- the controller

export const StrategyCheckController = {
    getFilterOptions(context: ApexContext): ResultOf<'StrategyCheckController.getFilterOptions'> {
        const start = quarterStart(quarterOf(context.store.today()));
        const quarters: Option[] = [];
        for (let back = 0; back < QUARTERS_OFFERED; back++) {
            const quarter = quarterOf(addMonths(start, -3 * back));
            quarters.push({ label: back === 0 ? label('StrategyQuarterToDate', quarter) : quarter, value: quarter });
        }
        return {
            quarters,
            scopes: [
                { label: label('ScopeOptionMyTeam'), value: SCOPE_MY_TEAM },
                { label: label('ScopeOptionAllVisible'), value: SCOPE_ALL_VISIBLE },
                { label: label('ScopeOptionMyDeals'), value: SCOPE_ME }
            ],
            defaultQuarter: quarterOf(start)
        };
    },

    async getStrategyCheck(
        context: ApexContext,
        params: ParamsOf<'StrategyCheckController.getStrategyCheck'>
    ): Promise<ResultOf<'StrategyCheckController.getStrategyCheck'>> {
        const quarter = readString(params.quarter, 'quarter');
        const scope = readString(params.scope, 'scope');
        const from = quarterStart(quarter);
        const before = addMonths(from, 3);
        const { store, userId } = context;
        if (from > store.today()) throw new ApexError(label('StrategyQuarterNotStarted', quarter));
        if (scope === SCOPE_ONE_REP) {
            throw new ApexError(label('StrategyScopeIsTeam'));
        }
        const resolved = resolveTeamScope(store, userId, scope, null);
        const owners = resolved.ownerIds;

        const current = aggregate(store, closedDeals(store, from, before, owners, userId));
        const previous = aggregate(store, closedDeals(store, addMonths(from, -3), from, owners, userId)).totals;
        const segments: SegmentView[] = [...current.totals.values()].map((totals) => ({
            segment: totals.segment,
            label: totals.label,
            closedDeals: totals.won + totals.lost,
            won: totals.won,
            lost: totals.lost,
            winRate: totals.won + totals.lost === 0 ? null : round(totals.won / (totals.won + totals.lost), 4),
            medianCycleDays: totals.quarter.medianCycleDays,
            slipRate: totals.quarter.slipRate,
            meanWonAmount: totals.quarter.meanWonAmount,
            requiredStepsDue: totals.quarter.requiredStepsDue,
            requiredStepsDoneOnTime: totals.quarter.requiredStepsDoneOnTime,
            gatesDue: totals.quarter.gatesDue,
            gatesDoneOnTime: totals.quarter.gatesDoneOnTime,
            verdict: null
        }));
        let rules: CheckView['rules'] = null;
        let verdictError: string | null = null;
        if (segments.length > 0) {
            const request: StrategyCheckRequest = {
                quarter: quarter!,
                segments: [...current.totals.values()].map((totals) => ({
                    segment: totals.segment,
                    label: totals.label,
                    current: totals.quarter,
                    previous: previous.get(totals.segment)?.quarter ?? null
                }))
            };
            try {
                const response = await postToService(
                    context.scoring,
                    STRATEGY_CHECK_PATH,
                    request,
                    StrategyCheckResponse,
                    store.calloutTimeoutMs()
                );
                rules = response.rules;
                response.segments.forEach((verdict, index) => (segments[index]!.verdict = verdict));
            } catch (error) {
                if (!(error instanceof ServiceCallError)) throw error;
                verdictError = label('StrategyNoVerdicts', error.message);
            }
        }
        const managers = owners === null ? null : new Set([...owners, userId]);
        let calibration: CalibrationCard;
        try {
            calibration = await calibrationCard(context);
        } catch (error) {
            if (!(error instanceof ServiceCallError)) throw error;
            calibration = {
                hasModel: false,
                status: null,
                showsProbability: false,
                fittedAt: null,
                wonCount: null,
                lostCount: null,
                minimumWon: null,
                minimumLost: null,
                reason: label('StrategyNoModelBecause', error.message),
                evaluationJson: null
            };
        }
        return {
            quarter: quarter!,
            quarterStart: from,
            quarterEnd: isoDate(dayOf(before) - 1),
            scopeLabel: resolved.label,
            segments,
            unmatchedDeals: current.unmatched,
            rules,
            verdictError,
            // Playbook_Step__mdt.Is_Gate__c is in the package (StrategyQuarterAggregator.orgHasGates).
            gatesAvailable: true,
            loopHealth: loopHealth(store, from, before, owners, managers),
            forecast: forecast(store, from, before, owners, userId),
            calibration
        };
    }
};
