import type OpenAI from 'openai';
import type { CallAnalysisRequest, CallAnalysisResponse } from '../contract/call-analysis';
import type { CallExtraction } from '../contract/extraction';
import { extractDeterministic } from './deterministic';
import { applyGuards } from './guards';
import { createLlmClient, extractWithLlm, type LlmSettings } from './llm';
import { identityRedaction, redact } from './redact';
import { type CallText, readCall } from './transcript';

/** What the access log records about an analysis: never the text. */
export interface CallAnalysisLog {
    extractor: 'deterministic' | 'llm';
    model: string | null;
    fallbackReason: string | null;
    /** Error class of a failed LLM attempt, e.g. APIConnectionTimeoutError. */
    llmFailure: string | null;
    latencyMs: number;
    promptTokens: number | null;
    completionTokens: number | null;
    proposals: number;
    dropped: number;
}

export interface CallAnalyzer {
    analyze(request: CallAnalysisRequest): Promise<{ response: CallAnalysisResponse; log: CallAnalysisLog }>;
}

function talkStats(call: CallText): CallAnalysisResponse['coaching']['talk'] {
    if (!call.speakersKnown) return null;
    const bySpeaker = new Map<string, { name: string; side: CallText['turns'][number]['side']; words: number }>();
    for (const turn of call.turns) {
        if (!turn.speaker) continue;
        const entry = bySpeaker.get(turn.speaker) ?? { name: turn.speaker, side: turn.side, words: 0 };
        entry.words += turn.words;
        bySpeaker.set(turn.speaker, entry);
    }
    const speakers = [...bySpeaker.values()];
    const total = speakers.reduce((sum, speaker) => sum + speaker.words, 0);
    const sellerWords = speakers.filter((speaker) => speaker.side === 'seller').reduce((sum, s) => sum + s.words, 0);
    const questions = (side: 'buyer' | 'seller') =>
        call.sentences.filter((sentence) => sentence.side === side && sentence.text.endsWith('?')).length;
    return {
        repTalkShare: total === 0 ? 0 : Math.round((sellerWords / total) * 100) / 100,
        repQuestions: questions('seller'),
        buyerQuestions: questions('buyer'),
        speakers
    };
}

function droppedCount(guards: CallAnalysisResponse['guards']): number {
    return guards.droppedUnquoted + guards.droppedOffList + guards.droppedInvalidValue + guards.droppedImplausibleDate;
}

function respond(
    request: CallAnalysisRequest,
    call: CallText,
    seen: ReturnType<typeof identityRedaction>,
    extraction: CallExtraction,
    model: string | null,
    fallbackReason: CallAnalysisResponse['fallbackReason'],
    redactions: number
): CallAnalysisResponse {
    const guarded = applyGuards(request, call, seen, extraction);
    return {
        dealId: request.dealId,
        extractor: model === null ? 'deterministic' : 'llm',
        model,
        fallbackReason,
        ...guarded,
        coaching: { ...guarded.coaching, talk: talkStats(call) },
        redactions
    };
}

/**
 * The deterministic path alone, synchronously: what the analyzer answers without a language model (the org chose the
 * deterministic extractor, or none is configured). The workbench seeds its sample org's analysed calls with it.
 */
export function analyzeDeterministically(request: CallAnalysisRequest): CallAnalysisResponse {
    const call = readCall(request.text, request.repName, request.contacts);
    const fallbackReason = request.extractor === 'deterministic' ? 'org_choice' : 'llm_not_configured';
    const extraction = extractDeterministic(request, call).extraction;
    return respond(request, call, identityRedaction(request.text), extraction, null, fallbackReason, 0);
}

export function createCallAnalyzer(llm: LlmSettings | null): CallAnalyzer {
    const client: OpenAI | null = llm ? createLlmClient(llm) : null;

    return {
        async analyze(request) {
            const started = performance.now();
            const call = readCall(request.text, request.repName, request.contacts);
            let extraction: CallExtraction | null = null;
            let seen = identityRedaction(request.text);
            let redactions = 0;
            let model: string | null = null;
            let fallbackReason: CallAnalysisResponse['fallbackReason'] = null;
            let llmFailure: string | null = null;
            let promptTokens: number | null = null;
            let completionTokens: number | null = null;

            if (request.extractor === 'deterministic') {
                fallbackReason = 'org_choice';
            } else if (!client || !llm) {
                fallbackReason = 'llm_not_configured';
            } else {
                const redaction = redact(request.text);
                redactions = redaction.count;
                try {
                    const outcome = await extractWithLlm(client, llm, request, redaction.text);
                    extraction = outcome.extraction;
                    seen = redaction;
                    model = outcome.model;
                    promptTokens = outcome.promptTokens;
                    completionTokens = outcome.completionTokens;
                } catch (error) {
                    fallbackReason = 'llm_failed';
                    llmFailure = error instanceof Error ? error.constructor.name : 'unknown';
                }
            }
            if (extraction === null) {
                extraction = extractDeterministic(request, call).extraction;
                seen = identityRedaction(request.text);
            }
            const response = respond(request, call, seen, extraction, model, fallbackReason, redactions);
            return {
                response,
                log: {
                    extractor: response.extractor,
                    model,
                    fallbackReason,
                    llmFailure,
                    latencyMs: Math.round((performance.now() - started) * 10) / 10,
                    promptTokens,
                    completionTokens,
                    proposals: response.proposals.length,
                    dropped: droppedCount(response.guards)
                }
            };
        }
    };
}
