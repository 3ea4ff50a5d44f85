import {
    type Band,
    type BandThresholds,
    contractVersion,
    type Deal,
    DIMENSION_KEYS,
    type DealScore,
    type DimensionResult,
    type OrgContext,
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
import { findOpenGates } from './gates';
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
export function scoreDeal(
    deal: Deal,
    asOfDay: number,
    config: EngineConfig,
    orgContext: OrgContext | undefined = undefined
): DealScore {
    const facts = deriveFacts(deal, asOfDay, config, orgContext);
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
            signals: roundSignals(signalsByDimension[dimension], dimensionScores[index]!, config.weights[dimension])
        });
    }

    const openGates = findOpenGates(facts);
    const risks = assessRisks(facts, openGates);
    const band = bandFor(score, config.bands, hasHighSeverityRisk(risks));
    if (band !== bandFor(score, config.bands)) {
        // Say where the band is shown which risks hold it below what the score earns.
        for (const risk of risks) if (risk.severity === 'high') risk.capsBand = true;
    }
    const exitCriteria = evaluateExitCriteria(facts, openGates, risks);
    return {
        dealId: deal.id,
        score,
        band,
        dimensions,
        risks,
        exitCriteria,
        nudges: buildNudges(facts, exitCriteria, openGates),
        modelVersion: MODEL_VERSION
    };
}

/**
 * Splits a dimension score into integer signal impacts, and its weight into the points each rule could earn. Every
 * signal is kept, also one that rounds to 0, so every point a dimension lost is on a line: a deduction lost what it
 * took, a credit rule lost `pointsAvailable - impact`. The credit rules' lost points are apportioned from their real
 * shortfalls, so the `pointsAvailable` of the dimension add up to its weight exactly and never fall below the impact.
 */
function roundSignals(rawSignals: readonly RawSignal[], dimensionScore: number, weight: number): Signal[] {
    const shares: number[] = [];
    for (const signal of rawSignals) shares.push(stabilize(signal.points));
    const impacts = apportion(shares, dimensionScore);
    let creditImpacts = 0;
    const shortfalls: number[] = [];
    for (let index = 0; index < rawSignals.length; index++) {
        const signal = rawSignals[index]!;
        const isCredit = signal.available > 0;
        if (isCredit) creditImpacts += impacts[index]!;
        shortfalls.push(isCredit ? Math.max(0, stabilize(signal.available - signal.points)) : 0);
    }
    const lost = distribute(shortfalls, weight - creditImpacts);
    const signals: Signal[] = [];
    for (let index = 0; index < rawSignals.length; index++) {
        const signal = rawSignals[index]!;
        const impact = impacts[index]!;
        signals.push({
            key: signal.key,
            label: signal.label,
            impact,
            pointsAvailable: signal.available > 0 ? impact + lost[index]! : 0,
            evidence: signal.evidence
        });
    }
    return signals;
}

/**
 * Non-negative integers close to `shares` (each ≥ 0) that add up to `total` (≥ 0): floors first, then the points
 * left go to the largest remainders, or are taken back from the largest integers when the floors already exceed the
 * total. Deterministic: ties go to the earlier share.
 */
function distribute(shares: readonly number[], total: number): number[] {
    const result: number[] = [];
    let remaining = total;
    for (const share of shares) {
        const floor = Math.floor(share);
        result.push(floor);
        remaining -= floor;
    }
    while (remaining !== 0) {
        const giving = remaining > 0;
        let best = -1;
        let bestGap = -Infinity;
        for (let index = 0; index < shares.length; index++) {
            // Give to the share furthest below its real value; take from the one furthest above (never below 0).
            if (giving ? shares[index]! <= 0 : result[index]! <= 0) continue;
            const gap = giving ? shares[index]! - result[index]! : result[index]! - shares[index]!;
            if (gap > bestGap) {
                best = index;
                bestGap = gap;
            }
        }
        if (best === -1) throw new Error(`distribute: total ${total} is out of reach of the shares`);
        result[best]! += giving ? 1 : -1;
        remaining += giving ? -1 : 1;
    }
    return result;
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
        results: request.deals.map((deal) => scoreDeal(deal, asOfDay, config, request.orgContext))
    };
}
