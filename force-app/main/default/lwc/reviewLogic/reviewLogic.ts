// Plain logic of the pipeline-review tab: what changed since the last review, the "stuck" rule, the board rows,
// decision drafts and their validation, and loop health. No DOM, so it is unit-tested on its own.
import type { PipelineReviewModels } from '@generated/apex';

/** PipelineReviewModels DTOs, generated from the Apex class (types/generated/apex.d.ts); dates are ISO strings. */
export type BoardRow = PipelineReviewModels.BoardRow;
export type BoardPage = PipelineReviewModels.BoardPage;
export type ActionItem = PipelineReviewModels.ActionItem;
export type BoardSummary = PipelineReviewModels.BoardSummary;
export type SessionSummary = PipelineReviewModels.SessionSummary;
export type RiskLine = PipelineReviewModels.RiskLine;
export type SavedDecision = PipelineReviewModels.SavedDecision;
export type ScopeOptions = PipelineReviewModels.ScopeOptions;
export type BoardLoad = PipelineReviewModels.BoardLoad;

export type Decision = 'commit' | 'push' | 'disqualify' | 'action' | 'no_change';

/** PipelineReviewModels.DecisionInput. */
export interface DecisionInput {
    opportunityId: string;
    decision: Decision;
    newCloseDate: string | null;
    reason: string | null;
    actionText: string | null;
    actionOwnerId: string | null;
    actionDueDate: string | null;
}

export const DECISION_LABELS: Record<Decision, string> = {
    commit: 'Commit',
    push: 'Push',
    disqualify: 'Disqualify',
    action: 'Action',
    no_change: 'No change'
};

/** Reviews in a row, since the deal entered its stage, without a decision, after which a deal is stuck. */
export const STUCK_REVIEW_COUNT = 3;
/** A score drop smaller than this is noise from activity recency, not news for the review. */
export const SCORE_DROP_THRESHOLD = 5;

export type ChangeKind = 'new' | 'stage_moved' | 'close_date_pushed' | 'amount_changed' | 'score_dropped';

export interface Change {
    kind: ChangeKind;
    text: string;
}

const DAY_MS = 86_400_000;

function daysBetween(fromIsoDate: string, toIsoDate: string): number {
    return Math.round((Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / DAY_MS);
}

function formatAmount(amount: number): string {
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(amount);
}

/** What changed on a deal since the manager's last completed review; empty without a baseline. */
export function changesSinceLastReview(row: BoardRow, lastReviewAt: string | null): Change[] {
    if (!lastReviewAt) return [];
    if (row.createdDate && Date.parse(row.createdDate) > Date.parse(lastReviewAt)) {
        return [{ kind: 'new', text: 'New since the last review' }];
    }
    const changes: Change[] = [];
    if (row.stageAtLastReview && row.stageAtLastReview !== row.stage) {
        changes.push({ kind: 'stage_moved', text: `Stage ${row.stageAtLastReview} → ${row.stage}` });
    }
    if (row.closeDateAtLastReview && row.closeDate && row.closeDate > row.closeDateAtLastReview) {
        changes.push({
            kind: 'close_date_pushed',
            text: `Close date pushed +${daysBetween(row.closeDateAtLastReview, row.closeDate)} days`
        });
    }
    // Aura leaves null fields out of the JSON, so an unknown amount arrives as undefined: test for a number.
    if (
        typeof row.amountAtLastReview === 'number' &&
        typeof row.amount === 'number' &&
        row.amount !== row.amountAtLastReview
    ) {
        changes.push({
            kind: 'amount_changed',
            text: `Amount ${formatAmount(row.amountAtLastReview)} → ${formatAmount(row.amount)}`
        });
    }
    const delta = scoreDelta(row);
    if (delta !== null && delta <= -SCORE_DROP_THRESHOLD) {
        changes.push({ kind: 'score_dropped', text: `Score ${row.scoreAtLastReview} → ${row.score} (${delta})` });
    }
    return changes;
}

export function scoreDelta(row: BoardRow): number | null {
    if (row.score === null || row.scoreAtLastReview === null) return null;
    if (typeof row.score !== 'number' || typeof row.scoreAtLastReview !== 'number') return null;
    return row.score - row.scoreAtLastReview;
}

/**
 * Stuck: the deal sat in its current stage through the manager's last STUCK_REVIEW_COUNT completed reviews and
 * none of them recorded a decision on it (no change does not count). Apex counts the same rule in SOQL.
 */
export function isStuck(row: BoardRow, reviewDatesNewestFirst: string[]): boolean {
    const cutoff = reviewDatesNewestFirst[STUCK_REVIEW_COUNT - 1];
    if (!cutoff) return false;
    const enteredAt = row.stageEnteredAt ?? row.createdDate;
    if (!enteredAt) return false;
    if (Date.parse(enteredAt) > Date.parse(cutoff)) return false;
    return !row.decisionDates.some((decidedAt) => Date.parse(decidedAt) >= Date.parse(cutoff));
}

const BAND_LABELS: Record<string, string> = { healthy: 'Healthy', watch: 'Watch', at_risk: 'At risk' };
const BAND_BADGES: Record<string, string> = {
    healthy: 'slds-badge slds-theme_success',
    watch: 'slds-badge slds-theme_warning',
    at_risk: 'slds-badge slds-theme_error'
};
const SEVERITY_LABELS: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low' };

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC'
});
const DATE_TIME_FORMAT = new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit'
});

