import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PracticeTurnRequest, PracticeTurnResponse } from './contract/practice';
import { practiceTurn, type PracticeModel } from './engine';

export const PRACTICE_TURN_PATH = '/v1/practice/turn';

export function registerPracticeRoutes(
    app: FastifyInstance,
    options: { validateResponses: boolean; model: PracticeModel | null }
): void {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    const response = options.validateResponses ? { 200: PracticeTurnResponse } : undefined;
    typed.post(PRACTICE_TURN_PATH, { schema: { body: PracticeTurnRequest, response } }, async (request) =>
        practiceTurn(request.body, options.model)
    );
}
