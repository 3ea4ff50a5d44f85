/**
 * Record shapes that every org the workbench builds shares (the generated sample org and the loaded data sets in
 * orgs/), so a field added to one of these objects is added in one place.
 */
import { MEDDPICC_ELEMENTS, type MeddpiccElement } from '../../service/src/contract';
import type { IdFactory } from './ids';
import type { OpportunityHistoryRecord, OpportunityRecord, SampleOrg } from './types';

/** Each MEDDPICC element's Opportunity field prefix (`<prefix>_Status__c`, `<prefix>_Evidence__c`). */
export const MEDDPICC_FIELD_PREFIX = {
    metrics: 'Metrics',
    economicBuyer: 'Economic_Buyer',
    decisionCriteria: 'Decision_Criteria',
    decisionProcess: 'Decision_Process',
    paperProcess: 'Paper_Process',
    identifiedPain: 'Identified_Pain',
    champion: 'Champion',
    competition: 'Competition'
} as const satisfies Record<MeddpiccElement, string>;

export type MeddpiccFieldPrefix = (typeof MEDDPICC_FIELD_PREFIX)[MeddpiccElement];

/** The sixteen MEDDPICC fields of an Opportunity, status then evidence, in the methodology's order. */
export const MEDDPICC_OPPORTUNITY_FIELDS = MEDDPICC_ELEMENTS.flatMap((element) => [
    `${MEDDPICC_FIELD_PREFIX[element]}_Status__c` as const,
    `${MEDDPICC_FIELD_PREFIX[element]}_Evidence__c` as const
]);

type MeddpiccFields = Pick<
    OpportunityRecord,
    `${MeddpiccFieldPrefix}_Status__c` | `${MeddpiccFieldPrefix}_Evidence__c`
>;

/** An Opportunity's MEDDPICC fields with nothing recorded: every status unknown, no evidence. */
export function unqualifiedMeddpicc(): MeddpiccFields {
    return Object.fromEntries(
        MEDDPICC_OPPORTUNITY_FIELDS.map((field) => [field, field.endsWith('_Status__c') ? 'unknown' : null])
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
    | 'callAnalyses'
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
        nudgeFeedback: [],
        callAnalyses: []
    };
}
