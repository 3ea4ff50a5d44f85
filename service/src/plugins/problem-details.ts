import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ProblemDetails, ProblemFieldError } from '../contract';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://execution-loop.dev/problems/';

/** Thrown by the validator compiler; keeps zod's typed paths so `errors[].path` can say `deals[3].closeDate`. */
export class ContractValidationError extends Error {
    readonly statusCode = 400;
    constructor(readonly issues: readonly z.core.$ZodIssue[]) {
        super('The request body does not match the contract');
        this.name = 'ContractValidationError';
    }
}

/** `['deals', 3, 'closeDate']` → `deals[3].closeDate`; keys that are not identifiers are quoted. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
    let formatted = '';
    for (const segment of path) {
        if (typeof segment === 'number') {
            formatted += `[${segment}]`;
        } else {
            const key = String(segment);
            formatted += /^[A-Za-z_$][\w$]*$/.test(key)
                ? `${formatted === '' ? '' : '.'}${key}`
                : `[${JSON.stringify(key)}]`;
        }
    }
    return formatted;
}

/** Caps the list so a 500-deal body full of errors cannot produce a multi-megabyte error response. */
const MAX_FIELD_ERRORS = 100;

export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): ProblemFieldError[] {
    return issues
        .slice(0, MAX_FIELD_ERRORS)
        .map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

const TITLES: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    406: 'Not Acceptable',
    408: 'Request Timeout',
    411: 'Length Required',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable'
};

export interface ProblemInit {
    status: number;
    slug: string;
    detail: string;
    errors?: ProblemFieldError[];
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, init: ProblemInit): FastifyReply {
    const problem: ProblemDetails = {
        type: `${PROBLEM_TYPE_BASE}${init.slug}`,
        title: TITLES[init.status] ?? (init.status >= 500 ? 'Server Error' : 'Client Error'),
        status: init.status,
        detail: init.detail,
        instance: request.url.split('?')[0] ?? '/',
        requestId: String(request.id),
        ...(init.errors ? { errors: init.errors } : {})
    };
    return reply.code(init.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** Fastify's own client errors we translate with a specific slug and wording. */
const FASTIFY_ERRORS: Record<string, { slug: string; detail?: string }> = {
    FST_ERR_CTP_BODY_TOO_LARGE: { slug: 'body-too-large', detail: 'The request body is larger than the limit' },
    FST_ERR_CTP_INVALID_MEDIA_TYPE: { slug: 'unsupported-media-type', detail: 'Send the body as application/json' },
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: { slug: 'invalid-content-length' },
    FST_ERR_CTP_EMPTY_JSON_BODY: { slug: 'empty-body', detail: 'The request body is empty' },
    FST_ERR_CTP_INVALID_JSON_BODY: { slug: 'malformed-json', detail: 'The request body is not valid JSON' },
    FST_ERR_CTP_INVALID_CONTENT_TYPE: { slug: 'unsupported-media-type' }
};

/** Every error leaves as RFC 9457 problem details; 5xx details stay in the log, never in the response. */
export function registerProblemDetails(app: FastifyInstance): void {
    app.setErrorHandler((error: FastifyError | ContractValidationError, request, reply) => {
        if (error instanceof ContractValidationError) {
            return sendProblem(request, reply, {
                status: 400,
                slug: 'contract-violation',
                detail: `The request body does not match the contract (${error.issues.length} ${error.issues.length === 1 ? 'problem' : 'problems'})`,
                errors: toFieldErrors(error.issues)
            });
        }
        const status =
            typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
                ? error.statusCode
                : 500;
        if (status >= 500) {
            request.log.error({ err: error }, 'request failed');
            return sendProblem(request, reply, {
                status,
                slug: 'internal-error',
                detail: 'An unexpected error occurred. Quote the request id when reporting it.'
            });
        }
        const known = FASTIFY_ERRORS[error.code];
        if (status === 429) {
            return sendProblem(request, reply, { status, slug: 'rate-limited', detail: error.message });
        }
        return sendProblem(request, reply, {
            status,
            slug: known?.slug ?? 'client-error',
            detail: known?.detail ?? error.message
        });
    });

    app.setNotFoundHandler((request, reply) =>
        sendProblem(request, reply, {
            status: 404,
            slug: 'not-found',
            detail: `No route for ${request.method} ${request.url.split('?')[0]}`
        })
    );
}
