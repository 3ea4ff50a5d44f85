import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { MessageContext } from 'lightning/messageService';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { DealChannelMixin, tellDeal, type DealRecordComponent } from 'c/dealHealthChannel';
import getPlaybook from '@salesforce/apex/PlaybookController.getPlaybook';
import markStep from '@salesforce/apex/PlaybookController.markStep';
import type { ExitCriteria } from '@contract';
import { type DealHealthView } from 'c/dealHealthLogic';
import { errorMessage, parseJsonObject, type WiredResult } from 'c/lwcUtils';
import {
    MAX_SKIP_REASON,
    advanceSummary,
    condensedPath,
    currentStage,
    findStep,
    pathSummary,
    skipReasonProblem,
    stepRows,
    withStepStatus,
    type AdvanceSummary,
    type PathItem,
    type PlaybookView,
    type StageView,
    type StepRow,
    type StepStatus
} from 'c/playbookLogic';

type StepRowState = StepRow & {
    isSkipping: boolean;
    isSaving: boolean;
};

interface StageSection extends StageView {
    rows: StepRowState[];
    headingId: string;
}

/**
 * The living playbook on the Opportunity page: which play matched and why, the stages as a path, the current
 * stage's steps with guidance and exit criteria (met or unmet, with evidence), what is needed to advance, and
 * marking steps done, skipped (with a reason) or not applicable. Marks show at once and roll back if Apex fails.
 */
export default class PlaybookSteps extends DealChannelMixin(LightningElement) implements DealRecordComponent {
    @api recordId: string | undefined;

    view: PlaybookView | undefined;
    loadError: string | undefined;
    wiredPlaybook: WiredResult<PlaybookView> | undefined;
    /** Exit criteria pushed by the deal-health panel after a rescore; they win over the wired snapshot's. */
    freshExitCriteriaJson: string | null | undefined;
    expandedSteps = new Set<string>();
    showAllStages = false;
    skippingStepKey: string | null = null;
    skipReason = '';
    skipError: string | null = null;
    savingStepKey: string | null = null;

    @wire(MessageContext) messageContext: unknown;

    @wire(getPlaybook, { opportunityId: '$recordId' })
    wiredGetPlaybook(result: WiredResult<PlaybookView>): void {
        this.wiredPlaybook = result;
        if (result.data) {
            this.view = result.data;
            this.loadError = undefined;
        } else if (result.error) {
            this.loadError = errorMessage(result.error);
        }
    }

    get isLoading(): boolean {
        return !this.view && !this.loadError;
    }

    get hasPlaybook(): boolean {
        return Boolean(this.view?.hasPlaybook);
    }

    get noPlaybook(): boolean {
        return Boolean(this.view && !this.view.hasPlaybook);
    }

    get exitCriteria(): ExitCriteria | null {
        const json =
            this.freshExitCriteriaJson !== undefined ? this.freshExitCriteriaJson : this.view?.exitCriteriaJson;
        try {
            return parseJsonObject<ExitCriteria>(json, 'exit criteria');
        } catch {
            return null;
        }
    }

    get exitCriteriaError(): string | null {
        const json =
            this.freshExitCriteriaJson !== undefined ? this.freshExitCriteriaJson : this.view?.exitCriteriaJson;
        try {
            parseJsonObject<ExitCriteria>(json, 'exit criteria');
            return null;
        } catch (error) {
            return errorMessage(error);
        }
    }

    /** The stage path condensed around the current stage, so a play with any number of stages fits the card. */
    get pathItems(): PathItem[] {
        return condensedPath(this.view?.stages ?? []);
    }

    get pathSummary(): string {
        return pathSummary(this.view?.stages ?? []);
    }

    get currentStageName(): string | undefined {
        return this.view?.currentStage ?? undefined;
    }

    get sections(): StageSection[] {
        if (!this.view) return [];
        const current = currentStage(this.view);
        const stages = this.showAllStages || !current ? this.view.stages : [current];
        // Exit criteria belong to the current stage only; other stages show their steps and progress.
        return stages.map((stage) => ({
            ...stage,
            rows: stepRows(stage, stage.isCurrent ? this.exitCriteria : null, this.expandedSteps).map((row) => ({
                ...row,
                isSkipping: this.skippingStepKey === row.stepKey,
                isSaving: this.savingStepKey === row.stepKey
            })),
            headingId: `stage-${(stage.apiName ?? '').replace(/[^A-Za-z0-9]/g, '-')}`
        }));
    }

