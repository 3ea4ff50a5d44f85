import { LightningElement, api } from 'lwc';
import {
    RING_RADIUS,
    arcDashArray,
    bandLabel,
    parseBand,
    parseScore,
    ringAssistiveText,
    type HealthBand
} from './ringGeometry';

const BAND_THEME: Record<HealthBand, string> = {
    healthy: 'slds-theme_success',
    watch: 'slds-theme_warning',
    at_risk: 'slds-theme_error'
};

/**
 * A deal-health score (0–100) drawn as a ring with its band badge.
 * Presentational: the deal-health panel passes in the score and band it received from Apex.
 */
export default class ScoreRing extends LightningElement {
    @api score: unknown;
    @api band: unknown;

    readonly radius = RING_RADIUS;

    get normalizedScore(): number | null {
        return parseScore(this.score);
    }

    get hasScore(): boolean {
        return this.normalizedScore !== null;
    }

    get normalizedBand(): HealthBand | null {
        return parseBand(this.band);
    }

    get dashArray(): string {
        return arcDashArray(this.normalizedScore ?? 0);
    }

    get assistiveText(): string {
        const score = this.normalizedScore;
        return score === null ? 'Deal health not scored' : ringAssistiveText(score, this.normalizedBand);
    }

    get bandText(): string | null {
        const band = this.normalizedBand;
        return band ? bandLabel(band) : null;
    }

    get badgeClass(): string {
        const band = this.normalizedBand;
        return band ? BAND_THEME[band] : '';
    }

    get arcClass(): string {
        return `ring-arc ring-arc_${this.normalizedBand ?? 'none'}`;
    }
}
