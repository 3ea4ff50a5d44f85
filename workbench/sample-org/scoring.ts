/**
 * Builds the scoring contract from the sample org's records, the way ScoreRequestBuilder does from an org: stage age
 * and close-date pushes from the history, activity counts from the last 30 days of closed tasks and events, engaged
 * contacts from their last activity, step progress from the progress records. `stateAt` replays the records made
 * before a day, so earlier weekly snapshots see the deal as it was then.
 */
import {
    type ContactRole,
    type ContactRoleCategory,
    type Deal,
    ScoreRequest,
    MAX_DEALS_PER_REQUEST,
    type StepStatus
} from '../../service/src/contract';
import { dayOf, dayOfDateTime, isoDate } from './dates';
import { FORECAST_API_BY_NAME, type ForecastCategoryApi, matchPlaybook, type PlaybookMatch } from './metadata';
import type {
    AccountRecord,
    ContactRecord,
    EventRecord,
    OpportunityContactRoleRecord,
    OpportunityHistoryRecord,
    OpportunityRecord,
    PlaybookStepProgressRecord,
    SampleOrg,
    TaskRecord
} from './types';

const CONTRACT_FORECAST: Record<ForecastCategoryApi, Deal['forecastCategory']> = {
    Pipeline: 'pipeline',
    BestCase: 'best_case',
    Forecast: 'commit',
    Closed: 'closed',
    Omitted: 'omitted'
};

const ROLE_CATEGORIES: Record<string, ContactRoleCategory> = {
    'economic buyer': 'economic_buyer',
    'economic decision maker': 'economic_buyer',
    'decision maker': 'decision_maker',
    champion: 'champion',
    'executive sponsor': 'executive_sponsor',
    'technical buyer': 'technical_buyer',
    evaluator: 'evaluator',
    influencer: 'influencer',
    'business user': 'business_user'
};

/** Lookups by id and by parent, built once per data set. */
export interface SampleOrgIndex {
    org: SampleOrg;
    accountById: Map<string, AccountRecord>;
    contactById: Map<string, ContactRecord>;
    opportunityById: Map<string, OpportunityRecord>;
    userById: Map<string, SampleOrg['users'][number]>;
    historyByOpportunity: Map<string, OpportunityHistoryRecord[]>;
    contactRolesByOpportunity: Map<string, OpportunityContactRoleRecord[]>;
    tasksByOpportunity: Map<string, TaskRecord[]>;
    eventsByOpportunity: Map<string, EventRecord[]>;
    progressByOpportunity: Map<string, PlaybookStepProgressRecord[]>;
    snapshotsByOpportunity: Map<string, SampleOrg['dealHealthSnapshots']>;
    /** Contact id → days of its closed tasks and events, ascending. */
    activityDaysByContact: Map<string, number[]>;
}

function groupBy<T>(records: readonly T[], key: (record: T) => string | null): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const record of records) {
        const value = key(record);
        if (value === null) continue;
        const group = groups.get(value);
        if (group) group.push(record);
        else groups.set(value, [record]);
    }
    return groups;
}

export function indexSampleOrg(org: SampleOrg): SampleOrgIndex {
    const activityDaysByContact = new Map<string, number[]>();
    const addActivity = (contactId: string | null, day: number) => {
        if (contactId === null) return;
        const days = activityDaysByContact.get(contactId);
        if (days) days.push(day);
        else activityDaysByContact.set(contactId, [day]);
    };
    for (const task of org.tasks) if (task.IsClosed) addActivity(task.WhoId, dayOf(task.ActivityDate));
    for (const event of org.events) addActivity(event.WhoId, dayOf(event.ActivityDate));
    for (const days of activityDaysByContact.values()) days.sort((a, b) => a - b);

    const historyByOpportunity = groupBy(org.opportunityHistory, (row) => row.OpportunityId);
    for (const rows of historyByOpportunity.values()) {
        rows.sort((a, b) => (a.CreatedDate < b.CreatedDate ? -1 : a.CreatedDate > b.CreatedDate ? 1 : 0));
    }
    return {
        org,
        accountById: new Map(org.accounts.map((record) => [record.Id, record])),
        contactById: new Map(org.contacts.map((record) => [record.Id, record])),
        opportunityById: new Map(org.opportunities.map((record) => [record.Id, record])),
        userById: new Map(org.users.map((record) => [record.Id, record])),
        historyByOpportunity,
        contactRolesByOpportunity: groupBy(org.opportunityContactRoles, (role) => role.OpportunityId),
        tasksByOpportunity: groupBy(org.tasks, (task) => task.WhatId),
        eventsByOpportunity: groupBy(org.events, (event) => event.WhatId),
        progressByOpportunity: groupBy(org.playbookStepProgress, (progress) => progress.Opportunity__c),
        snapshotsByOpportunity: groupBy(org.dealHealthSnapshots, (snapshot) => snapshot.Opportunity__c),
        activityDaysByContact
    };
}

