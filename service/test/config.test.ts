import { ConfigError, DEFAULT_BODY_LIMIT_BYTES, loadConfig } from '../src/config';
import { spawnServer } from './support/server-process';

const KEY = 'k'.repeat(40);
const problemsOf = (env: Record<string, string>): readonly string[] => {
    try {
        loadConfig(env);
    } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
    }
    throw new Error('expected a ConfigError');
};

describe('configuration', () => {
    it('applies documented defaults', () => {
        expect(loadConfig({ SERVICE_API_KEYS: `${KEY}, ${'r'.repeat(40)}`, PORT: '8080' })).toEqual({
            apiKeys: [
                { name: null, key: KEY },
                { name: null, key: 'r'.repeat(40) }
            ],
            keyRateLimits: new Map(),
            port: 8080,
            host: '127.0.0.1',
            bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
            rateLimit: { max: 300, windowMs: 60_000 },
            logLevel: 'info',
            shutdownTimeoutMs: 10_000,
            timeouts: { requestTimeoutMs: 30_000, connectionTimeoutMs: 10_000, keepAliveTimeoutMs: 72_000 },
            authFailureLimit: 20
        });
    });

    it('reads named keys (one purpose each) and per-name rate budgets', () => {
        const base64Key = `${'Zm9v'.repeat(10)}==`;
        const config = loadConfig({
            SERVICE_API_KEYS: `batch=${KEY}, interactive=${'i'.repeat(40)}, batch=${'n'.repeat(40)}, ${base64Key}`,
            SERVICE_KEY_RATE_LIMITS: 'batch=60',
            PORT: '8080'
        });
        expect(config.apiKeys).toEqual([
            { name: 'batch', key: KEY },
            { name: 'interactive', key: 'i'.repeat(40) },
            { name: 'batch', key: 'n'.repeat(40) },
            { name: null, key: base64Key }
        ]);
        expect(config.keyRateLimits).toEqual(new Map([['batch', 60]]));
    });

    it('rejects a budget for a name no key has, malformed budgets and inverted timeouts', () => {
        expect(
            problemsOf({ SERVICE_API_KEYS: `batch=${KEY}`, SERVICE_KEY_RATE_LIMITS: 'interactive=10', PORT: '80' })
        ).toEqual(['SERVICE_KEY_RATE_LIMITS: no key in SERVICE_API_KEYS is named "interactive"']);
        expect(problemsOf({ SERVICE_API_KEYS: KEY, SERVICE_KEY_RATE_LIMITS: 'batch:ten', PORT: '80' })).toEqual([
            'SERVICE_KEY_RATE_LIMITS entries must look like name=requestsPerWindow'
        ]);
        expect(
            problemsOf({ SERVICE_API_KEYS: KEY, REQUEST_TIMEOUT_MS: '1000', CONNECTION_TIMEOUT_MS: '5000', PORT: '80' })
        ).toEqual(['REQUEST_TIMEOUT_MS must be at least CONNECTION_TIMEOUT_MS']);
        expect(problemsOf({ SERVICE_API_KEYS: `batch=short`, PORT: '80' })).toEqual([
            'SERVICE_API_KEYS: every key must be at least 32 characters'
        ]);
    });

    it('names a missing key and a missing port', () => {
        expect(problemsOf({})).toEqual([
            'SERVICE_API_KEYS is required: one or more API keys, comma-separated, each optionally named (name=key)',
            'PORT is required'
        ]);
    });

    it('explains invalid values without echoing key material', () => {
        const problems = problemsOf({ SERVICE_API_KEYS: 'short-secret', PORT: '70000', RATE_LIMIT_MAX: 'lots' });
        expect(problems).toEqual([
            'SERVICE_API_KEYS: every key must be at least 32 characters',
            'PORT must be at most 65535',
            'RATE_LIMIT_MAX must be a whole number'
        ]);
        expect(problems.join('\n')).not.toContain('short-secret');
        expect(problemsOf({ SERVICE_API_KEYS: ' , ', PORT: '80' })).toEqual([
            'SERVICE_API_KEYS must contain at least one key'
        ]);
    });

    it('stops the real server at start with a clear message', async () => {
        const server = spawnServer({ PORT: 'eighty' });
        expect(await server.exited).toBe(1);
        expect(server.stderr()).toContain('Invalid configuration:');
        expect(server.stderr()).toContain('SERVICE_API_KEYS is required');
        expect(server.stderr()).toContain('PORT must be a whole number');
    }, 20_000);
});
