/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * RepDevelopmentSelector + RepDevelopmentService.toFacts: the per-deal facts the development route takes, read from
 * the org's records for the reps in scope: open deals, and deals closed within the window. The scoring deal builder
 * (the same facts Apex sends for scoring) supplies stage, age, activity, contacts and MEDDPICC; step progress and
 * nudge feedback come from their objects.
 */
import type { DevelopmentDeal } from '../../service/src/contract';
import { buildDeal } from '../sample-org/scoring';
import type { WorkbenchStore } from './store';

export const DEVELOPMENT_WINDOW_DAYS = 90;
const ENGAGED_CONTACT_DAYS = 30;
const DAY_MS = 86_400_000;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

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
        facts.push({
            dealId: opportunity.Id,
            ownerId: opportunity.OwnerId,
            stage: stage.apiName,
            stageProgress: stage.isClosed
                ? 1
                : stage.openStageCount <= 1
                  ? 0
                  : Math.min(1, (stage.stageOrder - 1) / (stage.openStageCount - 1)),
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
            dismissReasons: feedback?.reasons ?? []
        });
    }
    return facts;
}
