import { findPhoneNumbersInText } from 'libphonenumber-js';

/**
 * E-mail addresses and phone numbers are replaced before text leaves for the LLM. Phone numbers are found with
 * libphonenumber-js (international `+…` numbers, and national ones read as US numbers); e-mail addresses with the
 * WHATWG `type=email` pattern. `toOriginal` maps an offset in the redacted text back to the original, so quotes the
 * LLM returns are located in the text the rep sees.
 */
const EMAIL =
    /[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+/g;

interface Replacement {
    start: number;
    end: number;
    placeholder: string;
}

export interface Redaction {
    text: string;
    count: number;
    /** Offset in the redacted text → offset in the original; `edge` says which side of a placeholder to take. */
    toOriginal(offset: number, edge: 'start' | 'end'): number;
}

export function redact(original: string): Redaction {
    const found: Replacement[] = [];
    for (const match of original.matchAll(EMAIL)) {
        found.push({ start: match.index, end: match.index + match[0].length, placeholder: '[email]' });
    }
    for (const phone of findPhoneNumbersInText(original, { defaultCountry: 'US' })) {
        found.push({ start: phone.startsAt, end: phone.endsAt, placeholder: '[phone]' });
    }
    found.sort((a, b) => a.start - b.start);
    const replacements: Replacement[] = [];
    for (const item of found) {
        const last = replacements[replacements.length - 1];
        if (!last || item.start >= last.end) replacements.push(item);
    }

    let text = '';
    let cursor = 0;
    // [redactedStart, redactedEnd, originalStart, originalEnd] per placeholder.
    const spans: [number, number, number, number][] = [];
    for (const item of replacements) {
        text += original.slice(cursor, item.start);
        const redactedStart = text.length;
        text += item.placeholder;
        spans.push([redactedStart, text.length, item.start, item.end]);
        cursor = item.end;
    }
    text += original.slice(cursor);

    return {
        text,
        count: replacements.length,
        toOriginal(offset, edge) {
            let delta = 0;
            for (const [redactedStart, redactedEnd, originalStart, originalEnd] of spans) {
                if (offset <= redactedStart) break;
                if (offset < redactedEnd) return edge === 'start' ? originalStart : originalEnd;
                if (offset === redactedEnd && edge === 'end') return originalEnd;
                delta = originalEnd - redactedEnd;
            }
            return offset + delta;
        }
    };
}

/** No redaction: the deterministic extractor reads the original text in-process. */
export function identityRedaction(original: string): Redaction {
    return { text: original, count: 0, toOriginal: (offset) => offset };
}
