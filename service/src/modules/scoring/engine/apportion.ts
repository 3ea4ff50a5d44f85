/**
 * Integer apportionment by largest remainder: each share becomes floor or ceil of its real value, and the integers
 * add up to `total`. `total` must lie between the sum of the floors and the sum of the ceilings (it does when it is the
 * rounded or floored/ceiled sum of the shares). Ties go to the earlier share, so the result is deterministic.
 *
 * Runs for every dimension of every deal, so it works on the result array alone: no sort, no per-share objects.
 */
export function apportion(shares: readonly number[], total: number): number[] {
    const result: number[] = new Array<number>(shares.length);
    apportionInto(shares, shares.length, total, result);
    return result;
}

/**
 * `apportion` of the first `count` shares into `result` (which may be a reused typed array): the per-signal rounding
 * of every dimension of every deal runs it, so it allocates nothing.
 */
export function apportionInto(
    shares: ArrayLike<number>,
    count: number,
    total: number,
    result: { [index: number]: number }
): void {
    let remaining = total;
    for (let index = 0; index < count; index++) {
        const floor = Math.floor(shares[index]!) + 0; // `+ 0` turns -0 into 0
        result[index] = floor;
        remaining -= floor;
    }
    // Hand out the remaining points one at a time to the share furthest below its real value. A share already rounded
    // up is above its real value (negative remainder), so it never gets a second point.
    while (remaining > 0) {
        const index = indexOfLargestRemainder(shares, count, result);
        if (index === -1) break;
        result[index] = result[index]! + 1;
        remaining -= 1;
    }
    if (remaining !== 0) {
        throw new Error(`apportion: total ${total} is out of reach of the shares`);
    }
}

/** Index of the largest non-negative `share - rounded` (the first on ties), or -1 when every share is rounded up. */
function indexOfLargestRemainder(
    shares: ArrayLike<number>,
    count: number,
    rounded: { readonly [index: number]: number }
): number {
    let bestIndex = -1;
    let bestRemainder = 0;
    for (let index = 0; index < count; index++) {
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
