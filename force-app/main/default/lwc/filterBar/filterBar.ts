import { LightningElement, api } from 'lwc';

export interface FilterOption {
    label: string;
    value: string;
}

/** One filter of the bar: a labelled combobox. */
export interface FilterDefinition {
    key: string;
    label: string;
    value: string;
    options: FilterOption[];
    /** Hidden filters keep their place in the list but are not rendered (e.g. "Rep" until the scope is one rep). */
    hidden?: boolean;
}

export interface FilterChangeDetail {
    key: string;
    value: string;
}

/**
 * A responsive row of comboboxes (two per row on a phone, up to six on a desktop). The owner keeps the values: the
 * bar only reports which filter changed, with `filterchange` ({ key, value }).
 */
export default class FilterBar extends LightningElement {
    @api filters: FilterDefinition[] = [];
    /** Accessible name of the group, e.g. "Board filters". */
    @api label = 'Filters';

    get visibleFilters(): FilterDefinition[] {
        return (this.filters ?? []).filter((filter) => !filter.hidden);
    }

    handleChange(event: CustomEvent<{ value: string }>): void {
        const key = (event.target as HTMLElement).dataset.key;
        if (!key) return;
        this.dispatchEvent(
            new CustomEvent<FilterChangeDetail>('filterchange', { detail: { key, value: event.detail.value } })
        );
    }
}
