import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import loadBoard from '@salesforce/apex/PipelineReviewController.loadBoard';
import getBoardPage from '@salesforce/apex/PipelineReviewController.getBoardPage';
import startReview from '@salesforce/apex/PipelineReviewController.startReview';
import saveDecisions from '@salesforce/apex/PipelineReviewController.saveDecisions';
import endReview from '@salesforce/apex/PipelineReviewController.endReview';
import SCOPE_MY_TEAM from '@salesforce/label/c.ScopeOptionMyTeam';
import SCOPE_ONE_REP from '@salesforce/label/c.ScopeOptionOneRep';
import SCOPE_ALL_VISIBLE from '@salesforce/label/c.ScopeOptionAllVisible';
import { errorMessage } from 'c/lwcUtils';
import type { FilterChangeDetail, FilterDefinition, FilterOption } from 'c/filterBar';
import {
    DECISION_LABELS,
    decisionProblems,
    formatDate,
    formatMoney,
    loopHealth,
    normalizeDecision,
    toDisplayRows,
    todayIso,
    type BoardDisplayRow,
    type BoardPage,
    type BoardRow,
    type BoardSummary,
    type Decision,
    type DecisionDraft,
    type DecisionInput,
    type LoopHealth,
    type ScopeOptions,
    type SessionSummary
} from 'c/reviewLogic';

const PAGE_SIZE = 50;
const ANY = '';
/** Space kept under the board so the page does not scroll; the board takes the rest of the viewport's height. */
const BOARD_BOTTOM_GAP_PX = 12;
const BOARD_MIN_HEIGHT_PX = 320;

type FilterKey = 'scope' | 'repId' | 'closeQuarter' | 'stage' | 'forecastCategory' | 'band';

/** Apex options as the filter bar takes them (Aura drops null fields, so a label may be missing). */
function filterOptions(
    options: readonly { label?: string | null; value?: string | null }[] | null | undefined
): FilterOption[] {
    return (options ?? []).map((option) => ({ label: option.label ?? option.value ?? '', value: option.value ?? '' }));
}

const DECISION_OPTIONS: FilterOption[] = (Object.keys(DECISION_LABELS) as Decision[]).map((value) => ({
    label: DECISION_LABELS[value],
    value
}));

const BAND_OPTIONS: FilterOption[] = [
    { label: 'At risk', value: 'at_risk' },
    { label: 'Watch', value: 'watch' },
    { label: 'Healthy', value: 'healthy' }
];

/**
 * The manager's weekly pipeline review: loop health, open actions of earlier sessions, filters, and a risk-sorted
 * board with a side panel for the selected deal, driven by keyboard (arrows or J/K, D to decide, Enter to confirm).
 * A session ends in logged decisions, saved in bulk; saved decisions stay on their rows with who decided and when.
 * One Apex round trip on opening (loadBoard); one per further page.
 */
export default class PipelineReview extends LightningElement {
    decisionOptions = DECISION_OPTIONS;

    options: ScopeOptions | undefined;
    scope = ANY;
    repId: string = ANY;
    closeQuarter: string = ANY;
    stage: string = ANY;
    forecastCategory: string = ANY;
    band: string = ANY;

    rows: BoardRow[] = [];
    lastReviewAt: string | null = null;
    reviewDates: string[] = [];
    cursor: { risk: number | null; id: string | null } | null = null;
    hasMore = false;
    isLoadingBoard = true;
    isLoadingMore = false;
    boardError: string | undefined;
    summary: BoardSummary | undefined;
    selectedId: string | null = null;
    /** Bumped on every reload, so a late answer to an older query is ignored. */
    boardGeneration = 0;

    reviewId: string | null = null;
    pending = new Map<string, DecisionInput>();
    draft: DecisionDraft | null = null;
    draftProblems: string[] = [];
    isSaving = false;
    saveError: string | undefined;
    sessionSummary: SessionSummary | undefined;

    private boardHeight = 0;
    private readonly handleResize = (): void => this.fitBoardToViewport();
    /** Re-measures when what sits above the board (tiles, filters, actions) settles or changes size. */
    private resizeObserver: ResizeObserver | undefined;

    override connectedCallback(): void {
        window.addEventListener('resize', this.handleResize);
        this.reloadBoard();
    }

    override disconnectedCallback(): void {
        window.removeEventListener('resize', this.handleResize);
        this.resizeObserver?.disconnect();
        this.resizeObserver = undefined;
    }

