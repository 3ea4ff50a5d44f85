// The win-probability model: fitted on the org's own closed deals, evaluated on the latest closes it did not see,
// and used only when it beats the baseline there. Stateless: Salesforce stores the model and sends it back.
import type {
    CalibrationEvaluation,
    CalibrationExample,
    CalibrationFeatures,
    CalibrationFitRequest,
    CalibrationFitResponse,
    WinProbabilityModel
} from '../contract/calibration';
import { fitLogistic, predictLogistic } from './logistic';
import { brierScore, reliabilityTable, rocAuc, round } from './metrics';

export const CALIBRATION_MODEL_VERSION = 'win-probability-2026.11.1';

/**
 * Below this history the product shows no probability. With about ten coefficients, 60 deals of each outcome keep
 * the penalised fit stable, and a quarter of them held out still leaves 15 of each to judge calibration on.
 * (Einstein asks 200 won and 200 lost; Gong 50 won and 150 lost.)
 */
export const MINIMUM_HISTORY = { won: 60, lost: 60 } as const;
/** The latest share of closes, by close date, kept out of training to evaluate the model. */
export const HOLDOUT_SHARE = 0.25;
/** A segment gets its own coefficient only with this many training examples. */
export const MIN_SEGMENT_EXAMPLES = 20;
const L2_PENALTY = 1;

const LOG_YEAR = Math.log(366);

/** The model's inputs, scaled to comparable ranges so one penalty suits them all. */
function featureRow(features: CalibrationFeatures, segments: readonly string[]): number[] {
    const row = [
        features.score === null ? 0 : features.score / 100 - 0.5,
        features.score === null ? 1 : 0,
        features.stageProgress,
        Math.log1p(features.stageAgeDays) / LOG_YEAR,
        features.amount === null ? 0 : Math.log10(1 + features.amount) / 7,
        features.amount === null ? 1 : 0
    ];
    for (const segment of segments) row.push(features.segment === segment ? 1 : 0);
    return row;
}

export function featureNames(segments: readonly string[]): string[] {
    return [
        'score (centred, /100)',
        'score missing',
        'stage progress',
        'log stage age',
        'log amount',
        'amount missing',
        ...segments.map((segment) => `segment = ${segment}`)
    ];
}

function segmentsOf(examples: readonly CalibrationExample[]): string[] {
    const counts = new Map<string, number>();
    for (const example of examples) {
        const segment = example.features.segment;
        if (segment !== null) counts.set(segment, (counts.get(segment) ?? 0) + 1);
    }
    return [...counts]
        .filter(([, count]) => count >= MIN_SEGMENT_EXAMPLES)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 50)
        .map(([segment]) => segment);
}

function fitModel(examples: readonly CalibrationExample[]): WinProbabilityModel {
    const segments = segmentsOf(examples);
    const fit = fitLogistic(
        examples.map((example) => featureRow(example.features, segments)),
        examples.map((example) => example.won),
        L2_PENALTY
    );
    return {
        method: 'logistic_l2',
        modelVersion: CALIBRATION_MODEL_VERSION,
        fittedThrough: examples.reduce(
            (latest, e) => (e.closedOn > latest ? e.closedOn : latest),
            examples[0]!.closedOn
        ),
        segments,
        featureNames: featureNames(segments),
        intercept: fit.intercept,
        coefficients: fit.coefficients
    };
}

/** The calibrated win probability of one open deal. Throws when the model and its feature list disagree. */
export function predictWinProbability(model: WinProbabilityModel, features: CalibrationFeatures): number {
    const row = featureRow(features, model.segments);
    if (row.length !== model.coefficients.length) {
        throw new Error(
            `win-probability model has ${model.coefficients.length} coefficients for ${row.length} features`
        );
    }
    return predictLogistic(model, row);
}

function history(examples: readonly CalibrationExample[]): { won: number; lost: number } {
    const won = examples.filter((example) => example.won).length;
    return { won, lost: examples.length - won };
}

