import { LightningElement, api } from 'lwc';

/**
 * An SLDS modal dialog: a heading, the default slot as its body and an optional `footer` slot. The close button and
 * the Escape key fire `close`; the owner decides what closing means (discard a draft, cancel an edit).
 */
export default class ModalDialog extends LightningElement {
    @api heading = '';

    override connectedCallback(): void {
        // On the host, so Escape from slotted content (the form fields) closes the dialog too.
        this.addEventListener('keydown', this.handleKeydown);
    }

    override disconnectedCallback(): void {
        this.removeEventListener('keydown', this.handleKeydown);
    }

    private readonly handleKeydown = (event: KeyboardEvent): void => {
        if (event.key === 'Escape') this.close();
    };

    handleClose(): void {
        this.close();
    }

    private close(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }
}
