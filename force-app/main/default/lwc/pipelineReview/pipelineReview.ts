import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getScopeOptions from '@salesforce/apex/PipelineReviewController.getScopeOptions';
import getBoardPage from '@salesforce/apex/PipelineReviewController.getBoardPage';
import getBoardSummary from '@salesforce/apex/PipelineReviewController.getBoardSummary';
import startReview from '@salesforce/apex/PipelineReviewController.startReview';
import saveDecisions from '@salesforce/apex/PipelineReviewController.saveDecisions';
import endReview from '@salesforce/apex/PipelineReviewController.endReview';
import { errorMessage, type WiredResult } from 'c/lwcUtils';
import {
    DECISION_LABELS,
    decisionProblems,
    loopHealth,
    normalizeDecision,
    toDisplayRows,
    todayIso,
    type BoardDisplayRow,
    type BoardPage,
    type BoardRow,
    type BoardSummary,
    type Decision,
    type DecisionInput,
    type LoopHealth,
    type SessionSummary
} from 'c/reviewLogic';

interface Option {
    label: string;
    value: string;
}

interface ScopeOptions {
    reps: Option[];
    stages: Option[];
    forecastCategories: Option[];
    quarters: Option[];
    hasTeam: boolean;
    openReviewId: string | null;
}

const PAGE_SIZE = 50;
const ANY = '';

const COLUMNS = [
    {
        label: 'Deal',
        fieldName: 'dealUrl',
        type: 'url',
        typeAttributes: { label: { fieldName: 'name' }, target: '_self' }
    },
    { label: 'Owner', fieldName: 'ownerName' },
    { label: 'Stage', fieldName: 'stage' },
    { label: 'Days in stage', fieldName: 'daysInStage', type: 'number', initialWidth: 90 },
    { label: 'Amount', fieldName: 'amount', type: 'currency' },
    { label: 'Close date', fieldName: 'closeDateText' },
    { label: 'Score', fieldName: 'scoreText', initialWidth: 70 },
    { label: 'Since last review', fieldName: 'scoreChangeText', initialWidth: 90 },
    { label: 'Band', fieldName: 'bandLabel', initialWidth: 90 },
    { label: 'Top risk', fieldName: 'topRisk', wrapText: true },
    { label: 'Next step', fieldName: 'nextStep', wrapText: true },
    { label: 'Last activity', fieldName: 'lastActivityDate', type: 'date-local' },
    {
        label: 'Changed since last review',
        fieldName: 'changesText',
        wrapText: true,
        cellAttributes: { class: { fieldName: 'rowClass' } }
    },
    { label: 'Stuck', fieldName: 'stuckText', initialWidth: 70 },
    { label: 'Decision', fieldName: 'decisionText', initialWidth: 100 },
    { type: 'action', typeAttributes: { rowActions: [{ label: 'Decide', name: 'decide' }] } }
];

const DECISION_OPTIONS: Option[] = (Object.keys(DECISION_LABELS) as Decision[]).map((value) => ({
    label: DECISION_LABELS[value],
    value
}));

/**
 * The manager's weekly pipeline review: a risk-sorted board of the team's deals with what changed since the last
 * review, loop health, open actions from earlier sessions, and a session that ends in logged decisions (commit,
 * push, disqualify, action with owner and due date, or no change), saved in bulk.
 */
export default class PipelineReview extends LightningElement {
    columns = COLUMNS;
    decisionOptions = DECISION_OPTIONS;

    options: ScopeOptions | undefined;
    optionsError: string | undefined;
    scope = 'my_team';
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
    isLoadingBoard = false;
    boardError: string | undefined;
    summary: BoardSummary | undefined;
    /** Bumped on every reload, so a late page of an older query is ignored. */
    boardGeneration = 0;

    reviewId: string | null = null;
    pending = new Map<string, DecisionInput>();
    draft: DecisionInput | null = null;
    draftDealName = '';
    draftProblems: string[] = [];
    isSaving = false;
    saveError: string | undefined;
    sessionSummary: SessionSummary | undefined;

