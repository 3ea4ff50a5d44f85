import { z } from 'zod';

const Count = z.int().min(0).max(10_000_000);
const Share = z.number().min(0).max(1);

/** How a segment's playbook was run and how its deals ended, over one quarter. Aggregates only: no deal data. */
export const SegmentQuarter = z.strictObject({
    /** Required steps whose stage the deal reached, and how many of them were done by the time it left that stage. */
    requiredStepsDue: Count,
    requiredStepsDoneOnTime: Count,
    gatesDue: Count,
    gatesDoneOnTime: Count,
    /** Deals closed in the quarter that ran the play (required steps done by their stage), and how they ended. */
    ranPlayWon: Count,
    ranPlayLost: Count,
    /** Deals closed in the quarter that did not run the play. */
    offPlayWon: Count,
    offPlayLost: Count,
    /** Median days from creation to close of the quarter's won deals; null without any. */
    medianCycleDays: z.number().min(0).nullable(),
    /** Share of the quarter's closed deals whose close date was pushed at least once. */
    slipRate: Share.nullable(),
    /** Mean amount of the quarter's won deals; null without any. */
    meanWonAmount: z.number().min(0).nullable()
});
export type SegmentQuarter = z.infer<typeof SegmentQuarter>;

export const StrategyCheckRequest = z.strictObject({
    /** `YYYY-Qn`: the quarter being checked. */
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/, { error: 'must be a quarter like 2026-Q3' }),
    segments: z
        .array(
            z.strictObject({
                segment: z.string().min(1).max(80),
                label: z.string().min(1).max(120),
                current: SegmentQuarter,
                /** The quarter before, for the adherence trend; null when the segment had no deals then. */
                previous: SegmentQuarter.nullable()
            })
        )
        .min(1)
        .max(100)
});
export type StrategyCheckRequest = z.infer<typeof StrategyCheckRequest>;

export const WinRateInterval = z.strictObject({
    rate: Share.nullable(),
    low: Share.nullable(),
    high: Share.nullable(),
    count: Count
});
export type WinRateInterval = z.infer<typeof WinRateInterval>;

export const Verdict = z.enum(['execution_drift', 'strategy_problem', 'on_track', 'not_enough_data']);
export type Verdict = z.infer<typeof Verdict>;

export const SegmentVerdict = z.strictObject({
    segment: z.string(),
    label: z.string(),
    verdict: Verdict,
    /** One sentence a sales leader reads first. */
    headline: z.string(),
    /** The numbers behind the verdict, each a plain sentence. */
    evidence: z.array(z.string()),
    /** Which loop to restart, or which assumption to revisit. */
    nextMove: z.string(),
    adherence: z.strictObject({ current: Share.nullable(), previous: Share.nullable(), gatesOnTime: Share.nullable() }),
    winRateRanPlay: WinRateInterval,
    winRateOffPlay: WinRateInterval
});
export type SegmentVerdict = z.infer<typeof SegmentVerdict>;

export const StrategyCheckResponse = z.strictObject({
    quarter: z.string(),
    rules: z.strictObject({
        minClosedPerArm: z.int(),
        intervalConfidence: z.number(),
        adherenceFloor: z.number(),
        adherenceDropPoints: z.number()
    }),
    segments: z.array(SegmentVerdict)
});
export type StrategyCheckResponse = z.infer<typeof StrategyCheckResponse>;