/** The deal's stage, close date, amount and forecast category before `day`; null when it did not exist yet. */
export interface OpportunityState {
    stageName: string;
    closeDate: string;
    amount: number | null;
    forecastCategory: ForecastCategoryApi;
    /** Day the deal entered its stage (the last stage change in its history, else its creation). */
    stageEnteredDay: number;
    pushCount: number;
    totalDaysPushed: number;
}

export function stateBefore(index: SampleOrgIndex, opportunityId: string, day: number): OpportunityState | null {
    const rows = index.historyByOpportunity.get(opportunityId) ?? [];
    let state: OpportunityState | null = null;
    let previousStage: string | null = null;
    let previousClose: number | null = null;
    for (const row of rows) {
        const rowDay = dayOfDateTime(row.CreatedDate);
        if (rowDay >= day) break;
        if (state === null) {
            state = {
                stageName: row.StageName,
                closeDate: row.CloseDate,
                amount: row.Amount,
                forecastCategory: row.ForecastCategory,
                stageEnteredDay: rowDay,
                pushCount: 0,
                totalDaysPushed: 0
            };
        }
        if (row.StageName !== previousStage) {
            state.stageEnteredDay = rowDay;
            previousStage = row.StageName;
        }
        const close = dayOf(row.CloseDate);
        if (previousClose !== null && close > previousClose) {
            state.pushCount += 1;
            state.totalDaysPushed += close - previousClose;
        }
        previousClose = close;
        state.stageName = row.StageName;
        state.closeDate = row.CloseDate;
        state.amount = row.Amount;
        state.forecastCategory = row.ForecastCategory;
    }
    return state;
}

function lastDayBefore(sortedDays: readonly number[] | undefined, day: number): number | null {
    if (!sortedDays) return null;
    let found: number | null = null;
    for (const candidate of sortedDays) {
        if (candidate >= day) break;
        found = candidate;
    }
    return found;
}

export function playbookMatchFor(
    index: SampleOrgIndex,
    opportunity: OpportunityRecord,
    amount: number | null
): PlaybookMatch | null {
    const account = opportunity.AccountId === null ? undefined : index.accountById.get(opportunity.AccountId);
    return matchPlaybook(index.org.playbooks, {
        type: opportunity.Type,
        industry: account?.Industry ?? null,
        recordType: null,
        amount
    });
}

/**
 * The contract Deal as Apex would build it when scoring on `asOf` (a nightly run early that day: it sees the
 * records made before that day). Null when the deal did not exist yet.
 */