    @wire(getScopeOptions)
    wiredOptions(result: WiredResult<ScopeOptions>): void {
        if (result.data) {
            const firstLoad = !this.options;
            this.options = result.data;
            this.optionsError = undefined;
            if (firstLoad) {
                if (!result.data.hasTeam) this.scope = 'all_visible';
                this.reviewId = result.data.openReviewId ?? null;
                this.reloadBoard();
            }
        } else if (result.error) {
            this.optionsError = errorMessage(result.error);
        }
    }

    get isLoadingOptions(): boolean {
        return !this.options && !this.optionsError;
    }

    get scopeOptions(): Option[] {
        const choices: Option[] = [];
        if (this.options?.hasTeam) {
            choices.push({ label: 'My team', value: 'my_team' }, { label: 'One rep', value: 'one_rep' });
        }
        choices.push({ label: 'All I may see', value: 'all_visible' });
        return choices;
    }

    get isOneRep(): boolean {
        return this.scope === 'one_rep';
    }

    private withAny(options: Option[] | undefined, anyLabel: string): Option[] {
        return [{ label: anyLabel, value: ANY }, ...(options ?? [])];
    }

    get repOptions(): Option[] {
        return this.options?.reps ?? [];
    }

    get quarterOptions(): Option[] {
        return this.withAny(this.options?.quarters, 'Any quarter');
    }

    get stageOptions(): Option[] {
        return this.withAny(this.options?.stages, 'Any stage');
    }

    get forecastOptions(): Option[] {
        return this.withAny(this.options?.forecastCategories, 'Any category');
    }

    get bandOptions(): Option[] {
        return this.withAny(
            [
                { label: 'At risk', value: 'at_risk' },
                { label: 'Watch', value: 'watch' },
                { label: 'Healthy', value: 'healthy' }
            ],
            'Any band'
        );
    }

