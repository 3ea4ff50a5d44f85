import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DevelopmentRequest, DevelopmentResponse } from './contract/development';
import { analyzeDevelopment } from './engine';

export const DEVELOPMENT_PATH = '/v1/reps/development';
/**
 * The monthly batch sends a whole org in one request: 10,000 open deals plus the window's closed ones at about 450
 * bytes of facts each is 5–7 MB, over the service-wide 5 MB default. This route alone admits 12 MiB, the size of an
 * asynchronous Apex callout request (the batch's `finish`); every other route keeps the service-wide limit.
 */
export const DEVELOPMENT_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

export function registerDevelopmentRoutes(
    app: FastifyInstance,
    options: { validateResponses: boolean; bodyLimitBytes: number }
): void {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    const response = options.validateResponses ? { 200: DevelopmentResponse } : undefined;
    const bodyLimit = options.bodyLimitBytes;
    typed.post(DEVELOPMENT_PATH, { bodyLimit, schema: { body: DevelopmentRequest, response } }, async (request) => {
        request.dealCount = request.body.deals.length;
        return analyzeDevelopment(request.body);
    });
}
