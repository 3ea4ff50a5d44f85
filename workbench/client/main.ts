// The workbench page shell (local stand-in for the Lightning Experience frame, workbench only). It mounts the
// real components, compiled from force-app, on an Opportunity record page or the Pipeline Review tab, and shows
// toasts and navigation the platform would handle.
// Lightning Experience runs components in synthetic shadow, where the global SLDS stylesheet reaches them.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import CoachingNudges from 'c/coachingNudges';
import DealHealthPanel from 'c/dealHealthPanel';
import PipelineReview from 'c/pipelineReview';
import PlaybookSteps from 'c/playbookSteps';
import StrategyCheck from 'c/strategyCheck';
import { decodeDefaultFieldValues } from 'lightning/pageReferenceUtils';

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
}

/** The stand-in's /api/users items. */
interface WorkbenchUser {
    id: string;
    name: string;
    title: string;
    level: 'vp' | 'manager' | 'rep';
    openDeals: number;
}

/** The stand-in's /api/org `source`: null for the generated sample org. */
interface OrgSource {
    label: string;
    description: string;
    inferred: string[];
    missing: string[];
}

const params = new URLSearchParams(window.location.search);
const PAGES = new Set(['record', 'review', 'strategy']);
const page = PAGES.has(params.get('page') ?? '') ? params.get('page')! : 'record';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
}

