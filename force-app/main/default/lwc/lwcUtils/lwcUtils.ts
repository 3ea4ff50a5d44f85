// Neutral helpers every Execution Loop component uses. No DOM, no feature knowledge: unit-tested on their own.

/** What a `@wire` handler receives; keep the whole object so `refreshApex` can refresh it (salesforce/lwc #2207). */
export interface WiredResult<T> {
    data?: T;
    error?: unknown;
}

/** A stored result that cannot be read: shown as an error, never silently replaced by defaults. */
export class StoredResultError extends Error {
    constructor(what: string) {
        super(`The stored ${what} of this deal's last scoring cannot be read. Refresh the score to replace it.`);
        this.name = 'StoredResultError';
    }
}

/** Parses a stored JSON list; empty input is an empty list, anything else unreadable throws StoredResultError. */
export function parseJsonList<T>(json: string | null | undefined, what: string): T[] {
    if (json === null || json === undefined || json === '') return [];
    let parsed: unknown;
    try {
        parsed = JSON.parse(json);
    } catch {
        throw new StoredResultError(what);
    }
    if (!Array.isArray(parsed)) throw new StoredResultError(what);
    return parsed as T[];
}

/** Parses a stored JSON object; empty input or `null` is null, anything else unreadable throws StoredResultError. */
export function parseJsonObject<T>(json: string | null | undefined, what: string): T | null {
    if (json === null || json === undefined || json === '' || json === 'null') return null;
    let parsed: unknown;
    try {
        parsed = JSON.parse(json);
    } catch {
        throw new StoredResultError(what);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new StoredResultError(what);
    return parsed as T;
}

interface ErrorLike {
    body?: unknown;
    message?: unknown;
}

/** Readable message from an Apex or JavaScript error (AuraHandledException arrives as `body.message`). */
export function errorMessage(error: unknown): string {
    if (!error || typeof error !== 'object') return 'Unknown error';
    const { body: errorBody, message } = error as ErrorLike;
    if (Array.isArray(errorBody)) {
        const messages = errorBody
            .map((item) => (item as ErrorLike).message)
            .filter((m): m is string => typeof m === 'string');
        if (messages.length > 0) return messages.join(', ');
    } else if (errorBody && typeof errorBody === 'object' && typeof (errorBody as ErrorLike).message === 'string') {
        return (errorBody as ErrorLike).message as string;
    }
    return typeof message === 'string' ? message : 'Unknown error';
}

/**
 * A Custom Label with placeholders (`@salesforce/label/c.X`), formatted as Apex `String.format(template, args)` formats
 * it: Java MessageFormat, as far as labels use it. `{n}` is the nth argument (null prints as `null`), `''` is one
 * quote, and text between single quotes is literal. The one implementation: the workbench twin formats with it too.
 */
export function formatLabel(template: string, args: ReadonlyArray<string | number | null | undefined>): string {
    let output = '';
    for (let position = 0; position < template.length; position++) {
        const character = template[position]!;
        if (character === "'") {
            const end = template.indexOf("'", position + 1);
            if (end === position + 1) {
                output += "'";
            } else {
                output += template.slice(position + 1, end === -1 ? template.length : end);
            }
            position = end === -1 ? template.length : end;
        } else if (character === '{') {
            const match = /^\{(\d+)\}/.exec(template.slice(position));
            if (!match) throw new Error(`Unsupported placeholder in label "${template}" at ${position}`);
            const value = args[Number(match[1])];
            output += value === null || value === undefined ? 'null' : String(value);
            position += match[0].length - 1;
        } else {
            output += character;
        }
    }
    return output;
}
