import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CallAnalysisRequest, CallAnalysisResponse } from './contract/call-analysis';
import { type CallAnalysisLog, createCallAnalyzer } from './engine/analyze';
import type { LlmSettings } from './engine/llm';

declare module 'fastify' {
    interface FastifyRequest {
        /** Extractor, model, latency and token counts of a call analysis, for the one access-log line. */
        callAnalysis?: CallAnalysisLog;
    }
}

export interface CallRouteOptions {
    validateResponses: boolean;
    /** Null: no LLM configured, every analysis is deterministic. */
    llm: LlmSettings | null;
}

export function registerCallRoutes(app: FastifyInstance, options: CallRouteOptions): void {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    const analyzer = createCallAnalyzer(options.llm);
    const response = options.validateResponses ? { 200: CallAnalysisResponse } : undefined;

    typed.post('/v1/calls/analyze', { schema: { body: CallAnalysisRequest, response } }, async (request) => {
        const { response: analysis, log } = await analyzer.analyze(request.body);
        request.callAnalysis = log;
        return analysis;
    });
}
