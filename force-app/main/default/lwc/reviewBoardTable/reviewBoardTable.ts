import { LightningElement, api } from 'lwc';
import { stepSelection, type BoardDisplayRow } from 'c/reviewLogic';

/** Keys of the board's keyboard flow; shown on screen by the board. */
const NEXT_KEYS = new Set(['ArrowDown', 'j', 'J']);
const PREVIOUS_KEYS = new Set(['ArrowUp', 'k', 'K']);
const DECIDE_KEYS = new Set(['d', 'D']);
/** Within this many pixels of the bottom, scrolling asks for the next page. */
const LOAD_MORE_MARGIN_PX = 200;

/**
 * The board's deal list: one row per deal, eight columns, the selected deal marked. It keeps no state of its own:
 * `select` ({ opportunityId }) when a deal is clicked or reached with the arrows (or J/K), `decide` ({ opportunityId })
 * on a row's Decide button or the D key, and `loadmore` when the list scrolls near its end or the button is pressed.
 */
export default class ReviewBoardTable extends LightningElement {
    @api rows: BoardDisplayRow[] = [];
    @api hasMore = false;
    @api loading = false;
    @api canDecide = false;

    /** Set when the selection moved by keyboard, so the newly selected row takes the focus after rendering. */
    private focusSelected = false;

    get showLoadMore(): boolean {
        return this.hasMore && !this.loading;
    }

    /** Moves focus to the selected deal (the board calls it when the selection changes by keyboard elsewhere). */
    @api
    focusSelectedDeal(): void {
        const button = this.template?.querySelector<HTMLElement>('button.deal-button[aria-current="true"]');
        button?.focus();
    }

    override renderedCallback(): void {
        if (this.focusSelected) {
            this.focusSelected = false;
            this.focusSelectedDeal();
        }
    }

    handleSelect(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.rowId;
        if (id) this.fire('select', id);
    }

    handleDecide(event: Event): void {
        event.stopPropagation();
        const id = (event.currentTarget as HTMLElement).dataset.rowId;
        if (id) this.fire('decide', id);
    }

    handleKeydown(event: KeyboardEvent): void {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const selected = this.rows.find((row) => row.isSelected);
        if (NEXT_KEYS.has(event.key) || PREVIOUS_KEYS.has(event.key)) {
            event.preventDefault();
            const step = NEXT_KEYS.has(event.key) ? 1 : -1;
            const ids = this.rows.map((row) => row.opportunityId);
            const nextId = stepSelection(ids, selected?.opportunityId ?? null, step);
            if (step === 1 && selected && nextId === selected.opportunityId && this.hasMore && !this.loading) {
                // At the last loaded deal: the next page brings the next one.
                this.dispatchEvent(new CustomEvent('loadmore'));
            }
            if (nextId === null) return;
            this.focusSelected = true;
            if (nextId !== selected?.opportunityId) this.fire('select', nextId);
            else this.focusSelectedDeal();
        } else if (DECIDE_KEYS.has(event.key) && selected) {
            event.preventDefault();
            this.fire('decide', selected.opportunityId);
        }
    }

    handleScroll(event: Event): void {
        const scroller = event.currentTarget as HTMLElement;
        if (!this.hasMore || this.loading) return;
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - LOAD_MORE_MARGIN_PX) {
            this.dispatchEvent(new CustomEvent('loadmore'));
        }
    }

    handleLoadMore(): void {
        this.dispatchEvent(new CustomEvent('loadmore'));
    }

    private fire(name: 'select' | 'decide', opportunityId: string): void {
        this.dispatchEvent(new CustomEvent(name, { detail: { opportunityId } }));
    }
}
