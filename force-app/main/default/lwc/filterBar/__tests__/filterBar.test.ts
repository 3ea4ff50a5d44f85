import { createElement } from 'lwc';
import FilterBar, { type FilterDefinition } from 'c/filterBar';
import { flushPromises, resetDom } from '../../../../../test/jest-utils';

type FilterBarElement = HTMLElement & { filters: FilterDefinition[]; label: string };

const FILTERS: FilterDefinition[] = [
    {
        key: 'scope',
        label: 'Scope',
        value: 'my_team',
        options: [
            { label: 'My team', value: 'my_team' },
            { label: 'One rep', value: 'one_rep' }
        ]
    },
    { key: 'rep', label: 'Rep', value: '', options: [{ label: 'Ana', value: '005A' }], hidden: true },
    { key: 'band', label: 'Band', value: '', options: [{ label: 'Any band', value: '' }] }
];

async function mount(filters: FilterDefinition[]): Promise<FilterBarElement> {
    const element = createElement('c-filter-bar', { is: FilterBar }) as FilterBarElement;
    element.filters = filters;
    element.label = 'Board filters';
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

type Combobox = HTMLElement & { label: string; value: string; options: unknown[] };

describe('c-filter-bar', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('renders one labelled combobox per visible filter, in order, inside a named group', async () => {
        const element = await mount(FILTERS);
        const boxes = [...element.shadowRoot!.querySelectorAll('lightning-combobox')] as Combobox[];
        expect(boxes.map((box) => [box.label, box.value])).toEqual([
            ['Scope', 'my_team'],
            ['Band', '']
        ]);
        expect(element.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).toBe('Board filters');
        await expect(element).toBeAccessible();
    });

    it('reports the key and the new value of the filter that changed', async () => {
        const element = await mount(FILTERS);
        const changes = jest.fn();
        element.addEventListener('filterchange', (event) => changes((event as CustomEvent).detail));
        const band = element.shadowRoot!.querySelector('[data-key="band"]')!;
        band.dispatchEvent(new CustomEvent('change', { detail: { value: 'at_risk' } }));
        expect(changes).toHaveBeenCalledWith({ key: 'band', value: 'at_risk' });
    });

    it('shows a filter once it is no longer hidden', async () => {
        const element = await mount(FILTERS);
        element.filters = FILTERS.map((filter) => ({ ...filter, hidden: false }));
        await flushPromises();
        expect(element.shadowRoot!.querySelectorAll('lightning-combobox')).toHaveLength(3);
    });
});
