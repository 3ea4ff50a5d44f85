import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildOpenApiDocument, ScoreRequest, ScoreResponse } from '../../contract';
import { scoreDeals } from './engine';

declare module 'fastify' {
    interface FastifyRequest {
        /** Deals in a validated score request, for the access log. */
        dealCount?: number;
    }
}

export interface ScoreRouteOptions {
    /** Validate every response against the contract before sending (tests); production trusts the engine's types. */
    validateResponses: boolean;
    /** Registers POST /v1/echo, the benchmark's validation-only baseline. Never enabled by the server entry point. */
    enableEchoRoute: boolean;
}

export function registerScoreRoutes(app: FastifyInstance, options: ScoreRouteOptions): void {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    const response = options.validateResponses ? { 200: ScoreResponse } : undefined;

    typed.post('/v1/deals/score', { schema: { body: ScoreRequest, response } }, async (request) => {
        request.dealCount = request.body.deals.length;
        return scoreDeals(request.body);
    });

    if (options.enableEchoRoute) {
        typed.post('/v1/echo', { schema: { body: ScoreRequest } }, async (request) => {
            request.dealCount = request.body.deals.length;
            return request.body;
        });
    }

    // Built once: the document only changes with the code.
    const openApiDocument = JSON.stringify(buildOpenApiDocument());
    app.get('/openapi.json', async (_request, reply) => reply.type('application/json').send(openApiDocument));
}