/** The board's one date format ("Dec 18, 2026") for a calendar date `YYYY-MM-DD` or a datetime's day. */
export function formatDate(isoDate: string | null | undefined): string {
    if (!isoDate) return '–';
    const parsed = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(parsed) ? isoDate : DATE_FORMAT.format(parsed);
}

/** A moment in the browser's time zone, with the same date format ("Nov 29, 2026, 10:02 AM"). */
export function formatDateTime(iso: string | null | undefined): string {
    if (!iso) return '–';
    const parsed = Date.parse(iso);
    return Number.isNaN(parsed) ? iso : DATE_TIME_FORMAT.format(parsed);
}

/** An amount with its currency, whole units ("$120,000"); a missing currency code is shown as a plain number. */
export function formatMoney(amount: number | null | undefined, currencyIsoCode: string | null | undefined): string {
    if (amount === null || amount === undefined) return '–';
    if (!currencyIsoCode) return formatAmount(amount);
    return new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: currencyIsoCode,
        maximumFractionDigits: 0
    }).format(amount);
}

/** A decision not saved yet: the type is chosen by the manager, never preselected. */
export type DecisionDraft = Omit<DecisionInput, 'decision'> & { decision: Decision | null };

export interface ChangeBadge {
    key: string;
    kind: ChangeKind;
    /** Short text with a glyph, so the badge never relies on colour alone. */
    label: string;
    /** The full sentence, previous value included. */
    text: string;
    className: string;
}

export interface DecisionCell {
    state: 'pending' | 'saved' | 'none';
    label: string;
    detail: string;
    meta: string;
    badgeClass: string;
}

export interface BoardDisplayRow {
    key: string;
    opportunityId: string;
    ownerId: string;
    dealName: string;
    ownerLine: string;
    dealUrl: string;
    stage: string;
    stageLine: string;
    forecastCategory: string;
    amountText: string;
    closeDateText: string;
    pushText: string;
    scoreText: string;
    bandLabel: string;
    bandBadgeClass: string;
    trendText: string;
    trendLongText: string;
    topRisk: string;
    topRiskLabel: string;
    risks: Array<RiskLine & { key: string; label: string; badgeClass: string }>;
    hasRisks: boolean;
    changes: ChangeBadge[];
    hasChanges: boolean;
    isStuck: boolean;
    nextStep: string;
    lastActivityText: string;
    decision: DecisionCell;
    isSelected: boolean;
    ariaCurrent: string;
    rowClass: string;
    tabIndex: number;
    decideLabel: string;
}

const CHANGE_BADGE_CLASS: Record<ChangeKind, string> = {
    new: 'slds-badge slds-badge_lightest',
    stage_moved: 'slds-badge slds-badge_lightest',
    close_date_pushed: 'slds-badge slds-theme_warning',
    amount_changed: 'slds-badge slds-badge_lightest',
    score_dropped: 'slds-badge slds-theme_warning'
};

function changeLabel(row: BoardRow, change: Change, currency: string | null): string {
    switch (change.kind) {
        case 'new':
            return '★ New';
        case 'stage_moved':
            return `→ ${row.stage}`;
        case 'close_date_pushed': {
            const days = daysBetween(row.closeDateAtLastReview!, row.closeDate!);
            const byDecision =
                row.savedDecision?.decision === 'push' && row.savedDecision.newCloseDate === row.closeDate;
            return `» Close +${days} d${byDecision ? ' (pushed in review)' : ''}`;
        }
        case 'amount_changed':
            return `${row.amount! > row.amountAtLastReview! ? '▲' : '▼'} ${formatMoney(row.amount, currency)}`;
        default:
            return `▼ Score ${scoreDelta(row)}`;
    }
}

