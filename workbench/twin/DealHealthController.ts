/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. Never deployed; the real controller is
 * force-app/main/default/classes/DealHealthController.cls (and the services and selectors it calls).
 *
 * One function per @AuraEnabled method, taking the same named parameters the LWC passes and returning the JSON the
 * Apex class serializes, with the same validation and the same messages.
 */
import { ScoreRequest, type Deal } from '../../service/src/contract';
import { orgContextAt, buildDeal } from '../sample-org/scoring';
import type { DealHealthView } from './apex-types';
import { label } from './labels';
import { callExecutionLoopService, ServiceCallError } from './service-client';
import type { StoredSnapshot, WorkbenchStore } from './store';
import { type ApexContext, type ParamsOf, notVisible, recentSnapshots, requireOpportunityId } from './apex-context';

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
            ? label('DealHealthShowingLastScore', reason, formatDatetime(view.scoredAt))
            : `${reason} ${label('DealHealthNotScoredYet')}`;
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
    return ScoreRequest.parse({
        asOf: today,
        config: store.org.scoringConfig,
        orgContext: orgContextAt(index, today),
        deals: [deal]
    });
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
    getDealHealth(context: ApexContext, params: ParamsOf<'DealHealthController.getDealHealth'>): DealHealthView {
        return dealHealthView(context, requireOpportunityId(params.opportunityId));
    },

    async rescoreDeal(
        context: ApexContext,
        params: ParamsOf<'DealHealthController.rescoreDeal'>
    ): Promise<DealHealthView> {
        const opportunityId = requireOpportunityId(params.opportunityId);
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
