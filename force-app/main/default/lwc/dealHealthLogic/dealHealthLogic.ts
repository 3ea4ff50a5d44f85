// Plain logic of the deal-health panel: reading the stored scoring result, choosing what to show and in which
// order, and drawing the trend. No DOM, so it is unit-tested on its own; the component stays thin.
import type { DealHealthService } from '@generated/apex';
import type { DimensionResult, Risk, Signal } from '@contract';

/** DealHealthService.TrendPoint and DealHealthView, generated from the Apex classes (types/generated/apex.d.ts). */
export type TrendPoint = DealHealthService.TrendPoint;
/** The JSON strings hold ScoringContract lists. */
export type DealHealthView = DealHealthService.DealHealthView;

export interface SignalRow {
    key: string;
    label: string;
    evidence: string;
    impact: number;
    impactText: string;
    dimensionLabel: string;
}

/** Baseline signals are the starting credit of a dimension, not a reason the score moved. */
const isBaseline = (signal: Signal): boolean => signal.key.endsWith('.baseline');

function toRow(signal: Signal, dimension: DimensionResult): SignalRow {
    return {
        key: signal.key,
        label: signal.label,
        evidence: signal.evidence,
        impact: signal.impact,
        impactText: `${signal.impact > 0 ? '+' : '−'}${Math.abs(signal.impact)}`,
        dimensionLabel: dimension.label
    };
}

/** The signals that lower the score most and raise it most, each ordered by size of effect. */
export function topSignals(dimensions: DimensionResult[], count = 3): { lowering: SignalRow[]; raising: SignalRow[] } {
    const rows = dimensions.flatMap((dimension) =>
        dimension.signals.filter((signal) => !isBaseline(signal) && signal.impact !== 0).map((s) => toRow(s, dimension))
    );
    const lowering = rows
        .filter((row) => row.impact < 0)
        .sort((a, b) => a.impact - b.impact || a.key.localeCompare(b.key));
    const raising = rows
        .filter((row) => row.impact > 0)
        .sort((a, b) => b.impact - a.impact || a.key.localeCompare(b.key));
    return { lowering: lowering.slice(0, count), raising: raising.slice(0, count) };
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
