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
            apiKeys: [KEY, 'r'.repeat(40)],
            port: 8080,
            host: '127.0.0.1',
            bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
            rateLimit: { max: 300, windowMs: 60_000 },
            logLevel: 'info',
            shutdownTimeoutMs: 10_000
        });
    });

    it('names a missing key and a missing port', () => {
        expect(problemsOf({})).toEqual([
            'SERVICE_API_KEYS is required: one or more API keys, comma-separated',
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
