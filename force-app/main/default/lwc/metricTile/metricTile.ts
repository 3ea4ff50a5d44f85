import { LightningElement, api } from 'lwc';

/** One tile of a row of figures, for views that build their tiles as a list and render them with `for:each`. */
export interface MetricTileView {
    key: string;
    label: string;
    value: string;
    detail: string | null;
    /** neutral | success | warning | error. */
    tone: string;
}

const TONES = new Set(['neutral', 'success', 'warning', 'error']);

/** One figure with its label, an optional detail line and a tone that colours the left edge, never the text alone. */
export default class MetricTile extends LightningElement {
    @api label = '';
    @api value: string | number | null | undefined;
    @api detail: string | null | undefined;
    /** neutral | success | warning | error; anything else is shown as neutral. */
    @api tone = 'neutral';

    get tileClass(): string {
        const tone = TONES.has(this.tone) ? this.tone : 'neutral';
        return `metric-tile slds-p-around_small metric-tile_${tone}`;
    }

    get displayValue(): string {
        return this.value === null || this.value === undefined || this.value === '' ? '—' : String(this.value);
    }
}