    override renderedCallback(): void {
        this.fitBoardToViewport();
        const card = this.template?.querySelector<HTMLElement>('[data-id="pipeline-review"]');
        if (card && !this.resizeObserver && typeof ResizeObserver !== 'undefined') {
            this.resizeObserver = new ResizeObserver(() => this.fitBoardToViewport());
            this.resizeObserver.observe(card);
        }
    }

    /** The board fills the viewport below its own top edge, so as many deals show as the screen allows. */
    private fitBoardToViewport(): void {
        const layout = this.template?.querySelector<HTMLElement>('[data-id="board-layout"]');
        if (!layout) return;
        // The board's top on the page (not in the viewport, which moves when the page scrolls).
        const top = layout.getBoundingClientRect().top + window.scrollY;
        const height = Math.max(BOARD_MIN_HEIGHT_PX, Math.floor(window.innerHeight - top - BOARD_BOTTOM_GAP_PX));
        if (height !== this.boardHeight) {
            this.boardHeight = height;
            layout.style.height = `${height}px`;
        }
    }

    // Loading ----------------------------------------------------------------------------------------------------

    get isFirstLoad(): boolean {
        return this.isLoadingBoard && !this.options;
    }

    get optionsError(): string | undefined {
        return this.options ? undefined : this.boardError;
    }

    get query(): Record<string, unknown> {
        return {
            scope: this.scope || null,
            repId: this.scope === 'one_rep' && this.repId ? this.repId : null,
            closeQuarter: this.closeQuarter || null,
            stage: this.stage || null,
            forecastCategory: this.forecastCategory || null,
            band: this.band || null,
            pageSize: PAGE_SIZE,
            cursorRisk: null,
            cursorId: null
        };
    }

    async reloadBoard(): Promise<void> {
        const generation = ++this.boardGeneration;
        this.boardError = undefined;
        this.isLoadingBoard = true;
        try {
            const load = await loadBoard({ query: this.query });
            if (generation !== this.boardGeneration) return;
            const firstLoad = !this.options;
            this.options = load.options ?? undefined;
            this.scope = load.scope ?? this.scope;
            if (firstLoad) this.reviewId = load.options?.openReviewId ?? null;
            this.summary = load.summary ?? undefined;
            this.rows = [];
            if (load.page) this.applyPage(load.page);
            if (!this.rows.some((row) => row.opportunityId === this.selectedId)) {
                this.selectedId = this.rows[0]?.opportunityId ?? null;
            }
        } catch (error) {
            if (generation === this.boardGeneration) {
                this.rows = [];
                this.boardError = errorMessage(error);
            }
        } finally {
            if (generation === this.boardGeneration) this.isLoadingBoard = false;
        }
    }

    async handleLoadMore(): Promise<void> {
        if (!this.hasMore || this.isLoadingBoard || this.isLoadingMore || !this.cursor) return;
        const generation = this.boardGeneration;
        this.isLoadingMore = true;
        try {
            const page = await getBoardPage({
                query: { ...this.query, cursorRisk: this.cursor.risk, cursorId: this.cursor.id }
            });
            if (generation === this.boardGeneration) this.applyPage(page);
        } catch (error) {
            if (generation === this.boardGeneration) {
                this.hasMore = false;
                this.toast('More deals could not be loaded', errorMessage(error), 'error');
            }
        } finally {
            this.isLoadingMore = false;
        }
    }

    private applyPage(page: BoardPage): void {
        this.rows = [...this.rows, ...page.rows];
        this.lastReviewAt = page.lastReviewAt ?? null;
        this.reviewDates = page.reviewDates;
        this.hasMore = page.hasMore;
        this.cursor = page.hasMore ? { risk: page.nextCursorRisk ?? null, id: page.nextCursorId ?? null } : null;
    }

    // Header, tiles, filters ---------------------------------------------------------------------------------------

    get currencyIsoCode(): string | null {
        return this.summary?.currencyIsoCode ?? null;
    }

    get health(): LoopHealth | undefined {
        return this.summary ? loopHealth(this.summary) : undefined;
    }

    get totalDealsText(): string {
        return this.summary ? String(this.summary.totalDeals) : '';
    }

    get totalsDetail(): string {
        if (!this.summary) return '';
        const unscored = this.summary.unscoredDeals > 0 ? ` · ${this.summary.unscoredDeals} not scored yet` : '';
        return `${formatMoney(this.summary.totalAmount, this.currencyIsoCode)} in total${unscored}`;
    }

    get totalsLabel(): string {
        return this.band ? `Open deals (${BAND_OPTIONS.find((b) => b.value === this.band)?.label})` : 'Open deals';
    }

    get stuckTone(): string {
        return (this.summary?.stuckDeals ?? 0) > 0 ? 'warning' : 'success';
    }