/** Splits by close date: the latest `HOLDOUT_SHARE` of closes (whole days, never split) are the holdout. */
export function timeSplit(examples: readonly CalibrationExample[]): {
    training: CalibrationExample[];
    holdout: CalibrationExample[];
    holdoutFrom: string;
} {
    const sorted = [...examples].sort((a, b) => a.closedOn.localeCompare(b.closedOn));
    let cut = Math.floor(sorted.length * (1 - HOLDOUT_SHARE));
    const holdoutFrom = sorted[cut]!.closedOn;
    while (cut > 0 && sorted[cut - 1]!.closedOn === holdoutFrom) cut--;
    return { training: sorted.slice(0, cut), holdout: sorted.slice(cut), holdoutFrom };
}

function baselineFor(training: readonly CalibrationExample[], holdout: readonly CalibrationExample[]) {
    if (holdout.every((example) => example.stageProbability !== null)) {
        return {
            kind: 'stage_probability' as const,
            description: "The stage's default probability (Opportunity.Probability) at the same snapshot.",
            probabilities: holdout.map((example) => example.stageProbability!)
        };
    }
    const rate = history(training).won / training.length;
    return {
        kind: 'base_rate' as const,
        description: `The training win rate (${Math.round(rate * 100)} %) for every deal: the data has no stage probability.`,
        probabilities: holdout.map(() => rate)
    };
}

/** Fits on the older closes, judges on the newest, then refits on everything for use. */
export function fitWinProbability(request: CalibrationFitRequest): CalibrationFitResponse {
    const counts = history(request.examples);
    const minimumHistory = { ...MINIMUM_HISTORY };
    if (counts.won < MINIMUM_HISTORY.won || counts.lost < MINIMUM_HISTORY.lost) {
        return {
            status: 'insufficient_history',
            history: counts,
            minimumHistory,
            reason: `A win probability needs at least ${MINIMUM_HISTORY.won} won and ${MINIMUM_HISTORY.lost} lost deals with a stored score; this org has ${counts.won} won and ${counts.lost} lost. Until then the deal-health score is shown alone, and it is not a probability.`
        };
    }
    const { training, holdout, holdoutFrom } = timeSplit(request.examples);
    const trainingCounts = history(training);
    const holdoutCounts = history(holdout);
    if (trainingCounts.won === 0 || trainingCounts.lost === 0 || holdoutCounts.won === 0 || holdoutCounts.lost === 0) {
        return {
            status: 'insufficient_history',
            history: counts,
            minimumHistory,
            reason: `Both outcomes must appear before and after ${holdoutFrom} to test the model on deals it has not seen; they do not.`
        };
    }
    const trial = fitModel(training);
    const predicted = holdout.map((example) => predictWinProbability(trial, example.features));
    const outcomes = holdout.map((example) => example.won);
    const baseline = baselineFor(training, holdout);
    const evaluation: CalibrationEvaluation = {
        trainingExamples: training.length,
        holdoutExamples: holdout.length,
        holdoutFrom,
        calibrated: {
            brier: round(brierScore(predicted, outcomes), 4),
            rocAuc: roundOrNull(rocAuc(predicted, outcomes))
        },
        baseline: {
            kind: baseline.kind,
            description: baseline.description,
            brier: round(brierScore(baseline.probabilities, outcomes), 4),
            rocAuc: roundOrNull(rocAuc(baseline.probabilities, outcomes))
        },
        reliability: reliabilityTable(predicted, outcomes)
    };
    if (evaluation.calibrated.brier > evaluation.baseline.brier) {
        return {
            status: 'not_better_than_baseline',
            evaluation,
            history: counts,
            minimumHistory,
            reason: `On the ${holdout.length} deals closed since ${holdoutFrom}, the model's Brier score (${evaluation.calibrated.brier}) is worse than the baseline's (${evaluation.baseline.brier}), so no probability is shown.`
        };
    }
    return { status: 'calibrated', model: fitModel(request.examples), evaluation, history: counts, minimumHistory };
}

function roundOrNull(value: number | null): number | null {
    return value === null ? null : round(value, 4);
}
