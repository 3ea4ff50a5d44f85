// The one reader of the OPENAI_* settings: every module that can use a language model (call analysis, practice
// drills) gets the same settings, so a configuration that works for one never stops the service for another.
import { ConfigError } from '../config';

export interface LlmSettings {
    apiKey: string;
    baseURL: string | null;
    model: string;
    /** Per attempt. */
    timeoutMs: number;
    /** Retries on connection errors, timeouts, 408/409/429 and 5xx (the SDK backs off exponentially with jitter). */
    maxRetries: number;
}

export const DEFAULT_LLM_MODEL = 'gpt-4.1-mini';
export const DEFAULT_LLM_TIMEOUT_MS = 15_000;
export const DEFAULT_LLM_MAX_RETRIES = 2;

function boundedInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new ConfigError([`${name} must be a whole number from ${min} to ${max}`]);
    }
    return value;
}

/** Null when OPENAI_API_KEY is unset: the deterministic extractor then serves every request. */
export function loadLlmSettings(env: NodeJS.ProcessEnv): LlmSettings | null {
    const apiKey = env.OPENAI_API_KEY?.trim();
    if (!apiKey) return null;
    return {
        apiKey,
        baseURL: env.OPENAI_BASE_URL?.trim() || null,
        model: env.OPENAI_MODEL?.trim() || DEFAULT_LLM_MODEL,
        // Worst case (retries + 1) × timeout plus back-off stays under the 120 s Apex callout budget.
        timeoutMs: boundedInt(env, 'OPENAI_TIMEOUT_MS', DEFAULT_LLM_TIMEOUT_MS, 100, 30_000),
        maxRetries: boundedInt(env, 'OPENAI_MAX_RETRIES', DEFAULT_LLM_MAX_RETRIES, 0, 3)
    };
}
