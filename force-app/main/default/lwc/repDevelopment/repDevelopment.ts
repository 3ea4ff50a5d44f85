import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getScopeOptions from '@salesforce/apex/RepDevelopmentController.getScopeOptions';
import getDevelopment from '@salesforce/apex/RepDevelopmentController.getDevelopment';
import setFocus from '@salesforce/apex/RepDevelopmentController.setFocus';
import reviewFocus from '@salesforce/apex/RepDevelopmentController.reviewFocus';
import COMPUTED_BY_BATCH from '@salesforce/label/c.DevelopmentComputedByBatch';
import SCOPE_MY_TEAM from '@salesforce/label/c.ScopeOptionMyTeam';
import SCOPE_ONE_REP from '@salesforce/label/c.ScopeOptionOneRep';
import { errorMessage, type WiredResult } from 'c/lwcUtils';
import type { FilterChangeDetail, FilterDefinition } from 'c/filterBar';
import {
    addMonths,
    computedByText,
    definitionOf,
    formatValue,
    loopHealth,
    metricRows,
    monthLabel,
    movement,
    OUTCOME_LABELS,
    parseDevelopment,
    skillLabel,
    trendRows,
    type DevelopmentResult,
    type DevelopmentView,
    type FocusOutcome,
    type FocusView,
    type MetricRow,
    type Option,
    type ScopeOptions,
    type TrendRow
} from 'c/repDevelopmentLogic';

interface RepCard {
    repId: string;
    repName: string;
    countsText: string;
    metrics: MetricRow[];
    hasSuggestion: boolean;
    suggestionSkill: string;
    suggestionReason: string;
    suggestionTargetText: string;
    suggestionDeals: Option[];
    canSetFocus: boolean;
    currentFocusText: string | null;
    trend: TrendRow[];
    hasTrend: boolean;
    reviewFocusId: string | null;
    dismissText: string | null;
}

interface FocusDraft {
    repId: string;
    repName: string;
    skill: string;
    metric: string;
    baseline: number;
    target: number;
    unit: 'share' | 'days';
    notes: string;
}

interface ReviewDraft {
    reviewed: FocusView;
    result: number;
    outcome: FocusOutcome;
    notes: string;
    unit: 'share' | 'days';
}

const OUTCOME_OPTIONS: Option[] = (Object.keys(OUTCOME_LABELS) as FocusOutcome[]).map((value) => ({
    label: OUTCOME_LABELS[value],
    value
}));

/**
 * The monthly rep-development loop for managers (a rep sees their own): per-rep patterns against the team median with
 * sample sizes, the gaps the evidence supports and the rule, a suggested focus with the deals that show it, one focus
 * per rep per month, its trend and the loop's health; for a rep, the practice drill.
 */
export default class RepDevelopment extends LightningElement {
    options: ScopeOptions | undefined;
    optionsError: string | undefined;
    scope = 'my_team';
    repId = '';
    view: DevelopmentView | undefined;
    development: DevelopmentResult | null = null;
    isLoading = false;
    loadError: string | undefined;
    generation = 0;
    focusDraft: FocusDraft | null = null;
    reviewDraft: ReviewDraft | null = null;
    isSaving = false;
    saveError: string | undefined;
    outcomeOptions = OUTCOME_OPTIONS;

    @wire(getScopeOptions)
    wiredOptions(result: WiredResult<ScopeOptions>): void {
        if (result.data) {
            const firstLoad = !this.options;
            this.options = result.data;
            this.optionsError = undefined;
            if (firstLoad) {
                if (!result.data.hasTeam) this.scope = 'me';
                this.load();
            }
        } else if (result.error) {
            this.optionsError = errorMessage(result.error);
        }
    }

    get isBusy(): boolean {
        return (!this.options && !this.optionsError) || this.isLoading;
    }

    get error(): string | undefined {
        return this.optionsError ?? this.loadError;
    }

    get filters(): FilterDefinition[] {
        const scopes: Option[] = [];
        if (this.options?.hasTeam) {
            scopes.push({ label: SCOPE_MY_TEAM, value: 'my_team' }, { label: SCOPE_ONE_REP, value: 'one_rep' });
        }
        scopes.push({ label: 'My own figures', value: 'me' });
        return [
            { key: 'scope', label: 'Scope', value: this.scope, options: scopes },
            {
                key: 'repId',
                label: 'Rep',
                value: this.repId,
                options: this.options?.reps ?? [],
                hidden: this.scope !== 'one_rep'
            }
        ];
    }

    handleFilterChange(event: CustomEvent<FilterChangeDetail>): void {
        const { key, value } = event.detail;
        if (key === 'scope') this.scope = value;
        if (key === 'repId') this.repId = value;
        if (this.scope === 'one_rep' && !this.repId) return;
        this.load();
    }

    load(): Promise<void> {
        return this.fetchDevelopment();
    }

