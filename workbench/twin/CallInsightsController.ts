/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. Never deployed; the real controller is
 * force-app/main/default/classes/CallInsightsController.cls (with CallInsightsService and CallInsightsSelector).
 *
 * The same methods, parameters, JSON and messages as the Apex classes, over the workbench store: the allow-list from
 * the package's fields and field-mapping settings, the callout to the real Execution Loop service
 * (POST /v1/calls/analyze), Call_Analysis__c records kept for the server's lifetime, and accepted updates validated
 * again and written to the opportunity.
 */
import { CallAnalysisResponse, type AllowedField, type CallAnalysisRequest } from '../../service/src/contract';
import { allowList, callAnalysisRequest, extractorSetting } from '../sample-org/call-analysis';
import { CALL_ANALYSIS_PREFIX } from '../sample-org/calls';
import { toId18 } from '../sample-org/ids';
import type { CallAnalysisRecord, CallAnalysisStatus, OpportunityRecord } from '../sample-org/types';
import type { ApexContext, ParamsOf, ResultOf } from './apex-context';
import { label } from './labels';
import { ApexError, isBlank, readId, readString } from './params';
import { ServiceCallError } from './service-client';
import { postToService } from './service-json';
import type { WorkbenchStore } from './store';

export const CALLS_PATH = '/v1/calls/analyze';
const MAX_TEXT_CHARS = 100_000;
const MAX_ANALYSES = 5;
const SOURCES = new Set(['pasted_notes', 'task', 'event', 'transcript_file']);
const RETRYABLE = new Set(['TIMEOUT', 'UNREACHABLE', 'RATE_LIMITED', 'SERVICE_ERROR', 'INVALID_RESPONSE']);

type AnalysisStatus = CallAnalysisStatus;
export type { CallAnalysisRecord };

/** CallInsightsService.AnalysisView. */
export interface AnalysisView {
    analysisId: string;
    recordName: string;
    analysisStatus: AnalysisStatus;
    source: string;
    extractor: string | null;
    model: string | null;
    fallbackReason: string | null;
    lastError: string | null;
    text: string;
    resultJson: string | null;
    decisionsJson: string | null;
    createdDate: string;
}

const analysesByStore = new WeakMap<WorkbenchStore, CallAnalysisRecord[]>();

/** The Call_Analysis__c rows of this server's session (tests read them). */
export function callAnalyses(store: WorkbenchStore): CallAnalysisRecord[] {
    let analyses = analysesByStore.get(store);
    if (!analyses) {
        // The org's seeded analyses (copies: the session's reviews change them), then the session's own.
        analyses = store.org.callAnalyses.map((record) => ({ ...record }));
        analysesByStore.set(store, analyses);
    }
    return analyses;
}

function requireOpportunity(context: ApexContext, opportunityId: unknown): OpportunityRecord {
    const id = readId(opportunityId, 'opportunityId');
    if (id === null) throw new ApexError(label('OpportunityIdRequired'));
    const opportunity = context.store.visibleOpportunity(context.userId, id);
    if (!opportunity) throw new ApexError(label('CallOpportunityNotVisible'));
    return opportunity;
}

function toView(record: CallAnalysisRecord): AnalysisView {
    return {
        analysisId: record.Id,
        recordName: record.Name,
        analysisStatus: record.Status__c,
        source: record.Source__c,
        extractor: record.Extractor__c,
        model: record.Model__c,
        fallbackReason: record.Fallback_Reason__c,
        lastError: record.Last_Error__c,
        text: record.Notes__c,
        resultJson: record.Result_Json__c,
        decisionsJson: record.Decisions_Json__c,
        createdDate: record.CreatedDate
    };
}

function buildRequest(
    context: ApexContext,
    opportunity: OpportunityRecord,
    source: string,
    text: string
): CallAnalysisRequest {
    const store = context.store;
    const extractor = extractorSetting((name) => store.setting(name));
    if (extractor === null) throw new ApexError(label('SettingBadExtractor'));
    return callAnalysisRequest({
        index: store.index(),
        setting: (name) => store.setting(name),
        extractor,
        opportunity,
        source: source as CallAnalysisRequest['source'],
        text,
        asOf: store.today(),
        repName: store.user(context.userId)?.Name ?? null
    });
}

