import type { DevelopmentDeal, DevelopmentRequest } from '../../src/modules/development/contract/development';

export const DEVELOPMENT_AS_OF = '2026-11-15';

/** Ids shaped like Salesforce's: a prefix and a zero-padded counter. */
export const repId = (index: number) => `005${String(index).padStart(12, '0')}`;
export const dealId = (rep: number, index: number) => `006${String(rep * 1000 + index).padStart(12, '0')}`;

/** An unremarkable open deal: multi-threaded, buyer known, on time, steps done. */
export function openDeal(rep: number, index: number, overrides: Partial<DevelopmentDeal> = {}): DevelopmentDeal {
    return {
        dealId: dealId(rep, index),
        ownerId: repId(rep),
        stage: 'Proposal',
        stageProgress: 0.6,
        isClosed: false,
        isWon: false,
        createdDate: '2026-09-01',
        closeDate: '2026-12-20',
        amount: 10_000 + index,
        daysInStage: 10,
        stageBenchmarkDays: 30,
        daysSinceActivity: 3,
        engagedContacts: 3,
        economicBuyer: 'identified',
        closeDatePushes: 0,
        requiredStepsDue: 4,
        requiredStepsDone: 4,
        requiredStepsSkipped: 0,
        nudgesActed: 1,
        nudgesDismissed: 0,
        dismissReasons: [],
        callsAnalyzed: 0,
        callsWithDatedNextStep: 0,
        callStepsCovered: 0,
        callStepsMissed: 0,
        ...overrides
    };
}

export function closedDeal(rep: number, index: number, won: boolean, cycle: number): DevelopmentDeal {
    const close = new Date(Date.parse(DEVELOPMENT_AS_OF) - 10 * 86_400_000);
    const created = new Date(close.getTime() - cycle * 86_400_000);
    return openDeal(rep, index, {
        stage: won ? 'Closed Won' : 'Closed Lost',
        stageProgress: 1,
        isClosed: true,
        isWon: won,
        createdDate: created.toISOString().slice(0, 10),
        closeDate: close.toISOString().slice(0, 10)
    });
}

/**
 * A team of `reps` reps with `perRep` open deals each, of which `singleThreaded(rep)` are single-threaded (the
 * lowest-indexed ones), and `closedPerRep` closed deals won at `wins(rep)`.
 */
export function teamRequest(options: {
    reps: number;
    perRep: number;
    singleThreaded: (rep: number) => number;
    closedPerRep?: number;
    wins?: (rep: number) => number;
    cycle?: (rep: number) => number;
}): DevelopmentRequest & { deals: DevelopmentDeal[] } {
    const deals: DevelopmentDeal[] = [];
    for (let rep = 1; rep <= options.reps; rep += 1) {
        for (let index = 0; index < options.perRep; index += 1) {
            deals.push(openDeal(rep, index, index < options.singleThreaded(rep) ? { engagedContacts: 1 } : {}));
        }
        const closed = options.closedPerRep ?? 0;
        for (let index = 0; index < closed; index += 1) {
            deals.push(closedDeal(rep, 500 + index, index < (options.wins?.(rep) ?? 0), options.cycle?.(rep) ?? 40));
        }
    }
    return {
        asOf: DEVELOPMENT_AS_OF,
        windowDays: 90,
        reps: Array.from({ length: options.reps }, (_, index) => ({
            repId: repId(index + 1),
            name: `Rep ${index + 1}`
        })),
        deals
    };
}
