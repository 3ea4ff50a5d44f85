// Scores for probabilistic forecasts, and intervals for rates: small, exact, dependency-free.

/** Mean squared error between probabilities and 0/1 outcomes. */
export function brierScore(probabilities: readonly number[], outcomes: readonly boolean[]): number {
    if (probabilities.length === 0 || probabilities.length !== outcomes.length) {
        throw new Error('brierScore needs as many outcomes as probabilities, at least one');
    }
    let sum = 0;
    for (let i = 0; i < probabilities.length; i++) {
        const error = probabilities[i]! - (outcomes[i] ? 1 : 0);
        sum += error * error;
    }
    return sum / probabilities.length;
}

/**
 * ROC-AUC as the Mann-Whitney statistic: the chance that a random won deal is ranked above a random lost one, ties
 * counting half. Null when one class is absent (the AUC is undefined then).
 */
export function rocAuc(probabilities: readonly number[], outcomes: readonly boolean[]): number | null {
    const order = probabilities.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
    let positives = 0;
    let negatives = 0;
    let positiveRankSum = 0;
    for (let start = 0; start < order.length;) {
        let end = start;
        while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
        const averageRank = (start + end) / 2 + 1;
        for (let k = start; k <= end; k++) {
            if (outcomes[order[k]![1]]) {
                positives++;
                positiveRankSum += averageRank;
            } else {
                negatives++;
            }
        }
        start = end + 1;
    }
    if (positives === 0 || negatives === 0) return null;
    return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface ReliabilityRow {
    /** The bin's range of predicted probabilities (named so that Apex, where `from` is reserved, can read it). */
    binFrom: number;
    binTo: number;
    count: number;
    meanPredicted: number | null;
    observedWinRate: number | null;
}

/** Equal-width probability bins with the mean prediction and the observed win rate in each. */
export function reliabilityTable(
    probabilities: readonly number[],
    outcomes: readonly boolean[],
    bins = 10
): ReliabilityRow[] {
    const rows = Array.from({ length: bins }, (_, index) => ({
        from: index / bins,
        to: (index + 1) / bins,
        n: 0,
        p: 0,
        won: 0
    }));
    probabilities.forEach((probability, i) => {
        const row = rows[Math.min(bins - 1, Math.floor(probability * bins))]!;
        row.n++;
        row.p += probability;
        if (outcomes[i]) row.won++;
    });
    return rows.map((row) => ({
        binFrom: round(row.from, 2),
        binTo: round(row.to, 2),
        count: row.n,
        meanPredicted: row.n === 0 ? null : round(row.p / row.n, 4),
        observedWinRate: row.n === 0 ? null : round(row.won / row.n, 4)
    }));
}

/** Two-sided z for the confidence levels the product uses. */
const Z_BY_CONFIDENCE: Readonly<Record<string, number>> = { '0.8': 1.2816, '0.9': 1.6449, '0.95': 1.96 };

/** Wilson score interval of `successes` out of `count`: well-behaved at small counts and rates near 0 or 1. */
export function wilsonInterval(
    successes: number,
    count: number,
    confidence: 0.8 | 0.9 | 0.95 = 0.9
): { rate: number | null; low: number | null; high: number | null; count: number } {
    if (count === 0) return { rate: null, low: null, high: null, count };
    if (successes < 0 || successes > count) throw new Error(`wilsonInterval: ${successes} successes out of ${count}`);
    const z = Z_BY_CONFIDENCE[String(confidence)]!;
    const rate = successes / count;
    const denominator = 1 + (z * z) / count;
    const centre = (rate + (z * z) / (2 * count)) / denominator;
    const half = (z * Math.sqrt((rate * (1 - rate)) / count + (z * z) / (4 * count * count))) / denominator;
    return {
        rate: round(rate, 4),
        low: round(Math.max(0, centre - half), 4),
        high: round(Math.min(1, centre + half), 4),
        count
    };
}

export function round(value: number, digits: number): number {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}