    get overdueTone(): string {
        return (this.summary?.overdueActions ?? 0) > 0 ? 'error' : 'success';
    }

    get decidedTone(): string {
        const share = this.health?.decisionSharePercent;
        return share === null || share === undefined ? 'neutral' : share >= 50 ? 'success' : 'warning';
    }

    get lastReviewText(): string {
        return this.lastReviewAt
            ? `Changes since the last review on ${formatDate(this.lastReviewAt)}`
            : 'No earlier review';
    }

    get showingText(): string {
        if (!this.summary) return '';
        return `Showing ${this.rows.length} of ${this.summary.totalDeals - this.summary.unscoredDeals} scored deals`;
    }

    get hasOpenActions(): boolean {
        return (this.summary?.openActions.length ?? 0) > 0;
    }

    get openActions() {
        return (this.summary?.openActions ?? []).map((action) => ({
            ...action,
            dueText: action.dueDate ? formatDate(action.dueDate) : 'no due date',
            statusText: action.isOverdue ? 'Overdue' : 'Open',
            badgeClass: action.isOverdue ? 'slds-badge slds-theme_error' : 'slds-badge'
        }));
    }

    private withAny(options: FilterOption[] | undefined, anyLabel: string): FilterOption[] {
        return [{ label: anyLabel, value: ANY }, ...(options ?? [])];
    }

    get filters(): FilterDefinition[] {
        const scopes: FilterOption[] = [];
        if (this.options?.hasTeam) {
            scopes.push({ label: SCOPE_MY_TEAM, value: 'my_team' }, { label: SCOPE_ONE_REP, value: 'one_rep' });
        }
        scopes.push({ label: SCOPE_ALL_VISIBLE, value: 'all_visible' });
        return [
            { key: 'scope', label: 'Scope', value: this.scope, options: scopes },
            {
                key: 'repId',
                label: 'Rep',
                value: this.repId,
                options: filterOptions(this.options?.reps),
                hidden: this.scope !== 'one_rep'
            },
            {
                key: 'closeQuarter',
                label: 'Close quarter',
                value: this.closeQuarter,
                options: this.withAny(filterOptions(this.options?.quarters), 'Any quarter')
            },
            {
                key: 'stage',
                label: 'Stage',
                value: this.stage,
                options: this.withAny(filterOptions(this.options?.stages), 'Any stage')
            },
            {
                key: 'forecastCategory',
                label: 'Forecast category',
                value: this.forecastCategory,
                options: this.withAny(filterOptions(this.options?.forecastCategories), 'Any category')
            },
            { key: 'band', label: 'Band', value: this.band, options: this.withAny(BAND_OPTIONS, 'Any band') }
        ];
    }

    handleFilterChange(event: CustomEvent<FilterChangeDetail>): void {
        const key = event.detail.key as FilterKey;
        this[key] = event.detail.value ?? ANY;
        // One rep needs the rep before the board can load.
        if (this.scope === 'one_rep' && !this.repId) return;
        this.reloadBoard();
    }

    // The board and the side panel ---------------------------------------------------------------------------------

    get displayRows(): BoardDisplayRow[] {
        return toDisplayRows(
            this.rows,
            this.lastReviewAt,
            this.reviewDates,
            this.pending,
            this.currencyIsoCode,
            this.selectedId
        );
    }

