import { createElement } from 'lwc';
import ModalDialog from 'c/modalDialog';
import { flushPromises, resetDom } from '../../../../../test/jest-utils';

function mount(): { element: HTMLElement; closes: jest.Mock; submits: jest.Mock } {
    const element = createElement('c-modal-dialog', { is: ModalDialog }) as HTMLElement & { heading: string };
    element.heading = 'Decision on Acme';
    const closes = jest.fn();
    const submits = jest.fn();
    element.addEventListener('close', closes);
    element.addEventListener('submit', submits);
    document.body.appendChild(element);
    return { element, closes, submits };
}

const closeButton = (element: HTMLElement) => element.shadowRoot!.querySelector('[data-id="close"]') as HTMLElement;

describe('c-modal-dialog', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('is a labelled modal dialog', async () => {
        const { element } = mount();
        const dialog = element.shadowRoot!.querySelector('section')!;
        expect(dialog.getAttribute('role')).toBe('dialog');
        expect(dialog.getAttribute('aria-modal')).toBe('true');
        expect(element.shadowRoot!.querySelector('h2')!.textContent).toBe('Decision on Acme');
        await expect(element).toBeAccessible();
    });

    it('asks to close from its close button, from Escape inside it and from Escape anywhere, not other keys', () => {
        const { element, closes } = mount();
        closeButton(element).click();
        element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
        element.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
        expect(closes).toHaveBeenCalledTimes(3);
    });

    it('submits on Enter, except where Enter has its own meaning', () => {
        const { element, submits } = mount();
        element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        closeButton(element).dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true })
        );
        expect(submits).toHaveBeenCalledTimes(1);
    });

    it('takes focus on opening, keeps it inside, and gives it back to its opener', async () => {
        const opener = document.createElement('button');
        document.body.appendChild(opener);
        opener.focus();
        const { element } = mount();
        await flushPromises();
        // Without fields or footer buttons, the close button takes the focus.
        expect(element.shadowRoot!.activeElement).toBe(closeButton(element));

        // Tab past the end comes back to the start; Shift+Tab before the start goes to the last stop.
        (element.shadowRoot!.querySelector('[data-id="focus-end"]') as HTMLElement).focus();
        expect(element.shadowRoot!.activeElement).toBe(closeButton(element));
        (element.shadowRoot!.querySelector('[data-id="focus-start"]') as HTMLElement).focus();
        expect(element.shadowRoot!.activeElement).toBe(closeButton(element));

        document.body.removeChild(element);
        await flushPromises();
        expect(document.activeElement).toBe(opener);
    });
});
