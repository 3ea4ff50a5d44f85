import { createElement } from 'lwc';
import ModalDialog from 'c/modalDialog';
import { resetDom } from '../../../../../test/jest-utils';

function mount(): { element: HTMLElement; closes: jest.Mock } {
    const element = createElement('c-modal-dialog', { is: ModalDialog }) as HTMLElement & { heading: string };
    element.heading = 'Decision on Acme';
    const closes = jest.fn();
    element.addEventListener('close', closes);
    document.body.appendChild(element);
    return { element, closes };
}

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

    it('asks to close from its close button and from Escape, not from other keys', () => {
        const { element, closes } = mount();
        (element.shadowRoot!.querySelector('[data-id="close"]') as HTMLElement).click();
        element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        expect(closes).toHaveBeenCalledTimes(2);
    });
});
