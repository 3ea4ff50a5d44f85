/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. The real controller is force-app/main/default/classes/
 * RepDevelopmentController.cls (→ RepDevelopmentService → RepDevelopmentSelector).
 *
 * The Rep Development tab's reads and writes: per-rep figures (facts from the org, judged by the Execution Loop
 * service's development route), this month's and past focuses, practice per month; setting one focus per rep per
 * month and reviewing it. Same validation and messages as the Apex classes.
 */
import {
    DevelopmentResponse,
    METRIC_KEYS,
    SKILLS,
    toDealTable,
    type DevelopmentDeal,
    type DevelopmentRequest,
    type MetricKey
} from '../../service/src/contract';
import { METRICS } from '../../service/src/modules/development/engine';
import type { FocusView, PracticeMonth } from 'c/repDevelopmentLogic';
import type { ApexContext, ParamsOf, ResultOf } from './apex-context';
import { developmentFacts, DEVELOPMENT_WINDOW_DAYS } from './development-facts';
import { developmentState, monthOf, type RepDevelopmentSnapshotRecord, type RepFocusRecord } from './development-state';
import { label } from './labels';
import { ApexError, isBlank, readDecimal, readId, readString, text } from './params';
import { callAnalyses } from './CallInsightsController';
import { ServiceCallError } from './service-client';
import type { WorkbenchStore } from './store';
import { postToService } from './service-json';
import { resolveTeamScope, SCOPE_ME } from './team-scope';

export const DEVELOPMENT_PATH = '/v1/reps/development';
/** A loaded data set is a finished export, not a live pipeline: its window spans the contract's longest, 730 days. */
const DATA_SET_WINDOW_DAYS = 730;

/**
 * Why metrics are not captured, in words for the page's data notes: general rules on the org's records, not on which
 * org it is. The request itself carries what Apex sends (the data profile, and notCapturedFromFacts); a note is shown
 * only for a metric the service reports as not captured.
 */
function uncapturedMetrics(store: WorkbenchStore): Array<{ metrics: MetricKey[]; reason: string }> {
    const { org } = store;
    const found: Array<{ metrics: MetricKey[]; reason: string }> = [];
    if (org.opportunityContactRoles.length === 0) {
        found.push({ metrics: ['single_threaded'], reason: 'No contact roles: single-threading cannot be seen.' });
    }
    if (org.opportunities.every((deal) => deal.Economic_Buyer_Status__c === 'unknown')) {
        found.push({
            metrics: ['economic_buyer_coverage'],
            reason: 'No qualification values: economic-buyer coverage cannot be seen.'
        });
    }
    if (org.tasks.length === 0 && org.events.length === 0) {
        found.push({ metrics: ['stuck'], reason: 'No activities: a quiet deal cannot be told from a busy one.' });
    }
    const history = store.index().historyByOpportunity;
    const anyPush = [...history.values()].some((rows) =>
        rows.some((row, index) => index > 0 && row.CloseDate > rows[index - 1]!.CloseDate)
    );
    if (!anyPush) {
        found.push({
            metrics: ['close_date_push'],
            reason: 'No close-date changes in the history: pushes cannot be seen.'
        });
    }
    if (org.playbooks.length === 0) {
        found.push({
            metrics: ['step_completion', 'step_skip'],
            reason: 'No playbook applies: step completion cannot be seen.'
        });
    }
    if (!callAnalyses(store).some((call) => call.Status__c === 'analyzed' || call.Status__c === 'reviewed')) {
        found.push({
            metrics: ['call_steps_covered', 'call_next_step_dated'],
            reason: 'No analysed calls (Call Insights): call coaching cannot be seen.'
        });
    }
    return found;
}
const MONTHS_OF_HISTORY = 6;
const MAX_NOTES = 1000;
const OUTCOMES: ReadonlySet<string> = new Set(['reached', 'moved', 'not_moved']);

function monthsBack(month: string, count: number): string {
    const year = Number(month.slice(0, 4));
    const index = Number(month.slice(5, 7)) - 1 - count;
    return new Date(Date.UTC(year + Math.floor(index / 12), ((index % 12) + 12) % 12, 1)).toISOString().slice(0, 10);
}

