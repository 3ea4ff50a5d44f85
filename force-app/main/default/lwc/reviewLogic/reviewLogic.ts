// Plain logic of the pipeline-review tab: what changed since the last review, the "stuck" rule, the board rows,
// decision drafts and their validation, and loop health. No DOM, so it is unit-tested on its own.
import type { PipelineReviewModels } from '@generated/apex';

/** PipelineReviewModels DTOs, generated from the Apex class (types/generated/apex.d.ts); dates are ISO strings. */
export type BoardRow = PipelineReviewModels.BoardRow;
export type BoardPage = PipelineReviewModels.BoardPage;
export type ActionItem = PipelineReviewModels.ActionItem;
export type BoardSummary = PipelineReviewModels.BoardSummary;
export type SessionSummary = PipelineReviewModels.SessionSummary;

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

export type BoardDisplayRow = BoardRow & {
    dealUrl: string;
    scoreText: string;
    scoreChangeText: string;
    closeDateText: string;
    changesText: string;
    hasChanges: boolean;
    isStuck: boolean;
    stuckText: string;
    bandLabel: string;
    rowClass: string;
    decisionText: string;
};

const BAND_LABELS: Record<string, string> = { healthy: 'Healthy', watch: 'Watch', at_risk: 'At risk' };

/** Board rows ready for the table: changes highlighted, stuck flagged, pending decisions shown. */
export function toDisplayRows(
    rows: BoardRow[],
    lastReviewAt: string | null,
    reviewDates: string[],
    pendingByDeal: ReadonlyMap<string, DecisionInput>
): BoardDisplayRow[] {
    return rows.map((row) => {
        const changes = changesSinceLastReview(row, lastReviewAt);
        const stuck = isStuck(row, reviewDates);
        const delta = scoreDelta(row);
        const pending = row.opportunityId ? pendingByDeal.get(row.opportunityId) : undefined;
        const pushes = row.closeDatePushCount ?? 0;
        return {
            ...row,
            dealUrl: `/lightning/r/Opportunity/${row.opportunityId}/view`,
            scoreText: typeof row.score === 'number' ? String(row.score) : '–',
            scoreChangeText: delta === null || delta === 0 ? '' : `${delta > 0 ? '+' : '−'}${Math.abs(delta)}`,
            closeDateText: row.closeDate ? `${row.closeDate}${pushes > 0 ? ` (pushed ${pushes}×)` : ''}` : '–',
            changesText: changes.map((change) => change.text).join('; '),
            hasChanges: changes.length > 0,
            isStuck: stuck,
            stuckText: stuck ? 'Stuck' : '',
            bandLabel: BAND_LABELS[row.band ?? ''] ?? 'Not scored',
            rowClass: changes.length > 0 ? 'slds-theme_warning' : '',
            decisionText: pending ? DECISION_LABELS[pending.decision] : ''
        };
    });
}

/** Problems that stop a decision from being saved, in the words the Apex validation uses. */
export function decisionProblems(input: DecisionInput, today: string): string[] {
    const problems: string[] = [];
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
export function normalizeDecision(input: DecisionInput): DecisionInput {
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
        stuckText: `${summary.stuckDeals} stuck ${summary.stuckDeals === 1 ? 'deal' : 'deals'}`,
        overdueText: `${summary.overdueActions} overdue ${summary.overdueActions === 1 ? 'action' : 'actions'}`
    };
}

/** Today as YYYY-MM-DD in the browser's time zone (decision dates are calendar dates). */
export function todayIso(now: Date = new Date()): string {
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
}
