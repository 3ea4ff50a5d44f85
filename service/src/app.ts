import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppConfig } from './config';
import { registerAuth } from './plugins/auth';
import { ContractValidationError, registerProblemDetails } from './plugins/problem-details';
import { registerHealthRoutes } from './routes/health';
import { registerScoreRoutes } from './modules/scoring/routes';
import { registerStrategyRoutes } from './modules/strategy/routes';

export type AppSettings = Pick<AppConfig, 'apiKeys' | 'bodyLimitBytes' | 'rateLimit'>;

export interface BuildAppOptions {
    settings: AppSettings;
    /** Pino options (level, stream) or false for silence. */
    logger?: FastifyServerOptions['logger'];
    validateResponses?: boolean;
    enableEchoRoute?: boolean;
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

    const app = Fastify({
        logger,
        bodyLimit: settings.bodyLimitBytes,
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
        return payload;
    });
    app.addHook('onResponse', async (request, reply) => {
        if (reply.statusCode === 401) {
            // Nothing about an unauthenticated caller is logged but the request id (bound to request.log).
            request.log.info('unauthorized');
            return;
        }
        request.log.info(
            {
                method: request.method,
                route: request.routeOptions.url ?? 'unmatched',
                statusCode: reply.statusCode,
                responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
                keyId: request.apiKeyId,
                dealCount: request.dealCount
            },
            'request completed'
        );
    });

    registerProblemDetails(app);
    registerAuth(app, settings.apiKeys);
    app.register(rateLimit, {
        global: true,
        max: settings.rateLimit.max,
        timeWindow: settings.rateLimit.windowMs,
        // After authentication (onRequest) and before the body is read: limits are per key, and cheap to enforce.
        hook: 'preParsing',
        keyGenerator: (request) => request.apiKeyId ?? request.ip,
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
        registerStrategyRoutes(scoped, { validateResponses: options.validateResponses ?? false });
    });
    return app;
}