    private async fetchDevelopment(): Promise<void> {
        const generation = ++this.generation;
        this.isLoading = true;
        this.loadError = undefined;
        try {
            const view = (await getDevelopment({
                scope: this.scope,
                repId: this.scope === 'one_rep' ? this.repId : null
            })) as DevelopmentView;
            if (generation !== this.generation) return;
            this.view = view;
            this.development = parseDevelopment(view.developmentJson);
        } catch (error) {
            if (generation !== this.generation) return;
            this.loadError = errorMessage(error);
            this.view = undefined;
            this.development = null;
        } finally {
            if (generation === this.generation) this.isLoading = false;
        }
    }

    get hasContent(): boolean {
        return !this.isBusy && !this.error && this.development !== null;
    }

    get isEmpty(): boolean {
        return this.hasContent && (this.development?.reps.length ?? 0) === 0;
    }

    get isRepView(): boolean {
        return this.scope === 'me';
    }

    get ruleText(): string {
        return this.development?.rule ?? '';
    }

    get windowText(): string {
        if (!this.view) return '';
        return `Open deals and deals closed in the last ${this.view.windowDays} days, as of ${this.view.asOf}. Month: ${monthLabel(this.view.month)}.`;
    }

    /** Figures from the monthly batch say so, with the day they were read. */
    get computedByBatchText(): string {
        return this.view ? computedByText(this.view, COMPUTED_BY_BATCH) : '';
    }

    get dataNotes(): string[] {
        return this.view?.dataNotes ?? [];
    }

    get hasDataNotes(): boolean {
        return this.dataNotes.length > 0;
    }

    get health() {
        if (!this.development || !this.view) return null;
        return loopHealth(this.development, this.view.focuses, this.view.month);
    }

    get withoutFocusValue(): number {
        return this.health?.repsWithoutFocus.length ?? 0;
    }

    get withoutFocusDetail(): string {
        const names = this.health?.repsWithoutFocus ?? [];
        return names.length === 0 ? 'Every rep has one' : names.join(', ');
    }

    get withoutFocusTone(): string {
        return this.withoutFocusValue > 0 ? 'warning' : 'success';
    }

    get neverReviewedValue(): number {
        return this.health?.neverReviewed ?? 0;
    }

    get neverReviewedTone(): string {
        return this.neverReviewedValue > 0 ? 'warning' : 'success';
    }

    get lastMonthValue(): string {
        const health = this.health;
        return health ? `${health.lastMonthMoved} of ${health.lastMonthFocuses}` : '—';
    }

    get repCountValue(): number {
        return this.development?.reps.length ?? 0;
    }

    get repCards(): RepCard[] {
        const development = this.development;
        const view = this.view;
        if (!development || !view) return [];
        const dealName = new Map(view.deals.map((deal) => [deal.value, deal.label]));
        const lastMonth = addMonths(view.month, -1);
        return development.reps.map((rep) => {
            const focus = view.focuses.find(
                (candidate) => candidate.repId === rep.repId && candidate.month === view.month
            );
            const toReview = view.focuses.find(
                (candidate) =>
                    candidate.repId === rep.repId && candidate.month <= lastMonth && candidate.status === 'active'
            );
            const suggestion = rep.suggestedFocus;
            const unit = suggestion ? (definitionOf(development, suggestion.metric)?.unit ?? 'share') : 'share';
            const focusUnit = focus ? (definitionOf(development, focus.metric)?.unit ?? 'share') : 'share';
            const reasons = rep.dismissReasons.map((entry) => `${entry.reason} (${entry.count})`);
            return {
                repId: rep.repId,
                repName: rep.name,
                countsText: `${rep.openDeals} open deals · ${rep.closedDeals} closed in the window`,
                metrics: metricRows(development, rep, this.isRepView),
                hasSuggestion: suggestion !== null,
                suggestionSkill: skillLabel(suggestion?.skill),
                suggestionReason: suggestion?.reason ?? '',
                suggestionTargetText: suggestion
                    ? `Baseline ${formatValue(suggestion.baseline, unit)} → target ${formatValue(suggestion.target, unit)}`
                    : '',
                suggestionDeals: (suggestion?.dealIds ?? []).map((id) => ({
                    value: id,
                    label: dealName.get(id) ?? id
                })),
                canSetFocus: view.canSetFocus && suggestion !== null && !focus,
                currentFocusText: focus
                    ? `${skillLabel(focus.skill)}: baseline ${formatValue(focus.baseline, focusUnit)}, target ${formatValue(focus.target, focusUnit)}`
                    : null,
                trend: trendRows(development, rep, view.focuses, view.practice, view.month),
                hasTrend: view.focuses.some((candidate) => candidate.repId === rep.repId),
                reviewFocusId: view.canSetFocus && toReview ? toReview.id : null,
                dismissText: reasons.length > 0 ? reasons.join(' · ') : null
            };
        });
    }

