import { z } from 'zod';

export const MIN_API_KEY_LENGTH = 32;

/** 5 MiB: a 500-deal request with full playbooks is about 2 MB, so this leaves room without inviting abuse. */
export const DEFAULT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

const integerString = (name: string, min: number, max: number) =>
    z
        .string({ error: `${name} is required` })
        .trim()
        .regex(/^\d+$/, { error: `${name} must be a whole number` })
        .transform(Number)
        .pipe(
            z
                .int()
                .min(min, { error: `${name} must be at least ${min}` })
                .max(max, { error: `${name} must be at most ${max}` })
        );

/** A key's purpose (`batch`, `interactive`, ...): names its rate budget and appears in logs instead of the key. */
const KEY_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

export interface NamedApiKey {
    /** Purpose of the key; keys sharing a name (old and new during rotation) share one rate budget. Null: unnamed. */
    readonly name: string | null;
    readonly key: string;
}

/** Settings may list bare keys (each with its own budget) or named keys. */
export type ApiKeySetting = string | NamedApiKey;

const ApiKeyEntry = z
    .string()
    .transform((entry): NamedApiKey => {
        // `name=key` names the key; anything else is a bare key (a base64 key may contain "=", never a name before it).
        const separator = entry.indexOf('=');
        const candidateName = separator > 0 ? entry.slice(0, separator) : '';
        return KEY_NAME_PATTERN.test(candidateName)
            ? { name: candidateName, key: entry.slice(separator + 1) }
            : { name: null, key: entry };
    })
    .pipe(
        z.object({
            name: z.string().nullable(),
            key: z
                .string()
                // Never echo key material in the message: it ends up in deployment logs.
                .min(MIN_API_KEY_LENGTH, { error: `every key must be at least ${MIN_API_KEY_LENGTH} characters` })
                .regex(/^[\x21-\x7e]+$/, { error: 'keys must be printable ASCII without spaces' })
        })
    );

const commaList = (value: string) =>
    value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');

const EnvSchema = z.object({
    SERVICE_API_KEYS: z
        .string({
            error: 'SERVICE_API_KEYS is required: one or more API keys, comma-separated, each optionally named (name=key)'
        })
        .transform(commaList)
        .pipe(z.array(ApiKeyEntry).min(1, { error: 'SERVICE_API_KEYS must contain at least one key' })),
    /** Per-name budgets, `batch=600,interactive=300`; names without one use RATE_LIMIT_MAX. */
    SERVICE_KEY_RATE_LIMITS: z
        .string()
        .default('')
        .transform(commaList)
        .pipe(
            z.array(
                z
                    .string()
                    .regex(/^[a-z][a-z0-9_-]{0,31}=\d{1,7}$/, {
                        error: 'SERVICE_KEY_RATE_LIMITS entries must look like name=requestsPerWindow'
                    })
                    .transform((entry) => {
                        const [name, max] = entry.split('=') as [string, string];
                        return { name, max: Number(max) };
                    })
                    .refine((entry) => entry.max >= 1, { error: 'SERVICE_KEY_RATE_LIMITS values must be at least 1' })
            )
        ),
    PORT: integerString('PORT', 0, 65535),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    BODY_LIMIT_BYTES: integerString('BODY_LIMIT_BYTES', 1024, 100 * 1024 * 1024).default(DEFAULT_BODY_LIMIT_BYTES),
    RATE_LIMIT_MAX: integerString('RATE_LIMIT_MAX', 1, 1_000_000).default(300),
    RATE_LIMIT_WINDOW_MS: integerString('RATE_LIMIT_WINDOW_MS', 1000, 3_600_000).default(60_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SHUTDOWN_TIMEOUT_MS: integerString('SHUTDOWN_TIMEOUT_MS', 0, 600_000).default(10_000),
    /** Whole request (headers and body) must arrive within this: a client trickling its body is disconnected. */
    REQUEST_TIMEOUT_MS: integerString('REQUEST_TIMEOUT_MS', 100, 300_000).default(30_000),
    /** A socket with no traffic at all for this long is closed. */
    CONNECTION_TIMEOUT_MS: integerString('CONNECTION_TIMEOUT_MS', 100, 300_000).default(10_000),
    /** Idle keep-alive sockets are closed after this; keep it above the idle timeout of any proxy in front. */
    KEEP_ALIVE_TIMEOUT_MS: integerString('KEEP_ALIVE_TIMEOUT_MS', 100, 600_000).default(72_000),
    /** Failed authentications a client IP may make per rate-limit window before it gets 429 instead of 401. */
    AUTH_FAILURE_LIMIT: integerString('AUTH_FAILURE_LIMIT', 1, 100_000).default(20)
});

export interface TimeoutSettings {
    readonly requestTimeoutMs: number;
    readonly connectionTimeoutMs: number;
    readonly keepAliveTimeoutMs: number;
}

export const DEFAULT_TIMEOUTS: TimeoutSettings = {
    requestTimeoutMs: 30_000,
    connectionTimeoutMs: 10_000,
    keepAliveTimeoutMs: 72_000
};
export const DEFAULT_AUTH_FAILURE_LIMIT = 20;

export interface AppConfig {
    readonly apiKeys: readonly ApiKeySetting[];
    /** Rate budget per key name; names not listed (and unnamed keys) get rateLimit.max. */
    readonly keyRateLimits: ReadonlyMap<string, number>;
    readonly port: number;
    readonly host: string;
    readonly bodyLimitBytes: number;
    readonly rateLimit: { readonly max: number; readonly windowMs: number };
    readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
    readonly shutdownTimeoutMs: number;
    readonly timeouts: TimeoutSettings;
    readonly authFailureLimit: number;
}

export class ConfigError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
        this.name = 'ConfigError';
    }
}

/** Reads and validates the environment. Throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
    const parsed = EnvSchema.safeParse(env);
    if (!parsed.success) {
        throw new ConfigError(
            parsed.error.issues.map((issue) => {
                const variable = String(issue.path[0] ?? 'environment');
                return issue.message.startsWith(variable) ? issue.message : `${variable}: ${issue.message}`;
            })
        );
    }
    const values = parsed.data;
    const keyNames = new Set(values.SERVICE_API_KEYS.map((entry) => entry.name));
    const unknownNames = values.SERVICE_KEY_RATE_LIMITS.filter((entry) => !keyNames.has(entry.name));
    if (unknownNames.length > 0) {
        throw new ConfigError(
            unknownNames.map((entry) => `SERVICE_KEY_RATE_LIMITS: no key in SERVICE_API_KEYS is named "${entry.name}"`)
        );
    }
    if (values.REQUEST_TIMEOUT_MS < values.CONNECTION_TIMEOUT_MS) {
        throw new ConfigError(['REQUEST_TIMEOUT_MS must be at least CONNECTION_TIMEOUT_MS']);
    }
    return {
        apiKeys: values.SERVICE_API_KEYS,
        keyRateLimits: new Map(values.SERVICE_KEY_RATE_LIMITS.map((entry) => [entry.name, entry.max])),
        port: values.PORT,
        host: values.HOST,
        bodyLimitBytes: values.BODY_LIMIT_BYTES,
        rateLimit: { max: values.RATE_LIMIT_MAX, windowMs: values.RATE_LIMIT_WINDOW_MS },
        logLevel: values.LOG_LEVEL,
        shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
        timeouts: {
            requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
            connectionTimeoutMs: values.CONNECTION_TIMEOUT_MS,
            keepAliveTimeoutMs: values.KEEP_ALIVE_TIMEOUT_MS
        },
        authFailureLimit: values.AUTH_FAILURE_LIMIT
    };
}
