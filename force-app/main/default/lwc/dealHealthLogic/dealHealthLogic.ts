// Plain logic of the deal-health panel: reading the stored scoring result, choosing what to show and in which
// order, and drawing the trend. No DOM, so it is unit-tested on its own; the component stays thin.
import type { DimensionResult, Risk, Signal } from '@contract';

/** DealHealthService.TrendPoint, as Apex serializes it. */
export interface TrendPoint {
    scoredAt: string;
    score: number | null;
}

/** DealHealthService.DealHealthView, as Apex serializes it. The JSON strings hold ScoringContract lists. */
export interface DealHealthView {
    opportunityId: string;
    hasSnapshot: boolean;
    isStale: boolean;
    staleReason?: string | null;
    score?: number | null;
    band?: string | null;
    scoredAt?: string | null;
    scoringTrigger?: string | null;
    modelVersion?: string | null;
    dimensionsJson?: string | null;
    risksJson?: string | null;
    exitCriteriaJson?: string | null;
    nudgesJson?: string | null;
    trend: TrendPoint[];
}

/** One signal line: every signal is shown, also one at 0, so the lines of a dimension add up to its score. */
export interface SignalLine {
    key: string;
    label: string;
    evidence: string;
    hasEvidence: boolean;
    impact: number;
    /** "7 of 7", "0 of 10" for a rule that earns credit; "−12" for a deduction. */
    pointsText: string;
    pointsClass: string;
}

export interface DimensionBar {
    key: string;
    label: string;
    score: number;
    weight: number;
    /** 0–100: the share of the dimension's points earned. */
    percent: number;
    text: string;
}

export interface DimensionExplanation extends DimensionBar {
    /** Points the dimension lost; its section opens by default when it lost any. */
    lostPoints: number;
    isOpen: boolean;
    lines: SignalLine[];
}

const POINTS_CLASS = {
    full: 'points slds-text-color_success',
    partial: 'points',
    deduction: 'points slds-text-color_error'
} as const;

function toLine(signal: Signal): SignalLine {
    // Results stored before model 2026.11.2 have no pointsAvailable: their lines show the signed impact only.
    const available = (signal as Partial<Signal>).pointsAvailable ?? 0;
    const isCredit = available > 0;
    return {
        key: signal.key,
        label: signal.label,
        evidence: signal.evidence,
        hasEvidence: signal.evidence !== '',
        impact: signal.impact,
        pointsText: isCredit
            ? `${signal.impact} of ${available}`
            : `${signal.impact < 0 ? '−' : signal.impact > 0 ? '+' : ''}${Math.abs(signal.impact)}`,
        pointsClass: isCredit
            ? signal.impact === available
                ? POINTS_CLASS.full
                : POINTS_CLASS.partial
            : signal.impact < 0
              ? POINTS_CLASS.deduction
              : POINTS_CLASS.partial
    };
}

export function dimensionBars(dimensions: DimensionResult[]): DimensionBar[] {
    return dimensions.map((dimension) => ({
        key: dimension.key,
        label: dimension.label,
        score: dimension.score,
        weight: dimension.weight,
        percent: dimension.weight === 0 ? 0 : Math.round((dimension.score / dimension.weight) * 100),
        text: `${dimension.score} of ${dimension.weight}`
    }));
}

/**
 * Every dimension with every one of its signals, in the service's order: the dimension scores add up to the score and
 * each dimension's lines to its score, so every point earned and lost is on screen. Dimensions that lost points open.
 */
export function explainDimensions(dimensions: DimensionResult[]): DimensionExplanation[] {
    const bars = dimensionBars(dimensions);
    return dimensions.map((dimension, index) => {
        const lostPoints = dimension.weight - dimension.score;
        return { ...bars[index]!, lostPoints, isOpen: lostPoints > 0, lines: dimension.signals.map(toLine) };
    });
}

/** Sum of the impacts the explanation shows: equals the score (tested), so nothing is hidden. */
export function displayedTotal(explanations: DimensionExplanation[]): number {
    let total = 0;
    for (const dimension of explanations) for (const line of dimension.lines) total += line.impact;
    return total;
}

