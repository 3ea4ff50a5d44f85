import type { CallContact, SpeakerSide } from '../contract/call-analysis';

/**
 * The call text read as turns and sentences, with offsets into the original text. A line `Name: text`,
 * `[00:01:02] Name: text` or `Name (Title): text` starts a turn; text without such lines is rep notes, with no
 * speakers (every sentence is the rep's account, so nothing in it counts as the buyer's own words).
 */
export interface Sentence {
    text: string;
    start: number;
    end: number;
    speaker: string | null;
    side: SpeakerSide;
}

export interface Turn {
    speaker: string | null;
    side: SpeakerSide;
    start: number;
    end: number;
    words: number;
}

export interface CallText {
    text: string;
    turns: Turn[];
    sentences: Sentence[];
    speakersKnown: boolean;
}

const SPEAKER_LINE =
    /^[ \t]*(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?[ \t]*-?[ \t]*)?([A-Z][A-Za-z.'-]*(?:[ \t]+[A-Z][A-Za-z.'-]*){0,3})[ \t]*(?:\(([^)\n]{1,60})\))?[ \t]*:[ \t]+/;
const SELLER_LABEL = /\b(rep|ae|account executive|sales|seller|sdr|bdr|se|solutions? engineer|csm)\b/i;
const BUYER_LABEL = /\b(buyer|customer|client|prospect)\b/i;
/** Labels that are speakers of no side: an injected "SYSTEM:" line is text, and it is nobody's words. */
const NOT_A_PERSON =
    /^(system|assistant|user|note|notes|action items?|next steps?|summary|re|subject|agenda|todo|ps|fyi)$/i;

function normalise(name: string): string {
    return name
        .toLowerCase()
        .replace(/[^a-z ]/g, '')
        .trim();
}

export function sideOf(
    speaker: string,
    label: string | null,
    repName: string | null,
    contacts: readonly CallContact[]
): SpeakerSide {
    const name = normalise(speaker);
    if (NOT_A_PERSON.test(speaker.trim())) return 'unknown';
    if (label && SELLER_LABEL.test(label)) return 'seller';
    if (repName) {
        const rep = normalise(repName);
        if (name === rep || name === rep.split(' ')[0]) return 'seller';
    }
    if (contactFor(speaker, contacts)) return 'buyer';
    if (label && BUYER_LABEL.test(label)) return 'buyer';
    return 'unknown';
}

/** The deal contact a spoken or written name refers to: full name, or a first name that only one contact has. */
export function contactFor(name: string, contacts: readonly CallContact[]): CallContact | null {
    const wanted = normalise(name);
    if (wanted === '') return null;
    const exact = contacts.find((contact) => normalise(contact.name) === wanted);
    if (exact) return exact;
    if (!wanted.includes(' ')) {
        const byFirst = contacts.filter((contact) => normalise(contact.name).split(' ')[0] === wanted);
        if (byFirst.length === 1) return byFirst[0] ?? null;
    }
    return null;
}

const SENTENCE_END = /[.!?]+(?=\s|$)|\n+|;\s/g;

function splitSentences(
    text: string,
    from: number,
    to: number,
    speaker: string | null,
    side: SpeakerSide,
    out: Sentence[]
): void {
    const body = text.slice(from, to);
    let cursor = 0;
    SENTENCE_END.lastIndex = 0;
    const push = (endInBody: number) => {
        const raw = body.slice(cursor, endInBody);
        const leading = raw.length - raw.trimStart().length;
        const trimmed = raw.trim();
        if (trimmed.length > 0) {
            const start = from + cursor + leading;
            out.push({ text: trimmed, start, end: start + trimmed.length, speaker, side });
        }
    };
    for (let match = SENTENCE_END.exec(body); match !== null; match = SENTENCE_END.exec(body)) {
        // Keep the punctuation (a question mark is how questions are counted).
        const end = match.index + (match[0].startsWith('\n') || match[0].startsWith(';') ? 0 : match[0].length);
        push(end);
        cursor = match.index + match[0].length;
    }
    push(body.length);
}

export function readCall(text: string, repName: string | null, contacts: readonly CallContact[]): CallText {
    const lines: { start: number; end: number; speaker: string | null; label: string | null; bodyStart: number }[] = [];
    let position = 0;
    for (const line of text.split('\n')) {
        const match = SPEAKER_LINE.exec(line);
        lines.push({
            start: position,
            end: position + line.length,
            speaker: match ? (match[1] ?? '').trim() : null,
            label: match ? (match[2] ?? null) : null,
            bodyStart: position + (match ? match[0].length : 0)
        });
        position += line.length + 1;
    }
    const speakerLines = lines.filter((line) => line.speaker !== null && !NOT_A_PERSON.test(line.speaker));
    const distinct = new Set(speakerLines.map((line) => normalise(line.speaker ?? '')));
    // Two people taking turns: a transcript. Otherwise "Pricing: ..." lines are just notes with headings.
    const speakersKnown = distinct.size >= 2 && speakerLines.length >= 2;

    const turns: Turn[] = [];
    const sentences: Sentence[] = [];
    let current: Turn | null = null;
    for (const line of lines) {
        const startsTurn = speakersKnown && line.speaker !== null;
        if (startsTurn || current === null) {
            const speaker: string | null = startsTurn ? line.speaker : null;
            const side: SpeakerSide = speaker ? sideOf(speaker, line.label, repName, contacts) : 'unknown';
            current = { speaker, side, start: startsTurn ? line.bodyStart : line.start, end: line.end, words: 0 };
            turns.push(current);
        } else {
            current.end = line.end;
        }
    }
    for (const turn of turns) {
        const body = text.slice(turn.start, turn.end);
        turn.words = body.split(/\s+/).filter((word) => word !== '').length;
        splitSentences(text, turn.start, turn.end, turn.speaker, turn.side, sentences);
    }
    return { text, turns, sentences, speakersKnown };
}
