import {
    type Band,
    type BandThresholds,
    contractVersion,
    type Deal,
    DIMENSION_KEYS,
    type DealScore,
    type DimensionResult,
    type Risk,
    type ScoreRequest,
    type ScoreResponse,
    type Signal
} from '../../../contract';
import { apportion, stabilize } from './apportion';
import { DIMENSION_LABELS, type EngineConfig, MODEL_VERSION, resolveEngineConfig } from './config';
import { toDayNumber } from './dates';
import { collectSignals, type RawSignal } from './dimensions';
import { evaluateExitCriteria } from './exit-criteria';
import { deriveFacts } from './facts';
import { buildNudges } from './nudges';
import { assessRisks } from './risks';

/** Band from the score thresholds; a high-severity risk caps the band at `watch` (a red flag outweighs a good average). */
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
    const signalsByDimension = collectSignals(facts);

    const dimensionPoints: number[] = [];
    let realScore = 0;
    for (const dimension of DIMENSION_KEYS) {
        let sum = 0;
        for (const signal of signalsByDimension[dimension]) sum += signal.points;
        const points = stabilize(sum);
        dimensionPoints.push(points);
        realScore += points;
    }
    const score = Math.min(100, Math.max(0, Math.round(stabilize(realScore))));
    const dimensionScores = apportion(dimensionPoints, score);

    const dimensions: DimensionResult[] = [];
    for (let index = 0; index < DIMENSION_KEYS.length; index++) {
        const dimension = DIMENSION_KEYS[index]!;
        dimensions.push({
            key: dimension,
            label: DIMENSION_LABELS[dimension],
            score: dimensionScores[index]!,
            weight: config.weights[dimension],
            signals: roundSignals(signalsByDimension[dimension], dimensionScores[index]!)
        });
    }

    const exitCriteria = evaluateExitCriteria(facts);
    const risks = assessRisks(facts);
    return {
        dealId: deal.id,
        score,
        band: bandFor(score, config.bands, hasHighSeverityRisk(risks)),
        dimensions,
        risks,
        exitCriteria,
        nudges: buildNudges(facts, exitCriteria),
        modelVersion: MODEL_VERSION
    };
}

/** Splits a dimension score into integer signal impacts. */
function roundSignals(rawSignals: readonly RawSignal[], dimensionScore: number): Signal[] {
    const shares: number[] = [];
    for (const signal of rawSignals) shares.push(stabilize(signal.points));
    const impacts = apportion(shares, dimensionScore);
    const signals: Signal[] = [];
    for (let index = 0; index < rawSignals.length; index++) {
        const signal = rawSignals[index]!;
        const impact = impacts[index]!;
        // Signals that round to nothing did not move the score; risks and nudges still report the facts.
        if (impact !== 0) {
            signals.push({ key: signal.key, label: signal.label, impact, evidence: signal.evidence });
        }
    }
    return signals;
}

function hasHighSeverityRisk(risks: readonly Risk[]): boolean {
    for (const risk of risks) {
        if (risk.severity === 'high') return true;
    }
    return false;
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
