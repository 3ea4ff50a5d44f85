/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. Never deployed; the real controller is
 * force-app/main/default/classes/NudgeController.cls (and the services and selectors it calls).
 *
 * One function per @AuraEnabled method, taking the same named parameters the LWC passes and returning the JSON the
 * Apex class serializes, with the same validation and the same messages.
 */
import { type Nudge } from '../../service/src/contract';
import type { NudgeFeedbackRecord } from '../sample-org/types';
import type { NudgeView } from './apex-types';
import { abbreviate, ApexError, isBlank, readString } from './params';
import { label } from './labels';
import { type ApexContext, type ParamsOf, DAY_MS, recentSnapshots, requireOpportunityId } from './apex-context';

const MAX_REASON = 255;
const NUDGE_CODE = /^[a-z][a-z0-9_]{0,79}$/;
/** A dismissed nudge stays hidden this long, even when a later scoring raises it again. */
const DISMISSAL_DAYS = 30;
const MEDDPICC_SETTING_STEMS: ReadonlyArray<readonly [string, string]> = [
    ['metrics', 'Metrics'],
    ['economicBuyer', 'Economic_Buyer'],
    ['decisionCriteria', 'Decision_Criteria'],
    ['decisionProcess', 'Decision_Process'],
    ['paperProcess', 'Paper_Process'],
    ['identifiedPain', 'Identified_Pain'],
    ['champion', 'Champion'],
    ['competition', 'Competition']
];

/** NudgeService.editableFields from the OpportunityFieldMapping settings. */
function editableFields(context: ApexContext): Record<string, string[]> {
    const { store } = context;
    const fields: Record<string, string[]> = {};
    for (const [element, stem] of MEDDPICC_SETTING_STEMS) {
        const status = store.setting(`Field_${stem}_Status`);
        if (status === null) continue;
        const evidence = store.setting(`Field_${stem}_Evidence`);
        fields[element] = evidence === null ? [status] : [status, evidence];
    }
    fields.nextStep = ['NextStep'];
    fields.closeDate = ['CloseDate'];
    const nextStepDate = store.setting('Field_Next_Step_Date');
    if (nextStepDate !== null) fields.nextStepDate = [nextStepDate];
    return fields;
}

/** Codes acted on since the snapshot was scored, or dismissed within DISMISSAL_DAYS. */
function handledCodes(context: ApexContext, opportunityId: string, scoredAt: string): Set<string> {
    const cutoff = new Date(context.store.nowMs() - DISMISSAL_DAYS * DAY_MS).toISOString();
    const handled = new Set<string>();
    for (const feedback of context.store.org.nudgeFeedback) {
        if (feedback.Opportunity__c !== opportunityId || feedback.Recorded_At__c < cutoff) continue;
        if (feedback.Outcome__c === 'dismissed' || feedback.Recorded_At__c >= scoredAt) {
            handled.add(feedback.Nudge_Code__c);
        }
    }
    return handled;
}

/**
 * NudgeService.validateFeedback: the reason as stored (trimmed, null when blank), or the error. Replayed with Apex
 * from force-app/test/behaviour-cases/nudge-feedback-validation.json.
 */
export function validateFeedback(
    nudgeCode: string | null,
    outcome: string | null,
    reason: string | null
): { outcome: 'acted' | 'dismissed'; reason: string | null } {
    if (isBlank(nudgeCode) || !NUDGE_CODE.test(nudgeCode!)) {
        throw new ApexError(label('NudgeFeedbackUnknownCode', nudgeCode));
    }
    if (outcome !== 'acted' && outcome !== 'dismissed') {
        throw new ApexError(label('NudgeFeedbackUnknownOutcome', outcome));
    }
    const trimmedReason = isBlank(reason) ? null : reason!.trim();
    if (outcome === 'dismissed' && trimmedReason === null) throw new ApexError(label('NudgeFeedbackReasonRequired'));
    if (trimmedReason !== null && trimmedReason.length > MAX_REASON) {
        throw new ApexError(label('NudgeFeedbackReasonTooLong', MAX_REASON));
    }
    return { outcome, reason: trimmedReason };
}

export const NudgeController = {
    getNudges(context: ApexContext, params: ParamsOf<'NudgeController.getNudges'>): NudgeView {
        const opportunityId = requireOpportunityId(params.opportunityId);
        const view: NudgeView = {
            hasSnapshot: false,
            scoredAt: null,
            modelVersion: null,
            nudgesJson: null,
            fieldsByNudgeField: editableFields(context)
        };
        const snapshot = recentSnapshots(context, opportunityId, 1)[0];
        if (!snapshot) return view;
        view.hasSnapshot = true;
        view.scoredAt = snapshot.Scored_At__c;
        view.modelVersion = snapshot.Model_Version__c;
        const handled = handledCodes(context, opportunityId, snapshot.Scored_At__c);
        const open: Nudge[] = snapshot.nudges.filter((nudge) => !handled.has(nudge.code));
        view.nudgesJson = JSON.stringify(open);
        return view;
    },

    recordNudgeFeedback(context: ApexContext, params: ParamsOf<'NudgeController.recordNudgeFeedback'>): string {
        const opportunityId = requireOpportunityId(params.opportunityId);
        const nudgeCode = readString(params.nudgeCode, 'nudgeCode');
        const outcome = readString(params.outcome, 'outcome');
        const reason = readString(params.reason, 'reason');
        const modelVersion = readString(params.modelVersion, 'modelVersion');
        const valid = validateFeedback(nudgeCode, outcome, reason);
        const { store } = context;
        // Master-detail: inserting under a deal the user cannot see fails like the platform's DML does.
        if (!store.visibleOpportunity(context.userId, opportunityId)) {
            throw new ApexError(`insufficient access rights on cross-reference id: ${opportunityId}`);
        }
        const feedback: NudgeFeedbackRecord = {
            Id: store.newId('Nudge_Feedback__c'),
            Opportunity__c: opportunityId,
            Nudge_Code__c: nudgeCode!,
            Outcome__c: valid.outcome,
            Reason__c: valid.reason,
            Recorded_At__c: store.nowIso(),
            User__c: context.userId,
            // The sample org's type has no null model version; an absent one is stored empty.
            Model_Version__c: modelVersion === null ? '' : abbreviate(modelVersion, 40)
        };
        store.org.nudgeFeedback.push(feedback);
        store.changed();
        return feedback.Id;
    }
};
