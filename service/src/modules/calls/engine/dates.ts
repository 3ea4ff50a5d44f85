import * as chrono from 'chrono-node';

/**
 * Relative dates ("next Tuesday", "in two weeks", "end of Q1") resolved against `asOf` in the org's time zone with
 * chrono-node. chrono has no quarters or "end of the quarter/year", so one small parser for those is added to its
 * casual English set. Quarters are calendar quarters (an org with a shifted fiscal year gets calendar dates: decision
 * recorded in service/README.md).
 */
const QUARTER_PATTERN =
    /\b(?:(end of|by end of|by the end of|beginning of|start of|early|late|mid)\s+)?(?:(?:q([1-4]))|(?:the\s+)?(first|second|third|fourth|next|this)\s+quarter|(eoq|eoy|end of (?:the|this) (?:quarter|year)|end of year|year[- ]end))(?:\s+(20\d\d))?\b/i;

const ORDINAL_QUARTER: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

function lastDayOfMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const quarterParser: chrono.Parser = {
    pattern: () => QUARTER_PATTERN,
    extract: (context, match) => {
        const ref = context.reference.instant;
        const refYear = ref.getUTCFullYear();
        const refQuarter = Math.floor(ref.getUTCMonth() / 3) + 1;
        const qualifier = (match[1] ?? '').toLowerCase();
        const explicitYear = match[5] ? Number(match[5]) : null;
        const special = (match[4] ?? '').toLowerCase();
        let year = explicitYear ?? refYear;
        let quarter: number;
        if (special) {
            if (special === 'eoq' || special.includes('quarter')) {
                quarter = refQuarter;
            } else {
                return { year, month: 12, day: 31 };
            }
        } else if (match[2]) {
            quarter = Number(match[2]);
            // "Q1" said in Q3 means next year's Q1.
            if (explicitYear === null && quarter < refQuarter) year += 1;
        } else {
            const word = (match[3] ?? '').toLowerCase();
            if (word === 'this') quarter = refQuarter;
            else if (word === 'next') {
                quarter = refQuarter === 4 ? 1 : refQuarter + 1;
                if (refQuarter === 4) year += 1;
            } else {
                quarter = ORDINAL_QUARTER[word] ?? refQuarter;
                if (explicitYear === null && quarter < refQuarter) year += 1;
            }
        }
        const firstMonth = (quarter - 1) * 3 + 1;
        if (qualifier === 'beginning of' || qualifier === 'start of' || qualifier === 'early') {
            return { year, month: firstMonth, day: 1 };
        }
        if (qualifier === 'mid') {
            return { year, month: firstMonth + 1, day: 15 };
        }
        // A bare quarter is a deadline: its last day.
        return { year, month: firstMonth + 2, day: lastDayOfMonth(year, firstMonth + 2) };
    }
};

const parser = chrono.casual.clone();
parser.parsers.push(quarterParser);

/** Minutes east of UTC of `timeZone` at noon on `asOf`. */
export function utcOffsetMinutes(asOf: string, timeZone: string): number {
    const noonUtc = new Date(`${asOf}T12:00:00Z`);
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit'
    }).formatToParts(noonUtc);
    const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    const local = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'));
    return Math.round((local - noonUtc.getTime()) / 60000);
}

export interface DateReference {
    asOf: string;
    timeZone: string;
}

export interface FoundDate {
    isoDate: string;
    /** Offsets inside the searched text. */
    index: number;
    text: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Dates in `text`, relative ones resolved forward from `asOf` (a call talks about what comes next). */
export function findDates(text: string, reference: DateReference): FoundDate[] {
    // Noon local time on asOf, so "tomorrow" cannot slip a day across the date line.
    const offset = utcOffsetMinutes(reference.asOf, reference.timeZone);
    const instant = new Date(Date.parse(`${reference.asOf}T12:00:00Z`) - offset * 60000);
    const results = parser.parse(text, { instant, timezone: offset }, { forwardDate: true });
    return results.flatMap((result) => {
        // "for 2 hours", "in 30 minutes": durations of the call itself, not dates.
        if (/\b(hours?|hrs?|minutes?|mins?|seconds?)\b/i.test(result.text)) return [];
        // "this morning", "tonight": a time of day alone is no date.
        const start = result.start;
        if (!start.isCertain('day') && !start.isCertain('weekday') && !start.isCertain('month')) return [];
        const year = result.start.get('year');
        const month = result.start.get('month');
        const day = result.start.get('day');
        if (year === null || month === null || day === null) return [];
        return [{ isoDate: `${year}-${pad(month)}-${pad(day)}`, index: result.index, text: result.text }];
    });
}

/** Days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function isIsoCalendarDate(value: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
