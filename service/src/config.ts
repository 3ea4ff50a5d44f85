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

const EnvSchema = z.object({
    SERVICE_API_KEYS: z
        .string({ error: 'SERVICE_API_KEYS is required: one or more API keys, comma-separated' })
        .transform((value) =>
            value
                .split(',')
                .map((key) => key.trim())
                .filter((key) => key !== '')
        )
        .pipe(
            z
                .array(
                    z
                        .string()
                        // Never echo key material in the message: it ends up in deployment logs.
                        .min(MIN_API_KEY_LENGTH, {
                            error: `every key must be at least ${MIN_API_KEY_LENGTH} characters`
                        })
                        .regex(/^[\x21-\x7e]+$/, { error: 'keys must be printable ASCII without spaces' })
                )
                .min(1, { error: 'SERVICE_API_KEYS must contain at least one key' })
        ),
    PORT: integerString('PORT', 0, 65535),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    BODY_LIMIT_BYTES: integerString('BODY_LIMIT_BYTES', 1024, 100 * 1024 * 1024).default(DEFAULT_BODY_LIMIT_BYTES),
    RATE_LIMIT_MAX: integerString('RATE_LIMIT_MAX', 1, 1_000_000).default(300),
    RATE_LIMIT_WINDOW_MS: integerString('RATE_LIMIT_WINDOW_MS', 1000, 3_600_000).default(60_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SHUTDOWN_TIMEOUT_MS: integerString('SHUTDOWN_TIMEOUT_MS', 0, 600_000).default(10_000)
});

export interface AppConfig {
    readonly apiKeys: readonly string[];
    readonly port: number;
    readonly host: string;
    readonly bodyLimitBytes: number;
    readonly rateLimit: { readonly max: number; readonly windowMs: number };
    readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
    readonly shutdownTimeoutMs: number;
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
    return {
        apiKeys: values.SERVICE_API_KEYS,
        port: values.PORT,
        host: values.HOST,
        bodyLimitBytes: values.BODY_LIMIT_BYTES,
        rateLimit: { max: values.RATE_LIMIT_MAX, windowMs: values.RATE_LIMIT_WINDOW_MS },
        logLevel: values.LOG_LEVEL,
        shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS
    };
}
