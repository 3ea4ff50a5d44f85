/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * A JSON callout to any Execution Loop service route through the named credential (Bearer key, timeout), with every
 * failure typed as ExecutionLoopServiceException does (ServiceCallError), and the response validated by its schema.
 */
import type { z } from 'zod';
import { errorFor, ServiceCallError, type ServiceTarget } from './service-client';

export async function postToService<T>(
    target: ServiceTarget,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    timeoutMs: number
): Promise<T> {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
        response = await fetch(`${target.url.replace(/\/+$/, '')}${path}`, {
            method: 'POST',
            headers: {
                'content-type': 'application/json',
                accept: 'application/json',
                authorization: `Bearer ${target.apiKey}`
            },
            body: JSON.stringify(body),
            signal
        });
        text = await response.text();
    } catch (error) {
        const message = (error as { message?: unknown } | null)?.message;
        throw new ServiceCallError(
            signal.aborted ? 'TIMEOUT' : 'UNREACHABLE',
            null,
            typeof message === 'string' ? message : String(error)
        );
    }
    if (response.status < 200 || response.status >= 300) {
        throw errorFor(response.status, response.statusText, text, response.headers.get('x-request-id'));
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        throw new ServiceCallError('INVALID_RESPONSE', 200, `the response is not JSON: ${(error as Error).message}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
        throw new ServiceCallError(
            'INVALID_RESPONSE',
            200,
            `the response does not match the contract: ${parsed.error.issues[0]?.message ?? 'unreadable'}`
        );
    }
    return parsed.data;
}
