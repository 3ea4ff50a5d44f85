/**
 * The org data profile as OrgDataProfileService measures it in the nightly batch: on the deals created in the last
 * `windowDays` days before the measuring day (the most recent 2,000 at most, open or closed), the share with each
 * fact. The twin measures its own orgs the same way, so a sparse org is told apart from a deal that lacks something.
 */
import { MEDDPICC_ELEMENTS, type MeddpiccElement, OrgDataProfile } from '../../service/src/contract';
import { dayOf, dayOfDateTime } from './dates';
import type { SampleOrgIndex } from './scoring';
import type { OpportunityRecord } from './types';

/** Deals created in the last 180 days: recent enough to say what the org records today. */
export const PROFILE_WINDOW_DAYS = 180;
/** The batch measures at most this many deals (the newest), to stay within the query row limits. */
export const PROFILE_MAX_DEALS = 2000;

const STATUS_FIELD: Record<MeddpiccElement, keyof OpportunityRecord> = {
    metrics: 'Metrics_Status__c',
    economicBuyer: 'Economic_Buyer_Status__c',
    decisionCriteria: 'Decision_Criteria_Status__c',
    decisionProcess: 'Decision_Process_Status__c',
    paperProcess: 'Paper_Process_Status__c',
    identifiedPain: 'Identified_Pain_Status__c',
    champion: 'Champion_Status__c',
    competition: 'Competition_Status__c'
};

/** Rounded to 4 decimals, as the Apex service does, so twin and org send the same numbers. */
function share(count: number, total: number): number {
    return total === 0 ? 0 : Math.round((count / total) * 10_000) / 10_000;
}

export function measureOrgDataProfile(index: SampleOrgIndex, asOf: string): OrgDataProfile {
    const asOfDay = dayOf(asOf);
    const recent = index.org.opportunities
        .filter((opportunity) => {
            const created = dayOfDateTime(opportunity.CreatedDate);
            return created < asOfDay && created >= asOfDay - PROFILE_WINDOW_DAYS;
        })
        .sort((a, b) => (a.CreatedDate < b.CreatedDate ? 1 : a.CreatedDate > b.CreatedDate ? -1 : a.Id < b.Id ? 1 : -1))
        .slice(0, PROFILE_MAX_DEALS);

    let buyerActivity = 0;
    let contactRoles = 0;
    let nextStep = 0;
    let nextStepDate = 0;
    let closeDateChange = 0;
    let amount = 0;
    const meddpicc = Object.fromEntries(MEDDPICC_ELEMENTS.map((element) => [element, 0])) as Record<
        MeddpiccElement,
        number
    >;
    for (const opportunity of recent) {
        const id = opportunity.Id;
        const tasks = (index.tasksByOpportunity.get(id) ?? []).filter(
            (task) =>
                task.IsClosed &&
                (task.TaskSubtype === 'Email' || task.TaskSubtype === 'Call') &&
                dayOf(task.ActivityDate) < asOfDay
        );
        const events = (index.eventsByOpportunity.get(id) ?? []).filter((event) => dayOf(event.ActivityDate) < asOfDay);
        if (tasks.length > 0 || events.length > 0) buyerActivity += 1;
        if ((index.contactRolesByOpportunity.get(id) ?? []).length > 0) contactRoles += 1;
        if (opportunity.NextStep !== null && opportunity.NextStep.trim() !== '') nextStep += 1;
        if (opportunity.Next_Step_Date__c !== null) nextStepDate += 1;
        if (opportunity.Amount !== null && opportunity.Amount > 0) amount += 1;
        const closeDates = (index.historyByOpportunity.get(id) ?? [])
            .filter((row) => dayOfDateTime(row.CreatedDate) < asOfDay)
            .map((row) => row.CloseDate);
        if (closeDates.some((closeDate, position) => position > 0 && closeDate !== closeDates[position - 1])) {
            closeDateChange += 1;
        }
        for (const element of MEDDPICC_ELEMENTS) {
            if (opportunity[STATUS_FIELD[element]] !== 'unknown') meddpicc[element] += 1;
        }
    }
    const total = recent.length;
    return OrgDataProfile.parse({
        measuredOn: asOf,
        windowDays: PROFILE_WINDOW_DAYS,
        dealsMeasured: total,
        withBuyerActivity: share(buyerActivity, total),
        withContactRoles: share(contactRoles, total),
        withNextStep: share(nextStep, total),
        withNextStepDate: share(nextStepDate, total),
        withCloseDateChange: share(closeDateChange, total),
        withAmount: share(amount, total),
        withMeddpicc: Object.fromEntries(
            MEDDPICC_ELEMENTS.map((element) => [element, share(meddpicc[element], total)])
        ) as Record<MeddpiccElement, number>
    });
}
