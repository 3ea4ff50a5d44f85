const MS_PER_DAY = 86_400_000;

/** Batches repeat a few hundred distinct dates; a bounded cache keeps parsing out of the hot path. */
const DAY_CACHE_LIMIT = 4096;
const dayNumberCache = new Map<string, number>();

/** Days since 1970-01-01 for a contract-validated `YYYY-MM-DD` date (no Date parsing, no time zones). */
export function toDayNumber(isoDate: string): number {
    const cached = dayNumberCache.get(isoDate);
    if (cached !== undefined) return cached;
    const year = Number(isoDate.slice(0, 4));
    const month = Number(isoDate.slice(5, 7));
    const day = Number(isoDate.slice(8, 10));
    // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear takes the year as given (0000-0099 are valid ISO years).
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    const dayNumber = date.getTime() / MS_PER_DAY;
    if (dayNumberCache.size >= DAY_CACHE_LIMIT) dayNumberCache.clear();
    dayNumberCache.set(isoDate, dayNumber);
    return dayNumber;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Rounds for display in evidence (one decimal, no trailing zero). */
export function formatRatio(value: number): string {
    return String(Math.round(value * 10) / 10);
}
