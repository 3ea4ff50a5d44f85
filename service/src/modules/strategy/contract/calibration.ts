import { z } from 'zod';
import { IsoDate } from '../../../contract/common';

/**
 * What is known about a deal at the moment of one stored scoring, before its outcome: the features of the
 * win-probability model. Salesforce sends them from its closed deals' snapshots; nothing here is recorded at close.
 */
export const CalibrationFeatures = z.strictObject({
    /** The deal-health score of that snapshot; null when the org's data has none (then the model leans on the rest). */
    score: z.number().min(0).max(100).nullable(),
    /** Position of the deal's stage among the open stages, 0 (first) to 1 (last). */
    stageProgress: z.number().min(0).max(1),
    /** Days the deal had been in that stage. */
    stageAgeDays: z.int().min(0).max(3650),
    /** The playbook or segment the deal ran under; null when none matched. */
    segment: z.string().min(1).max(80).nullable(),
    /** Deal amount in the org's currency; null when not entered. */
    amount: z.number().min(0).max(1e12).nullable()
});
export type CalibrationFeatures = z.infer<typeof CalibrationFeatures>;

/** One closed deal, seen at one snapshot, with how it ended. */
export const CalibrationExample = z.strictObject({
    /** When the outcome became known: the time-based holdout keeps the latest closes for evaluation. */
    closedOn: IsoDate,
    won: z.boolean(),
    features: CalibrationFeatures,
    /** The stage's default probability at that snapshot (Opportunity.Probability / 100): the baseline. */
    stageProbability: z.number().min(0).max(1).nullable()
});
export type CalibrationExample = z.infer<typeof CalibrationExample>;

export const MAX_CALIBRATION_EXAMPLES = 20_000;

export const CalibrationFitRequest = z.strictObject({
    examples: z.array(CalibrationExample).min(1).max(MAX_CALIBRATION_EXAMPLES)
});
export type CalibrationFitRequest = z.infer<typeof CalibrationFitRequest>;

/** A fitted model: stored by Salesforce and sent back to score open deals. The service keeps nothing. */
export const WinProbabilityModel = z.strictObject({
    method: z.literal('logistic_l2'),
    modelVersion: z.string().min(1).max(80),
    /** The latest close date in the training data. */
    fittedThrough: IsoDate,
    /** The segments with a coefficient of their own (the rest share the intercept). */
    segments: z.array(z.string().min(1).max(80)).max(50),
    featureNames: z.array(z.string().min(1).max(120)).min(1).max(64),
    intercept: z.number().finite(),
    coefficients: z.array(z.number().finite()).min(1).max(64)
});
export type WinProbabilityModel = z.infer<typeof WinProbabilityModel>;

export const ReliabilityBin = z.strictObject({
    /** The bin's range of predicted probabilities (not `from`/`to`: `from` is an Apex reserved word). */
    binFrom: z.number(),
    binTo: z.number(),
    count: z.int().min(0),
    meanPredicted: z.number().nullable(),
    observedWinRate: z.number().nullable()
});
export type ReliabilityBin = z.infer<typeof ReliabilityBin>;

export const ForecastQuality = z.strictObject({
    /** Mean squared error of the probabilities against the outcomes (lower is better; 0.25 is a coin flip). */
    brier: z.number(),
    /** Chance that a won deal is ranked above a lost one (0.5 is no better than chance). */
    rocAuc: z.number().nullable()
});

export const CalibrationEvaluation = z.strictObject({
    trainingExamples: z.int().min(0),
    holdoutExamples: z.int().min(0),
    /** The holdout is every example that closed on or after this date. */
    holdoutFrom: IsoDate,
    calibrated: ForecastQuality,
    baseline: ForecastQuality.extend({
        kind: z.enum(['stage_probability', 'base_rate']),
        description: z.string()
    }),
    reliability: z.array(ReliabilityBin)
});
export type CalibrationEvaluation = z.infer<typeof CalibrationEvaluation>;

export const OutcomeCounts = z.strictObject({ won: z.int().min(0), lost: z.int().min(0) });

export const CalibrationFitResponse = z.discriminatedUnion('status', [
    z.strictObject({
        status: z.literal('calibrated'),
        model: WinProbabilityModel,
        evaluation: CalibrationEvaluation,
        history: OutcomeCounts,
        minimumHistory: OutcomeCounts
    }),
    z.strictObject({
        /** Fitted and evaluated, but no better than the baseline on the holdout: show no probability. */
        status: z.literal('not_better_than_baseline'),
        evaluation: CalibrationEvaluation,
        history: OutcomeCounts,
        minimumHistory: OutcomeCounts,
        reason: z.string()
    }),
    z.strictObject({
        status: z.literal('insufficient_history'),
        history: OutcomeCounts,
        minimumHistory: OutcomeCounts,
        reason: z.string()
    })
]);
export type CalibrationFitResponse = z.infer<typeof CalibrationFitResponse>;
