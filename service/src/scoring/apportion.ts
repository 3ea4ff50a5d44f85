/**
 * Integer apportionment by largest remainder: each share becomes floor or ceil of its real value, and the integers
 * add up to `total`. `total` must lie between the sum of the floors and the sum of the ceilings (it does when it is the
 * rounded or floored/ceiled sum of the shares). Ties go to the earlier share, so the result is deterministic.
 */
export function apportion(shares: readonly number[], total: number): number[] {
    const floors = shares.map((share) => Math.floor(share) + 0); // `+ 0` turns -0 into 0;
    let remaining = total - floors.reduce((sum, value) => sum + value, 0);
    if (remaining === 0) {
        return floors;
    }
    const order = shares
        .map((share, index) => ({ index, fraction: share - (floors[index] ?? 0) }))
        .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
    for (const { index } of order) {
        if (remaining <= 0) {
            break;
        }
        floors[index] = (floors[index] ?? 0) + 1;
        remaining -= 1;
    }
    if (remaining !== 0) {
        throw new Error(`apportion: total ${total} is out of reach of the shares`);
    }
    return floors;
}

/** Removes floating-point noise (e.g. 59.999999999) before rounding so equal inputs round the same way. */
export function stabilize(value: number): number {
    return Math.round(value * 1e6) / 1e6 + 0;
}
