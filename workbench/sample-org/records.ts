/**
 * Record shapes that every org the workbench builds shares (the generated sample org and the loaded data sets in
 * orgs/), so a field added to one of these objects is added in one place.
 */
import type { IdFactory } from './ids';
import type { OpportunityHistoryRecord, OpportunityRecord, SampleOrg } from './types';

/** The MEDDPICC elements as Opportunity field prefixes (`<prefix>_Status__c`, `<prefix>_Evidence__c`). */
export const MEDDPICC_FIELD_PREFIXES = [
    'Metrics',
    'Economic_Buyer',
    'Decision_Criteria',
    'Decision_Process',
    'Paper_Process',
    'Identified_Pain',
    'Champion',
    'Competition'
] as const;

export type MeddpiccFieldPrefix = (typeof MEDDPICC_FIELD_PREFIXES)[number];

type MeddpiccFields = Pick<
    OpportunityRecord,
    `${MeddpiccFieldPrefix}_Status__c` | `${MeddpiccFieldPrefix}_Evidence__c`
>;

/** An Opportunity's MEDDPICC fields with nothing recorded: every status unknown, no evidence. */
export function unqualifiedMeddpicc(): MeddpiccFields {
    return Object.fromEntries(
        MEDDPICC_FIELD_PREFIXES.flatMap((prefix) => [
            [`${prefix}_Status__c`, 'unknown'],
            [`${prefix}_Evidence__c`, null]
        ])
    ) as MeddpiccFields;
}

/** One OpportunityHistory row: the deal's stage, close date, amount and forecast category as they stood then. */
export function historyRow(
    ids: IdFactory,
    opportunityId: string,
    createdDate: string,
    state: Pick<OpportunityHistoryRecord, 'StageName' | 'CloseDate' | 'Amount' | 'ForecastCategory'>
): OpportunityHistoryRecord {
    return {
        Id: ids.next('OpportunityHistory'),
        OpportunityId: opportunityId,
        CreatedDate: createdDate,
        StageName: state.StageName,
        CloseDate: state.CloseDate,
        Amount: state.Amount,
        ForecastCategory: state.ForecastCategory
    };
}

type RecordLists = Pick<
    SampleOrg,
    | 'userRoles'
    | 'users'
    | 'accounts'
    | 'contacts'
    | 'opportunities'
    | 'opportunityContactRoles'
    | 'opportunityHistory'
    | 'tasks'
    | 'events'
    | 'playbookMatches'
    | 'playbookStepProgress'
    | 'dealHealthSnapshots'
    | 'pipelineReviews'
    | 'reviewDecisions'
    | 'nudgeFeedback'
>;

/** An org's record lists before anything is generated or loaded into them. */
export function emptyRecordLists(): RecordLists {
    return {
        userRoles: [],
        users: [],
        accounts: [],
        contacts: [],
        opportunities: [],
        opportunityContactRoles: [],
        opportunityHistory: [],
        tasks: [],
        events: [],
        playbookMatches: [],
        playbookStepProgress: [],
        dealHealthSnapshots: [],
        pipelineReviews: [],
        reviewDecisions: [],
        nudgeFeedback: []
    };
}