function toFocusView(context: ApexContext, focus: RepFocusRecord): FocusView {
    return {
        id: focus.Id,
        repId: focus.Rep__c,
        repName: context.store.user(focus.Rep__c)?.Name ?? focus.Rep__c,
        month: focus.Month__c,
        skill: focus.Skill__c,
        metric: focus.Metric__c,
        baseline: focus.Baseline__c,
        target: focus.Target__c,
        status: focus.Status__c,
        outcome: focus.Outcome__c,
        result: focus.Result__c,
        notes: focus.Notes__c,
        reviewedAt: focus.Reviewed_At__c
    };
}

/** The reps a scope covers: the team below the user, one of them, the user alone, or every rep they can see. */
function repsInScope(context: ApexContext, scope: string | null, repId: string | null) {
    const { store } = context;
    const resolved = resolveTeamScope(store, context.userId, scope, repId);
    const reps =
        resolved.ownerIds === null
            ? store.org.users.filter(
                  (user) => user.level === 'rep' && user.IsActive && store.canAccessOwnedBy(context.userId, user.Id)
              )
            : [...resolved.ownerIds].map((id) => store.user(id)!).filter((user) => user !== undefined);
    return { label: resolved.label, reps };
}

function requireTeamMember(context: ApexContext, repId: string | null) {
    if (repId === null) throw new ApexError(label('DevelopmentChooseRep'));
    const rep = context.store.teamMembers(context.userId).find((member) => member.Id === repId);
    if (!rep) throw new ApexError(label('TeamScopeRepNotInTeam', repId));
    return rep;
}

/** RepDevelopmentService.MAX_DEALS: above it, the tab does not compute on demand. */
export const MAX_ON_DEMAND_DEALS = 2000;

interface ComputedDevelopment {
    development: DevelopmentResponse;
    asOf: string;
    computedBy: 'on_demand' | 'monthly_batch';
    computedAt: string;
}

/**
 * RepDevelopmentService.notCaptured: what the data profile does not measure but the facts show the org does not
 * record (no deal with a required playbook step due, no deal with an analysed call).
 */
export function notCapturedFromFacts(deals: readonly DevelopmentDeal[]): MetricKey[] {
    const metrics: MetricKey[] = [];
    if (!deals.some((deal) => deal.requiredStepsDue > 0)) metrics.push('step_completion', 'step_skip');
    if (!deals.some((deal) => deal.callsAnalyzed > 0)) metrics.push('call_steps_covered', 'call_next_step_dated');
    return metrics;
}

/**
 * RepDevelopmentService.teamKeyOf: the parent role of the rep's role, the role whose holder's "my team" (TeamScopeService)
 * holds the rep; null without a role or above it.
 */
export function teamKeyOf(store: WorkbenchStore, userId: string): string | null {
    const roleId = store.user(userId)?.UserRoleId;
    return store.org.userRoles.find((role) => role.Id === roleId)?.ParentRoleId ?? null;
}

/**
 * RepDevelopmentService.requestFor + toFacts: the request Apex sends, with the org data profile scoring sends. `byTeam`
 * (the monthly batch, every rep at once): each rep carries their team key, so each is compared with their own team.
 */
export function developmentRequest(
    store: WorkbenchStore,
    reps: ReadonlyArray<{ Id: string; Name: string }>,
    asOf: string,
    windowDays: number,
    byTeam = false
): DevelopmentRequest & { deals: DevelopmentDeal[] } {
    const deals = developmentFacts(store, new Set(reps.map((rep) => rep.Id)), asOf, windowDays);
    return {
        asOf,
        windowDays,
        reps: [...reps]
            .sort((a, b) => a.Name.localeCompare(b.Name))
            .map((rep) => {
                const teamKey = byTeam ? teamKeyOf(store, rep.Id) : null;
                return { repId: rep.Id, name: rep.Name, ...(teamKey === null ? {} : { teamKey }) };
            }),
        deals,
        notCaptured: notCapturedFromFacts(deals),
        dataProfile: store.org.dataProfile
    };
}

