import { createElement } from 'lwc';
import PipelineReview from 'c/pipelineReview';
import loadBoard from '@salesforce/apex/PipelineReviewController.loadBoard';
import getBoardPage from '@salesforce/apex/PipelineReviewController.getBoardPage';
import startReview from '@salesforce/apex/PipelineReviewController.startReview';
import saveDecisions from '@salesforce/apex/PipelineReviewController.saveDecisions';
import endReview from '@salesforce/apex/PipelineReviewController.endReview';
import type { BoardLoad, BoardPage, BoardSummary, ScopeOptions } from 'c/reviewLogic';
import { boardPage, boardRows, boardSummary, sessionSummary } from '../../../../../test/fixtures/reviewFixtures';
import { allTextOf, captureToasts, flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

jest.mock('@salesforce/apex/PipelineReviewController.loadBoard', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PipelineReviewController.getBoardPage', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PipelineReviewController.startReview', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PipelineReviewController.saveDecisions', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PipelineReviewController.endReview', () => ({ default: jest.fn() }), { virtual: true });

const loadMock = loadBoard as unknown as jest.Mock;
const pageMock = getBoardPage as unknown as jest.Mock;
const startMock = startReview as unknown as jest.Mock;
const saveMock = saveDecisions as unknown as jest.Mock;
const endMock = endReview as unknown as jest.Mock;

const REVIEW_ID = 'a05000000000001AAA';
const OPTIONS: ScopeOptions = {
    reps: [
        { label: 'Riley Rep', value: '005000000000001AAA' },
        { label: 'Sam Seller', value: '005000000000002AAA' }
    ],
    stages: [{ label: 'Proposal/Price Quote', value: 'Proposal/Price Quote' }],
    forecastCategories: [{ label: 'Commit', value: 'Commit' }],
    quarters: [{ label: 'Q4 2026', value: '2026-Q4' }],
    hasTeam: true,
    openReviewId: null
};

function boardLoad(
    page: BoardPage = boardPage(boardRows(3), false),
    options: Partial<ScopeOptions> = {},
    summary: BoardSummary = boardSummary()
): BoardLoad {
    const merged = { ...OPTIONS, ...options };
    return { options: merged, scope: merged.hasTeam ? 'my_team' : 'all_visible', summary, page };
}

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-pipeline-review', { is: PipelineReview });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const boardTable = (element: HTMLElement) => root(element).querySelector('c-review-board-table')!.shadowRoot!;
const panel = (element: HTMLElement) => root(element).querySelector('c-review-deal-panel')!.shadowRoot!;
const filterBar = (element: HTMLElement) => root(element).querySelector('c-filter-bar')!.shadowRoot!;
const dealNames = (element: HTMLElement) => allTextOf(boardTable(element), 'button.deal-button');
const click = (element: HTMLElement, id: string) =>
    (root(element).querySelector(`[data-id="${id}"]`) as HTMLElement).click();
const change = (target: Element, value: string) =>
    target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
const key = (target: Element, name: string) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));
const tile = (element: HTMLElement, id: string) =>
    readTile(root(element).querySelector(`c-metric-tile[data-id="${id}"]`) as HTMLElement);

function readTile(host: HTMLElement): string {
    return allTextOf(host.shadowRoot!, 'p[data-id^="metric-"]').join(' | ');
}

