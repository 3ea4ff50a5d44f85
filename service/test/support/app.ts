import type { FastifyInstance } from 'fastify';
import { type AppSettings, buildApp, type BuildAppOptions } from '../../src/app';

// app.inject loads light-my-request, which requires `cookie` 2: ESM only, so Jest's CommonJS runtime cannot load it.
// The tests never inject cookies; this stub stands in (light-my-request only uses stringifySetCookie).
jest.mock('cookie', () => ({
    stringifySetCookie: () => {
        throw new Error('cookies are not supported by the test stub of the cookie package');
    }
}));

export const TEST_API_KEY = 'test-key-0123456789abcdefghijklmnopqrstuvwxyz';
export const ROTATED_API_KEY = 'rotated-key-0123456789abcdefghijklmnopqrstuv';

export const TEST_SETTINGS: AppSettings = {
    apiKeys: [TEST_API_KEY, ROTATED_API_KEY],
    bodyLimitBytes: 5 * 1024 * 1024,
    rateLimit: { max: 1_000_000, windowMs: 60_000 }
};

export const authHeaders = (key = TEST_API_KEY) => ({
    authorization: `Bearer ${key}`,
    'content-type': 'application/json'
});

/** An app as production builds it, plus response validation against the contract. */
export function buildTestApp(overrides: Partial<BuildAppOptions> = {}): FastifyInstance {
    return buildApp({ settings: TEST_SETTINGS, logger: false, validateResponses: true, ...overrides });
}

/** Listens on an ephemeral port on 127.0.0.1 and returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') {
        throw new Error('expected a TCP address');
    }
    return `http://127.0.0.1:${address.port}`;
}
