// The workbench page shell (local stand-in for the Lightning Experience frame, workbench only): the global header
// with the user switcher, toasts and the navigation the platform would handle. Each page (record.ts, review.ts) is
// its own entry: it mounts its components at once and loads the shell's data in parallel.
// Each entry loads @lwc/synthetic-shadow before anything else (Lightning Experience runs components in synthetic
// shadow, where the global SLDS stylesheet reaches them).
import { decodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { sessionHeaders } from './platform/session';

/** The stand-in's /api/users items. */
export interface WorkbenchUser {
    id: string;
    name: string;
    title: string;
    level: 'vp' | 'manager' | 'rep';
    openDeals: number;
}

export const params = new URLSearchParams(window.location.search);

export function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className: string,
    text?: string
): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
}

export async function getJson<T>(url: string): Promise<T> {
    const response = await fetch(url, { headers: sessionHeaders() });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return (await response.json()) as T;
}

export function navigateTo(next: Record<string, string>): void {
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
    const bar = el('header', 'workbench-header');
    const title = el('div', 'workbench-brand');
    title.append(el('span', 'slds-text-heading_medium', 'Execution Loop'));
    title.append(el('span', 'slds-badge slds-m-left_small workbench-badge', 'Local workbench: stand-in org'));
    const nav = el('nav', 'workbench-nav');
    nav.setAttribute('aria-label', 'Workbench');
    const recordLink = el('a', '', 'Opportunity record page');
    const firstRep = users.find((user) => user.level === 'rep' && user.openDeals > 0);
    recordLink.href = `?page=record&user=${currentUser?.level === 'rep' ? currentUser.id : (firstRep?.id ?? '')}`;
    const reviewLink = el('a', '', 'Pipeline Review tab');
    reviewLink.href = `?page=review&user=${users.find((user) => user.level === 'manager')?.id ?? ''}`;
    const developmentLink = el('a', '', 'Rep Development tab');
    developmentLink.href = `?page=development&user=${users.find((user) => user.level === 'manager')?.id ?? ''}`;
    const strategyLink = el('a', '', 'Strategy Check tab');
    strategyLink.href = `?page=strategy&user=${users.find((user) => user.level === 'vp')?.id ?? ''}`;
    const userLabel = el('label', 'workbench-user-label', 'User');
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
    const userGroup = el('div', 'workbench-user');
    userGroup.append(userLabel, userPicker);
    nav.append(recordLink, reviewLink, developmentLink, strategyLink, userGroup);
    bar.append(title, nav);
    return bar;
}

/** The stand-in's /api/org `source`: null for the generated sample org. */
interface OrgSource {
    label: string;
    description: string;
    inferred: string[];
    missing: string[];
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

/**
 * Starts a page: the user comes from the URL (a default user of the right kind is picked and the URL updated when
 * it has none). `mount` runs at once, so the components' first requests go out in parallel with the shell's.
 */
export function startPage(wanted: 'rep' | 'manager' | 'vp', mount: (main: HTMLElement) => Promise<void> | void): void {
    const root = document.getElementById('app')!;
    const headerSlot = el('div', 'workbench-header-slot');
    const main = el('main', 'workbench-main');
    root.append(headerSlot, main);
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
    const fail = (error: unknown) => {
        root.textContent = `The workbench could not start: ${(error as Error).message}`;
    };
    const usersLoaded = getJson<{ users: WorkbenchUser[] }>('/api/users');
    const userId = params.get('user');
    if (!userId) {
        // No user yet: pick one of the right kind, then load the page as that user.
        usersLoaded
            .then(({ users }) => {
                const chosen = users.find((user) => user.level === wanted && (wanted !== 'rep' || user.openDeals > 0));
                if (!chosen) throw new Error(`The sample org has no ${wanted}.`);
                navigateTo({ user: chosen.id });
            })
            .catch(fail);
        return;
    }
    getJson<{ source: OrgSource | null }>('/api/org')
        .then(({ source }) => {
            if (source) main.before(orgNotice(source));
        })
        .catch(fail);
    usersLoaded
        .then(({ users }) =>
            headerSlot.replaceWith(
                header(
                    users,
                    users.find((user) => user.id === userId)
                )
            )
        )
        .catch(fail);
    Promise.resolve(mount(main)).catch(fail);
}