const BAND_LABELS: Record<string, string> = { healthy: 'Healthy', watch: 'Watch', at_risk: 'At risk' };

/**
 * Where the band is shown, why it is lower than the score: the high-severity risks the service flagged as capping it.
 * Null when nothing capped the band.
 */
export function bandCapNote(band: string | null | undefined, risks: Risk[]): string | null {
    const capping = risks.filter((risk) => risk.capsBand === true);
    if (capping.length === 0 || !band) return null;
    const bandLabel = BAND_LABELS[band] ?? band;
    const reasons = capping.map((risk) => risk.message).join('; ');
    return `${bandLabel} although the score is in the healthy range: ${capping.length === 1 ? 'a high risk caps' : 'high risks cap'} the band (${reasons}).`;
}

const SEVERITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

export interface RiskRow extends Risk {
    severityLabel: string;
    badgeClass: string;
}

const SEVERITY_BADGE: Record<string, string> = {
    high: 'slds-badge slds-theme_error',
    medium: 'slds-badge slds-theme_warning',
    low: 'slds-badge slds-badge_lightest'
};

/** Risks by severity, high first; ties keep the service's order. */
export function sortRisks(risks: Risk[]): RiskRow[] {
    return risks
        .map((risk, index) => ({ risk, index }))
        .sort(
            (a, b) => (SEVERITY_RANK[a.risk.severity] ?? 3) - (SEVERITY_RANK[b.risk.severity] ?? 3) || a.index - b.index
        )
        .map(({ risk }) => ({
            ...risk,
            severityLabel: risk.severity.charAt(0).toUpperCase() + risk.severity.slice(1),
            badgeClass: SEVERITY_BADGE[risk.severity] ?? 'slds-badge'
        }));
}

export interface Sparkline {
    /** SVG polyline points, or '' with fewer than two scored points. */
    points: string;
    /** The same trend in words, for assistive technology. */
    text: string;
    lastX: number;
    lastY: number;
}

/** Draws the trend of scores (oldest first) in a width × height box; the score axis is fixed at 0–100. */
export function sparkline(trend: TrendPoint[], width = 120, height = 32): Sparkline {
    const scores = trend.map((point) => point.score).filter((score): score is number => typeof score === 'number');
    if (scores.length === 0) {
        return { points: '', text: 'No score history yet.', lastX: 0, lastY: 0 };
    }
    const padding = 2;
    const step = scores.length > 1 ? (width - 2 * padding) / (scores.length - 1) : 0;
    const coordinates = scores.map((score, index) => {
        const x = padding + index * step;
        const y = padding + ((100 - score) / 100) * (height - 2 * padding);
        return [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as const;
    });
    const last = coordinates[coordinates.length - 1]!;
    const first = scores[0]!;
    const latest = scores[scores.length - 1]!;
    const direction = latest > first ? 'up' : latest < first ? 'down' : 'unchanged';
    const text =
        scores.length === 1
            ? `One score so far: ${latest}.`
            : `Score trend over the last ${scores.length} scorings, oldest first: ${scores.join(', ')}. ${
                  direction === 'unchanged'
                      ? 'Unchanged'
                      : `${direction === 'up' ? 'Up' : 'Down'} ${Math.abs(latest - first)} points`
              } since ${first}.`;
    return {
        points: scores.length > 1 ? coordinates.map(([x, y]) => `${x},${y}`).join(' ') : '',
        text,
        lastX: last[0],
        lastY: last[1]
    };
}

/**
 * Whether the deal changed after its last scoring (or was never scored), so the panel should score it again.
 * `recordModifiedAt` is the Opportunity's LastModifiedDate from the record wire.
 */
export function isOutdated(view: DealHealthView, recordModifiedAt: string | null | undefined): boolean {
    if (!view.hasSnapshot || !view.scoredAt) return true;
    if (!recordModifiedAt) return false;
    return Date.parse(recordModifiedAt) > Date.parse(view.scoredAt);
}
