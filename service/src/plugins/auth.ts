import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ApiKeySetting } from '../config';
import { sendProblem } from './problem-details';

declare module 'fastify' {
    interface FastifyRequest {
        /** Non-secret fingerprint of the API key that authenticated the request (rate limiting, logs). */
        apiKeyId?: string;
        /** Purpose of the key (`batch`, `interactive`, ...) when it is named. */
        apiKeyName?: string;
        /** What the rate limiter counts against: the key's name, or its fingerprint when it has none. */
        rateLimitKey?: string;
    }
    interface FastifyContextConfig {
        /** Routes reachable without a key (health checks only). */
        isPublic?: boolean;
    }
}

export interface AuthOptions {
    readonly apiKeys: readonly ApiKeySetting[];
    /** Failed authentications per client IP per window before the client gets 429 instead of 401. */
    readonly failureLimit: number;
    readonly failureWindowMs: number;
}

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Most client IPs tracked at once; beyond it the table starts over, so a flood of addresses cannot exhaust memory. */
const MAX_TRACKED_CLIENTS = 10_000;

/** Fixed-window counter of failed authentications per client IP. */
class FailureCounter {
    private readonly windows = new Map<string, { count: number; resetAt: number }>();

    constructor(private readonly windowMs: number) {}

    /** Counts one failure and returns the failures in the current window and when it ends. */
    hit(client: string, now: number): { count: number; resetAt: number } {
        let window = this.windows.get(client);
        if (window === undefined || window.resetAt <= now) {
            if (this.windows.size >= MAX_TRACKED_CLIENTS) this.windows.clear();
            window = { count: 0, resetAt: now + this.windowMs };
            this.windows.set(client, window);
        }
        window.count += 1;
        return window;
    }
}

/**
 * Bearer-key authentication on every non-public route. Keys are compared as SHA-256 digests (equal length by
 * construction) with timingSafeEqual, and every configured key is checked, so timing reveals neither key nor match.
 *
 * Failed attempts are counted per client IP; past the limit the client gets 429 with Retry-After. A valid key is
 * still accepted from a throttled IP: Salesforce calls out from shared addresses, so a throttle that locked out valid
 * keys would let one org's misconfiguration (or an attacker on the same egress) shut out every other org. Guessing a
 * key of 32+ random characters is out of reach anyway; the throttle sheds the cost and keeps the log short. Every
 * rejection closes the connection, so a body still being uploaded is not read.
 */
export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
    const keyDigests = options.apiKeys.map((setting) => {
        const { key, name } = typeof setting === 'string' ? { key: setting, name: null } : setting;
        const id = sha256(`key-id:${key}`).toString('hex').slice(0, 12);
        return { digest: sha256(key), id, name, rateLimitKey: name === null ? `key:${id}` : `name:${name}` };
    });
    const failures = new FailureCounter(options.failureWindowMs);

    app.addHook('onRequest', async (request, reply) => {
        if (request.routeOptions.config?.isPublic) {
            return;
        }
        const header = request.headers.authorization;
        const match = typeof header === 'string' ? /^Bearer[ ]+([^\s]+)\s*$/i.exec(header) : null;
        let matched: (typeof keyDigests)[number] | undefined;
        if (match?.[1]) {
            const presented = sha256(match[1]);
            for (const key of keyDigests) {
                if (timingSafeEqual(presented, key.digest)) {
                    matched = key;
                }
            }
        }
        if (matched !== undefined) {
            request.apiKeyId = matched.id;
            request.apiKeyName = matched.name ?? undefined;
            request.rateLimitKey = matched.rateLimitKey;
            return;
        }

        const now = Date.now();
        const window = failures.hit(request.ip, now);
        reply.header('connection', 'close');
        // Only the address and the count: never the presented key, not even a prefix of it.
        if (window.count <= options.failureLimit) {
            request.log.warn({ clientIp: request.ip, failuresInWindow: window.count }, 'authentication failed');
            reply.header('www-authenticate', 'Bearer');
            return sendProblem(request, reply, {
                status: 401,
                slug: 'unauthorized',
                detail: 'Send a valid API key as "Authorization: Bearer <key>"'
            });
        }
        if (window.count === options.failureLimit + 1) {
            request.log.warn({ clientIp: request.ip, failureLimit: options.failureLimit }, 'authentication throttled');
        }
        reply.header('retry-after', String(Math.max(1, Math.ceil((window.resetAt - now) / 1000))));
        return sendProblem(request, reply, {
            status: 429,
            slug: 'too-many-failed-authentications',
            detail: 'Too many failed authentication attempts from this address; retry later with a valid API key'
        });
    });
}
