import { createElement } from 'lwc';
import StatePanel from 'c/statePanel';
import { flushPromises, readableText, resetDom } from '../../../../../test/jest-utils';

type StatePanelElement = HTMLElement & {
    loading: boolean;
    loadingLabel: string;
    error: string | null;
    errorHeading: string;
    empty: boolean;
    emptyMessage: string;
    emptyHint: string | null;
};

async function mount(props: Partial<StatePanelElement>): Promise<StatePanelElement> {
    const element = createElement('c-state-panel', { is: StatePanel }) as StatePanelElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const shown = (element: StatePanelElement): string[] =>
    ['state-loading', 'state-error', 'state-empty'].filter((id) =>
        element.shadowRoot!.querySelector(`[data-id="${id}"]`)
    );

describe('c-state-panel', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('shows a labelled spinner while loading, even when an error or empty flag is also set', async () => {
        const element = await mount({ loading: true, loadingLabel: 'Loading the board', error: 'x', empty: true });
        expect(shown(element)).toEqual(['state-loading']);
        const spinner = element.shadowRoot!.querySelector('lightning-spinner') as HTMLElement & {
            alternativeText: string;
        };
        expect(spinner.alternativeText).toBe('Loading the board');
        await expect(element).toBeAccessible();
    });

    it('names the error in an alert, before the empty state', async () => {
        const element = await mount({
            error: 'No access to Opportunity',
            errorHeading: 'The board could not load',
            empty: true
        });
        expect(shown(element)).toEqual(['state-error']);
        const alert = element.shadowRoot!.querySelector('[data-id="state-error"]')!;
        expect(alert.getAttribute('role')).toBe('alert');
        expect(readableText(alert)).toBe('The board could not load No access to Opportunity');
        await expect(element).toBeAccessible();
    });

    it('shows the empty message with its hint, and nothing when there is content', async () => {
        const element = await mount({
            empty: true,
            emptyMessage: 'No deals in this scope.',
            emptyHint: 'Widen the filters.'
        });
        expect(shown(element)).toEqual(['state-empty']);
        expect(readableText(element.shadowRoot!.querySelector('[data-id="state-empty"]')!)).toBe(
            'No deals in this scope. Widen the filters.'
        );
        await expect(element).toBeAccessible();

        element.empty = false;
        await flushPromises();
        expect(shown(element)).toEqual([]);
    });
});