    get query(): Record<string, unknown> {
        return {
            scope: this.scope,
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

    get displayRows(): BoardDisplayRow[] {
        return toDisplayRows(this.rows, this.lastReviewAt, this.reviewDates, this.pending);
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get isBoardEmpty(): boolean {
        return !this.isLoadingBoard && !this.boardError && this.summary !== undefined && this.rows.length === 0;
    }

    get health(): LoopHealth | undefined {
        return this.summary ? loopHealth(this.summary) : undefined;
    }

    get hasOpenActions(): boolean {
        return (this.summary?.openActions.length ?? 0) > 0;
    }

    get openActions() {
        return (this.summary?.openActions ?? []).map((action) => ({
            ...action,
            dueText: action.dueDate ?? 'no due date',
            statusText: action.isOverdue ? 'Overdue' : 'Open',
            badgeClass: action.isOverdue ? 'slds-badge slds-theme_error' : 'slds-badge'
        }));
    }

    get totalsText(): string {
        if (!this.summary) return '';
        const amount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(this.summary.totalAmount);
        const unscored = this.summary.unscoredDeals > 0 ? `, ${this.summary.unscoredDeals} not scored yet` : '';
        return `${this.summary.totalDeals} open deals, ${amount} in total${unscored}. Showing ${this.rows.length}.`;
    }

    get inSession(): boolean {
        return this.reviewId !== null;
    }

    get pendingCount(): number {
        return this.pending.size;
    }

    get hasPending(): boolean {
        return this.pending.size > 0;
    }

    get saveLabel(): string {
        return `Save decisions (${this.pending.size})`;
    }

    get pendingList() {
        return [...this.pending.values()].map((input) => ({
            key: input.opportunityId,
            text: `${this.rows.find((row) => row.opportunityId === input.opportunityId)?.name ?? input.opportunityId}: ${DECISION_LABELS[input.decision]}`
        }));
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

    get ownerOptions(): Option[] {
        const row = this.rows.find((candidate) => candidate.opportunityId === this.draft?.opportunityId);
        const owners = new Map<string, string>();
        if (row?.ownerId) owners.set(row.ownerId, `${row.ownerName ?? ''} (deal owner)`);
        for (const rep of this.options?.reps ?? []) if (!owners.has(rep.value)) owners.set(rep.value, rep.label);
        return [...owners.entries()].map(([value, label]) => ({ label, value }));
    }

    get draftHeading(): string {
        return `Decision on ${this.draftDealName}`;
    }

    get hasDraftProblems(): boolean {
        return this.draftProblems.length > 0;
    }

    get sessionWarning(): boolean {
        return Boolean(this.sessionSummary?.zeroDecisionWarning);
    }

    // Filters and scope -------------------------------------------------------------------------------------------

    handleScopeChange(event: CustomEvent<{ value: string }>): void {
        this.scope = event.detail.value;
        if (this.scope === 'one_rep' && !this.repId) return;
        this.reloadBoard();
    }

    handleFilterChange(event: CustomEvent<{ value: string }>): void {
        const filter = (event.currentTarget as HTMLElement).dataset.filter as
            'repId' | 'closeQuarter' | 'stage' | 'forecastCategory' | 'band';
        this[filter] = event.detail.value ?? ANY;
        this.reloadBoard();
    }

    // The board ---------------------------------------------------------------------------------------------------

    async reloadBoard(): Promise<void> {
        const generation = ++this.boardGeneration;
        this.rows = [];
        this.cursor = null;
        this.hasMore = false;
        this.boardError = undefined;
        this.isLoadingBoard = true;
        try {
            const [summary, page] = await Promise.all([
                getBoardSummary({ query: this.query }),
                getBoardPage({ query: this.query })
            ]);
            if (generation !== this.boardGeneration) return;
            this.summary = summary;
            this.applyPage(page);
        } catch (error) {
            if (generation === this.boardGeneration) this.boardError = errorMessage(error);
        } finally {
            if (generation === this.boardGeneration) this.isLoadingBoard = false;
        }
    }

    async handleLoadMore(): Promise<void> {
        if (!this.hasMore || this.isLoadingBoard || !this.cursor) return;
        const generation = this.boardGeneration;
        this.isLoadingBoard = true;
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
            if (generation === this.boardGeneration) this.isLoadingBoard = false;
        }
    }

    private applyPage(page: BoardPage): void {
        this.rows = [...this.rows, ...page.rows];
        this.lastReviewAt = page.lastReviewAt ?? null;
        this.reviewDates = page.reviewDates;
        this.hasMore = page.hasMore;
        this.cursor = page.hasMore ? { risk: page.nextCursorRisk ?? null, id: page.nextCursorId ?? null } : null;
    }

    // The session ------------------------------------------------------------------------------------------------

    async handleStartSession(): Promise<void> {
        try {
            this.reviewId = await startReview({ query: this.query });
            this.sessionSummary = undefined;
            this.toast('Review session started', 'Record a decision on each deal you discuss.', 'success');
        } catch (error) {
            this.toast('The session could not start', errorMessage(error), 'error');
        }
    }

    handleRowAction(event: CustomEvent<{ action: { name: string }; row: BoardDisplayRow }>): void {
        if (event.detail.action.name !== 'decide') return;
        if (!this.inSession) {
            this.toast('Start a review session first', 'Decisions are recorded inside a review session.', 'error');
            return;
        }
        const row = event.detail.row;
        // Apex sets every board row's id; a row without one cannot carry a decision.
        if (!row.opportunityId) return;
        this.draftDealName = row.name ?? '';
        this.draftProblems = [];
        this.draft = this.pending.get(row.opportunityId) ?? {
            opportunityId: row.opportunityId,
            decision: 'no_change',
            newCloseDate: null,
            reason: null,
            actionText: null,
            actionOwnerId: row.ownerId ?? null,
            actionDueDate: null
        };
    }

    handleDraftChange(event: CustomEvent<{ value: string }>): void {
        if (!this.draft) return;
        const field = (event.currentTarget as HTMLElement).dataset.field as keyof DecisionInput;
        this.draft = { ...this.draft, [field]: event.detail.value || null } as DecisionInput;
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

    private toast(title: string, message: string, variant: 'success' | 'error'): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
