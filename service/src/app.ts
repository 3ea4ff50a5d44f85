import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { type AppConfig, DEFAULT_AUTH_FAILURE_LIMIT, DEFAULT_TIMEOUTS } from './config';
import { registerAuth } from './plugins/auth';
import { ContractValidationError, registerProblemDetails } from './plugins/problem-details';
import { registerHealthRoutes } from './routes/health';
import { registerScoreRoutes } from './modules/scoring/routes';
import { registerCallRoutes } from './modules/calls/routes';
import type { LlmSettings } from './modules/calls/engine/llm';
import { registerDevelopmentRoutes } from './modules/development/routes';
import type { PracticeModel } from './modules/practice/engine';
import { registerPracticeRoutes } from './modules/practice/routes';
import { registerStrategyRoutes } from './modules/strategy/routes';

export type AppSettings = Pick<AppConfig, 'apiKeys' | 'bodyLimitBytes' | 'rateLimit'> &
    Partial<Pick<AppConfig, 'keyRateLimits' | 'timeouts' | 'authFailureLimit'>>;

/** Headers on every response: nothing here may be cached by a proxy or browser, nor sniffed into another type. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'"
};

/** How often Node looks for requests past their timeout; a fraction of it, so a slow client is dropped on time. */
const timeoutCheckIntervalMs = (requestTimeoutMs: number) => Math.min(1000, Math.max(50, requestTimeoutMs / 4));

export interface BuildAppOptions {
    settings: AppSettings;
    /** Pino options (level, stream) or false for silence. */
    logger?: FastifyServerOptions['logger'];
    validateResponses?: boolean;
    enableEchoRoute?: boolean;
    /** The LLM behind POST /v1/calls/analyze; null or absent: the deterministic extractor only. */
    llm?: LlmSettings | null;
    /** The language model for practice drills (from OPENAI_* env); absent or null runs the scripted drill. */
    practiceModel?: PracticeModel | null;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Log redaction: request logs carry no headers or bodies by construction; these paths are a second line of defence
 * should anyone log a request, a header object or a deal by mistake.
 */
export const REDACTED_LOG_PATHS = [
    'req.headers.authorization',
    'headers.authorization',
    'authorization',
    'body',
    'req.body',
    'deal.name',
    'deals[*].name',
    'nextStep'
];

export function buildApp(options: BuildAppOptions): FastifyInstance {
    const { settings } = options;
    const logger =
        options.logger === undefined || options.logger === false
            ? false
            : {
                  ...(options.logger === true ? {} : options.logger),
                  redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' }
              };

    const timeouts = settings.timeouts ?? DEFAULT_TIMEOUTS;
    const app = Fastify({
        logger,
        bodyLimit: settings.bodyLimitBytes,
        // A client that trickles its headers or body, or goes silent, is disconnected; others are served meanwhile.
        connectionTimeout: timeouts.connectionTimeoutMs,
        requestTimeout: timeouts.requestTimeoutMs,
        keepAliveTimeout: timeouts.keepAliveTimeoutMs,
        http: {
            requestTimeout: timeouts.requestTimeoutMs,
            headersTimeout: Math.min(timeouts.requestTimeoutMs, 60_000),
            connectionsCheckingInterval: timeoutCheckIntervalMs(timeouts.requestTimeoutMs)
        },
        // Accept the caller's id (Salesforce can correlate it with its debug log) when it is log-safe; else mint one.
        requestIdHeader: false,
        genReqId: (request) => {
            const incoming = request.headers['x-request-id'];
            return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
        },
        // Access logging is done below so it can leave out everything but the essentials.
        logController: new LogController({ disableRequestLogging: true }),
        return503OnClosing: true
    });

    let shuttingDown = false;
    app.addHook('preClose', async () => {
        shuttingDown = true;
    });

    // Only JSON is accepted: without a text/plain parser, other media types are 415, not a confusing 400.
    app.removeContentTypeParser('text/plain');

    app.setValidatorCompiler(({ schema }) => (data) => {
        const result = (schema as z.ZodType).safeParse(data);
        return result.success ? { value: result.data } : { error: new ContractValidationError(result.error.issues) };
    });
    if (options.validateResponses) {
        app.setSerializerCompiler(serializerCompiler);
    }

    app.addHook('onSend', async (request, reply, payload) => {
        reply.header('x-request-id', request.id);
        reply.headers(SECURITY_HEADERS);
        return payload;
    });
    app.addHook('onResponse', async (request, reply) => {
        if (request.apiKeyId === undefined && (reply.statusCode === 401 || reply.statusCode === 429)) {
            // Failed authentication was logged at warn by the auth hook, with the client address and nothing else.
            return;
        }
        request.log.info(
            {
                method: request.method,
                route: request.routeOptions.url ?? 'unmatched',
                statusCode: reply.statusCode,
                responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
                keyId: request.apiKeyId,
                keyName: request.apiKeyName,
                dealCount: request.dealCount,
                callAnalysis: request.callAnalysis
            },
            'request completed'
        );
    });

    registerProblemDetails(app);
    registerAuth(app, {
        apiKeys: settings.apiKeys,
        failureLimit: settings.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT,
        failureWindowMs: settings.rateLimit.windowMs
    });
    const keyRateLimits = settings.keyRateLimits ?? new Map<string, number>();
    app.register(rateLimit, {
        global: true,
        // Each key name has its own budget (the nightly batch cannot starve interactive rescoring, nor the reverse).
        max: (request) =>
            (request.apiKeyName === undefined ? undefined : keyRateLimits.get(request.apiKeyName)) ??
            settings.rateLimit.max,
        timeWindow: settings.rateLimit.windowMs,
        // After authentication (onRequest) and before the body is read: limits are per key, and cheap to enforce.
        hook: 'preParsing',
        keyGenerator: (request) => request.rateLimitKey ?? request.ip,
        errorResponseBuilder: (_request, context) => {
            const error = new Error(`Rate limit of ${context.max} requests per ${context.after} exceeded`) as Error & {
                statusCode: number;
            };
            error.statusCode = 429;
            return error;
        }
    });
    app.register(async (scoped) => {
        registerHealthRoutes(scoped, () => shuttingDown);
        registerScoreRoutes(scoped, {
            validateResponses: options.validateResponses ?? false,
            enableEchoRoute: options.enableEchoRoute ?? false
        });
        registerCallRoutes(scoped, { validateResponses: options.validateResponses ?? false, llm: options.llm ?? null });
        registerDevelopmentRoutes(scoped, { validateResponses: options.validateResponses ?? false });
        registerPracticeRoutes(scoped, {
            validateResponses: options.validateResponses ?? false,
            model: options.practiceModel ?? null
        });
        registerStrategyRoutes(scoped, { validateResponses: options.validateResponses ?? false });
    });
    return app;
}