async function run(context: ApexContext, record: CallAnalysisRecord, opportunity: OpportunityRecord): Promise<void> {
    const request = buildRequest(context, opportunity, record.Source__c, record.Notes__c);
    const timeoutMs = context.scoring.timeoutMs ?? Number(context.store.setting('Call_Analysis_Timeout_Ms') ?? 60_000);
    try {
        // ExecutionLoopServiceClient.analyzeCall.
        const response = await postToService(context.scoring, CALLS_PATH, request, CallAnalysisResponse, timeoutMs);
        record.Status__c = 'analyzed';
        record.Extractor__c = response.extractor;
        record.Model__c = response.model;
        record.Fallback_Reason__c = response.fallbackReason;
        record.Result_Json__c = JSON.stringify(response);
        record.Last_Error__c = null;
    } catch (error) {
        if (!(error instanceof ServiceCallError)) throw error;
        record.Status__c = RETRYABLE.has(error.kind) ? 'pending_retry' : 'failed';
        const message = error.userMessage();
        record.Last_Error__c = message.length <= 255 ? message : `${message.slice(0, 252)}...`;
    }
}

function requireAnalysis(
    context: ApexContext,
    analysisId: unknown
): { record: CallAnalysisRecord; opportunity: OpportunityRecord } {
    const id = readId(analysisId, 'analysisId');
    const record = callAnalyses(context.store).find((candidate) => candidate.Id === id);
    const opportunity = record ? context.store.visibleOpportunity(context.userId, record.Opportunity__c) : undefined;
    if (!record || !opportunity) throw new ApexError(label('CallAnalysisNotVisible'));
    return { record, opportunity };
}

/** CallInsightsService.AllowList.toFieldValue. */
function toFieldValue(field: AllowedField, proposed: string): string | number {
    if (field.fieldType === 'picklist') {
        if (!(field.picklistValues ?? []).includes(proposed)) {
            throw new ApexError(label('CallInactivePicklistValue', proposed, field.label));
        }
        return proposed;
    }
    if (field.fieldType === 'date') {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(proposed))
            throw new ApexError(label('CallInvalidValue', proposed, field.label));
        return proposed;
    }
    if (field.fieldType === 'number') {
        const value = Number(proposed);
        if (proposed.trim() === '' || !Number.isFinite(value)) {
            throw new ApexError(label('CallInvalidValue', proposed, field.label));
        }
        return value;
    }
    if (field.maxLength !== null && proposed.length > field.maxLength) {
        throw new ApexError(label('CallValueTooLong', field.label, field.maxLength));
    }
    return proposed;
}

