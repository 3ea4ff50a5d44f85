import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CalibrationFitRequest, CalibrationFitResponse } from './contract/calibration';
import { StrategyCheckRequest, StrategyCheckResponse } from './contract/strategy-check';
import { checkStrategy, fitWinProbability } from './engine';

export interface StrategyRouteOptions {
    /** Validate every response against the contract before sending (tests). */
    validateResponses: boolean;
}

/** The quarterly loop's judgement: the strategy check's verdicts and the win-probability calibration. */
export function registerStrategyRoutes(app: FastifyInstance, options: StrategyRouteOptions): void {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.post(
        '/v1/strategy/check',
        {
            schema: {
                body: StrategyCheckRequest,
                response: options.validateResponses ? { 200: StrategyCheckResponse } : undefined
            }
        },
        async (request) => checkStrategy(request.body)
    );
    typed.post(
        '/v1/calibration/fit',
        {
            schema: {
                body: CalibrationFitRequest,
                response: options.validateResponses ? { 200: CalibrationFitResponse } : undefined
            }
        },
        async (request) => fitWinProbability(request.body)
    );
}
