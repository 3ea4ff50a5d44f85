import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DevelopmentRequest, DevelopmentResponse } from './contract/development';
import { analyzeDevelopment } from './engine';

export const DEVELOPMENT_PATH = '/v1/reps/development';

export function registerDevelopmentRoutes(app: FastifyInstance, options: { validateResponses: boolean }): void {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    const response = options.validateResponses ? { 200: DevelopmentResponse } : undefined;
    typed.post(DEVELOPMENT_PATH, { schema: { body: DevelopmentRequest, response } }, async (request) => {
        request.dealCount = request.body.deals.length;
        return analyzeDevelopment(request.body);
    });
}
