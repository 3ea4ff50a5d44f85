/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * How Apex receives the LWC's named parameters: typed (Id, String, Date, Integer, Decimal) and rejected by the
 * platform with "Value provided is invalid for action parameter …" when a value cannot be read as its type. A 15-character
 * id is widened to 18 characters, as Apex does.
 */
import { toId18 } from '../sample-org/ids';
import { isValidIsoDate } from '../sample-org/dates';

/**
 * An error an Apex method throws to the component: AuraHandledException. The server sends it as HTTP 400
 * `{ body: { message } }`, which is what LWC gets (`error.body.message`).
 */
export class ApexError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'ApexError';
    }
}

export type ApexParams = Record<string, unknown>;

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function invalid(parameter: string, type: string): ApexError {
    return new ApexError(`Value provided is invalid for action parameter '${parameter}' of type '${type}'`);
}

function isAbsent(value: unknown): value is null | undefined {
    return value === null || value === undefined;
}

/** An Id value; null when absent or empty. */
export function readId(value: unknown, parameter: string): string | null {
    if (isAbsent(value) || value === '') return null;
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) throw invalid(parameter, 'Id');
    return value.length === 15 ? toId18(value) : value;
}

export function readString(value: unknown, parameter: string): string | null {
    if (isAbsent(value)) return null;
    if (typeof value !== 'string') throw invalid(parameter, 'String');
    return value;
}

/** A Date as `YYYY-MM-DD` (an ISO datetime is read as its date, as Apex does). */
export function readDate(value: unknown, parameter: string): string | null {
    if (isAbsent(value) || value === '') return null;
    if (typeof value !== 'string') throw invalid(parameter, 'Date');
    const day = value.slice(0, 10);
    if (!isValidIsoDate(day) || (value.length > 10 && !/^T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.test(value.slice(10)))) {
        throw invalid(parameter, 'Date');
    }
    return day;
}

export function readInteger(value: unknown, parameter: string): number | null {
    if (isAbsent(value) || value === '') return null;
    const number = typeof value === 'string' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number)) throw invalid(parameter, 'Integer');
    return number;
}

export function readDecimal(value: unknown, parameter: string): number | null {
    if (isAbsent(value) || value === '') return null;
    const number = typeof value === 'string' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) throw invalid(parameter, 'Decimal');
    return number;
}

/** An Apex object parameter (a class instance): null when absent; a JSON object otherwise. */
export function readObject(value: unknown, parameter: string, type: string): Record<string, unknown> | null {
    if (isAbsent(value)) return null;
    if (typeof value !== 'object' || Array.isArray(value)) throw invalid(parameter, type);
    return value as Record<string, unknown>;
}

/** An Apex List parameter: null when absent. */
export function readList(value: unknown, parameter: string): unknown[] | null {
    if (isAbsent(value)) return null;
    if (!Array.isArray(value)) throw invalid(parameter, 'List');
    return value;
}

/** String.isBlank. */
export function isBlank(value: string | null | undefined): boolean {
    return value === null || value === undefined || value.trim() === '';
}

/** String.abbreviate(maxWidth). */
export function abbreviate(value: string, maxWidth: number): string {
    return value.length <= maxWidth ? value : `${value.slice(0, maxWidth - 3)}...`;
}

/** How Apex prints a possibly-null value in a message ('null'). */
export function text(value: string | null | undefined): string {
    return value === null || value === undefined ? 'null' : value;
}
