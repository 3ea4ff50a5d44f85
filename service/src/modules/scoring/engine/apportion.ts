/**
 * Integer apportionment by largest remainder: each share becomes floor or ceil of its real value, and the integers
 * add up to `total`. `total` must lie between the sum of the floors and the sum of the ceilings (it does when it is the
 * rounded or floored/ceiled sum of the shares). Ties go to the earlier share, so the result is deterministic.
 *
 * Runs for every dimension of every deal, so it works on the result array alone: no sort, no per-share objects.
 */
export function apportion(shares: readonly number[], total: number): number[] {
    const result: number[] = [];
    let remaining = total;
    for (const share of shares) {
        const floor = Math.floor(share) + 0; // `+ 0` turns -0 into 0
        result.push(floor);
        remaining -= floor;
    }
    // Hand out the remaining points one at a time to the share furthest below its real value. A share already rounded
    // up is above its real value (negative remainder), so it never gets a second point.
    while (remaining > 0) {
        const index = indexOfLargestRemainder(shares, result);
        if (index === -1) break;
        result[index]! += 1;
        remaining -= 1;
    }
    if (remaining !== 0) {
        throw new Error(`apportion: total ${total} is out of reach of the shares`);
    }
    return result;
}

/** Index of the largest non-negative `share - rounded` (the first on ties), or -1 when every share is rounded up. */
function indexOfLargestRemainder(shares: readonly number[], rounded: readonly number[]): number {
    let bestIndex = -1;
    let bestRemainder = 0;
    for (let index = 0; index < shares.length; index++) {
        const remainder = shares[index]! - rounded[index]!;
        if (remainder > bestRemainder || (bestIndex === -1 && remainder >= 0)) {
            bestIndex = index;
            bestRemainder = remainder;
        }
    }
    return bestIndex;
}

/** Removes floating-point noise (e.g. 59.999999999) before rounding so equal inputs round the same way. */
export function stabilize(value: number): number {
    return Math.round(value * 1e6) / 1e6 + 0;
}
