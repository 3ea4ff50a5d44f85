/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * The scoring callout as ExecutionLoopServiceClient makes it through the named credential: POST <url>/v1/deals/score with
 * `Authorization: Bearer <key>` (what the external credential adds), a timeout, and every failure typed the way
 * ExecutionLoopServiceException does, with the same sentence for the rep (userMessage()).
 */
import { ScoreResponse, type ScoreRequest } from '../../service/src/contract';
import { label } from './labels';

export const SCORE_PATH = '/v1/deals/score';

export type ScoringFailureKind =
    | 'TIMEOUT'
    | 'UNREACHABLE'
    | 'UNAUTHORIZED'
    | 'INVALID_REQUEST'
    | 'RATE_LIMITED'
    | 'SERVICE_ERROR'
    | 'INVALID_RESPONSE';

/** Where the named credential points, and its API key. */
export interface ServiceTarget {
    /** Base URL of the Execution Loop service, e.g. http://127.0.0.1:3100. */
    url: string;
    apiKey: string;
    /** Callout timeout; defaults to the Callout_Timeout_Ms setting (10 s). */
    timeoutMs?: number;
}

export class ServiceCallError extends Error {
    constructor(
        readonly kind: ScoringFailureKind,
        readonly statusCode: number | null,
        message: string,
        readonly requestId: string | null = null
    ) {
        super(message);
        this.name = 'ServiceCallError';
    }

    private referenceSentence(): string {
        return this.requestId ? ` ${label('ServiceReference', this.requestId)}` : '';
    }

    /** ExecutionLoopServiceException.userMessage(). */
    userMessage(): string {
        switch (this.kind) {
            case 'TIMEOUT':
                return label('ServiceTimeout');
            case 'UNREACHABLE':
                return label('ServiceUnreachable');
            case 'UNAUTHORIZED':
                return label('ServiceUnauthorized');
            case 'RATE_LIMITED':
                return label('ServiceBusy');
            case 'INVALID_REQUEST':
                return label('ServiceRejectedData') + this.referenceSentence();
            default:
                return label('ServiceFailed') + this.referenceSentence();
        }
    }
}

/** The callout's own deadline passed (the error may come from another realm: checked by name, and by the signal). */
function isTimeout(error: unknown, signal: AbortSignal): boolean {
    const name = (error as { name?: unknown } | null)?.name;
    return signal.aborted || name === 'TimeoutError' || name === 'AbortError';
}

/** Sends the request and returns the validated response; throws ServiceCallError on any failure. */
export async function callExecutionLoopService(
    target: ServiceTarget,
    request: ScoreRequest,
    timeoutMs: number
): Promise<ScoreResponse> {
    const signal = AbortSignal.timeout(timeoutMs);
    let status: number;
    let statusText: string;
    let body: string;
    let headerRequestId: string | null;
    try {
        const response = await fetch(`${target.url.replace(/\/+$/, '')}${SCORE_PATH}`, {
            method: 'POST',
            headers: {
                'content-type': 'application/json',
                accept: 'application/json',
                authorization: `Bearer ${target.apiKey}`
            },
            body: JSON.stringify(request),
            signal
        });
        status = response.status;
        statusText = response.statusText;
        headerRequestId = response.headers.get('x-request-id');
        body = await response.text();
    } catch (error) {
        const message = (error as { message?: unknown } | null)?.message;
        throw new ServiceCallError(
            isTimeout(error, signal) ? 'TIMEOUT' : 'UNREACHABLE',
            null,
            typeof message === 'string' ? message : String(error)
        );
    }
    if (status >= 200 && status < 300) return parseResponse(body, request.deals.length);
    throw errorFor(status, statusText, body, headerRequestId);
}

function parseResponse(body: string, expectedResults: number): ScoreResponse {
    let json: unknown;
    try {
        json = JSON.parse(body);
    } catch (error) {
        throw new ServiceCallError(
            'INVALID_RESPONSE',
            200,
            `the response is not a valid score response: ${(error as Error).message}`
        );
    }
    const parsed = ScoreResponse.safeParse(json);
    if (!parsed.success) {
        throw new ServiceCallError(
            'INVALID_RESPONSE',
            200,
            `the response is not a valid score response: ${parsed.error.issues[0]?.message ?? 'unreadable'}`
        );
    }
    if (parsed.data.results.length !== expectedResults) {
        throw new ServiceCallError(
            'INVALID_RESPONSE',
            200,
            `expected ${expectedResults} result(s), got ${parsed.data.results.length}`
        );
    }
    return parsed.data;
}

/** ExecutionLoopServiceClient.errorFor: the problem-details text, and the kind from the status. */
export function errorFor(
    status: number,
    statusText: string,
    body: string,
    headerRequestId: string | null
): ServiceCallError {
    let detail = `HTTP ${status}`;
    let requestId = headerRequestId;
    try {
        const problem = JSON.parse(body) as Record<string, unknown>;
        if (problem === null || typeof problem !== 'object' || Array.isArray(problem)) throw new Error('not an object');
        detail = problemText(problem, detail);
        if (typeof problem.requestId === 'string') requestId = problem.requestId;
    } catch {
        detail = `HTTP ${status} ${statusText}`;
    }
    let kind: ScoringFailureKind;
    if (status === 401 || status === 403) kind = 'UNAUTHORIZED';
    else if (status === 429) kind = 'RATE_LIMITED';
    else if (status === 408 || status === 504) kind = 'TIMEOUT';
    else if (status >= 400 && status < 500) kind = 'INVALID_REQUEST';
    else kind = 'SERVICE_ERROR';
    return new ServiceCallError(kind, status, detail, requestId);
}

function problemText(problem: Record<string, unknown>, fallback: string): string {
    const parts: string[] = [];
    const { title, detail, errors } = problem;
    if (typeof title === 'string') parts.push(title);
    if (typeof detail === 'string' && detail !== title) parts.push(detail);
    if (Array.isArray(errors)) {
        for (const item of errors) {
            if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
                const fieldError = item as Record<string, unknown>;
                parts.push(`${String(fieldError.path)}: ${String(fieldError.message)}`);
            }
        }
    }
    return parts.length === 0 ? fallback : parts.join('; ');
}
