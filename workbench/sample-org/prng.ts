// The repository's one seeded PRNG (mulberry32, defined in the service) with the helpers the generator needs.
// Never Math.random, never the clock.
import { mulberry32 } from '../../service/src/shared/prng';

export { mulberry32 };

/** Seeded draws for the generator. */
export interface Random {
    /** Uniform in [0, 1). */
    next(): number;
    /** Integer in [min, max], both inclusive. */
    int(min: number, max: number): number;
    /** Real in [min, max). */
    real(min: number, max: number): number;
    chance(probability: number): boolean;
    pick<T>(items: readonly T[]): T;
    /** Picks by weight; weights need not add up to 1. */
    weighted<T>(items: readonly (readonly [T, number])[]): T;
    /** A new array in seeded random order. */
    shuffle<T>(items: readonly T[]): T[];
}

export function createRandom(seed: number): Random {
    const next = mulberry32(seed);
    const random: Random = {
        next,
        int: (min, max) => min + Math.floor(next() * (max - min + 1)),
        real: (min, max) => min + next() * (max - min),
        chance: (probability) => next() < probability,
        pick: (items) => {
            if (items.length === 0) throw new Error('pick() from an empty list');
            return items[Math.floor(next() * items.length)]!;
        },
        weighted: (items) => {
            let total = 0;
            for (const [, weight] of items) total += weight;
            let roll = next() * total;
            for (const [item, weight] of items) {
                roll -= weight;
                if (roll < 0) return item;
            }
            return items[items.length - 1]![0];
        },
        shuffle: (items) => {
            const copy = [...items];
            for (let index = copy.length - 1; index > 0; index--) {
                const other = Math.floor(next() * (index + 1));
                [copy[index], copy[other]] = [copy[other]!, copy[index]!];
            }
            return copy;
        }
    };
    return random;
}
