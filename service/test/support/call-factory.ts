import type { AllowedField, CallAnalysisRequest } from '../../src/modules/calls/contract/call-analysis';

/** The package's Opportunity fields as Apex describes them, with the deal's current values. */
export function packageFields(current: Partial<Record<string, string | null>> = {}): AllowedField[] {
    const status = (apiName: string, label: string, element: AllowedField['meddpiccElement']): AllowedField => ({
        apiName,
        label,
        fieldType: 'picklist',
        picklistValues: ['unknown', 'identified', 'validated'],
        maxLength: null,
        currentValue: current[apiName] ?? 'unknown',
        role: 'meddpicc_status',
        meddpiccElement: element
    });
    const evidence = (apiName: string, label: string, element: AllowedField['meddpiccElement']): AllowedField => ({
        apiName,
        label,
        fieldType: 'text',
        picklistValues: null,
        maxLength: 255,
        currentValue: current[apiName] ?? null,
        role: 'meddpicc_evidence',
        meddpiccElement: element
    });
    return [
        {
            apiName: 'StageName',
            label: 'Stage',
            fieldType: 'picklist',
            picklistValues: ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal', 'Negotiation'],
            maxLength: null,
            currentValue: current.StageName ?? 'Qualification',
            role: 'stage',
            meddpiccElement: null
        },
        {
            apiName: 'CloseDate',
            label: 'Close Date',
            fieldType: 'date',
            picklistValues: null,
            maxLength: null,
            currentValue: current.CloseDate ?? '2026-12-31',
            role: 'close_date',
            meddpiccElement: null
        },
        {
            apiName: 'Amount',
            label: 'Amount',
            fieldType: 'number',
            picklistValues: null,
            maxLength: null,
            currentValue: current.Amount ?? '50000',
            role: 'amount',
            meddpiccElement: null
        },
        {
            apiName: 'NextStep',
            label: 'Next Step',
            fieldType: 'text',
            picklistValues: null,
            maxLength: 255,
            currentValue: current.NextStep ?? null,
            role: 'next_step',
            meddpiccElement: null
        },
        {
            apiName: 'Next_Step_Date__c',
            label: 'Next Step Date',
            fieldType: 'date',
            picklistValues: null,
            maxLength: null,
            currentValue: current.Next_Step_Date__c ?? null,
            role: 'next_step_date',
            meddpiccElement: null
        },
        status('Metrics_Status__c', 'Metrics Status', 'metrics'),
        evidence('Metrics_Evidence__c', 'Metrics Evidence', 'metrics'),
        status('Economic_Buyer_Status__c', 'Economic Buyer Status', 'economicBuyer'),
        evidence('Economic_Buyer_Evidence__c', 'Economic Buyer Evidence', 'economicBuyer'),
        status('Decision_Criteria_Status__c', 'Decision Criteria Status', 'decisionCriteria'),
        status('Decision_Process_Status__c', 'Decision Process Status', 'decisionProcess'),
        status('Paper_Process_Status__c', 'Paper Process Status', 'paperProcess'),
        status('Identified_Pain_Status__c', 'Identified Pain Status', 'identifiedPain'),
        evidence('Identified_Pain_Evidence__c', 'Identified Pain Evidence', 'identifiedPain'),
        status('Champion_Status__c', 'Champion Status', 'champion'),
        evidence('Champion_Evidence__c', 'Champion Evidence', 'champion'),
        status('Competition_Status__c', 'Competition Status', 'competition')
    ];
}

export function callRequest(text: string, overrides: Partial<CallAnalysisRequest> = {}): CallAnalysisRequest {
    return {
        text,
        source: 'pasted_notes',
        extractor: 'auto',
        asOf: '2026-11-05',
        timeZone: 'America/New_York',
        dealId: '006000000000001AAA',
        dealName: 'Northwind Logistics - Platform',
        repName: 'Alex Rivera',
        contacts: [
            { contactId: '003000000000001AAA', name: 'Dana Cho', title: 'VP Operations', role: 'Champion' },
            { contactId: '003000000000002AAA', name: 'Sam Patel', title: 'CFO', role: 'Economic Buyer' },
            { contactId: '003000000000003AAA', name: 'Lee Park', title: 'IT Manager', role: 'Technical Buyer' }
        ],
        knownCompetitors: ['Globex', 'Initech'],
        playbookSteps: [
            { stepKey: 'QUAL_PAIN', title: 'Confirm the business pain', exitCriterion: 'pain_identified' },
            { stepKey: 'QUAL_EB', title: 'Identify the economic buyer', exitCriterion: 'economic_buyer_identified' },
            { stepKey: 'QUAL_CHAMPION', title: 'Find a champion', exitCriterion: 'champion_identified' },
            { stepKey: 'QUAL_NEXT', title: 'Schedule the next step', exitCriterion: 'next_step_scheduled' }
        ],
        fields: packageFields(),
        ...overrides
    };
}

export const DISCOVERY_TRANSCRIPT = `[00:00:05] Alex Rivera: Thanks for making time, Dana. What is slowing your team down today?
[00:00:12] Dana Cho: Honestly our dispatchers rebuild the schedule in spreadsheets every morning, it takes about 6 hours a week per planner.
[00:00:30] Alex Rivera: That sounds painful. Who else is involved in the decision?
[00:00:41] Dana Cho: Sam Patel, our CFO, owns the budget and signs off on anything above $100k. We are also evaluating Globex.
[00:01:02] Dana Cho: I'll push for this internally, I want it live before peak season.
[00:01:20] Alex Rivera: Great. Next step: I'll send the security questionnaire and we meet again next Tuesday with Lee.
[00:01:35] Dana Cho: We plan to sign by end of Q1 if the security review passes.`;

export const TERSE_NOTES = `mtg w/ Dana Cho + Lee Park. pain: manual scheduling, ~20% overtime. EB = Sam Patel (CFO), not met yet.
Globex in the mix. f/u: send pricing by Friday.`;

export const NOTHING_FOR_CRM = `Quick check-in with Dana Cho about the office move. Talked about the weather and her vacation plans.
Nothing new on the project.`;

/** The golden fixture requests for POST /v1/calls/analyze (deterministic extractor: no LLM in fixtures). */
export function buildCallFixtureRequests(): Record<string, CallAnalysisRequest> {
    return {
        'transcript-discovery': callRequest(DISCOVERY_TRANSCRIPT, {
            source: 'transcript_file',
            extractor: 'deterministic'
        }),
        'notes-terse': callRequest(TERSE_NOTES, { extractor: 'deterministic' }),
        'nothing-for-crm': callRequest(NOTHING_FOR_CRM, { source: 'task', extractor: 'deterministic' })
    };
}