function changeText(row: BoardRow, change: Change, currency: string | null): string {
    if (change.kind === 'amount_changed') {
        return `Amount ${formatMoney(row.amountAtLastReview, currency)} → ${formatMoney(row.amount, currency)}`;
    }
    if (change.kind === 'close_date_pushed') {
        return `Close date ${formatDate(row.closeDateAtLastReview)} → ${formatDate(row.closeDate)}`;
    }
    return change.text;
}

function decisionSummary(
    decision: string,
    fields: Pick<SavedDecision, 'newCloseDate' | 'reason' | 'actionText' | 'actionDueDate'>
): { label: string; detail: string } {
    const label = DECISION_LABELS[decision as Decision] ?? decision;
    if (decision === 'push') return { label, detail: `to ${formatDate(fields.newCloseDate)}` };
    if (decision === 'disqualify') return { label, detail: fields.reason ?? '' };
    if (decision === 'action') {
        return { label, detail: `${fields.actionText ?? ''}, due ${formatDate(fields.actionDueDate)}` };
    }
    return { label, detail: '' };
}

/** The decision column: a pending one (not saved yet) wins over the saved one it will replace. */
export function decisionCell(row: BoardRow, pending: DecisionInput | undefined): DecisionCell {
    if (pending) {
        return {
            state: 'pending',
            ...decisionSummary(pending.decision, pending),
            meta: 'Pending: not saved yet',
            badgeClass: 'slds-badge slds-badge_lightest decision-pending'
        };
    }
    const saved = row.savedDecision;
    if (saved) {
        const by = saved.decidedByName ? `Saved by ${saved.decidedByName}` : 'Saved';
        return {
            state: 'saved',
            ...decisionSummary(saved.decision ?? '', saved),
            meta: `${by}, ${formatDateTime(saved.decidedAt)}`,
            badgeClass: 'slds-badge slds-badge_inverse'
        };
    }
    return { state: 'none', label: 'Undecided', detail: '', meta: '', badgeClass: 'slds-badge' };
}

/** The score's move since the last review: short for the column, a sentence for the side panel. */
function trend(row: BoardRow): { short: string; long: string } {
    const delta = scoreDelta(row);
    if (delta === null) return { short: '', long: '' };
    if (delta === 0) return { short: '= 0 pts', long: 'Unchanged since the last review' };
    const glyph = delta > 0 ? '▲' : '▼';
    const points = Math.abs(delta);
    return { short: `${glyph} ${points} pts`, long: `${glyph} ${points} points since the last review` };
}

/** Board rows ready for the table and the side panel: changes as badges, stuck flagged, decisions shown. */
export function toDisplayRows(
    rows: BoardRow[],
    lastReviewAt: string | null,
    reviewDates: string[],
    pendingByDeal: ReadonlyMap<string, DecisionInput>,
    currencyIsoCode: string | null = null,
    selectedId: string | null = null
): BoardDisplayRow[] {
    return rows.map((row, index) => {
        const changes = changesSinceLastReview(row, lastReviewAt);
        const stuck = isStuck(row, reviewDates);
        const pushes = row.closeDatePushCount ?? 0;
        const isSelected = selectedId === null ? index === 0 : row.opportunityId === selectedId;
        const risks = row.risks ?? [];
        const scoreTrend = trend(row);
        return {
            key: row.opportunityId ?? `row-${index}`,
            opportunityId: row.opportunityId ?? '',
            ownerId: row.ownerId ?? '',
            dealName: row.name ?? '',
            ownerLine: [row.accountName, row.ownerName].filter(Boolean).join(' · '),
            dealUrl: `/lightning/r/Opportunity/${row.opportunityId}/view`,
            stage: row.stage ?? '',
            stageLine: typeof row.daysInStage !== 'number' ? '' : `${row.daysInStage} d in stage`,
            forecastCategory: row.forecastCategory ?? '–',
            amountText: formatMoney(row.amount, currencyIsoCode),
            closeDateText: formatDate(row.closeDate),
            pushText: pushes > 0 ? `pushed ${pushes}×` : '',
            scoreText: typeof row.score === 'number' ? String(row.score) : '–',
            bandLabel: BAND_LABELS[row.band ?? ''] ?? 'Not scored',
            bandBadgeClass: BAND_BADGES[row.band ?? ''] ?? 'slds-badge',
            trendText: scoreTrend.short,
            trendLongText: scoreTrend.long,
            topRisk: row.topRisk ?? 'No open risk',
            topRiskLabel: SEVERITY_LABELS[row.topRiskSeverity ?? ''] ?? '',
            risks: risks.map((risk, position) => ({
                ...risk,
                key: `${position}`,
                label: SEVERITY_LABELS[risk.severity ?? ''] ?? risk.severity ?? '',
                badgeClass: risk.severity === 'high' ? 'slds-badge slds-theme_error' : 'slds-badge'
            })),
            hasRisks: risks.length > 0,
            changes: changes.map((change) => ({
                key: change.kind,
                kind: change.kind,
                label: changeLabel(row, change, currencyIsoCode),
                text: changeText(row, change, currencyIsoCode),
                className: CHANGE_BADGE_CLASS[change.kind]
            })),
            hasChanges: changes.length > 0,
            isStuck: stuck,
            nextStep: row.nextStep ?? 'No next step recorded',
            lastActivityText: formatDate(row.lastActivityDate),
            decision: decisionCell(row, row.opportunityId ? pendingByDeal.get(row.opportunityId) : undefined),
            isSelected,
            ariaCurrent: isSelected ? 'true' : 'false',
            rowClass: isSelected ? 'board-row board-row_selected' : 'board-row',
            tabIndex: isSelected ? 0 : -1,
            decideLabel: `Decide on ${row.name ?? 'this deal'}`
        };
    });
}

