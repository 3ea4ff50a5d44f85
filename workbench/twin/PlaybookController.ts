/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. Never deployed; the real controller is
 * force-app/main/default/classes/PlaybookController.cls (and the services and selectors it calls).
 *
 * One function per @AuraEnabled method, taking the same named parameters the LWC passes and returning the JSON the
 * Apex class serializes, with the same validation and the same messages.
 */
import { playbookMatchFor } from '../sample-org/scoring';
import type { OpportunityRecord, PlaybookStepProgressRecord } from '../sample-org/types';
import type { PlaybookStepDefinition } from '../sample-org/metadata';
import type { PlaybookView, StageView, StepStatus, StepView } from './apex-types';
import { ApexError, isBlank, readId, readString, text } from './params';
import { label } from './labels';
import { type ApexContext, type ParamsOf, requireOpportunity, userName } from './apex-context';

const MAX_SKIP_REASON = 255;
const STEP_STATUSES: ReadonlySet<string> = new Set(['done', 'skipped', 'not_applicable', 'open']);

function matchFor(context: ApexContext, opportunity: OpportunityRecord) {
    return playbookMatchFor(context.store.index(), opportunity, opportunity.Amount);
}

function toStepView(
    context: ApexContext,
    step: PlaybookStepDefinition,
    guidance: string | null,
    progress: PlaybookStepProgressRecord | undefined
): StepView {
    return {
        stepKey: step.stepKey,
        title: step.title,
        guidance,
        isRequired: step.isRequired,
        isGate: step.isGate,
        exitCriterion: step.exitCriterion,
        dueInDays: step.dueInDays === null ? null : Math.trunc(step.dueInDays),
        status: progress?.Status__c ?? 'open',
        skipReason: progress?.Skip_Reason__c ?? null,
        completedByName: progress ? userName(context, progress.Completed_By__c) : null,
        completedAt: progress?.Completed_At__c ?? null
    };
}

/**
 * PlaybookService.validateStepMark: the skip reason as stored (trimmed, null when blank), or the error. Replayed with
 * Apex from force-app/test/behaviour-cases/step-mark-validation.json.
 */
export function validateStepMark(status: string | null, skipReason: string | null): string | null {
    if (isBlank(status) || !STEP_STATUSES.has(status!)) {
        throw new ApexError(label('StepMarkUnknownStatus', status));
    }
    const reason = isBlank(skipReason) ? null : skipReason!.trim();
    if (status === 'skipped' && reason === null) throw new ApexError(label('StepMarkSkipReasonRequired'));
    if (reason !== null && reason.length > MAX_SKIP_REASON) {
        throw new ApexError(label('StepMarkSkipReasonTooLong', MAX_SKIP_REASON));
    }
    return reason;
}

export const PlaybookController = {
    getPlaybook(context: ApexContext, params: ParamsOf<'PlaybookController.getPlaybook'>): PlaybookView {
        const opportunityId = readId(params.opportunityId, 'opportunityId');
        const deal = requireOpportunity(context, opportunityId);
        const { store } = context;
        const view: PlaybookView = {
            hasPlaybook: false,
            playbookKey: null,
            playbookLabel: null,
            description: null,
            ownerRole: null,
            matchReason: null,
            adminHint: null,
            currentStage: deal.StageName,
            stages: [],
            exitCriteriaJson: null,
            scoredAt: null
        };
        const match = matchFor(context, deal);
        if (match === null) {
            view.adminHint = label('PlaybookNoMatchHint');
            return view;
        }
        view.hasPlaybook = true;
        const latest = store.snapshotsNewestFirst(deal.Id)[0];
        if (latest) {
            view.exitCriteriaJson = JSON.stringify(latest.exitCriteria);
            view.scoredAt = latest.Scored_At__c;
        }
        view.playbookKey = match.playbook.playbookKey;
        view.playbookLabel = match.playbook.label;
        view.description = match.playbook.description;
        view.ownerRole = match.playbook.ownerRole;
        view.matchReason = match.reason;

        const progressByKey = new Map(
            (store.index().progressByOpportunity.get(deal.Id) ?? []).map((progress) => [progress.Step_Key__c, progress])
        );
        let pastCurrent = false;
        for (const stage of store.org.stages) {
            if (stage.isClosed) continue;
            const isCurrent = stage.apiName === deal.StageName;
            const stageView: StageView = {
                apiName: stage.apiName,
                label: stage.apiName,
                isCurrent,
                isPast: !pastCurrent && !isCurrent && !deal.IsClosed,
                steps: []
            };
            pastCurrent = pastCurrent || isCurrent;
            for (const step of match.playbook.steps) {
                if (step.stage === stage.apiName) {
                    stageView.steps.push(
                        toStepView(
                            context,
                            step,
                            store.guidanceByStep.get(step.stepKey) ?? null,
                            progressByKey.get(step.stepKey)
                        )
                    );
                }
            }
            view.stages.push(stageView);
        }
        return view;
    },

    markStep(context: ApexContext, params: ParamsOf<'PlaybookController.markStep'>): StepView {
        const opportunityId = readId(params.opportunityId, 'opportunityId');
        const stepKey = readString(params.stepKey, 'stepKey');
        const status = readString(params.status, 'status');
        const skipReason = readString(params.skipReason, 'skipReason');
        const reason = validateStepMark(status, skipReason);
        const deal = requireOpportunity(context, opportunityId);
        const step = matchFor(context, deal)?.playbook.steps.find((candidate) => candidate.stepKey === stepKey);
        if (!step) throw new ApexError(label('PlaybookUnknownStep', text(stepKey)));

        const { store } = context;
        const progressKey = `${deal.Id}:${step.stepKey}`;
        const records = store.org.playbookStepProgress;
        const existingAt = records.findIndex(
            (progress) => progress.Opportunity__c === deal.Id && progress.Step_Key__c === step.stepKey
        );
        if (status === 'open') {
            if (existingAt >= 0) {
                records.splice(existingAt, 1);
                store.changed();
            }
            return toStepView(context, step, null, undefined);
        }
        const progress: PlaybookStepProgressRecord = {
            Id: existingAt >= 0 ? records[existingAt]!.Id : store.newId('Playbook_Step_Progress__c'),
            Opportunity__c: deal.Id,
            Step_Key__c: step.stepKey,
            Status__c: status as Exclude<StepStatus, 'open'>,
            Skip_Reason__c: status === 'skipped' ? reason : null,
            Completed_By__c: context.userId,
            Completed_At__c: store.nowIso(),
            Progress_Key__c: progressKey
        };
        if (existingAt >= 0) records[existingAt] = progress;
        else records.push(progress);
        store.changed();
        return toStepView(context, step, null, progress);
    }
};
