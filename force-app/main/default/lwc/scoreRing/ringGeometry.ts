// Pure helpers for the score ring: geometry and labels, kept out of the component so they are unit-tested without a DOM.

export type HealthBand = 'healthy' | 'watch' | 'at_risk';

export const RING_RADIUS = 42;
export const RING_CIRCUMFERENCE = 2 * Math.PI * RING_RADIUS;

const BAND_LABELS: Record<HealthBand, string> = {
    healthy: 'Healthy',
    watch: 'Watch',
    at_risk: 'At risk'
};

/** Returns the score when it is a finite number within 0–100, otherwise null (the caller shows "no score"). */
export function parseScore(value: unknown): number | null {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
        return null;
    }
    return Math.round(value);
}

export function parseBand(value: unknown): HealthBand | null {
    return typeof value === 'string' && Object.hasOwn(BAND_LABELS, value) ? (value as HealthBand) : null;
}

export function bandLabel(band: HealthBand): string {
    return BAND_LABELS[band];
}

/** stroke-dasharray for an arc covering `score` percent of the ring. */
export function arcDashArray(score: number): string {
    const filled = (RING_CIRCUMFERENCE * score) / 100;
    return `${filled.toFixed(2)} ${(RING_CIRCUMFERENCE - filled).toFixed(2)}`;
}

/** The sentence a screen reader hears for the ring. */
export function ringAssistiveText(score: number, band: HealthBand | null): string {
    const base = `Deal health ${score} out of 100`;
    return band ? `${base}, ${bandLabel(band)}` : base;
}
