import { createElement } from 'lwc';
import PipelineReview from 'c/pipelineReview';
import getScopeOptions from '@salesforce/apex/PipelineReviewController.getScopeOptions';
import getBoardPage from '@salesforce/apex/PipelineReviewController.getBoardPage';
import getBoardSummary from '@salesforce/apex/PipelineReviewController.getBoardSummary';
import startReview from '@salesforce/apex/PipelineReviewController.startReview';
import saveDecisions from '@salesforce/apex/PipelineReviewController.saveDecisions';
import endReview from '@salesforce/apex/PipelineReviewController.endReview';
import { boardPage, boardRows, boardSummary, sessionSummary } from '../../../../../test/fixtures/reviewFixtures';
import { allTextOf, captureToasts, flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

jest.mock(
    '@salesforce/apex/PipelineReviewController.getScopeOptions',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/PipelineReviewController.getBoardPage', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PipelineReviewController.getBoardSummary', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PipelineReviewController.startReview', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PipelineReviewController.saveDecisions', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PipelineReviewController.endReview', () => ({ default: jest.fn() }), { virtual: true });

type WireAdapter = { emit: (value: unknown) => void; error: (body?: unknown) => void };
const optionsAdapter = getScopeOptions as unknown as WireAdapter;
const pageMock = getBoardPage as unknown as jest.Mock;
const summaryMock = getBoardSummary as unknown as jest.Mock;
const startMock = startReview as unknown as jest.Mock;
const saveMock = saveDecisions as unknown as jest.Mock;
const endMock = endReview as unknown as jest.Mock;

const REVIEW_ID = 'a05000000000001AAA';
const OPTIONS = {
    reps: [
        { label: 'Riley Rep', value: '005000000000001AAA' },
        { label: 'Sam Seller', value: '005000000000002AAA' }
    ],
    stages: [{ label: 'Proposal/Price Quote', value: 'Proposal/Price Quote' }],
    forecastCategories: [{ label: 'Commit', value: 'Commit' }],
    quarters: [{ label: 'Q4 2026', value: '2026-Q4' }],
    hasTeam: true,
    openReviewId: null as string | null
};

type Datatable = HTMLElement & { data: Array<Record<string, unknown>>; enableInfiniteLoading: boolean };

function mount(): HTMLElement {
    const element = createElement('c-pipeline-review', { is: PipelineReview });
    document.body.appendChild(element);
    return element;
}

async function mountWithBoard(options: Partial<typeof OPTIONS> = {}): Promise<HTMLElement> {
    const element = mount();
    optionsAdapter.emit({ ...OPTIONS, ...options });
    await flushPromises();
    return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const table = (element: HTMLElement) => root(element).querySelector('lightning-datatable') as Datatable;
const click = (element: HTMLElement, id: string) =>
    (root(element).querySelector(`[data-id="${id}"]`) as HTMLElement).click();
const change = (target: Element, value: string) =>
    target.dispatchEvent(new CustomEvent('change', { detail: { value } }));

async function decide(element: HTMLElement, rowIndex: number, fields: Record<string, string>): Promise<void> {
    const row = table(element).data[rowIndex]!;
    table(element).dispatchEvent(new CustomEvent('rowaction', { detail: { action: { name: 'decide' }, row } }));
    await flushPromises();
    change(root(element).querySelector('[data-field="decision"]')!, fields.decision!);
    await flushPromises();
    for (const [field, value] of Object.entries(fields)) {
        if (field !== 'decision') change(root(element).querySelector(`[data-field="${field}"]`)!, value);
    }
    await flushPromises();
    click(element, 'confirm-decision');
    await flushPromises();
}

describe('c-pipeline-review', () => {
    beforeEach(() => {
        summaryMock.mockResolvedValue(boardSummary());
        pageMock.mockResolvedValue(boardPage(boardRows(3), false));
    });

    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('shows a spinner until the scope options arrive', async () => {
        const element = mount();
        await flushPromises();
        expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('loads the board for my team sorted as the server ranks it, with totals over the whole scope', async () => {
        const element = await mountWithBoard();

        expect(pageMock).toHaveBeenCalledWith({
            query: expect.objectContaining({ scope: 'my_team', pageSize: 50, cursorId: null })
        });
        expect(table(element).data.map((row) => row.name)).toEqual(['Deal 1', 'Deal 2', 'Deal 3']);
        expect(textOf(root(element), '[data-id="totals"]')).toBe(
            '10000 open deals, 812,500,000 in total, 12 not scored yet. Showing 3.'
        );
        await expect(element).toBeAccessible();
    });

    it('shows loop health and the open and overdue actions of earlier sessions first', async () => {
        const element = await mountWithBoard();

        expect(textOf(root(element), '[data-id="health-decisions"]')).toBe(
            '422 of 1688 at-risk deals got a decision this week (25%)'
        );
        expect(textOf(root(element), '[data-id="health-stuck"]')).toBe('37 stuck deals');
        expect(textOf(root(element), '[data-id="health-overdue"]')).toBe('1 overdue action');
        expect(allTextOf(root(element), '[data-id="open-actions"] li')).toEqual([
            'Overdue Book the CFO meeting · Riley Rep · due 2026-11-12 · Deal 1'
        ]);
    });

    it('highlights what changed since the last review and flags stuck deals', async () => {
        const [changed, stuck] = boardRows(2);
        changed!.stage = 'Negotiation/Review';
        stuck!.stageEnteredAt = '2026-10-01T00:00:00.000Z';
        pageMock.mockResolvedValue(boardPage([changed!, stuck!], false));
        const element = await mountWithBoard();

        const [first, second] = table(element).data;
        expect(first).toMatchObject({
            changesText: 'Stage Proposal/Price Quote → Negotiation/Review',
            rowClass: 'slds-theme_warning'
        });
        expect(second).toMatchObject({ stuckText: 'Stuck', changesText: '' });
    });

    it('loads the next page with the keyset cursor when the table scrolls, one Apex call per page', async () => {
        pageMock
            .mockResolvedValueOnce(boardPage(boardRows(50), true))
            .mockResolvedValueOnce(boardPage(boardRows(20, 50), false));
        const element = await mountWithBoard();
        expect(table(element).enableInfiniteLoading).toBe(true);

        table(element).dispatchEvent(new CustomEvent('loadmore'));
        await flushPromises();

        expect(pageMock).toHaveBeenCalledTimes(2);
        expect(pageMock.mock.calls[1]![0]).toEqual({
            query: expect.objectContaining({ cursorRisk: 950000, cursorId: 'a03000000000050AAA' })
        });
        expect(table(element).data).toHaveLength(70);
        expect(table(element).enableInfiniteLoading).toBe(false);
    });

    it('reloads from the first page when a filter changes', async () => {
        const element = await mountWithBoard();
        change(root(element).querySelector('[data-filter="band"]')!, 'at_risk');
        await flushPromises();

        expect(pageMock).toHaveBeenLastCalledWith({
            query: expect.objectContaining({ band: 'at_risk', cursorRisk: null })
        });
        expect(summaryMock).toHaveBeenLastCalledWith({ query: expect.objectContaining({ band: 'at_risk' }) });
    });

    it('asks for the rep before loading a one-rep scope', async () => {
        const element = await mountWithBoard();
        pageMock.mockClear();
        change(root(element).querySelector('[data-id="scope"]')!, 'one_rep');
        await flushPromises();
        expect(pageMock).not.toHaveBeenCalled();

        change(root(element).querySelector('[data-filter="repId"]')!, '005000000000002AAA');
        await flushPromises();
        expect(pageMock).toHaveBeenCalledWith({
            query: expect.objectContaining({ scope: 'one_rep', repId: '005000000000002AAA' })
        });
    });

    it('offers only "All I may see" to a manager without a team', async () => {
        const element = await mountWithBoard({ hasTeam: false });
        const scope = root(element).querySelector('[data-id="scope"]') as HTMLElement & {
            options: Array<{ value: string }>;
            value: string;
        };
        expect(scope.options.map((option) => option.value)).toEqual(['all_visible']);
        expect(scope.value).toBe('all_visible');
    });

    it('runs a session: one decision of each kind, saved in bulk, then the session summary', async () => {
        startMock.mockResolvedValue(REVIEW_ID);
        saveMock.mockResolvedValue({ savedCount: 5, tasksCreated: 1, decisionIds: [] });
        endMock.mockResolvedValue(sessionSummary());
        pageMock.mockResolvedValue(boardPage(boardRows(5), false));
        const element = await mountWithBoard();
        const toasts = captureToasts(element);

        click(element, 'start-session');
        await flushPromises();
        expect(startMock).toHaveBeenCalledWith({ query: expect.objectContaining({ scope: 'my_team' }) });

        await decide(element, 0, { decision: 'commit' });
        await decide(element, 1, { decision: 'push', newCloseDate: '2099-01-31' });
        await decide(element, 2, { decision: 'disqualify', reason: 'No budget this fiscal year' });
        await decide(element, 3, {
            decision: 'action',
            actionText: 'Book the CFO meeting',
            actionOwnerId: '005000000000002AAA',
            actionDueDate: '2099-01-15'
        });
        await decide(element, 4, { decision: 'no_change' });
        expect(allTextOf(root(element), '[data-id="pending"] li')).toEqual([
            'Deal 1: Commit',
            'Deal 2: Push',
            'Deal 3: Disqualify',
            'Deal 4: Action',
            'Deal 5: No change'
        ]);
        expect(table(element).data.map((row) => row.decisionText)).toEqual([
            'Commit',
            'Push',
            'Disqualify',
            'Action',
            'No change'
        ]);

        click(element, 'save-decisions');
        await flushPromises();
        const saved = saveMock.mock.calls[0]![0];
        expect(saved.reviewId).toBe(REVIEW_ID);
        expect(saved.decisions).toHaveLength(5);
        expect(saved.decisions[1]).toEqual({
            opportunityId: '006000000000002AAA',
            decision: 'push',
            newCloseDate: '2099-01-31',
            reason: null,
            actionText: null,
            actionOwnerId: null,
            actionDueDate: null
        });
        expect(saved.decisions[3]).toMatchObject({ actionOwnerId: '005000000000002AAA', actionDueDate: '2099-01-15' });
        expect(toasts).toContainEqual(
            expect.objectContaining({ title: 'Decisions saved', message: '5 decision(s) saved, 1 task(s) created.' })
        );
        expect(root(element).querySelector('[data-id="pending"]')).toBeNull();

        click(element, 'end-session');
        await flushPromises();
        expect(endMock).toHaveBeenCalledWith({ reviewId: REVIEW_ID });
        expect(textOf(root(element), '[data-id="deals-reviewed"]')).toBe('5');
        expect(textOf(root(element), '[data-id="tasks-created"]')).toBe('1');
        expect(root(element).querySelector('[data-id="zero-decision-warning"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('warns when a session ends with no decision: a meeting, not a loop', async () => {
        startMock.mockResolvedValue(REVIEW_ID);
        endMock.mockResolvedValue(
            sessionSummary({
                dealsReviewed: 0,
                commits: 0,
                pushes: 0,
                disqualifications: 0,
                actions: 0,
                noChanges: 0,
                tasksCreated: 0,
                zeroDecisionWarning: true
            })
        );
        const element = await mountWithBoard();
        click(element, 'start-session');
        await flushPromises();
        click(element, 'end-session');
        await flushPromises();

        expect(textOf(root(element), '[data-id="zero-decision-warning"]')).toContain('it was a meeting, not a loop');
        await expect(element).toBeAccessible();
    });

    it('checks a decision before adding it: a push needs a date, an action an owner and a future due date', async () => {
        startMock.mockResolvedValue(REVIEW_ID);
        const element = await mountWithBoard();
        click(element, 'start-session');
        await flushPromises();

        await decide(element, 0, { decision: 'push' });
        expect(allTextOf(root(element), '[data-id="draft-problems"] li')).toEqual(['A push needs the new close date.']);
        await expect(element).toBeAccessible();

        change(root(element).querySelector('[data-field="decision"]')!, 'action');
        await flushPromises();
        change(root(element).querySelector('[data-field="actionText"]')!, 'Call the CFO');
        change(root(element).querySelector('[data-field="actionDueDate"]')!, '2000-01-01');
        await flushPromises();
        click(element, 'confirm-decision');
        await flushPromises();
        expect(allTextOf(root(element), '[data-id="draft-problems"] li')).toEqual(['The due date is in the past.']);
        expect(root(element).querySelector('[data-id="pending"]')).toBeNull();
    });

    it('closes the decision dialog with Escape', async () => {
        startMock.mockResolvedValue(REVIEW_ID);
        const element = await mountWithBoard();
        click(element, 'start-session');
        await flushPromises();
        table(element).dispatchEvent(
            new CustomEvent('rowaction', { detail: { action: { name: 'decide' }, row: table(element).data[0] } })
        );
        await flushPromises();

        root(element)
            .querySelector('[data-id="decision-editor"]')!
            .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await flushPromises();
        expect(root(element).querySelector('[data-id="decision-editor"]')).toBeNull();
    });

    it('keeps every pending decision and shows the reason when the server saves nothing', async () => {
        startMock.mockResolvedValue(REVIEW_ID);
        saveMock.mockRejectedValue({ body: { message: 'Deal 2: you cannot edit this opportunity.' } });
        const element = await mountWithBoard();
        click(element, 'start-session');
        await flushPromises();
        await decide(element, 0, { decision: 'commit' });
        await decide(element, 1, { decision: 'no_change' });

        click(element, 'save-decisions');
        await flushPromises();

        expect(textOf(root(element), '[data-id="save-error"]')).toBe('Deal 2: you cannot edit this opportunity.');
        expect(allTextOf(root(element), '[data-id="pending"] li')).toHaveLength(2);
    });

    it('requires a session before a decision', async () => {
        const element = await mountWithBoard();
        const toasts = captureToasts(element);
        table(element).dispatchEvent(
            new CustomEvent('rowaction', { detail: { action: { name: 'decide' }, row: table(element).data[0] } })
        );
        await flushPromises();

        expect(root(element).querySelector('[data-id="decision-editor"]')).toBeNull();
        expect(toasts).toEqual([expect.objectContaining({ title: 'Start a review session first' })]);
    });

    it('resumes a session left in progress', async () => {
        const element = await mountWithBoard({ openReviewId: REVIEW_ID });
        expect(root(element).querySelector('[data-id="session-badge"]')).not.toBeNull();
    });

    it('explains failures to load the options, the board, or the next page', async () => {
        const broken = mount();
        optionsAdapter.error({ message: 'You have no access to Pipeline Review' });
        await flushPromises();
        expect(textOf(root(broken), '[data-id="options-error"]')).toContain('You have no access to Pipeline Review');
        await expect(broken).toBeAccessible();
        resetDom();

        pageMock.mockRejectedValue({ body: { message: 'You have no team below you in the role hierarchy.' } });
        const element = await mountWithBoard();
        expect(textOf(root(element), '[data-id="board-error"]')).toContain(
            'You have no team below you in the role hierarchy.'
        );
        await expect(element).toBeAccessible();
    });

    it('says when no deal matches', async () => {
        pageMock.mockResolvedValue(boardPage([], false));
        summaryMock.mockResolvedValue(
            boardSummary({ totalDeals: 0, totalAmount: 0, openActions: [], overdueActions: 0 })
        );
        const element = await mountWithBoard();
        expect(textOf(root(element), '[data-id="board-empty"]')).toBe(
            'No open, scored deals match this scope and these filters.'
        );
        await expect(element).toBeAccessible();
    });
});
