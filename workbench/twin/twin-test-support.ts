// Test support for the twin's HTTP tests: the real service built in-process and a twin server in front of it, on
// 127.0.0.1, with the session token the request guard requires. One setup, so every twin test calls Apex the same way.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../service/src/app';
import { TOKEN_HEADER } from './request-guard';
import { startStandInServer, type RunningStandIn, USER_HEADER } from './server';
import type { WorkbenchStore } from './store';

export const TEST_API_KEY = 'workbench-test-key-0123456789abcdefghijklmnop';
/** The per-run token the workbench client sends; fixed so the test's API calls pass the request guard. */
export const TEST_SESSION_TOKEN = 'twin-test-session-token';

export interface TwinUnderTest {
    standIn: RunningStandIn;
    service: FastifyInstance;
    /** POST /apex/Class.method as the given user: the status and the JSON body. */
    call<T>(method: string, params: unknown, userId: string): Promise<{ status: number; json: T }>;
    /** Like `call`, but anything other than 200 fails with the method, status and body. */
    ok<T>(method: string, params: unknown, userId: string): Promise<T>;
    close(): Promise<void>;
}

export async function startTwinForTest(store: WorkbenchStore, timeoutMs = 30_000): Promise<TwinUnderTest> {
    const service = buildApp({
        settings: {
            apiKeys: [TEST_API_KEY],
            bodyLimitBytes: 5 * 1024 * 1024,
            rateLimit: { max: 10_000, windowMs: 60_000 }
        },
        logger: false,
        validateResponses: true
    });
    await service.listen({ port: 0, host: '127.0.0.1' });
    const address = service.server.address() as { port: number };
    const standIn = await startStandInServer({
        store,
        scoringUrl: `http://127.0.0.1:${address.port}`,
        apiKey: TEST_API_KEY,
        sessionToken: TEST_SESSION_TOKEN
    });
    const call = async <T>(method: string, params: unknown, userId: string) => {
        const response = await fetch(`${standIn.url}/apex/${method}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TEST_SESSION_TOKEN, [USER_HEADER]: userId },
            body: JSON.stringify(params),
            signal: AbortSignal.timeout(timeoutMs)
        });
        return { status: response.status, json: (await response.json()) as T };
    };
    return {
        standIn,
        service,
        call,
        async ok<T>(method: string, params: unknown, userId: string): Promise<T> {
            const reply = await call<T>(method, params, userId);
            if (reply.status !== 200) throw new Error(`${method}: HTTP ${reply.status} ${JSON.stringify(reply.json)}`);
            return reply.json;
        },
        async close() {
            await standIn.close();
            await service.close();
        }
    };
}