export function buildDeal(index: SampleOrgIndex, opportunityId: string, asOf: string): Deal | null {
    const opportunity = index.opportunityById.get(opportunityId);
    if (!opportunity) throw new Error(`Unknown opportunity ${opportunityId}`);
    const asOfDay = dayOf(asOf);
    const state = stateBefore(index, opportunityId, asOfDay);
    if (state === null) return null;
    const { stages, openStageCount } = {
        stages: index.org.stages,
        openStageCount: index.org.stages.filter((stage) => !stage.isClosed).length
    };
    const stage = stages.find((candidate) => candidate.apiName === state.stageName);
    if (!stage) throw new Error(`Opportunity ${opportunityId} has the unknown stage "${state.stageName}"`);

    const windowStart = asOfDay - 29;
    const fourteenStart = asOfDay - 13;
    const last30 = { emails: 0, calls: 0, meetings: 0 };
    const last14 = { emails: 0, calls: 0, meetings: 0 };
    let lastActivity: number | null = null;
    for (const task of index.tasksByOpportunity.get(opportunityId) ?? []) {
        if (!task.IsClosed) continue;
        const day = dayOf(task.ActivityDate);
        if (day >= asOfDay || dayOfDateTime(task.CreatedDate) >= asOfDay) continue;
        lastActivity = lastActivity === null ? day : Math.max(lastActivity, day);
        if (day < windowStart) continue;
        const kind = task.TaskSubtype === 'Email' ? 'emails' : task.TaskSubtype === 'Call' ? 'calls' : null;
        if (kind === null) continue;
        last30[kind] += 1;
        if (day >= fourteenStart) last14[kind] += 1;
    }
    for (const event of index.eventsByOpportunity.get(opportunityId) ?? []) {
        const day = dayOf(event.ActivityDate);
        if (day >= asOfDay) continue;
        lastActivity = lastActivity === null ? day : Math.max(lastActivity, day);
        if (day < windowStart) continue;
        last30.meetings += 1;
        if (day >= fourteenStart) last14.meetings += 1;
    }

    const contactRoles: ContactRole[] = [...(index.contactRolesByOpportunity.get(opportunityId) ?? [])]
        .sort((a, b) => Number(b.IsPrimary) - Number(a.IsPrimary))
        .slice(0, 50)
        .map((role) => {
            const contact = index.contactById.get(role.ContactId);
            const engaged = lastDayBefore(index.activityDaysByContact.get(role.ContactId), asOfDay);
            return {
                role: ROLE_CATEGORIES[role.Role.toLowerCase()] ?? 'other',
                isPrimary: role.IsPrimary,
                seniority: 'unknown',
                title: contact?.Title.slice(0, 128) ?? null,
                lastEngagedDate: engaged === null ? null : isoDate(engaged)
            };
        });

    const match = playbookMatchFor(index, opportunity, state.amount);
    let playbook: Deal['playbook'] = null;
    if (match && match.playbook.steps.length > 0) {
        const stepKeys = new Set(match.playbook.steps.map((step) => step.stepKey));
        const stepProgress: Record<string, StepStatus> = {};
        for (const progress of index.progressByOpportunity.get(opportunityId) ?? []) {
            if (stepKeys.has(progress.Step_Key__c) && dayOfDateTime(progress.Completed_At__c) < asOfDay) {
                stepProgress[progress.Step_Key__c] = progress.Status__c;
            }
        }
        playbook = {
            playbookKey: match.playbook.playbookKey,
            steps: match.playbook.steps.map((step) => ({
                stepKey: step.stepKey,
                title: step.title.slice(0, 120),
                stage: step.stage,
                stageOrder: stages.find((candidate) => candidate.apiName === step.stage)!.sortOrder,
                isRequired: step.isRequired,
                exitCriterion: step.exitCriterion
            })),
            stepProgress
        };
    }

    const element = (status: OpportunityRecord['Metrics_Status__c'], evidence: string | null) => ({
        status,
        evidence: evidence === null ? null : evidence.slice(0, 255)
    });
    const o = opportunity;
    return {
        id: o.Id,
        name: o.Name.slice(0, 120),
        stage: {
            apiName: stage.apiName,
            stageOrder: stage.sortOrder,
            openStageCount,
            isClosed: stage.isClosed,
            daysInStage: Math.max(0, asOfDay - state.stageEnteredDay),
            benchmarkDays: index.org.stageBenchmarkDays[stage.apiName] ?? null
        },
        amount: state.amount,
        createdDate: o.CreatedDate.slice(0, 10),
        closeDate: state.closeDate,
        closeDateHistory: { pushCount: state.pushCount, totalDaysPushed: state.totalDaysPushed },
        forecastCategory: CONTRACT_FORECAST[state.forecastCategory],
        nextStep: o.NextStep === null ? null : o.NextStep.slice(0, 255),
        nextStepDate: o.Next_Step_Date__c,
        activity: {
            lastActivityDate: lastActivity === null ? null : isoDate(lastActivity),
            last14Days: last14,
            last30Days: last30
        },
        contactRoles,
        meddpicc: {
            metrics: element(o.Metrics_Status__c, o.Metrics_Evidence__c),
            economicBuyer: element(o.Economic_Buyer_Status__c, o.Economic_Buyer_Evidence__c),
            decisionCriteria: element(o.Decision_Criteria_Status__c, o.Decision_Criteria_Evidence__c),
            decisionProcess: element(o.Decision_Process_Status__c, o.Decision_Process_Evidence__c),
            paperProcess: element(o.Paper_Process_Status__c, o.Paper_Process_Evidence__c),
            identifiedPain: element(o.Identified_Pain_Status__c, o.Identified_Pain_Evidence__c),
            champion: element(o.Champion_Status__c, o.Champion_Evidence__c),
            competition: element(o.Competition_Status__c, o.Competition_Evidence__c)
        },
        playbook
    };
}

/**
 * Validated score requests (at most 500 deals each, the contract's limit) for the given deals, or every open deal,
 * as of the data set's date or another day. Deals that did not exist yet, or were closed, are left out.
 */
export function toScoreRequests(
    org: SampleOrg | SampleOrgIndex,
    options: { dealIds?: readonly string[]; asOf?: string; includeClosed?: boolean } = {}
): ScoreRequest[] {
    const index = 'accountById' in org ? org : indexSampleOrg(org);
    const asOf = options.asOf ?? index.org.meta.asOf;
    const ids = options.dealIds ?? index.org.opportunities.map((opportunity) => opportunity.Id);
    const deals: Deal[] = [];
    for (const id of ids) {
        const deal = buildDeal(index, id, asOf);
        if (deal === null || (deal.stage.isClosed && !options.includeClosed)) continue;
        deals.push(deal);
    }
    const requests: ScoreRequest[] = [];
    for (let start = 0; start < deals.length; start += MAX_DEALS_PER_REQUEST) {
        requests.push(
            ScoreRequest.parse({
                asOf,
                config: index.org.scoringConfig,
                deals: deals.slice(start, start + MAX_DEALS_PER_REQUEST)
            })
        );
    }
    return requests;
}

/** One validated request for up to 500 deals (the workbench's "score these deals"). */
export function toScoreRequest(
    org: SampleOrg | SampleOrgIndex,
    dealIds?: readonly string[],
    asOf?: string
): ScoreRequest {
    const requests = toScoreRequests(org, { dealIds, asOf, includeClosed: dealIds !== undefined });
    if (requests.length === 0) throw new Error('No deal to score: every requested deal is closed or unknown');
    if (requests.length > 1) {
        throw new Error(`${MAX_DEALS_PER_REQUEST} deals at most per request; use toScoreRequests for more`);
    }
    return requests[0]!;
}

export { FORECAST_API_BY_NAME };