async function getJson<T>(url: string): Promise<T> {
    const response = await fetch(url, { headers: { 'x-workbench-user': params.get('user') ?? '' } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return (await response.json()) as T;
}

function navigateTo(next: Record<string, string>): void {
    const search = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(next)) search.set(key, value);
    window.location.search = search.toString();
}

function showToast(detail: { title?: string; message?: string; variant?: string }): void {
    const region = document.getElementById('toasts')!;
    const variant = detail.variant ?? 'info';
    const toast = el('div', `slds-notify slds-notify_toast slds-theme_${variant === 'error' ? 'error' : variant}`);
    toast.setAttribute('role', 'status');
    toast.dataset.toast = variant;
    const body = el('div', 'slds-notify__content');
    body.append(el('h2', 'slds-text-heading_small', detail.title ?? ''), el('p', '', detail.message ?? ''));
    toast.append(body);
    region.append(toast);
    setTimeout(() => toast.remove(), 6000);
}

function header(users: WorkbenchUser[], currentUser: WorkbenchUser | undefined): HTMLElement {
    const bar = el(
        'header',
        'slds-global-header slds-grid slds-grid_align-spread slds-p-horizontal_medium workbench-header'
    );
    const title = el('div', 'slds-text-heading_medium', 'Execution Loop');
    title.append(el('span', 'slds-badge slds-m-left_small', 'Local workbench: stand-in org'));
    const nav = el('nav', 'slds-grid slds-grid_vertical-align-center');
    nav.setAttribute('aria-label', 'Workbench');
    const recordLink = el('a', 'slds-m-right_medium', 'Opportunity record page');
    recordLink.href = `?page=record&user=${currentUser?.id ?? ''}`;
    const reviewLink = el('a', 'slds-m-right_medium', 'Pipeline Review tab');
    reviewLink.href = `?page=review&user=${users.find((user) => user.level === 'manager')?.id ?? ''}`;
    const strategyLink = el('a', 'slds-m-right_medium', 'Strategy Check tab');
    strategyLink.href = `?page=strategy&user=${users.find((user) => user.level === 'vp')?.id ?? ''}`;
    const userLabel = el('label', 'slds-m-right_x-small', 'User');
    userLabel.htmlFor = 'user-picker';
    const userPicker = el('select', 'slds-select workbench-select');
    userPicker.id = 'user-picker';
    for (const user of users) {
        const option = el('option', '', `${user.name} (${user.title})`);
        option.value = user.id;
        option.selected = user.id === currentUser?.id;
        userPicker.append(option);
    }
    userPicker.addEventListener('change', () => navigateTo({ user: userPicker.value }));
    nav.append(recordLink, reviewLink, strategyLink, userLabel, userPicker);
    bar.append(title, nav);
    return bar;
}

/** What a data-set org holds, what its loader inferred and what it lacks: collapsed under the header. */
function orgNotice(source: OrgSource): HTMLElement {
    const notice = el('details', 'slds-box slds-box_x-small slds-theme_shade slds-m-around_small workbench-org');
    notice.dataset.id = 'org-source';
    const summary = el('summary', 'slds-text-title_bold', `Org: ${source.label}`);
    const list = (title: string, items: string[]) => {
        const section = el('div', 'slds-m-top_x-small');
        const ul = el('ul', 'slds-list_dotted');
        for (const item of items) ul.append(el('li', '', item));
        section.append(el('p', 'slds-text-title', title), ul);
        return section;
    };
    notice.append(
        summary,
        el('p', 'slds-m-top_x-small', source.description),
        list('Missing in the data (left empty, not invented)', source.missing),
        list('Inferred by the loader', source.inferred)
    );
    return notice;
}

async function recordPage(main: HTMLElement): Promise<void> {
    const { deals: allDeals } = await getJson<{ deals: DealSummary[] }>('/api/deals');
    const user = params.get('user');
    // A rep sees their own open deals; anyone else sees every open deal.
    const own = allDeals.filter((candidate) => !candidate.isClosed && candidate.ownerId === user);
    const deals = own.length > 0 ? own : allDeals.filter((candidate) => !candidate.isClosed);
    const dealId = params.get('id') ?? deals[0]?.id;
    const deal = deals.find((candidate) => candidate.id === dealId);
    if (!deal) {
        main.append(el('p', 'slds-text-color_error', 'No deal to show.'));
        return;
    }
    const picker = el('div', 'slds-p-around_small');
    const label = el('label', 'slds-form-element__label', 'Deal');
    label.htmlFor = 'deal-picker';
    const select = el('select', 'slds-select workbench-select');
    select.id = 'deal-picker';
    select.dataset.id = 'deal-picker';
    for (const candidate of deals) {
        const option = el('option', '', `${candidate.name} · ${candidate.stage} · ${candidate.band ?? 'not scored'}`);
        option.value = candidate.id;
        option.selected = candidate.id === deal.id;
        select.append(option);
    }
    select.addEventListener('change', () => navigateTo({ id: select.value }));
    picker.append(label, select);

    const grid = el('div', 'slds-grid slds-wrap slds-gutters_small slds-p-horizontal_small');
    const left = el('div', 'slds-col slds-size_1-of-1 slds-large-size_7-of-12');
    const right = el('div', 'slds-col slds-size_1-of-1 slds-large-size_5-of-12 workbench-sidebar');
    const details = el('article', 'slds-card slds-p-around_medium');
    details.dataset.id = 'record-details';
    left.append(details);
    const renderDetails = async () => {
        const record = await getJson<{ fields: Record<string, { value: unknown; displayValue: string | null }> }>(
            `/api/record/${deal.id}`
        );
        details.replaceChildren(el('h1', 'slds-text-heading_medium slds-m-bottom_small', deal.name));
        const list = el('dl', 'slds-list_horizontal slds-wrap');
        for (const [field, value] of Object.entries(record.fields)) {
            list.append(
                el('dt', 'slds-item_label slds-text-color_weak', field),
                el('dd', 'slds-item_detail', String(value.displayValue ?? value.value ?? ''))
            );
        }
        details.append(
            el('p', 'slds-text-body_small slds-m-bottom_small', `${deal.accountName} · owner ${deal.ownerName}`),
            list
        );
    };
    await renderDetails();
    window.addEventListener('workbench:recordupdated', () => void renderDetails());

    const mount = (element: HTMLElement & { recordId?: string }) => {
        element.recordId = deal.id;
        const slot = el('div', 'slds-m-bottom_small');
        slot.append(element);
        right.append(slot);
    };
    mount(createElement('c-deal-health-panel', { is: DealHealthPanel }));
    mount(createElement('c-playbook-steps', { is: PlaybookSteps }));
    mount(createElement('c-coaching-nudges', { is: CoachingNudges }));
    grid.append(left, right);
    main.append(picker, grid);
}

function reviewPage(main: HTMLElement): void {
    const element = createElement('c-pipeline-review', { is: PipelineReview });
    const wrapper = el('div', 'slds-p-around_small');
    wrapper.append(element);
    main.append(wrapper);
}

function strategyPage(main: HTMLElement): void {
    const element = createElement('c-strategy-check', { is: StrategyCheck });
    const wrapper = el('div', 'slds-p-around_small');
    wrapper.append(element);
    main.append(wrapper);
}

/** Who opens each page by default: a rep on the record page, a manager on the review, the VP on the strategy check. */
const DEFAULT_LEVEL: Record<string, WorkbenchUser['level']> = { record: 'rep', review: 'manager', strategy: 'vp' };

async function start(): Promise<void> {
    const [{ users }, { source }] = await Promise.all([
        getJson<{ users: WorkbenchUser[] }>('/api/users'),
        getJson<{ source: OrgSource | null }>('/api/org')
    ]);
    const wanted = DEFAULT_LEVEL[page] ?? 'rep';
    const currentUser =
        users.find((user) => user.id === params.get('user')) ??
        users.find((user) => user.level === wanted && (wanted !== 'rep' || user.openDeals > 0));
    if (currentUser && params.get('user') !== currentUser.id) {
        navigateTo({ user: currentUser.id });
        return;
    }
    const root = document.getElementById('app')!;
    const main = el('main', 'workbench-main');
    root.append(header(users, currentUser), main);
    if (source) main.append(orgNotice(source));
    window.addEventListener('lightning__showtoast', (event) => showToast((event as CustomEvent).detail));
    window.addEventListener('workbench:navigate', (event) => {
        const reference = (
            event as CustomEvent<{ attributes?: Record<string, string>; state?: Record<string, string> }>
        ).detail;
        if (reference.attributes?.objectApiName === 'Task' && reference.attributes.actionName === 'new') {
            const values = decodeDefaultFieldValues(reference.state?.defaultFieldValues ?? '');
            showToast({
                title: 'New Task (stand-in for the platform form)',
                message: values.Subject ?? '',
                variant: 'info'
            });
        }
    });
    if (page === 'review') reviewPage(main);
    else if (page === 'strategy') strategyPage(main);
    else await recordPage(main);
}

start().catch((error: unknown) => {
    document.getElementById('app')!.textContent = `The workbench could not start: ${(error as Error).message}`;
});
