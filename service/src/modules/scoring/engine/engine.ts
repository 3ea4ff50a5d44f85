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
import { apportion, apportionInto, stabilize } from './apportion';
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

/** Scratch buffers for roundSignals (a dimension has a handful of signals): no allocation per dimension. */
const MAX_SCRATCH_SIGNALS = 32;
const shareScratch = new Float64Array(MAX_SCRATCH_SIGNALS);
const impactScratch = new Int32Array(MAX_SCRATCH_SIGNALS);
const shortfallScratch = new Float64Array(MAX_SCRATCH_SIGNALS);
const lostScratch = new Int32Array(MAX_SCRATCH_SIGNALS);

/**
 * Splits a dimension score into integer signal impacts, and its weight into the points each rule could earn. Every
 * signal is kept, also one that rounds to 0, so every point a dimension lost is on a line: a deduction lost what it
 * took, a credit rule lost `pointsAvailable - impact`. The credit rules' lost points are apportioned from their real
 * shortfalls, so the `pointsAvailable` of the dimension add up to its weight exactly and never fall below the impact.
 */
function roundSignals(rawSignals: readonly RawSignal[], dimensionScore: number, weight: number): Signal[] {
    const count = rawSignals.length;
    if (count > MAX_SCRATCH_SIGNALS) throw new Error(`roundSignals: more than ${MAX_SCRATCH_SIGNALS} signals`);
    for (let index = 0; index < count; index++) shareScratch[index] = stabilize(rawSignals[index]!.points);
    apportionInto(shareScratch, count, dimensionScore, impactScratch);
    let creditImpacts = 0;
    for (let index = 0; index < count; index++) {
        const signal = rawSignals[index]!;
        const isCredit = signal.available > 0;
        if (isCredit) creditImpacts += impactScratch[index]!;
        shortfallScratch[index] = isCredit ? Math.max(0, stabilize(signal.available - signal.points)) : 0;
    }
    distributeLost(count, weight - creditImpacts);
    const signals: Signal[] = [];
    for (let index = 0; index < count; index++) {
        const signal = rawSignals[index]!;
        const impact = impactScratch[index]!;
        signals.push({
            key: signal.key,
            label: signal.label,
            impact,
            pointsAvailable: signal.available > 0 ? impact + lostScratch[index]! : 0,
            evidence: signal.evidence
        });
    }
    return signals;
}

/**
 * Fills `lostScratch[0..count)` with non-negative integers close to the shortfalls (each ≥ 0) that add up to `total`
 * (≥ 0): floors first, then the points left go to the largest remainders, or are taken back from the integers furthest
 * above their share when the floors already exceed the total. Deterministic: ties go to the earlier signal.
 */
function distributeLost(count: number, total: number): void {
    let remaining = total;
    for (let index = 0; index < count; index++) {
        const floor = Math.floor(shortfallScratch[index]!);
        lostScratch[index] = floor;
        remaining -= floor;
    }
    while (remaining !== 0) {
        const giving = remaining > 0;
        let best = -1;
        let bestGap = -Infinity;
        for (let index = 0; index < count; index++) {
            const share = shortfallScratch[index]!;
            const lost = lostScratch[index]!;
            // Give to the share furthest below its real value; take from the one furthest above (never below 0).
            if (giving ? share <= 0 : lost <= 0) continue;
            const gap = giving ? share - lost : lost - share;
            if (gap > bestGap) {
                best = index;
                bestGap = gap;
            }
        }
        if (best === -1) throw new Error(`distributeLost: total ${total} is out of reach of the shortfalls`);
        lostScratch[best] = lostScratch[best]! + (giving ? 1 : -1);
        remaining += giving ? -1 : 1;
    }
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
