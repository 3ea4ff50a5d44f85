/** Calendar arithmetic on day numbers (days since 1970-01-01, UTC): no time zones, no clock. */
const MS_PER_DAY = 86_400_000;

export function dayOf(isoDate: string): number {
    const year = Number(isoDate.slice(0, 4));
    const month = Number(isoDate.slice(5, 7));
    const day = Number(isoDate.slice(8, 10));
    return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoDate(day: number): string {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `YYYY-MM-DDTHH:mm:00.000Z` on the given day. */
export function isoDateTime(day: number, hour: number, minute = 0): string {
    return new Date(day * MS_PER_DAY + (hour * 60 + minute) * 60_000).toISOString();
}

/** Day number of an ISO datetime (UTC). */
export function dayOfDateTime(isoDateTime: string): number {
    return dayOf(isoDateTime.slice(0, 10));
}

/** First and last day of the calendar quarter containing `day`, and of the quarter after it. */
export function quarters(day: number): { currentStart: number; currentEnd: number; nextEnd: number; label: string } {
    const date = new Date(day * MS_PER_DAY);
    const year = date.getUTCFullYear();
    const quarter = Math.floor(date.getUTCMonth() / 3);
    const startOf = (y: number, q: number) => Date.UTC(y + Math.floor(q / 4), (q % 4) * 3, 1) / MS_PER_DAY;
    return {
        currentStart: startOf(year, quarter),
        currentEnd: startOf(year, quarter + 1) - 1,
        nextEnd: startOf(year, quarter + 2) - 1,
        label: `${year}-Q${quarter + 1}`
    };
}

export function isValidIsoDate(value: string): boolean {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDate(dayOf(value)) === value;
}
