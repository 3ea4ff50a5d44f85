import {
    type Band,
    type BandThresholds,
    contractVersion,
    type Deal,
    DIMENSION_KEYS,
    type DealScore,
    type DimensionResult,
    type ScoreRequest,
    type ScoreResponse,
    type Signal
} from '../contract';
import { apportion, stabilize } from './apportion';
import { DIMENSION_LABELS, type EngineConfig, MODEL_VERSION, resolveEngineConfig } from './config';
import { toDayNumber } from './dates';
import { collectSignals, type RawSignal } from './dimensions';
import { evaluateExitCriteria } from './exit-criteria';
import { deriveFacts } from './facts';
import { buildNudges } from './nudges';
import { assessRisks } from './risks';

/** Band from the score thresholds; a high-severity risk caps the band at `watch` (a red flag outweighs a good average). */
const DIMENSION_INDEX = Object.fromEntries(DIMENSION_KEYS.map((dimension, index) => [dimension, index])) as Record<
    (typeof DIMENSION_KEYS)[number],
    number
>;

export function bandFor(score: number, bands: BandThresholds, hasHighSeverityRisk = false): Band {
    if (score >= bands.healthyMin) return hasHighSeverityRisk ? 'watch' : 'healthy';
    if (score >= bands.watchMin) return 'watch';
    return 'at_risk';
}

/**
 * Scores one deal. Pure: the result depends only on the deal, the evaluation day and the config.
 *
 * Every rule yields a real-valued signal; the score is their rounded sum. Integer impacts come from two rounds of
 * largest-remainder apportionment (score → dimensions, each dimension → its signals), so impacts add up to their
 * dimension and dimensions add up to the score, exactly, while each stays within one point of its real value.
 */
export function scoreDeal(deal: Deal, asOfDay: number, config: EngineConfig): DealScore {
    const facts = deriveFacts(deal, asOfDay, config);
    const rawSignals = collectSignals(facts);

    // One pass to group signals by dimension (they arrive in dimension order, but grouping does not rely on it).
    const grouped: RawSignal[][] = DIMENSION_KEYS.map(() => []);
    for (const signal of rawSignals) {
        grouped[DIMENSION_INDEX[signal.dimension]]!.push(signal);
    }
    const dimensionPoints = grouped.map((signals) => {
        let sum = 0;
        for (const signal of signals) sum += signal.points;
        return stabilize(sum);
    });
    let realScore = 0;
    for (const points of dimensionPoints) realScore += points;
    const score = Math.min(100, Math.max(0, Math.round(stabilize(realScore))));
    const dimensionScores = apportion(dimensionPoints, score);

    const dimensions: DimensionResult[] = DIMENSION_KEYS.map((dimension, index) => {
        const ownSignals = grouped[index]!;
        const dimensionScore = dimensionScores[index] ?? 0;
        const impacts = apportion(
            ownSignals.map((signal) => stabilize(signal.points)),
            dimensionScore
        );
        const signals: Signal[] = [];
        for (let signalIndex = 0; signalIndex < ownSignals.length; signalIndex++) {
            const signal = ownSignals[signalIndex]!;
            const impact = impacts[signalIndex] ?? 0;
            // Signals that round to nothing did not move the score; risks and nudges still report the facts.
            if (impact !== 0) {
                signals.push({ key: signal.key, label: signal.label, impact, evidence: signal.evidence });
            }
        }
        return {
            key: dimension,
            label: DIMENSION_LABELS[dimension],
            score: dimensionScore,
            weight: config.weights[dimension],
            signals
        };
    });

    const exitCriteria = evaluateExitCriteria(facts);
    const risks = assessRisks(facts);
    return {
        dealId: deal.id,
        score,
        band: bandFor(
            score,
            config.bands,
            risks.some((risk) => risk.severity === 'high')
        ),
        dimensions,
        risks,
        exitCriteria,
        nudges: buildNudges(facts, exitCriteria),
        modelVersion: MODEL_VERSION
    };
}

/** Scores a validated request. Same request in, same response out: nothing here reads the clock or any I/O. */
export function scoreDeals(request: ScoreRequest): ScoreResponse {
    const config = resolveEngineConfig(request.config);
    const asOfDay = toDayNumber(request.asOf);
    return {
        contractVersion,
        modelVersion: MODEL_VERSION,
        asOf: request.asOf,
        results: request.deals.map((deal) => scoreDeal(deal, asOfDay, config))
    };
}