async function decide(element: HTMLElement, rowIndex: number, fields: Record<string, string>): Promise<void> {
    (boardTable(element).querySelectorAll('[data-id="decide"]')[rowIndex] as HTMLElement).click();
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

async function startSession(element: HTMLElement): Promise<void> {
    startMock.mockResolvedValue(REVIEW_ID);
    click(element, 'start-session');
    await flushPromises();
}

describe('c-pipeline-review', () => {
    beforeEach(() => {
        loadMock.mockResolvedValue(boardLoad());
    });

    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('shows a spinner until the board arrives, in one Apex round trip', async () => {
        loadMock.mockReturnValue(new Promise(() => {}));
        const element = await mount();
        expect(root(element).querySelector('c-state-panel')).not.toBeNull();
        expect((root(element).querySelector('c-state-panel') as HTMLElement & { loading: boolean }).loading).toBe(true);
        expect(loadMock).toHaveBeenCalledTimes(1);
        expect(pageMock).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('loads the board sorted as the server ranks it, with totals in the currency over the whole scope', async () => {
        const element = await mount();

        // No scope yet: the server picks my team when there is one.
        expect(loadMock).toHaveBeenCalledWith({ query: expect.objectContaining({ scope: null, pageSize: 50 }) });
        expect(dealNames(element)).toEqual(['Deal 1', 'Deal 2', 'Deal 3']);
        expect(tile(element, 'totals')).toBe('Open deals | 10000 | $812,500,000 in total · 12 not scored yet');
        expect(textOf(root(element), '[data-id="showing"]')).toBe('Showing 3 of 9988 scored deals');
        expect(allTextOf(boardTable(element), 'thead th')).toEqual([
            'Deal',
            'Stage',
            'Amount',
            'Score',
            'Top risk',
            'What changed',
            'Decision',
            'Decide'
        ]);
        expect(textOf(boardTable(element), 'tbody tr [data-id="amount"]')).toBe('$120,000');
        await expect(element).toBeAccessible();
    });

    it('shows loop health as tiles and the open and overdue actions of earlier sessions', async () => {
        const element = await mount();

        expect(tile(element, 'health-decisions')).toBe(
            'At-risk deals decided this week | 25% | 422 of 1688 at-risk deals got a decision this week (25%)'
        );
        expect(tile(element, 'health-stuck')).toBe('Stuck deals | 37 | Same stage through 3 reviews, no decision');
        expect(tile(element, 'health-overdue')).toBe('Overdue actions | 1 | 1 overdue action');
        expect(allTextOf(root(element), '[data-id="open-actions"] li')).toEqual([
            'Overdue Book the CFO meeting · Riley Rep · due Nov 12, 2026 · Deal 1'
        ]);
    });

    it('shows the selected deal in the side panel and moves through the deals by keyboard', async () => {
        const [first, second] = boardRows(2);
        second!.stage = 'Negotiation/Review';
        second!.stageEnteredAt = '2026-10-01T00:00:00.000Z';
        loadMock.mockResolvedValue(boardLoad(boardPage([first!, second!], false)));
        const element = await mount();

        expect(textOf(panel(element), '[data-id="panel-title"]')).toBe('Deal 1');
        expect(allTextOf(panel(element), '[data-id="panel-risks"] li')).toEqual([
            'Medium The economic buyer has not been validated',
            'Low No activity in 9 days'
        ]);
        expect(textOf(panel(element), '[data-id="panel-next-step"]')).toBe('Mutual close plan with the CFO');

        key(boardTable(element).querySelector('[data-id="board-scroller"]')!, 'ArrowDown');
        await flushPromises();
        expect(textOf(panel(element), '[data-id="panel-title"]')).toBe('Deal 2');
        expect(allTextOf(panel(element), '[data-id="panel-changes"] li')).toEqual([
            'Stage Proposal/Price Quote → Negotiation/Review'
        ]);
        expect(allTextOf(boardTable(element), 'tbody tr:nth-child(2) [data-id="changes"] .slds-badge')).toEqual([
            '→ Negotiation/Review',
            '■ Stuck'
        ]);
        const selected = boardTable(element).querySelector('button.deal-button[aria-current="true"]')!;
        expect(selected.textContent!.trim()).toBe('Deal 2');
        expect(boardTable(element).activeElement).toBe(selected);

        key(boardTable(element).querySelector('[data-id="board-scroller"]')!, 'k');
        await flushPromises();
        expect(textOf(panel(element), '[data-id="panel-title"]')).toBe('Deal 1');
        expect(textOf(root(element), '[data-id="keyboard-hints"]')).toContain('decide');
        await expect(element).toBeAccessible();
    });

    it('loads the next page with the keyset cursor, one Apex call per page', async () => {
        loadMock.mockResolvedValue(boardLoad(boardPage(boardRows(50), true)));
        pageMock.mockResolvedValueOnce(boardPage(boardRows(20, 50), false));
        const element = await mount();

        (boardTable(element).querySelector('[data-id="load-more"]') as HTMLElement).click();
        await flushPromises();

        expect(pageMock).toHaveBeenCalledTimes(1);
        expect(pageMock.mock.calls[0]![0]).toEqual({
            query: expect.objectContaining({ scope: 'my_team', cursorRisk: 950000, cursorId: 'a03000000000050AAA' })
        });
        expect(dealNames(element)).toHaveLength(70);
        expect(boardTable(element).querySelector('[data-id="load-more"]')).toBeNull();
    });

    it('reloads from the first page when a filter changes, with totals of that band', async () => {
        const element = await mount();
        loadMock.mockResolvedValue(boardLoad(undefined, {}, boardSummary({ totalDeals: 1688, unscoredDeals: 0 })));
        change(filterBar(element).querySelector('[data-key="band"]')!, 'at_risk');
        await flushPromises();

        expect(loadMock).toHaveBeenLastCalledWith({
            query: expect.objectContaining({ scope: 'my_team', band: 'at_risk', cursorRisk: null })
        });
        expect(tile(element, 'totals')).toBe('Open deals (At risk) | 1688 | $812,500,000 in total');
    });

    it('asks for the rep before loading a one-rep scope', async () => {
        const element = await mount();
        loadMock.mockClear();
        change(filterBar(element).querySelector('[data-key="scope"]')!, 'one_rep');
        await flushPromises();
        expect(loadMock).not.toHaveBeenCalled();

        change(filterBar(element).querySelector('[data-key="repId"]')!, '005000000000002AAA');
        await flushPromises();
        expect(loadMock).toHaveBeenCalledWith({
            query: expect.objectContaining({ scope: 'one_rep', repId: '005000000000002AAA' })
        });
    });

    it('offers only "All I may see" to a manager without a team', async () => {
        loadMock.mockResolvedValue(boardLoad(undefined, { hasTeam: false }));
        const element = await mount();
        const scope = filterBar(element).querySelector('[data-key="scope"]') as HTMLElement & {
            options: Array<{ value: string }>;
            value: string;
        };
        expect(scope.options.map((option) => option.value)).toEqual(['all_visible']);
        expect(scope.value).toBe('all_visible');
    });

    it('runs a session: one decision of each kind, pending on their rows, saved in bulk, then the summary', async () => {
        saveMock.mockResolvedValue({ savedCount: 5, tasksCreated: 1, decisionIds: [] });
        endMock.mockResolvedValue(sessionSummary());
        loadMock.mockResolvedValue(boardLoad(boardPage(boardRows(5), false)));
        const element = await mount();
        const toasts = captureToasts(element);

        await startSession(element);
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
        expect(allTextOf(boardTable(element), '[data-id="decision"]')).toEqual([
            'Commit Pending: not saved yet',
            'Push Pending: not saved yet',
            'Disqualify Pending: not saved yet',
            'Action Pending: not saved yet',
            'No change Pending: not saved yet'
        ]);
        expect(textOf(root(element), '[data-id="save-decisions"]')).toBe('Save decisions (5)');

        const savedRows = boardRows(5).map((row, index) => ({
            ...row,
            savedDecision: {
                decisionId: `a06${index}`,
                reviewId: REVIEW_ID,
                decision: 'commit',
                decidedAt: '2026-11-16T15:10:00.000Z',
                decidedByName: 'Morgan Manager',
                newCloseDate: null,
                reason: null,
                actionText: null,
                actionDueDate: null
            }
        }));
        loadMock.mockResolvedValue(boardLoad(boardPage(savedRows, false, { decisionReviewId: REVIEW_ID })));
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
        // Saved decisions stay on the board, with who decided and when.
        expect(root(element).querySelector('[data-id="save-decisions"]')).toBeNull();
        expect(textOf(boardTable(element), '[data-id="decision"]')).toMatch(
            /^Commit Saved by Morgan Manager, Nov 1[67], 2026/
        );
        expect(textOf(root(element), '[data-id="session-status"]')).toContain('5 saved, 0 pending');

        click(element, 'end-session');
        await flushPromises();
        expect(endMock).toHaveBeenCalledWith({ reviewId: REVIEW_ID });
        expect(textOf(root(element), '[data-id="deals-reviewed"]')).toBe('5');
        expect(textOf(root(element), '[data-id="tasks-created"]')).toBe('1');
        expect(root(element).querySelector('[data-id="zero-decision-warning"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('decides from the side panel and by the D key, showing the deal context with no type preselected', async () => {
        const element = await mount();
        await startSession(element);

        (panel(element).querySelector('[data-id="panel-decide"]') as HTMLElement).click();
        await flushPromises();
        expect(textOf(root(element), '[data-id="decision-context"]')).toBe(
            'Amount $120,000 Close date Dec 18, 2026 Score 64 (Watch) Unchanged since the last review Top risk The economic buyer has not been validated'
        );
        const group = root(element).querySelector('[data-field="decision"]') as HTMLElement & { value: unknown };
        expect(group.value).toBeNull();
        click(element, 'confirm-decision');
        await flushPromises();
        expect(allTextOf(root(element), '[data-id="draft-problems"] li')).toEqual(['Choose a decision.']);
        await expect(element).toBeAccessible();

        root(element).querySelector('c-modal-dialog')!.dispatchEvent(new CustomEvent('close'));
        await flushPromises();
        expect(root(element).querySelector('c-modal-dialog')).toBeNull();

        key(boardTable(element).querySelector('[data-id="board-scroller"]')!, 'd');
        await flushPromises();
        expect(textOf(root(element), 'c-modal-dialog[data-id="decision-editor"]')).toContain('Amount');
        change(root(element).querySelector('[data-field="decision"]')!, 'commit');
        await flushPromises();
        // Enter confirms (the dialog fires submit).
        root(element).querySelector('c-modal-dialog')!.dispatchEvent(new CustomEvent('submit'));
        await flushPromises();
        expect(root(element).querySelector('c-modal-dialog')).toBeNull();
        expect(textOf(boardTable(element), '[data-id="decision"]')).toBe('Commit Pending: not saved yet');
    });

    it('warns when a session ends with no decision: a meeting, not a loop', async () => {
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
        const element = await mount();
        await startSession(element);
        click(element, 'end-session');
        await flushPromises();

        expect(textOf(root(element), '[data-id="zero-decision-warning"]')).toContain('it was a meeting, not a loop');
        await expect(element).toBeAccessible();
    });

    it('checks a decision before adding it: a push needs a date, an action a future due date', async () => {
        const element = await mount();
        await startSession(element);

        await decide(element, 0, { decision: 'push' });
        expect(allTextOf(root(element), '[data-id="draft-problems"] li')).toEqual(['A push needs the new close date.']);

        change(root(element).querySelector('[data-field="decision"]')!, 'action');
        await flushPromises();
        change(root(element).querySelector('[data-field="actionText"]')!, 'Call the CFO');
        change(root(element).querySelector('[data-field="actionDueDate"]')!, '2000-01-01');
        await flushPromises();
        click(element, 'confirm-decision');
        await flushPromises();
        expect(allTextOf(root(element), '[data-id="draft-problems"] li')).toEqual(['The due date is in the past.']);
        expect(root(element).querySelector('[data-id="save-decisions"]')).toBeNull();
    });

    it('keeps every pending decision and shows the reason when the server saves nothing', async () => {
        saveMock.mockRejectedValue({ body: { message: 'Deal 2: you cannot edit this opportunity.' } });
        const element = await mount();
        await startSession(element);
        await decide(element, 0, { decision: 'commit' });
        await decide(element, 1, { decision: 'no_change' });

        click(element, 'save-decisions');
        await flushPromises();

        expect(textOf(root(element), '[data-id="save-error"]')).toBe(
            'Nothing was saved: Deal 2: you cannot edit this opportunity.'
        );
        expect(textOf(root(element), '[data-id="save-decisions"]')).toBe('Save decisions (2)');
    });

    it('requires a session before a decision', async () => {
        const element = await mount();
        const toasts = captureToasts(element);
        (boardTable(element).querySelector('[data-id="decide"]') as HTMLElement).click();
        await flushPromises();

        expect(root(element).querySelector('[data-id="decision-editor"]')).toBeNull();
        expect(toasts).toEqual([expect.objectContaining({ title: 'Start a review session first' })]);
    });

    it('resumes a session left in progress', async () => {
        loadMock.mockResolvedValue(boardLoad(undefined, { openReviewId: REVIEW_ID }));
        const element = await mount();
        expect(root(element).querySelector('[data-id="end-session"]')).not.toBeNull();
        expect(textOf(root(element), '[data-id="session-status"]')).toContain('Session in progress');
    });

    it('explains a failure to load the board and to load the next page', async () => {
        loadMock.mockRejectedValue({ body: { message: 'You have no access to Pipeline Review' } });
        const broken = await mount();
        const state = root(broken).querySelector('c-state-panel') as HTMLElement & { error: string };
        expect(state.error).toBe('You have no access to Pipeline Review');
        await expect(broken).toBeAccessible();
        resetDom();

        loadMock.mockResolvedValue(boardLoad(boardPage(boardRows(50), true)));
        pageMock.mockRejectedValue({ body: { message: 'The page size must be between 1 and 200.' } });
        const element = await mount();
        const toasts = captureToasts(element);
        (boardTable(element).querySelector('[data-id="load-more"]') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([
            expect.objectContaining({
                title: 'More deals could not be loaded',
                message: 'The page size must be between 1 and 200.'
            })
        ]);
    });

    it('says when no deal matches', async () => {
        loadMock.mockResolvedValue(
            boardLoad(
                boardPage([], false),
                {},
                boardSummary({ totalDeals: 0, totalAmount: 0, openActions: [], overdueActions: 0 })
            )
        );
        const element = await mount();
        const state = root(element).querySelector('[data-id="board-state"]') as HTMLElement & {
            empty: boolean;
            emptyMessage: string;
        };
        expect(state.empty).toBe(true);
        expect(state.emptyMessage).toBe('No open, scored deals match this scope and these filters.');
        await expect(element).toBeAccessible();
    });
});