    get selectedRow(): BoardDisplayRow | undefined {
        return this.displayRows.find((row) => row.isSelected);
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get isBoardEmpty(): boolean {
        return !this.isLoadingBoard && !this.boardError && this.summary !== undefined && this.rows.length === 0;
    }

    get showBoardState(): boolean {
        return !this.hasRows && Boolean(this.options);
    }

    handleSelect(event: CustomEvent<{ opportunityId: string }>): void {
        this.selectedId = event.detail.opportunityId;
    }

    handleDecide(event: CustomEvent<{ opportunityId: string }>): void {
        if (!this.inSession) {
            this.toast('Start a review session first', 'Decisions are recorded inside a review session.', 'error');
            return;
        }
        const row = this.rows.find((candidate) => candidate.opportunityId === event.detail.opportunityId);
        // Apex sets every board row's id; a row without one cannot carry a decision.
        if (!row?.opportunityId) return;
        this.selectedId = row.opportunityId;
        this.draftProblems = [];
        // The manager picks the decision type: none is preselected, so no decision is recorded by accident.
        this.draft = this.pending.get(row.opportunityId) ?? {
            opportunityId: row.opportunityId,
            decision: null,
            newCloseDate: null,
            reason: null,
            actionText: null,
            actionOwnerId: row.ownerId ?? null,
            actionDueDate: null
        };
    }

    // The session ------------------------------------------------------------------------------------------------

    get inSession(): boolean {
        return this.reviewId !== null;
    }

    get hasPending(): boolean {
        return this.pending.size > 0;
    }

    get saveLabel(): string {
        return `Save decisions (${this.pending.size})`;
    }

    get sessionStatusText(): string {
        if (!this.inSession) return 'No session in progress';
        const saved = this.rows.filter((row) => row.savedDecision?.reviewId === this.reviewId).length;
        return `Session in progress · ${saved} saved, ${this.pending.size} pending`;
    }

    get sessionWarning(): boolean {
        return Boolean(this.sessionSummary?.zeroDecisionWarning);
    }

    async handleStartSession(): Promise<void> {
        try {
            this.reviewId = await startReview({ query: this.query });
            this.sessionSummary = undefined;
            this.toast('Review session started', 'Record a decision on each deal you discuss.', 'success');
        } catch (error) {
            this.toast('The session could not start', errorMessage(error), 'error');
        }
    }

    async handleSaveDecisions(): Promise<void> {
        if (!this.reviewId || this.pending.size === 0 || this.isSaving) return;
        this.isSaving = true;
        this.saveError = undefined;
        try {
            const result = await saveDecisions({
                reviewId: this.reviewId,
                decisions: [...this.pending.values()]
            });
            this.pending = new Map();
            this.toast(
                'Decisions saved',
                `${result.savedCount} decision(s) saved, ${result.tasksCreated} task(s) created.`,
                'success'
            );
            await this.reloadBoard();
        } catch (error) {
            // Nothing was saved (the server saves all or nothing); the pending decisions stay for a fix and retry.
            this.saveError = errorMessage(error);
            this.toast('Decisions not saved', this.saveError, 'error');
        } finally {
            this.isSaving = false;
        }
    }

    async handleEndSession(): Promise<void> {
        if (!this.reviewId) return;
        if (this.pending.size > 0) {
            this.toast(
                'Save or discard your decisions first',
                `${this.pending.size} decision(s) are not saved yet.`,
                'error'
            );
            return;
        }
        try {
            this.sessionSummary = await endReview({ reviewId: this.reviewId });
            this.reviewId = null;
        } catch (error) {
            this.toast('The session could not end', errorMessage(error), 'error');
        }
    }

    handleDiscardPending(): void {
        this.pending = new Map();
        this.saveError = undefined;
    }

    // The decision dialog -----------------------------------------------------------------------------------------

    get draftRow(): BoardDisplayRow | undefined {
        return this.draft ? this.displayRows.find((row) => row.opportunityId === this.draft!.opportunityId) : undefined;
    }

    get draftHeading(): string {
        return `Decision on ${this.draftRow?.dealName ?? 'this deal'}`;
    }

    get isPush(): boolean {
        return this.draft?.decision === 'push';
    }

    get isDisqualify(): boolean {
        return this.draft?.decision === 'disqualify';
    }

    get isAction(): boolean {
        return this.draft?.decision === 'action';
    }

    get ownerOptions(): FilterOption[] {
        const row = this.rows.find((candidate) => candidate.opportunityId === this.draft?.opportunityId);
        const owners = new Map<string, string>();
        if (row?.ownerId) owners.set(row.ownerId, `${row.ownerName ?? ''} (deal owner)`);
        for (const rep of filterOptions(this.options?.reps))
            if (!owners.has(rep.value)) owners.set(rep.value, rep.label);
        return [...owners.entries()].map(([value, label]) => ({ label, value }));
    }

    get hasDraftProblems(): boolean {
        return this.draftProblems.length > 0;
    }

    handleDraftChange(event: CustomEvent<{ value: string }>): void {
        if (!this.draft) return;
        const field = (event.currentTarget as HTMLElement).dataset.field as keyof DecisionDraft;
        this.draft = { ...this.draft, [field]: event.detail.value || null } as DecisionDraft;
        this.draftProblems = [];
    }

    handleCancelDraft(): void {
        this.draft = null;
    }

    handleConfirmDraft(): void {
        if (!this.draft) return;
        const problems = decisionProblems(this.draft, todayIso());
        if (problems.length > 0) {
            this.draftProblems = problems;
            return;
        }
        const pending = new Map(this.pending);
        pending.set(this.draft.opportunityId, normalizeDecision(this.draft));
        this.pending = pending;
        this.draft = null;
    }

    private toast(title: string, message: string, variant: 'success' | 'error'): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
