// The call-analysis request as CallInsightsService builds it (the allow-list from the package's fields and field-mapping
// settings, the deal's contacts and the playbook steps of its stage), shared by the twin's Call Insights and the sample
// org's seeded analyses, so both send the service the same request for the same notes.
import { MEDDPICC_ELEMENTS, type AllowedField, type CallAnalysisRequest } from '../../service/src/contract';
import { MEDDPICC_FIELD_PREFIX } from './records';
import { playbookMatchFor, type SampleOrgIndex } from './scoring';
import type { OpportunityRecord } from './types';

const STATUS_VALUES = ['unknown', 'identified', 'validated'];

/** A setting's value, null when absent or blank (Execution_Loop_Setting__mdt). */
export type SettingReader = (name: string) => string | null;

/** The extractor the org chose (Call_Analysis_Extractor); null when the setting holds something else. */
export function extractorSetting(setting: SettingReader): CallAnalysisRequest['extractor'] | null {
    const extractor = setting('Call_Analysis_Extractor') ?? 'auto';
    return extractor === 'auto' || extractor === 'deterministic' || extractor === 'llm' ? extractor : null;
}

/** CallInsightsService.AllowList: the package's fields, named by the field-mapping settings. */
export function allowList(
    index: SampleOrgIndex,
    setting: SettingReader,
    opportunity: OpportunityRecord
): AllowedField[] {
    const values = opportunity as unknown as Record<string, unknown>;
    const asText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
    const field = (
        apiName: string,
        label: string,
        fieldType: AllowedField['fieldType'],
        role: AllowedField['role'],
        extra: Partial<AllowedField> = {}
    ): AllowedField => ({
        apiName,
        label,
        fieldType,
        picklistValues: null,
        maxLength: fieldType === 'text' ? 255 : null,
        currentValue: asText(values[apiName]),
        role,
        meddpiccElement: null,
        ...extra
    });
    const fields: AllowedField[] = [
        field('StageName', 'Stage', 'picklist', 'stage', {
            picklistValues: index.org.stages.map((stage) => stage.apiName)
        }),
        field('CloseDate', 'Close Date', 'date', 'close_date'),
        field('Amount', 'Amount', 'number', 'amount'),
        field('NextStep', 'Next Step', 'text', 'next_step')
    ];
    const nextStepDate = setting('Field_Next_Step_Date');
    if (nextStepDate) fields.push(field(nextStepDate, 'Next Step Date', 'date', 'next_step_date'));
    for (const element of MEDDPICC_ELEMENTS) {
        // OpportunityFieldMapping.SETTING_STEM_BY_ELEMENT: the same stems as the fields' prefixes.
        const stem = MEDDPICC_FIELD_PREFIX[element];
        const label = stem.replace(/_/g, ' ');
        const status = setting(`Field_${stem}_Status`);
        if (status) {
            fields.push(
                field(status, `${label} Status`, 'picklist', 'meddpicc_status', {
                    picklistValues: STATUS_VALUES,
                    meddpiccElement: element
                })
            );
        }
        const evidence = setting(`Field_${stem}_Evidence`);
        if (evidence) {
            fields.push(
                field(evidence, `${label} Evidence`, 'text', 'meddpicc_evidence', { meddpiccElement: element })
            );
        }
    }
    return fields;
}

/** CallInsightsService.buildRequest: the request for one call's text on one deal, as of the call's day. */
export function callAnalysisRequest(options: {
    index: SampleOrgIndex;
    setting: SettingReader;
    extractor: CallAnalysisRequest['extractor'];
    opportunity: OpportunityRecord;
    source: CallAnalysisRequest['source'];
    text: string;
    asOf: string;
    repName: string | null;
}): CallAnalysisRequest {
    const { index, opportunity } = options;
    const match = playbookMatchFor(index, opportunity, opportunity.Amount);
    return {
        text: options.text,
        source: options.source,
        extractor: options.extractor,
        asOf: options.asOf,
        timeZone: 'UTC',
        dealId: opportunity.Id,
        dealName: opportunity.Name.slice(0, 120),
        repName: options.repName,
        contacts: (index.contactRolesByOpportunity.get(opportunity.Id) ?? []).flatMap((role) => {
            const contact = index.contactById.get(role.ContactId);
            return contact
                ? [
                      {
                          contactId: contact.Id,
                          name: `${contact.FirstName} ${contact.LastName}`,
                          title: contact.Title,
                          role: role.Role
                      }
                  ]
                : [];
        }),
        knownCompetitors: [],
        playbookSteps: (match?.playbook.steps ?? [])
            .filter((step) => step.stage === opportunity.StageName)
            .map((step) => ({ stepKey: step.stepKey, title: step.title, exitCriterion: step.exitCriterion })),
        fields: allowList(index, options.setting, opportunity)
    };
}