async function callDevelopment(
    target: ApexContext['scoring'],
    store: WorkbenchStore,
    request: DevelopmentRequest,
    timeoutMs?: number
): Promise<DevelopmentResponse> {
    try {
        return await postToService(
            target,
            DEVELOPMENT_PATH,
            request,
            DevelopmentResponse,
            timeoutMs ?? target.timeoutMs ?? store.calloutTimeoutMs()
        );
    } catch (error) {
        if (error instanceof ServiceCallError) throw new ApexError(error.userMessage());
        throw error;
    }
}

async function computeOnDemand(
    context: ApexContext,
    reps: ReadonlyArray<{ Id: string; Name: string }>,
    windowDays: number
): Promise<ComputedDevelopment> {
    const { store } = context;
    const asOf = store.today();
    const request = developmentRequest(store, reps, asOf, windowDays);
    if (request.deals.length > MAX_ON_DEMAND_DEALS) {
        throw new ApexError(label('DevelopmentTooManyDeals', MAX_ON_DEMAND_DEALS));
    }
    const development = await callDevelopment(context.scoring, store, request);
    return { development, asOf, computedBy: 'on_demand', computedAt: store.nowIso() };
}

/**
 * RepDevelopmentService.readSnapshots: this month's snapshots of the reps in scope merged into one response (rule and
 * definitions from the first), reps by name; null when the batch has not run this month.
 */
function readSnapshots(
    snapshots: readonly RepDevelopmentSnapshotRecord[],
    ownerIds: ReadonlySet<string>,
    month: string
): ComputedDevelopment | null {
    const found = snapshots.filter((snapshot) => snapshot.Month__c === month && ownerIds.has(snapshot.Rep__c));
    if (found.length === 0) return null;
    const results = found.map((snapshot) => DevelopmentResponse.parse(JSON.parse(snapshot.Result_Json__c)));
    const reps = results.flatMap((result) => result.reps).sort((a, b) => a.name.localeCompare(b.name));
    return {
        development: { ...results[0]!, reps },
        asOf: found[0]!.As_Of__c,
        computedBy: 'monthly_batch',
        computedAt: found[0]!.Computed_At__c
    };
}

/** What a run of the monthly batch did (RepDevelopmentBatch.summary). */
export interface MonthlyBatchSummary {
    asOf: string;
    month: string;
    reps: number;
    deals: number;
    snapshots: number;
    requestBytes: number;
}

/**
 * RepDevelopmentBatch: every deal in the window the org holds (the batch runs as an admin), one request for all reps
 * (each with their team key, so each is compared with their own team),
 * one snapshot per rep and month, replaced by a re-run (the unique Snapshot_Key__c). Workbench only: the workbench
 * runs it on request (POST /api/jobs/rep-development), since it has no scheduler.
 */
export async function runMonthlyDevelopmentBatch(
    store: WorkbenchStore,
    target: ApexContext['scoring']
): Promise<MonthlyBatchSummary> {
    const asOf = store.today();
    const month = monthOf(asOf);
    const windowDays = store.org.meta.source ? DATA_SET_WINDOW_DAYS : DEVELOPMENT_WINDOW_DAYS;
    const owners = new Set<string>();
    for (const deal of store.org.opportunities) {
        const age = (Date.parse(asOf) - Date.parse(deal.CloseDate)) / 86_400_000;
        if (!deal.IsClosed || (age >= 0 && age < windowDays)) owners.add(deal.OwnerId);
    }
    const reps = [...owners].map((id) => store.user(id)!).filter((user) => user !== undefined);
    const { deals, ...header } = developmentRequest(store, reps, asOf, windowDays, true);
    // RepDevelopmentBatch sends the facts as a deal table: the property names once, not once per deal.
    const request: DevelopmentRequest = { ...header, dealTable: toDealTable(deals) };
    const requestBytes = Buffer.byteLength(JSON.stringify(request));
    // The batch's one callout may take as long as Apex allows (120 s).
    const development = await callDevelopment(target, store, request, 120_000);
    const state = developmentState(store);
    const computedAt = store.nowIso();
    for (const rep of development.reps) {
        const key = `${rep.repId}:${month.slice(0, 7)}`;
        const record: RepDevelopmentSnapshotRecord = {
            Id:
                state.snapshots.find((existing) => existing.Snapshot_Key__c === key)?.Id ??
                store.newId('Rep_Development_Snapshot__c'),
            Rep__c: rep.repId,
            Month__c: month,
            As_Of__c: asOf,
            Computed_At__c: computedAt,
            Result_Json__c: JSON.stringify({ ...development, reps: [rep] }),
            Open_Deals__c: rep.openDeals,
            Closed_Deals__c: rep.closedDeals,
            Reps_Compared__c: rep.repsCompared,
            Snapshot_Key__c: key
        };
        state.snapshots = state.snapshots.filter((existing) => existing.Snapshot_Key__c !== key);
        state.snapshots.push(record);
    }
    return {
        asOf,
        month,
        reps: development.reps.length,
        deals: deals.length,
        snapshots: development.reps.length,
        requestBytes
    };
}

