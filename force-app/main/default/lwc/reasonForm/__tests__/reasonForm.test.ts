import { createElement } from 'lwc';
import ReasonForm from 'c/reasonForm';
import { flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

type ReasonFormElement = HTMLElement & { confirmLabel: string; error: string | null; busy: boolean };

async function mount(props: Partial<ReasonFormElement>): Promise<ReasonFormElement> {
    const element = createElement('c-reason-form', { is: ReasonForm }) as ReasonFormElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const buttonOf = (element: HTMLElement, id: string) =>
    element.shadowRoot!.querySelector(`[data-id="${id}"]`) as HTMLElement & { label: string; disabled: boolean };

describe('c-reason-form', () => {
    afterEach(resetDom);

    it('names its confirm button and reports confirm and cancel to the parent', async () => {
        const element = await mount({ confirmLabel: 'Skip step' });
        const events: string[] = [];
        element.addEventListener('confirm', () => events.push('confirm'));
        element.addEventListener('cancel', () => events.push('cancel'));
        expect(buttonOf(element, 'confirm').label).toBe('Skip step');
        expect(buttonOf(element, 'confirm').disabled).toBe(false);

        buttonOf(element, 'confirm').click();
        buttonOf(element, 'cancel').click();
        expect(events).toEqual(['confirm', 'cancel']);
        expect(element.shadowRoot!.querySelector('[data-id="error"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it("shows the parent's error as an alert, and disables confirm while the parent saves", async () => {
        const element = await mount({ confirmLabel: 'Dismiss', error: 'Say why this nudge is dismissed.', busy: true });
        expect(textOf(element.shadowRoot!, '[data-id="error"]')).toBe('Say why this nudge is dismissed.');
        expect(element.shadowRoot!.querySelector('[data-id="error"]')!.getAttribute('role')).toBe('alert');
        expect(buttonOf(element, 'confirm').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });
});