    get hasCurrentStage(): boolean {
        return Boolean(this.view && currentStage(this.view));
    }

    get advance(): AdvanceSummary {
        const current = this.view ? currentStage(this.view) : undefined;
        return advanceSummary(this.exitCriteria, current?.label);
    }

    get advanceClass(): string {
        return `slds-box slds-box_x-small slds-m-vertical_small ${this.advance.ready ? 'slds-theme_success' : 'slds-theme_shade'}`;
    }

    get allStagesLabel(): string {
        return this.showAllStages ? 'Show the current stage only' : 'Show all stages';
    }

    get maxSkipReason(): number {
        return MAX_SKIP_REASON;
    }

    handleToggleGuidance(event: Event): void {
        const stepKey = (event.currentTarget as HTMLElement).dataset.stepKey!;
        const expanded = new Set(this.expandedSteps);
        if (expanded.has(stepKey)) expanded.delete(stepKey);
        else expanded.add(stepKey);
        this.expandedSteps = expanded;
    }

    handleToggleStages(): void {
        this.showAllStages = !this.showAllStages;
    }

    handleMark(event: Event): void {
        const target = event.currentTarget as HTMLElement;
        this.saveStep(target.dataset.stepKey!, target.dataset.status as StepStatus, null);
    }

    handleStartSkip(event: Event): void {
        this.skippingStepKey = (event.currentTarget as HTMLElement).dataset.stepKey!;
        this.skipReason = '';
        this.skipError = null;
    }

    handleSkipReasonChange(event: CustomEvent<{ value: string }>): void {
        this.skipReason = event.detail.value ?? '';
    }

    handleCancelSkip(): void {
        this.skippingStepKey = null;
        this.skipError = null;
    }

    handleSkipKeydown(event: KeyboardEvent): void {
        if (event.key === 'Escape') this.handleCancelSkip();
    }

    handleConfirmSkip(): void {
        const problem = skipReasonProblem(this.skipReason);
        if (problem) {
            this.skipError = problem;
            return;
        }
        const stepKey = this.skippingStepKey!;
        this.skippingStepKey = null;
        this.skipError = null;
        this.saveStep(stepKey, 'skipped', this.skipReason.trim());
    }

    private async saveStep(stepKey: string, status: StepStatus, skipReason: string | null): Promise<void> {
        if (!this.view || !this.recordId || this.savingStepKey) return;
        const before = this.view;
        const title = findStep(before, stepKey)?.step.title ?? stepKey;
        this.view = withStepStatus(before, stepKey, status, skipReason, 'You');
        this.savingStepKey = stepKey;
        try {
            await markStep({ opportunityId: this.recordId, stepKey, status, skipReason });
            // Step progress moves playbook adherence and exit criteria: the deal-health panel re-scores.
            tellDeal(this.messageContext, this.recordId, 'progressChanged', stepKey);
            this.toast(
                status === 'open' ? 'Step reopened' : 'Step saved',
                `${title}: ${status.replace('_', ' ')}`,
                'success'
            );
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
            if (this.wiredPlaybook) await refreshApex(this.wiredPlaybook);
        } catch (error) {
            // Roll back the optimistic change: the rep sees exactly what is stored.
            this.view = before;
            this.toast('Step not saved', errorMessage(error), 'error');
        } finally {
            this.savingStepKey = null;
        }
    }

    handleDealMessage(kind: string, payload: unknown): void {
        if (kind === 'scored') {
            const view = payload as DealHealthView | undefined;
            if (view && !view.isStale) this.freshExitCriteriaJson = view.exitCriteriaJson ?? null;
        } else if (kind === 'openStep' && typeof payload === 'string') {
            this.openStep(payload);
        }
    }

    /** Expands a step (asked by a coaching nudge) and moves focus to it, showing every stage if needed. */
    private openStep(stepKey: string): void {
        if (!this.view) return;
        const found = findStep(this.view, stepKey);
        if (!found) return;
        if (!found.stage.isCurrent) this.showAllStages = true;
        this.expandedSteps = new Set([...this.expandedSteps, stepKey]);
        Promise.resolve().then(() => {
            const toggle = this.template?.querySelector(`[data-toggle="${stepKey}"]`) as HTMLElement | null;
            toggle?.focus();
        });
    }

    private toast(title: string, message: string, variant: 'success' | 'error'): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
