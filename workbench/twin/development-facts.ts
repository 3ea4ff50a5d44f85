/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * RepDevelopmentSelector + RepDevelopmentService.toFacts: the per-deal facts the development route takes, read from
 * the org's records for the reps in scope: open deals, and deals closed within the window. The scoring deal builder
 * (the same facts Apex sends for scoring) supplies stage, age, activity, contacts and MEDDPICC; step progress, nudge
 * feedback and analysed calls (Call_Analysis__c) come from their objects.
 */
import type { DevelopmentDeal } from '../../service/src/contract';
import { buildDeal } from '../sample-org/scoring';
import { callAnalyses } from './CallInsightsController';
import type { WorkbenchStore } from './store';

export const DEVELOPMENT_WINDOW_DAYS = 90;
const ENGAGED_CONTACT_DAYS = 30;
const DAY_MS = 86_400_000;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

interface DealCalls {
    analyzed: number;
    withDatedNextStep: number;
    stepsCovered: number;
    stepsMissed: number;
}

/**
 * CallCoachingTally: per deal, its analysed calls (analysed or reviewed, with a result), those whose analysis heard a
 * next step with a due date, and the playbook steps the calls covered and missed.
 */
export function callCoachingByDeal(store: WorkbenchStore): Map<string, DealCalls> {
    const byDeal = new Map<string, DealCalls>();
    for (const analysis of callAnalyses(store)) {
        if (analysis.Status__c !== 'analyzed' && analysis.Status__c !== 'reviewed') continue;
        if (!analysis.Result_Json__c) continue;
        const result = JSON.parse(analysis.Result_Json__c) as {
            nextSteps?: Array<{ dueDate: string | null }>;
            coaching?: { stepsCovered?: unknown[]; stepsMissed?: unknown[] };
        };
        const calls = byDeal.get(analysis.Opportunity__c) ?? {
            analyzed: 0,
            withDatedNextStep: 0,
            stepsCovered: 0,
            stepsMissed: 0
        };
        calls.analyzed += 1;
        if ((result.nextSteps ?? []).some((step) => step.dueDate !== null)) calls.withDatedNextStep += 1;
        calls.stepsCovered += result.coaching?.stepsCovered?.length ?? 0;
        calls.stepsMissed += result.coaching?.stepsMissed?.length ?? 0;
        byDeal.set(analysis.Opportunity__c, calls);
    }
    return byDeal;
}

/** Facts of every deal of `ownerIds` that is open, or closed within the window before `asOf`. */
export function developmentFacts(
    store: WorkbenchStore,
    ownerIds: ReadonlySet<string>,
    asOf: string,
    windowDays = DEVELOPMENT_WINDOW_DAYS
): DevelopmentDeal[] {
    const index = store.index();
    const feedbackByDeal = new Map<string, { acted: number; dismissed: number; reasons: string[] }>();
    for (const feedback of store.org.nudgeFeedback) {
        const entry = feedbackByDeal.get(feedback.Opportunity__c) ?? { acted: 0, dismissed: 0, reasons: [] };
        if (feedback.Outcome__c === 'acted') entry.acted += 1;
        else {
            entry.dismissed += 1;
            if (feedback.Reason__c && entry.reasons.length < 10) entry.reasons.push(feedback.Reason__c.slice(0, 255));
        }
        feedbackByDeal.set(feedback.Opportunity__c, entry);
    }
    const callsByDeal = callCoachingByDeal(store);
    const facts: DevelopmentDeal[] = [];
    for (const opportunity of store.org.opportunities) {
        if (!ownerIds.has(opportunity.OwnerId)) continue;
        if (opportunity.IsClosed) {
            const age = daysBetween(opportunity.CloseDate, asOf);
            if (age < 0 || age >= windowDays) continue;
        }
        const deal = buildDeal(index, opportunity.Id, asOf);
        if (deal === null) continue;
        const { stage } = deal;
        let due = 0;
        let done = 0;
        let skipped = 0;
        for (const step of deal.playbook?.steps ?? []) {
            if (!step.isRequired || step.stageOrder > stage.stageOrder) continue;
            const status = deal.playbook!.stepProgress[step.stepKey];
            if (status === 'not_applicable') continue;
            due += 1;
            if (status === 'done') done += 1;
            if (status === 'skipped') skipped += 1;
        }
        const feedback = feedbackByDeal.get(opportunity.Id);
        const calls = callsByDeal.get(opportunity.Id);
        facts.push({
            dealId: opportunity.Id,
            ownerId: opportunity.OwnerId,
            stage: stage.apiName,
            stageProgress: stage.isClosed
                ? 1
                : stage.openStageCount <= 1
                  ? 0
                  : // Four decimals, as Apex sends it.
                    Math.round(Math.min(1, (stage.stageOrder - 1) / (stage.openStageCount - 1)) * 10_000) / 10_000,
            isClosed: opportunity.IsClosed,
            isWon: opportunity.IsWon,
            createdDate: deal.createdDate,
            closeDate: deal.closeDate,
            amount: deal.amount,
            daysInStage: stage.daysInStage,
            stageBenchmarkDays: stage.benchmarkDays,
            daysSinceActivity:
                deal.activity.lastActivityDate === null
                    ? null
                    : Math.max(0, daysBetween(deal.activity.lastActivityDate, asOf)),
            engagedContacts: deal.contactRoles.filter(
                (role) =>
                    role.lastEngagedDate !== null && daysBetween(role.lastEngagedDate, asOf) < ENGAGED_CONTACT_DAYS
            ).length,
            economicBuyer: deal.meddpicc.economicBuyer.status,
            closeDatePushes: deal.closeDateHistory.pushCount,
            requiredStepsDue: due,
            requiredStepsDone: done,
            requiredStepsSkipped: skipped,
            nudgesActed: feedback?.acted ?? 0,
            nudgesDismissed: feedback?.dismissed ?? 0,
            dismissReasons: feedback?.reasons ?? [],
            callsAnalyzed: calls?.analyzed ?? 0,
            callsWithDatedNextStep: calls?.withDatedNextStep ?? 0,
            callStepsCovered: calls?.stepsCovered ?? 0,
            callStepsMissed: calls?.stepsMissed ?? 0
        });
    }
    return facts;
}