export const CallInsightsController = {
    getCallInsights(
        context: ApexContext,
        params: ParamsOf<'CallInsightsController.getCallInsights'>
    ): ResultOf<'CallInsightsController.getCallInsights'> {
        const opportunity = requireOpportunity(context, params.opportunityId);
        const loggedCalls = context.store.org.tasks
            .filter((task) => task.WhatId === opportunity.Id)
            .filter((task) => !isBlank((task as { Description?: string | null }).Description))
            .map((task) => ({
                recordId: task.Id,
                source: 'task',
                label: `Task: ${task.Subject} · ${task.CreatedDate.slice(0, 10)}`
            }));
        const analyses = callAnalyses(context.store)
            .filter((record) => record.Opportunity__c === opportunity.Id)
            .slice(-MAX_ANALYSES)
            .reverse()
            .map(toView);
        return { loggedCalls, analyses };
    },

    async analyzeCall(
        context: ApexContext,
        params: ParamsOf<'CallInsightsController.analyzeCall'>
    ): Promise<ResultOf<'CallInsightsController.analyzeCall'>> {
        const opportunity = requireOpportunity(context, params.opportunityId);
        const source = readString(params.source, 'source');
        if (source === null || !SOURCES.has(source)) throw new ApexError(label('CallUnknownSource', source));
        const sourceRecordId = readId(params.sourceRecordId, 'sourceRecordId');
        let text: string | null;
        if (source === 'pasted_notes') {
            text = readString(params.text, 'text');
        } else if (sourceRecordId === null) {
            throw new ApexError(label('CallPickLoggedCall'));
        } else if (source === 'task') {
            const task = context.store.org.tasks.find((candidate) => candidate.Id === sourceRecordId);
            if (!task || task.WhatId !== opportunity.Id) {
                throw new ApexError(label('CallTaskNotOnDeal'));
            }
            text = (task as { Description?: string | null }).Description ?? null;
        } else {
            throw new ApexError(label('CallWorkbenchNoEvents'));
        }
        if (text === null || isBlank(text)) throw new ApexError(label('CallNoText'));
        if (text.length > MAX_TEXT_CHARS) {
            throw new ApexError(label('CallTextTooLong', text.length, MAX_TEXT_CHARS));
        }
        const analyses = callAnalyses(context.store);
        const record: CallAnalysisRecord = {
            Id: toId18(`${CALL_ANALYSIS_PREFIX}${String(analyses.length + 1).padStart(12, '0')}`),
            Name: `CA-${String(analyses.length + 1).padStart(6, '0')}`,
            Opportunity__c: opportunity.Id,
            Source__c: source,
            Source_Record_Id__c: sourceRecordId,
            Status__c: 'pending_retry',
            Extractor__c: null,
            Model__c: null,
            Fallback_Reason__c: null,
            Last_Error__c: null,
            Notes__c: text,
            Result_Json__c: null,
            Decisions_Json__c: null,
            Accepted_Count__c: null,
            Rejected_Count__c: null,
            Reviewed_By__c: null,
            Reviewed_At__c: null,
            CreatedDate: context.store.nowIso()
        };
        await run(context, record, opportunity);
        analyses.push(record);
        return toView(record);
    },

    async retryAnalysis(
        context: ApexContext,
        params: ParamsOf<'CallInsightsController.retryAnalysis'>
    ): Promise<ResultOf<'CallInsightsController.retryAnalysis'>> {
        const { record, opportunity } = requireAnalysis(context, params.analysisId);
        if (record.Status__c !== 'pending_retry' && record.Status__c !== 'failed') {
            throw new ApexError(label('CallRetryNotAllowed'));
        }
        await run(context, record, opportunity);
        return toView(record);
    },

    applyDecisions(
        context: ApexContext,
        params: ParamsOf<'CallInsightsController.applyDecisions'>
    ): ResultOf<'CallInsightsController.applyDecisions'> {
        let decisions: { field?: unknown; verdict?: unknown }[];
        try {
            decisions = JSON.parse(String(readString(params.decisionsJson, 'decisionsJson'))) as typeof decisions;
            if (!Array.isArray(decisions)) throw new TypeError();
        } catch {
            throw new ApexError(label('CallDecisionsUnreadable'));
        }
        const { record, opportunity } = requireAnalysis(context, params.analysisId);
        if (record.Status__c !== 'analyzed' || record.Result_Json__c === null) {
            throw new ApexError(label('CallNoProposalsToReview'));
        }
        const result = CallAnalysisResponse.parse(JSON.parse(record.Result_Json__c));
        const proposalByField = new Map(result.proposals.map((proposal) => [proposal.field.toLowerCase(), proposal]));
        const verdictByField = new Map<string, 'accepted' | 'rejected'>();
        for (const decision of decisions) {
            const field = typeof decision?.field === 'string' ? decision.field.toLowerCase() : null;
            if (field === null || !proposalByField.has(field)) {
                throw new ApexError(label('CallDecisionUnknownField'));
            }
            if (decision.verdict !== 'accepted' && decision.verdict !== 'rejected') {
                throw new ApexError(label('CallDecisionBadVerdict'));
            }
            verdictByField.set(field, decision.verdict);
        }
        if (verdictByField.size !== proposalByField.size) {
            throw new ApexError(label('CallDecideEveryProposal'));
        }
        const allowed = new Map(
            allowList(context.store.index(), (name) => context.store.setting(name), opportunity).map((field) => [
                field.apiName.toLowerCase(),
                field
            ])
        );
        const changes: Record<string, string | number> = {};
        const log: Record<string, unknown>[] = [];
        for (const [key, proposal] of proposalByField) {
            const verdict = verdictByField.get(key)!;
            if (verdict === 'accepted') {
                const field = allowed.get(key);
                if (!field) throw new ApexError(label('CallFieldNoLongerEditable', proposal.label));
                if (field.currentValue !== proposal.currentValue) {
                    throw new ApexError(label('CallFieldChanged', proposal.label, field.currentValue));
                }
                changes[field.apiName] = toFieldValue(field, proposal.proposedValue);
            }
            log.push({
                field: proposal.field,
                verdict,
                previousValue: proposal.currentValue,
                proposedValue: proposal.proposedValue
            });
        }
        const accepted = Object.keys(changes).length;
        if (accepted > 0) {
            const { StageName: stageName, Amount: amount, ...rest } = changes;
            if (stageName !== undefined)
                context.store.updateOpportunity(opportunity.Id, { StageName: String(stageName) });
            if (amount !== undefined) opportunity.Amount = Number(amount);
            context.store.updateEditableFields(
                opportunity.Id,
                Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, String(value)]))
            );
        }
        record.Decisions_Json__c = JSON.stringify(log);
        record.Accepted_Count__c = accepted;
        record.Rejected_Count__c = log.length - accepted;
        record.Reviewed_By__c = context.userId;
        record.Reviewed_At__c = context.store.nowIso();
        record.Status__c = 'reviewed';
        return toView(record);
    }
};
