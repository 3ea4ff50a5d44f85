import { LightningElement, api } from 'lwc';

/**
 * The inline "why?" form of the rep components (dismiss a nudge, skip a step): the parent's inputs in the slot, the
 * parent's validation error as an alert, and the two buttons. It only reports `confirm` and `cancel`; the parent
 * validates the reason, shows its error here, and handles Escape on the form (the buttons' keydown reaches it).
 */
export default class ReasonForm extends LightningElement {
    @api confirmLabel = 'Confirm';
    /** The parent's validation message, shown as an alert under the inputs; none when empty. */
    @api error: string | null | undefined;
    /** Disables confirm while the parent saves. */
    @api busy = false;

    handleConfirm(): void {
        this.dispatchEvent(new CustomEvent('confirm'));
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }
}