export const RepDevelopmentController = {
    getScopeOptions(context: ApexContext): ResultOf<'RepDevelopmentController.getScopeOptions'> {
        const reps = context.store.teamMembers(context.userId).map((user) => ({ label: user.Name, value: user.Id }));
        return { reps, hasTeam: reps.length > 0 };
    },

    async getDevelopment(
        context: ApexContext,
        params: ParamsOf<'RepDevelopmentController.getDevelopment'>
    ): Promise<ResultOf<'RepDevelopmentController.getDevelopment'>> {
        const { store } = context;
        const scope = readString(params.scope, 'scope');
        const { label: scopeLabel, reps } = repsInScope(context, scope, readId(params.repId, 'repId'));
        if (reps.length === 0) throw new ApexError(label('DevelopmentNoReps'));
        const ownerIds = new Set(reps.map((rep) => rep.Id));
        const source = store.org.meta.source;
        const windowDays = source ? DATA_SET_WINDOW_DAYS : DEVELOPMENT_WINDOW_DAYS;
        const state = developmentState(store);
        // This month's figures from the monthly batch when it ran; otherwise computed now for this scope.
        const batch = readSnapshots(state.snapshots, ownerIds, monthOf(store.today()));
        const computed = batch ?? (await computeOnDemand(context, reps, windowDays));
        const { development, asOf } = computed;
        const month = monthOf(store.today());
        const from = monthsBack(month, MONTHS_OF_HISTORY);
        // The reasons behind what the service reports as not captured (the same for every rep).
        const notCaptured = new Set(
            (development.reps[0]?.metrics ?? []).filter((figure) => !figure.captured).map((figure) => figure.metric)
        );
        const uncaptured = uncapturedMetrics(store).filter((entry) =>
            entry.metrics.some((metric) => notCaptured.has(metric))
        );
        const focuses = state.focuses
            .filter((focus) => ownerIds.has(focus.Rep__c) && focus.Month__c >= from)
            .map((focus) => toFocusView(context, focus));
        const practice = new Map<string, PracticeMonth & { total: number }>();
        for (const session of state.sessions) {
            if (!ownerIds.has(session.Rep__c) || session.Status__c !== 'completed' || session.Score__c === null)
                continue;
            const sessionMonth = monthOf(session.Completed_At__c!.slice(0, 10));
            if (sessionMonth < from) continue;
            const key = `${session.Rep__c}:${sessionMonth}`;
            const entry = practice.get(key) ?? {
                repId: session.Rep__c,
                month: sessionMonth,
                sessions: 0,
                averageScore: null,
                total: 0
            };
            entry.sessions += 1;
            entry.total += session.Score__c;
            entry.averageScore = Math.round(entry.total / entry.sessions);
            practice.set(key, entry);
        }
        const dealIds = new Set(development.reps.flatMap((rep) => rep.suggestedFocus?.dealIds ?? []));
        return {
            asOf,
            month,
            windowDays,
            scopeLabel,
            computedBy: computed.computedBy,
            computedAt: computed.computedAt,
            canSetFocus: scope !== SCOPE_ME && store.teamMembers(context.userId).length > 0,
            developmentJson: JSON.stringify(development),
            focuses,
            practice: [...practice.values()].map(({ total: _total, ...entry }) => entry),
            deals: [...dealIds].map((id) => ({ value: id, label: store.opportunity(id)?.Name ?? id })),
            dataNotes: [
                ...(source
                    ? [
                          `${source.label}: a finished export, so the window spans ${windowDays} days and covers all of it; the page header lists what was inferred and what is missing.`
                      ]
                    : []),
                ...uncaptured.map((entry) => entry.reason),
                ...(state.focuses.some((focus) => focus.seeded && ownerIds.has(focus.Rep__c))
                    ? ["Last month's focuses are seeded sample history (workbench only)."]
                    : [])
            ]
        };
    },

    setFocus(
        context: ApexContext,
        params: ParamsOf<'RepDevelopmentController.setFocus'>
    ): ResultOf<'RepDevelopmentController.setFocus'> {
        const { store } = context;
        const rep = requireTeamMember(context, readId(params.repId, 'repId'));
        const skill = readString(params.skill, 'skill');
        const metric = readString(params.metric, 'metric');
        if (skill === null || !(SKILLS as readonly string[]).includes(skill)) {
            throw new ApexError(label('DevelopmentUnknownSkill', text(skill)));
        }
        if (metric === null || !(METRIC_KEYS as readonly string[]).includes(metric)) {
            throw new ApexError(label('DevelopmentUnknownMetric', text(metric)));
        }
        const definition = METRICS.find((entry) => entry.metric === metric)!;
        if (definition.skill !== skill) {
            throw new ApexError(label('DevelopmentMetricNotOfSkill', metric, skill));
        }
        const baseline = readDecimal(params.baseline, 'baseline');
        const target = readDecimal(params.target, 'target');
        const limit = definition.unit === 'share' ? 1 : 3650;
        for (const [name, value] of [
            ['baseline', baseline],
            ['target', target]
        ] as const) {
            if (value === null || value < 0 || value > limit) {
                throw new ApexError(label('DevelopmentValueOutOfRange', name, limit));
            }
        }
        const notes = readString(params.notes, 'notes');
        if (notes !== null && notes.length > MAX_NOTES) {
            throw new ApexError(label('DevelopmentNotesTooLong', MAX_NOTES));
        }
        const month = monthOf(store.today());
        const key = `${rep.Id}:${month.slice(0, 7)}`;
        const state = developmentState(store);
        const existing = state.focuses.find((focus) => focus.Focus_Key__c === key);
        if (existing) {
            throw new ApexError(label('DevelopmentFocusExists', rep.Name, existing.Skill__c));
        }
        const focus: RepFocusRecord = {
            Id: store.newId('Rep_Focus__c'),
            Rep__c: rep.Id,
            Month__c: month,
            Skill__c: skill,
            Metric__c: metric,
            Baseline__c: baseline!,
            Target__c: target!,
            Status__c: 'active',
            Outcome__c: null,
            Result__c: null,
            Notes__c: isBlank(notes) ? null : notes!.trim(),
            Set_By__c: context.userId,
            Reviewed_At__c: null,
            Focus_Key__c: key,
            seeded: false
        };
        state.focuses.push(focus);
        return toFocusView(context, focus);
    },

    reviewFocus(
        context: ApexContext,
        params: ParamsOf<'RepDevelopmentController.reviewFocus'>
    ): ResultOf<'RepDevelopmentController.reviewFocus'> {
        const { store } = context;
        const focusId = readId(params.focusId, 'focusId');
        const state = developmentState(store);
        const focus = state.focuses.find((candidate) => candidate.Id === focusId);
        if (!focus || !store.teamMembers(context.userId).some((member) => member.Id === focus.Rep__c)) {
            throw new ApexError(label('DevelopmentFocusNotFound', text(focusId)));
        }
        const outcome = readString(params.outcome, 'outcome');
        if (outcome === null || !OUTCOMES.has(outcome)) {
            throw new ApexError(label('DevelopmentUnknownOutcome', text(outcome)));
        }
        const result = readDecimal(params.result, 'result');
        if (result === null || result < 0) throw new ApexError(label('DevelopmentResultRequired'));
        const notes = readString(params.notes, 'notes');
        if (notes !== null && notes.length > MAX_NOTES) {
            throw new ApexError(label('DevelopmentNotesTooLong', MAX_NOTES));
        }
        focus.Status__c = 'reviewed';
        focus.Outcome__c = outcome as RepFocusRecord['Outcome__c'];
        focus.Result__c = result;
        if (!isBlank(notes)) focus.Notes__c = notes!.trim();
        focus.Reviewed_At__c = store.nowIso();
        return toFocusView(context, focus);
    }
};