/** The next (+1) or previous (−1) deal of the list, staying at its ends; the first deal when none is selected. */
export function stepSelection(ids: readonly string[], selectedId: string | null, step: 1 | -1): string | null {
    if (ids.length === 0) return null;
    const current = selectedId === null ? -1 : ids.indexOf(selectedId);
    if (current === -1) return ids[0]!;
    return ids[Math.min(ids.length - 1, Math.max(0, current + step))]!;
}

/** Problems that stop a decision from being saved, in the words the Apex validation uses. */
export function decisionProblems(input: DecisionDraft, today: string): string[] {
    const problems: string[] = [];
    if (input.decision === null) return ['Choose a decision.'];
    if (!(input.decision in DECISION_LABELS)) return [`Unknown decision "${input.decision}".`];
    if (input.decision === 'push') {
        if (!input.newCloseDate) problems.push('A push needs the new close date.');
        else if (input.newCloseDate < today) problems.push('The new close date is in the past.');
    }
    if (input.decision === 'disqualify' && !input.reason?.trim()) {
        problems.push('A disqualification needs a reason.');
    }
    if (input.decision === 'action') {
        if (!input.actionText?.trim()) problems.push('An action needs what to do.');
        if (!input.actionOwnerId) problems.push('An action needs an owner.');
        if (!input.actionDueDate) problems.push('An action needs a due date.');
        else if (input.actionDueDate < today) problems.push('The due date is in the past.');
    }
    return problems;
}

/** Only the fields the decision uses are sent, so a stale field from another choice is never saved. */
export function normalizeDecision(input: DecisionDraft): DecisionInput {
    if (input.decision === null) throw new Error('Choose a decision before saving it.');
    return {
        opportunityId: input.opportunityId,
        decision: input.decision,
        newCloseDate: input.decision === 'push' ? input.newCloseDate : null,
        reason: input.decision === 'disqualify' ? (input.reason?.trim() ?? null) : null,
        actionText: input.decision === 'action' ? (input.actionText?.trim() ?? null) : null,
        actionOwnerId: input.decision === 'action' ? input.actionOwnerId : null,
        actionDueDate: input.decision === 'action' ? input.actionDueDate : null
    };
}

export interface LoopHealth {
    decisionShareText: string;
    decisionSharePercent: number | null;
    /** The share as the tile shows it ("25%", or "—" without at-risk deals). */
    decisionShareValue: string;
    stuckText: string;
    overdueText: string;
}

export function loopHealth(summary: BoardSummary): LoopHealth {
    const share =
        summary.atRiskDeals === 0 ? null : Math.round((summary.atRiskDecidedThisWeek / summary.atRiskDeals) * 100);
    return {
        decisionShareText:
            share === null
                ? 'No at-risk deals in scope'
                : `${summary.atRiskDecidedThisWeek} of ${summary.atRiskDeals} at-risk deals got a decision this week (${share}%)`,
        decisionSharePercent: share,
        decisionShareValue: share === null ? '—' : `${share}%`,
        stuckText: `${summary.stuckDeals} stuck ${summary.stuckDeals === 1 ? 'deal' : 'deals'}`,
        overdueText: `${summary.overdueActions} overdue ${summary.overdueActions === 1 ? 'action' : 'actions'}`
    };
}

/** Today as YYYY-MM-DD in the browser's time zone (decision dates are calendar dates). */
export function todayIso(now: Date = new Date()): string {
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
}
