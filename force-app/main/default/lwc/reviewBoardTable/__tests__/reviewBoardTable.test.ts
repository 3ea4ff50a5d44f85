import { createElement } from 'lwc';
import ReviewBoardTable from 'c/reviewBoardTable';
import { toDisplayRows } from 'c/reviewLogic';
import { boardRows } from '../../../../../test/fixtures/reviewFixtures';
import { allTextOf, flushPromises, resetDom } from '../../../../../test/jest-utils';

type Table = HTMLElement & { rows: unknown[]; hasMore: boolean; loading: boolean };

function mount(selectedId: string | null, hasMore = false): { element: Table; events: Array<[string, unknown]> } {
    const element = createElement('c-review-board-table', { is: ReviewBoardTable }) as Table;
    element.rows = toDisplayRows(boardRows(3), null, [], new Map(), 'USD', selectedId);
    element.hasMore = hasMore;
    const events: Array<[string, unknown]> = [];
    for (const name of ['select', 'decide', 'loadmore']) {
        element.addEventListener(name, (event) => events.push([name, (event as CustomEvent).detail ?? null]));
    }
    document.body.appendChild(element);
    return { element, events };
}

const key = (element: HTMLElement, name: string) =>
    element
        .shadowRoot!.querySelector('[data-id="board-scroller"]')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));

describe('c-review-board-table', () => {
    afterEach(() => resetDom());

    it('lists the deals in eight columns with one tab stop, the selected deal', async () => {
        const { element } = mount('006000000000002AAA');
        await flushPromises();
        expect(allTextOf(element.shadowRoot!, 'thead th')).toHaveLength(8);
        const buttons = Array.from(element.shadowRoot!.querySelectorAll('button.deal-button'));
        expect(buttons.map((button) => button.getAttribute('tabindex'))).toEqual(['-1', '0', '-1']);
        expect(buttons.map((button) => button.getAttribute('aria-current'))).toEqual(['false', 'true', 'false']);
        await expect(element).toBeAccessible();
    });

    it('moves with the arrows and J/K, stops at the ends, and decides with D', async () => {
        const { element, events } = mount('006000000000001AAA');
        await flushPromises();
        key(element, 'ArrowDown');
        key(element, 'k');
        key(element, 'ArrowUp');
        key(element, 'd');
        key(element, 'x');
        expect(events).toEqual([
            ['select', { opportunityId: '006000000000002AAA' }],
            ['decide', { opportunityId: '006000000000001AAA' }]
        ]);
    });

    it('asks for the next page past the last deal, and from its button', async () => {
        const { element, events } = mount('006000000000003AAA', true);
        await flushPromises();
        key(element, 'j');
        (element.shadowRoot!.querySelector('[data-id="load-more"]') as HTMLElement).click();
        expect(events).toEqual([
            ['loadmore', null],
            ['loadmore', null]
        ]);
    });

    it('selects a clicked deal and decides from its row button', async () => {
        const { element, events } = mount(null);
        await flushPromises();
        (element.shadowRoot!.querySelectorAll('button.deal-button')[2] as HTMLElement).click();
        (element.shadowRoot!.querySelectorAll('[data-id="decide"]')[1] as HTMLElement).click();
        expect(events).toEqual([
            ['select', { opportunityId: '006000000000003AAA' }],
            ['decide', { opportunityId: '006000000000002AAA' }]
        ]);
    });
});
