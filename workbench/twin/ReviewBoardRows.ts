/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. What PipelineReviewService adds to board rows and pages for the
 * redesigned board: the account, the ranked risks (PipelineReviewService.rankedRisks) and the newest saved decision
 * of the manager's open session, else of their last completed one (PipelineReviewService.addSavedDecisions).
 */
import type { Risk } from '../../service/src/contract';
import type { PipelineReviewRecord } from '../sample-org/types';
import type { BoardPage, BoardRow, RiskLine, SavedDecision } from 'c/reviewLogic';
import type { WorkbenchStore } from './store';

/** UserInfo.getDefaultCurrency() of every sample-org user: the sample org is a single-currency USD org. */
export const SAMPLE_ORG_CURRENCY = 'USD';
/** PipelineReviewModels.MAX_RISKS. */
export const MAX_RISKS = 3;
const SEVERITY_RANK: Record<string, number> = { high: 3, medium: 2, low: 1 };

/** Risks most severe first, in listed order among equals (a stable sort), at most MAX_RISKS. */
export function rankedRisks(risks: readonly Risk[]): RiskLine[] {
    return risks
        .filter((risk) => SEVERITY_RANK[risk.severity] !== undefined)
        .map((risk, position) => ({ risk, position }))
        .sort((a, b) => SEVERITY_RANK[b.risk.severity]! - SEVERITY_RANK[a.risk.severity]! || a.position - b.position)
        .slice(0, MAX_RISKS)
        .map(({ risk }) => ({ severity: risk.severity, message: risk.message?.trim() ? risk.message : risk.code }));
}

export function accountNameOf(store: WorkbenchStore, accountId: string | null): string | null {
    return accountId === null ? null : (store.index().accountById.get(accountId)?.Name ?? null);
}

function newestFirst(a: PipelineReviewRecord, b: PipelineReviewRecord): number {
    return a.Started_At__c < b.Started_At__c ? 1 : a.Started_At__c > b.Started_At__c ? -1 : 0;
}

/** The open session of the manager, else their last completed one. */
export function decisionReview(store: WorkbenchStore, managerId: string): PipelineReviewRecord | undefined {
    const mine = store.org.pipelineReviews.filter((review) => review.Manager__c === managerId);
    return (
        mine.filter((review) => review.Status__c === 'in_progress').sort(newestFirst)[0] ??
        mine.filter((review) => review.Status__c === 'completed').sort(newestFirst)[0]
    );
}

/** Sets page.decisionReviewId and each row's savedDecision (the newest decision of that session on its deal). */
export function addSavedDecisions(store: WorkbenchStore, managerId: string, page: BoardPage): void {
    const review = decisionReview(store, managerId);
    page.decisionReviewId = review?.Id ?? null;
    if (!review) return;
    const managerName = store.user(review.Manager__c)?.Name ?? null;
    const newest = new Map<string, SavedDecision>();
    const decisions = store.org.reviewDecisions
        .map((decision, position) => ({ decision, position, createdAt: store.decisionCreatedDate(decision.Id) }))
        .filter(({ decision }) => decision.Pipeline_Review__c === review.Id)
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.position - a.position));
    for (const { decision, createdAt } of decisions) {
        if (newest.has(decision.Opportunity__c)) continue;
        newest.set(decision.Opportunity__c, {
            decisionId: decision.Id,
            reviewId: review.Id,
            decision: decision.Decision__c,
            decidedAt: createdAt,
            decidedByName: managerName,
            newCloseDate: decision.New_Close_Date__c,
            reason: decision.Disqualify_Reason__c,
            actionText: decision.Action_Text__c,
            actionDueDate: decision.Action_Due_Date__c
        });
    }
    for (const row of page.rows as BoardRow[])
        row.savedDecision = (row.opportunityId && newest.get(row.opportunityId)) || null;
}
