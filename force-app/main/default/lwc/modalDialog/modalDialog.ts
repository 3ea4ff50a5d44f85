import { LightningElement, api } from 'lwc';

/** What can take focus inside the dialog's content (base components forward focus() to their input). */
const FOCUSABLE = [
    'lightning-button',
    'lightning-button-icon',
    'lightning-input',
    'lightning-textarea',
    'lightning-combobox',
    'lightning-radio-group',
    'lightning-input-field',
    'button',
    'a[href]',
    'input',
    'select',
    'textarea',
    '[tabindex]:not([tabindex="-1"])'
].join(',');

/** Where Enter keeps its own meaning (new line, press the button, follow the link, pick an option). */
const ENTER_IS_OWN = new Set(['TEXTAREA', 'BUTTON', 'A', 'SELECT']);

type Focusable = HTMLElement & { disabled?: boolean };

/** The element that has focus, looking through shadow roots (synthetic or native). */
function deepActiveElement(): HTMLElement | null {
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    return active;
}

/**
 * An SLDS modal dialog: a heading, the default slot as its body and an optional `footer` slot. As the SLDS modal
 * asks: focus moves into it on opening (the first field, else the first footer button) and stays in it (Tab and
 * Shift+Tab wrap), Escape from anywhere in it fires `close`, Enter outside a text area or button fires `submit`, and
 * when it goes away focus returns to what opened it. The owner decides what closing and submitting mean.
 */
export default class ModalDialog extends LightningElement {
    @api heading = '';

    private opener: HTMLElement | null = null;
    private hasFocused = false;

    override connectedCallback(): void {
        this.opener = deepActiveElement();
        // On the host, so keys from slotted content (the form fields) reach it too.
        this.addEventListener('keydown', this.handleKeydown);
        // Escape closes the dialog wherever focus is, as on the platform.
        window.addEventListener('keydown', this.handleWindowKeydown);
    }

    override disconnectedCallback(): void {
        this.removeEventListener('keydown', this.handleKeydown);
        window.removeEventListener('keydown', this.handleWindowKeydown);
        const opener = this.opener;
        this.opener = null;
        // After the owner re-renders, give focus back to the opener if it is still on the page.
        if (opener) {
            Promise.resolve().then(() => {
                if (opener.isConnected) opener.focus();
            });
        }
    }

    override renderedCallback(): void {
        if (this.hasFocused) return;
        this.hasFocused = true;
        (this.contentFocusables()[0] ?? this.footerFocusables()[0] ?? this.closeButton())?.focus();
    }

    private closeButton(): HTMLElement | null {
        return this.template?.querySelector<HTMLElement>('[data-id="close"]') ?? null;
    }

    private focusablesIn(slotName: string | null): Focusable[] {
        const slot = this.template?.querySelector<HTMLSlotElement>(
            slotName ? `slot[name="${slotName}"]` : 'slot:not([name])'
        );
        const found: Focusable[] = [];
        for (const element of slot?.assignedElements() ?? []) {
            if (element.matches(FOCUSABLE)) found.push(element as Focusable);
            found.push(...Array.from(element.querySelectorAll<Focusable>(FOCUSABLE)));
        }
        return found.filter((element) => !element.disabled && !element.hasAttribute('disabled'));
    }

    private contentFocusables(): Focusable[] {
        return this.focusablesIn(null);
    }

    private footerFocusables(): Focusable[] {
        return this.focusablesIn('footer');
    }

    /** Shift+Tab from the first stop lands on the start sentinel: go to the last stop. */
    handleStartSentinelFocus(): void {
        const stops = [...this.contentFocusables(), ...this.footerFocusables()];
        (stops[stops.length - 1] ?? this.closeButton())?.focus();
    }

    /** Tab from the last stop lands on the end sentinel: go back to the first (the close button). */
    handleEndSentinelFocus(): void {
        this.closeButton()?.focus();
    }

    private readonly handleKeydown = (event: KeyboardEvent): void => {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.close();
        } else if (event.key === 'Enter' && !event.shiftKey) {
            const origin = event.composedPath()[0] as HTMLElement | undefined;
            const role = origin?.getAttribute?.('role');
            if (!origin || ENTER_IS_OWN.has(origin.tagName) || role === 'combobox' || role === 'option') return;
            event.preventDefault();
            this.dispatchEvent(new CustomEvent('submit'));
        }
    };

    private readonly handleWindowKeydown = (event: KeyboardEvent): void => {
        if (event.key === 'Escape' && !event.defaultPrevented) this.close();
    };

    handleClose(): void {
        this.close();
    }

    private close(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }
}