    // ------------------------------------------------------------------ set a focus

    handleSetFocus(event: Event): void {
        const repId = (event.currentTarget as HTMLElement).dataset.repId;
        const rep = this.development?.reps.find((candidate) => candidate.repId === repId);
        const suggestion = rep?.suggestedFocus;
        if (!rep || !suggestion || !this.development) return;
        this.saveError = undefined;
        this.focusDraft = {
            repId: rep.repId,
            repName: rep.name,
            skill: suggestion.skill,
            metric: suggestion.metric,
            baseline: suggestion.baseline,
            target: suggestion.target,
            unit: definitionOf(this.development, suggestion.metric)?.unit ?? 'share',
            notes: ''
        };
    }

    get focusHeading(): string {
        return this.focusDraft ? `This month's focus for ${this.focusDraft.repName}` : '';
    }

    get focusDraftSkill(): string {
        return skillLabel(this.focusDraft?.skill);
    }

    get focusDraftNumbers(): string {
        const draft = this.focusDraft;
        return draft
            ? `Baseline ${formatValue(draft.baseline, draft.unit)} → target ${formatValue(draft.target, draft.unit)} (halfway to the team median)`
            : '';
    }

    handleFocusNotes(event: CustomEvent<{ value: string }>): void {
        if (this.focusDraft) this.focusDraft = { ...this.focusDraft, notes: event.detail.value ?? '' };
    }

    handleCancelFocus(): void {
        this.focusDraft = null;
    }

    async handleSaveFocus(): Promise<void> {
        const draft = this.focusDraft;
        if (!draft) return;
        await this.save(
            () =>
                setFocus({
                    repId: draft.repId,
                    skill: draft.skill,
                    metric: draft.metric,
                    baseline: draft.baseline,
                    target: draft.target,
                    notes: draft.notes.trim() || null
                }),
            () => {
                this.focusDraft = null;
            },
            'Focus set',
            `${draft.repName}: ${skillLabel(draft.skill)} this month.`
        );
    }

    /** Saves through Apex once at a time: on success closes the dialog, confirms, reloads; on failure keeps it open. */
    private async save(
        call: () => Promise<unknown>,
        closeDialog: () => void,
        title: string,
        message: string
    ): Promise<void> {
        if (this.isSaving) return;
        this.isSaving = true;
        this.saveError = undefined;
        try {
            await call();
            closeDialog();
            this.dispatchEvent(new ShowToastEvent({ title, message, variant: 'success' }));
            await this.load();
        } catch (error) {
            this.saveError = errorMessage(error);
        } finally {
            this.isSaving = false;
        }
    }

    // ------------------------------------------------------------------ review last month's focus

    handleReviewFocus(event: Event): void {
        const focusId = (event.currentTarget as HTMLElement).dataset.focusId;
        const focus = this.view?.focuses.find((candidate) => candidate.id === focusId);
        const development = this.development;
        if (!focus || !development) return;
        const definition = definitionOf(development, focus.metric);
        const rep = development.reps.find((candidate) => candidate.repId === focus.repId);
        const current = rep?.metrics.find((figure) => figure.metric === focus.metric)?.value ?? focus.baseline;
        this.saveError = undefined;
        this.reviewDraft = {
            reviewed: focus,
            result: current,
            outcome: definition ? movement(focus.baseline, focus.target, current, definition.direction) : 'not_moved',
            notes: '',
            unit: definition?.unit ?? 'share'
        };
    }

    get reviewHeading(): string {
        const draft = this.reviewDraft;
        return draft ? `Review ${monthLabel(draft.reviewed.month)} focus: ${draft.reviewed.repName}` : '';
    }

    get reviewNumbers(): string {
        const draft = this.reviewDraft;
        if (!draft) return '';
        return `${skillLabel(draft.reviewed.skill)}: baseline ${formatValue(draft.reviewed.baseline, draft.unit)}, target ${formatValue(draft.reviewed.target, draft.unit)}, now ${formatValue(draft.result, draft.unit)}`;
    }

    handleReviewChange(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field;
        if (!this.reviewDraft) return;
        if (field === 'outcome')
            this.reviewDraft = { ...this.reviewDraft, outcome: event.detail.value as FocusOutcome };
        if (field === 'notes') this.reviewDraft = { ...this.reviewDraft, notes: event.detail.value ?? '' };
    }

    handleCancelReview(): void {
        this.reviewDraft = null;
    }

    async handleSaveReview(): Promise<void> {
        const draft = this.reviewDraft;
        if (!draft) return;
        await this.save(
            () =>
                reviewFocus({
                    focusId: draft.reviewed.id,
                    outcome: draft.outcome,
                    result: draft.result,
                    notes: draft.notes.trim() || null
                }),
            () => {
                this.reviewDraft = null;
            },
            'Focus reviewed',
            OUTCOME_LABELS[draft.outcome]
        );
    }
}
