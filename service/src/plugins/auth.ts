import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem-details';

declare module 'fastify' {
    interface FastifyRequest {
        /** Non-secret fingerprint of the API key that authenticated the request (rate limiting, logs). */
        apiKeyId?: string;
    }
    interface FastifyContextConfig {
        /** Routes reachable without a key (health checks only). */
        isPublic?: boolean;
    }
}

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Bearer-key authentication on every non-public route. Keys are compared as SHA-256 digests (equal length by
 * construction) with timingSafeEqual, and every configured key is checked, so timing reveals neither key nor match.
 */
export function registerAuth(app: FastifyInstance, apiKeys: readonly string[]): void {
    const keyDigests = apiKeys.map((key) => ({
        digest: sha256(key),
        id: sha256(`key-id:${key}`).toString('hex').slice(0, 12)
    }));

    app.addHook('onRequest', async (request, reply) => {
        if (request.routeOptions.config?.isPublic) {
            return;
        }
        const header = request.headers.authorization;
        const match = typeof header === 'string' ? /^Bearer[ ]+([^\s]+)\s*$/i.exec(header) : null;
        let matchedId: string | undefined;
        if (match?.[1]) {
            const presented = sha256(match[1]);
            for (const key of keyDigests) {
                if (timingSafeEqual(presented, key.digest)) {
                    matchedId = key.id;
                }
            }
        }
        if (matchedId === undefined) {
            reply.header('www-authenticate', 'Bearer');
            return sendProblem(request, reply, {
                status: 401,
                slug: 'unauthorized',
                detail: 'Send a valid API key as "Authorization: Bearer <key>"'
            });
        }
        request.apiKeyId = matchedId;
    });
}
