// The Opportunity record page of the workbench, laid out as Lightning Experience lays out a record page: the
// highlights panel with the key fields, Details in labelled sections on the left, the three rep components on the
// right; on a phone, one column with the components right under the highlights. The components mount at once, so
// their Apex calls go out in parallel with the page's own reads.
// Synthetic shadow first, before the engine loads, as Lightning Experience runs it (SLDS reaches the components).
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import CallInsights from 'c/callInsights';
import CoachingNudges from 'c/coachingNudges';
import DealHealthPanel from 'c/dealHealthPanel';
import PlaybookSteps from 'c/playbookSteps';
import { formatDate, formatDateTime, formatMoney } from 'c/reviewLogic';
import { dealsFor } from './deal-choice';
import { el, getJson, navigateTo, params, startPage } from './shell';

/** The stand-in's /api/deals items (workbench/twin/records.ts). */
interface DealSummary {
    id: string;
    name: string;
    accountName: string | null;
    ownerId: string;
    ownerName: string | null;
    stage: string;
    amount: number | null;
    isClosed: boolean;
    band: string | null;
    hasPlaybook: boolean;
}

type RecordFields = Record<string, { value: unknown; displayValue: string | null }>;

type Format = 'text' | 'money' | 'date' | 'datetime' | 'percent';

/** Details sections, with the labels an admin sees on the page layout (never API names or ids). */
const SECTIONS: Array<{ title: string; fields: Array<[string, string, Format?]> }> = [
    {
        title: 'Opportunity Information',
        fields: [
            ['Name', 'Opportunity Name'],
            ['Type', 'Type'],
            ['StageName', 'Stage'],
            ['Amount', 'Amount', 'money'],
            ['Probability', 'Probability (%)', 'percent'],
            ['CloseDate', 'Close Date', 'date'],
            ['ForecastCategoryName', 'Forecast Category'],
            ['NextStep', 'Next Step'],
            ['Next_Step_Date__c', 'Next Step Date', 'date']
        ]
    },
    {
        title: 'Qualification (MEDDPICC)',
        fields: [
            ['Metrics_Status__c', 'Metrics'],
            ['Economic_Buyer_Status__c', 'Economic Buyer'],
            ['Decision_Criteria_Status__c', 'Decision Criteria'],
            ['Decision_Process_Status__c', 'Decision Process'],
            ['Paper_Process_Status__c', 'Paper Process'],
            ['Identified_Pain_Status__c', 'Identified Pain'],
            ['Champion_Status__c', 'Champion'],
            ['Competition_Status__c', 'Competition']
        ]
    },
    {
        title: 'System Information',
        fields: [
            ['CreatedDate', 'Created', 'datetime'],
            ['LastActivityDate', 'Last Activity', 'date'],
            ['LastModifiedDate', 'Last Modified', 'datetime']
        ]
    }
];

const QUALIFICATION_LABELS: Record<string, string> = {
    unknown: 'Unknown',
    identified: 'Identified',
    validated: 'Validated'
};

function display(fields: RecordFields, name: string, format: Format = 'text'): string {
    const value = fields[name]?.value;
    if (value === null || value === undefined || value === '') return '—';
    if (format === 'money') return formatMoney(Number(value), 'USD');
    if (format === 'date') return formatDate(String(value));
    if (format === 'datetime') return formatDateTime(String(value));
    if (format === 'percent') return `${Number(value)}%`;
    const text = String(value);
    return QUALIFICATION_LABELS[text] ?? text;
}

/** The highlights panel: object, name and the key fields, as on a Lightning record page. */
function highlights(deal: DealSummary, fields: RecordFields, picker: HTMLElement): HTMLElement {
    const panel = el('div', 'slds-page-header slds-page-header_record-home workbench-highlights');
    panel.dataset.id = 'highlights';
    const row = el('div', 'slds-page-header__row');
    const title = el('div', 'slds-page-header__col-title');
    const media = el('div', 'slds-media');
    const figure = el('div', 'slds-media__figure');
    const icon = el('span', 'slds-icon_container slds-icon-standard-opportunity');
    // The one icon's own file (1 kB), not the standard sprite (460 kB, parsed as a document on every visit).
    icon.innerHTML =
        '<img class="slds-icon slds-page-header__icon" src="/assets/icons/standard/opportunity.svg" alt="" />';
    figure.append(icon);
    const body = el('div', 'slds-media__body');
    body.append(el('p', 'slds-page-header__name-meta', 'Opportunity'));
    const name = el('h1', 'slds-page-header__title slds-truncate', deal.name);
    name.title = deal.name;
    body.append(name);
    media.append(figure, body);
    title.append(media);
    row.append(title, picker);
    const details = el('ul', 'slds-page-header__detail-row workbench-key-fields');
    const keyFields: Array<[string, string]> = [
        ['Account Name', deal.accountName ?? '—'],
        ['Close Date', display(fields, 'CloseDate', 'date')],
        ['Amount', display(fields, 'Amount', 'money')],
        ['Stage', display(fields, 'StageName')],
        ['Forecast Category', display(fields, 'ForecastCategoryName')],
        ['Opportunity Owner', deal.ownerName ?? '—']
    ];
    for (const [label, value] of keyFields) {
        const item = el('li', 'slds-page-header__detail-block');
        item.append(el('div', 'slds-text-title slds-truncate', label), el('div', 'slds-truncate', value));
        details.append(item);
    }
    panel.append(row, details);
    return panel;
}

