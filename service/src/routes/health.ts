import type { FastifyInstance } from 'fastify';

/** Liveness answers while the process runs; readiness turns 503 as soon as shutdown starts so traffic drains. */
export function registerHealthRoutes(app: FastifyInstance, isShuttingDown: () => boolean): void {
    const publicRoute = { isPublic: true, rateLimit: false } as const;
    app.get('/healthz', { config: publicRoute }, async () => ({ status: 'ok' }));
    app.get('/readyz', { config: publicRoute }, async (_request, reply) => {
        if (isShuttingDown()) {
            return reply.code(503).send({ status: 'shutting_down' });
        }
        return { status: 'ok' };
    });
}
