// The two intervals the gap rule uses. Wilson's score interval for a share of deals (each deal counts once: it stays
// honest near 0 and 1 and for small samples, where the normal approximation claims too much); a seeded percentile
// bootstrap over deals for pooled rates (steps, nudges) and medians, because events within one deal are not
// independent: resampling whole deals keeps that clustering.
import { mulberry32 } from '../../../shared/prng';

/** Two-sided normal quantiles for the confidences the contract allows. */
const Z_BY_CONFIDENCE: ReadonlyMap<number, number> = new Map([
    [0.8, 1.2815515655446004],
    [0.9, 1.6448536269514722],
    [0.95, 1.959963984540054]
]);

export interface Bounds {
    low: number;
    high: number;
}

export function zFor(confidence: number): number {
    const z = Z_BY_CONFIDENCE.get(confidence);
    if (z === undefined) throw new Error(`No quantile for confidence ${confidence}`);
    return z;
}

/** Wilson score interval for `successes` of `trials` (trials > 0). */
export function wilsonInterval(successes: number, trials: number, confidence: number): Bounds {
    if (trials <= 0) throw new Error('The Wilson interval needs at least one trial');
    const z = zFor(confidence);
    const p = successes / trials;
    const z2 = z * z;
    const denominator = 1 + z2 / trials;
    const centre = (p + z2 / (2 * trials)) / denominator;
    const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
    return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
    if (values.length === 0) throw new Error('The median of nothing is undefined');
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** FNV-1a: a stable 32-bit seed from a string, so the same rep and metric always resample the same way. */
export function seedFrom(text: string): number {
    let hash = 0x811c9dc5;
    for (let index = 0; index < text.length; index += 1) {
        hash ^= text.charCodeAt(index);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}

function quantileOfSorted(sorted: readonly number[], q: number): number {
    const position = (sorted.length - 1) * q;
    const lower = Math.floor(position);
    const upper = Math.ceil(position);
    return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/**
 * Percentile bootstrap of `statistic` over `units` (whole deals), `resamples` times, seeded. Resamples whose
 * statistic is undefined (NaN, e.g. a pooled rate with no events drawn) are left out.
 */
export function bootstrapInterval<T>(
    units: readonly T[],
    statistic: (sample: readonly T[]) => number,
    options: { resamples: number; confidence: number; seed: number }
): Bounds {
    if (units.length === 0) throw new Error('The bootstrap needs at least one unit');
    const random = mulberry32(options.seed);
    const estimates: number[] = [];
    const sample: T[] = new Array<T>(units.length);
    for (let round = 0; round < options.resamples; round += 1) {
        for (let index = 0; index < units.length; index += 1) {
            sample[index] = units[Math.floor(random() * units.length)]!;
        }
        const estimate = statistic(sample);
        if (!Number.isNaN(estimate)) estimates.push(estimate);
    }
    estimates.sort((a, b) => a - b);
    const tail = (1 - options.confidence) / 2;
    return { low: quantileOfSorted(estimates, tail), high: quantileOfSorted(estimates, 1 - tail) };
}
