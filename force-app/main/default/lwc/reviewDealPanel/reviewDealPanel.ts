import { LightningElement, api } from 'lwc';
import type { BoardDisplayRow } from 'c/reviewLogic';

/**
 * The board's side panel (SLDS docked panel): everything the manager needs to decide on the selected deal without
 * leaving the board. Fires `decide` ({ opportunityId }).
 */
export default class ReviewDealPanel extends LightningElement {
    @api deal: BoardDisplayRow | undefined;

    get hasDeal(): boolean {
        return Boolean(this.deal);
    }

    get hasDecisionDetail(): boolean {
        return Boolean(this.deal?.decision.detail);
    }

    /** Moves focus to Decide (after the dialog closes on a cancel, the opener gets it back instead). */
    @api
    focusDecide(): void {
        this.template?.querySelector<HTMLElement>('[data-id="panel-decide"]')?.focus();
    }

    handleDecide(): void {
        if (!this.deal) return;
        this.dispatchEvent(new CustomEvent('decide', { detail: { opportunityId: this.deal.opportunityId } }));
    }
}