function detailsCard(fields: RecordFields): HTMLElement {
    const card = el('article', 'slds-card workbench-details');
    card.dataset.id = 'record-details';
    const head = el('div', 'slds-card__header');
    head.append(el('h2', 'slds-card__header-title slds-text-heading_small', 'Details'));
    const body = el('div', 'slds-card__body slds-card__body_inner');
    for (const section of SECTIONS) {
        const block = el('section', 'slds-section slds-is-open');
        const heading = el('h3', 'slds-section__title slds-theme_shade');
        heading.append(el('span', 'slds-truncate slds-p-horizontal_small', section.title));
        const list = el('dl', 'slds-form slds-form_stacked workbench-fields');
        for (const [name, label, format] of section.fields) {
            const item = el('div', 'slds-form-element slds-form-element_readonly');
            item.append(
                el('dt', 'slds-form-element__label', label),
                el('dd', 'slds-form-element__static', display(fields, name, format))
            );
            list.append(item);
        }
        block.append(heading, list);
        body.append(block);
    }
    card.append(head, body);
    return card;
}

function dealOption(deal: DealSummary, currentId: string): HTMLOptionElement {
    const option = el('option', '', `${deal.name} · ${deal.stage} · ${deal.band ?? 'not scored'}`);
    option.value = deal.id;
    option.selected = deal.id === currentId;
    return option;
}

/**
 * The deal picker shows the current deal; the other choices become options only when the picker is about to open
 * (pointer down or focus). A rep can have a thousand deals, a manager every open deal of the org: as options they
 * would slow this page's layout and the unloading of the page on the next navigation, for a list rarely opened.
 */
function dealPicker(current: DealSummary, choices: DealSummary[] | null, currentId: string): HTMLElement {
    const picker = el('div', 'slds-page-header__col-actions workbench-deal-picker');
    const label = el('label', 'slds-form-element__label', 'Switch deal');
    label.htmlFor = 'deal-picker';
    const select = el('select', 'slds-select workbench-select');
    select.id = 'deal-picker';
    select.dataset.id = 'deal-picker';
    select.append(dealOption(current, currentId));
    if (choices !== null) {
        let filled = false;
        const fill = () => {
            if (filled) return;
            filled = true;
            select.replaceChildren(...choices.map((deal) => dealOption(deal, currentId)));
        };
        select.addEventListener('pointerdown', fill, { once: true });
        select.addEventListener('focus', fill, { once: true });
    }
    select.addEventListener('change', () => navigateTo({ id: select.value }));
    picker.append(label, select);
    return picker;
}

/** Resolves after the page has loaded and the browser is idle: the deal picker's long list waits until then. */
function idle(): Promise<void> {
    return new Promise((done) => {
        const whenIdle = () =>
            window.requestIdleCallback ? window.requestIdleCallback(() => done()) : setTimeout(done, 0);
        if (document.readyState === 'complete') whenIdle();
        else window.addEventListener('load', whenIdle, { once: true });
    });
}

startPage('rep', async (main) => {
    let dealsRequest: Promise<{ deals: DealSummary[] }> | undefined;
    const allDeals = () => (dealsRequest ??= getJson<{ deals: DealSummary[] }>('/api/deals'));
    let dealId = params.get('id');
    if (!dealId) {
        // The first visit lands on the rep's first deal that has a playbook, so all three components have content.
        dealId = dealsFor((await allDeals()).deals, params.get('user'))[0]?.id ?? null;
        if (!dealId) {
            main.append(el('p', 'slds-text-color_error slds-p-around_medium', 'No deal to show.'));
            return;
        }
    }
    const grid = el('div', 'workbench-record-grid');
    const left = el('div', 'workbench-record-main');
    const right = el('div', 'workbench-record-sidebar');
    right.setAttribute('aria-label', 'Execution Loop');
    const highlightsSlot = el('div', 'workbench-highlights-slot');
    main.append(highlightsSlot, grid);
    grid.append(left, right);
    for (const element of [
        createElement('c-deal-health-panel', { is: DealHealthPanel }),
        createElement('c-playbook-steps', { is: PlaybookSteps }),
        createElement('c-coaching-nudges', { is: CoachingNudges }),
        createElement('c-call-insights', { is: CallInsights })
    ] as Array<HTMLElement & { recordId?: string }>) {
        element.recordId = dealId;
        const slot = el('div', 'slds-m-bottom_small');
        slot.append(element);
        right.append(slot);
    }
    const id = dealId;
    // The highlights and Details need this deal only; the picker's list of every deal loads once the page is idle,
    // so it never delays the components' first round trips.
    const render = async () => {
        const [deal, record] = await Promise.all([
            getJson<DealSummary>(`/api/deals/${id}`),
            getJson<{ fields: RecordFields }>(`/api/record/${id}`)
        ]);
        const picker = dealPicker(deal, null, id);
        highlightsSlot.replaceChildren(highlights(deal, record.fields, picker));
        left.replaceChildren(detailsCard(record.fields));
        await idle();
        const listed = dealsFor((await allDeals()).deals, params.get('user'));
        const choices = listed.some((candidate) => candidate.id === id) ? listed : [deal, ...listed];
        picker.replaceWith(dealPicker(deal, choices, id));
    };
    window.addEventListener('workbench:recordupdated', () => void render());
    await render();
});
