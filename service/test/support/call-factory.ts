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

const LONG_CALL_TURNS: [side: 'rep' | 'buyer', text: string][] = [
    ['rep', 'Thanks for joining again. Can you walk me through how the planners start their day today?'],
    [
        'buyer',
        'Sure. Every morning the dispatch team exports orders, then rebuilds the routes in spreadsheets by hand.'
    ],
    ['rep', 'How long does that take, and what happens when a driver calls in sick?'],
    [
        'buyer',
        'It takes about two hours per planner, and a sick call means starting over, which delays the first trucks.'
    ],
    ['rep', 'Who else feels that pain, and who would have to agree before you change the process?'],
    [
        'buyer',
        'Operations feels it most. Finance cares about overtime, and IT has to review anything that touches the ERP.'
    ],
    ['rep', 'What would a good outcome look like in numbers for your team this year?'],
    [
        'buyer',
        'If we cut overtime by fifteen percent and got trucks out thirty minutes earlier, that would pay for itself.'
    ],
    [
        'rep',
        'Understood. How do you usually buy software of this size, is there a security review or a procurement step?'
    ],
    [
        'buyer',
        'Security sends a questionnaire, legal reviews the MSA, and procurement wants three quotes for anything large.'
    ],
    ['rep', 'Are you looking at other options at the moment?'],
    ['buyer', 'We had a demo from Globex last month, and the ERP vendor keeps pitching their own module.'],
    ['rep', 'Fair enough. What did you like about those, and what worries you?'],
    [
        'buyer',
        'Globex looked polished but the integration story was thin, and the ERP module does not handle live changes.'
    ],
    ['rep', 'Let me show you how the live re-planning works with a sick call in the middle of the morning.'],
    ['buyer', 'Please do, that is exactly the moment that hurts us the most during peak season.']
];

/** A 60-minute two-speaker transcript of about 10,000 words, for the benchmark (no randomness). */
export function buildLongTranscript(targetWords = 10_000): string {
    const lines: string[] = [];
    let words = 0;
    let seconds = 0;
    for (let index = 0; words < targetWords; index++) {
        const [side, text] = LONG_CALL_TURNS[index % LONG_CALL_TURNS.length]!;
        const speaker = side === 'rep' ? 'Alex Rivera' : 'Dana Cho';
        const stamp = new Date(seconds * 1000).toISOString().slice(11, 19);
        lines.push(`[${stamp}] ${speaker}: ${text}`);
        words += text.split(' ').length + 1;
        seconds += 17;
    }
    lines.push(
        '[00:59:40] Alex Rivera: Next step: I will send the security questionnaire answers and we meet again next Tuesday.'
    );
    lines.push('[00:59:52] Dana Cho: I will bring this to Sam Patel, our CFO, who signs off on the budget.');
    return lines.join('\n');
}
