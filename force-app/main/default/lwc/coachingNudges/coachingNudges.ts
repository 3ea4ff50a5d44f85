import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { NavigationMixin } from 'lightning/navigation';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { MessageContext } from 'lightning/messageService';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { DealChannelMixin, tellDeal, type DealRecordComponent } from 'c/dealHealthChannel';
import getNudges from '@salesforce/apex/NudgeController.getNudges';
import recordNudgeFeedback from '@salesforce/apex/NudgeController.recordNudgeFeedback';
import type { Nudge } from '@contract';
import { type DealHealthView } from 'c/dealHealthLogic';
import RECORD_SAVE_FAILED from '@salesforce/label/c.RecordSaveFailed';
import { errorMessage, parseJsonList, type WiredResult } from 'c/lwcUtils';
import {
    DISMISS_REASONS,
    dismissReason,
    parseMaxNudges,
    rankNudges,
    taskDefaults,
    type NudgeRow,
    type NudgeView
} from 'c/nudgeLogic';

type NudgeRowState = NudgeRow & { isDismissing: boolean; isBusy: boolean; actDisabled: boolean };

/**
 * Coaching nudges on the Opportunity page: the next-best-actions of the latest scoring, ranked by expected effect,
 * each with its evidence and one action (create a prefilled Task, open the playbook step, or edit the named field).
 * Acting and dismissing (with a reason) are recorded in Nudge Feedback for the quarterly "is the plan being run?".
 */
export default class CoachingNudges
    extends NavigationMixin(DealChannelMixin(LightningElement))
    implements DealRecordComponent
{
    @api recordId: string | undefined;
    /** Design attribute: the most nudges shown (1–10, default 3). */
    @api maxNudges: number | string | undefined;

    view: NudgeView | undefined;
    loadError: string | undefined;
    wiredNudges: WiredResult<NudgeView> | undefined;
    /** Nudges pushed by the deal-health panel after a rescore; they win over the wired snapshot's. */
    freshNudgesJson: string | null | undefined;
    handledCodes = new Set<string>();
    dismissingCode: string | null = null;
    dismissChoice: string | null = null;
    dismissDetail = '';
    dismissError: string | null = null;
    busyCode: string | null = null;
    editingNudge: NudgeRow | null = null;

    @wire(MessageContext) messageContext: unknown;

    @wire(getNudges, { opportunityId: '$recordId' })
    wiredGetNudges(result: WiredResult<NudgeView>): void {
        this.wiredNudges = result;
        if (result.data) {
            this.view = result.data;
            this.loadError = undefined;
        } else if (result.error) {
            this.loadError = errorMessage(result.error);
        }
    }

    get maxSetting(): { value: number } | { error: string } {
        return parseMaxNudges(this.maxNudges);
    }

    get configError(): string | null {
        const setting = this.maxSetting;
        return 'error' in setting ? setting.error : null;
    }

    get isLoading(): boolean {
        return !this.view && !this.loadError;
    }

    get nudgeData(): { rows: NudgeRowState[] } | { error: string } {
        if (!this.view) return { rows: [] };
        const setting = this.maxSetting;
        if ('error' in setting) return { rows: [] };
        const json = this.freshNudgesJson !== undefined ? this.freshNudgesJson : this.view.nudgesJson;
        try {
            const nudges = parseJsonList<Nudge>(json, 'nudges');
            return {
                rows: rankNudges(nudges, setting.value, this.view.fieldsByNudgeField ?? {}, this.handledCodes).map(
                    (row) => ({
                        ...row,
                        isDismissing: this.dismissingCode === row.code,
                        isBusy: this.busyCode === row.code,
                        actDisabled: this.busyCode === row.code || !row.canAct
                    })
                )
            };
        } catch (error) {
            return { error: errorMessage(error) };
        }
    }

    get nudges(): NudgeRowState[] {
        const data = this.nudgeData;
        return 'rows' in data ? data.rows : [];
    }

    get resultError(): string | null {
        const data = this.nudgeData;
        return 'error' in data ? data.error : null;
    }

    get hasNudges(): boolean {
        return this.nudges.length > 0;
    }

    get isEmpty(): boolean {
        return Boolean(this.view) && !this.configError && !this.resultError && !this.hasNudges;
    }

    get emptyMessage(): string {
        return this.view?.hasSnapshot
            ? 'No coaching nudges right now: nothing stands out on this deal.'
            : 'Nudges appear once the deal has been scored.';
    }

    get dismissOptions(): Array<{ label: string; value: string }> {
        return DISMISS_REASONS;
    }

    get needsDismissDetail(): boolean {
        return this.dismissChoice === 'other';
    }

    handleAct(event: Event): void {
        const code = (event.currentTarget as HTMLElement).dataset.code!;
        const nudge = this.nudges.find((row) => row.code === code);
        if (!nudge || !nudge.canAct || !this.recordId) return;
        if (nudge.actionType === 'create_task') {
            this[NavigationMixin.Navigate]({
                type: 'standard__objectPage',
                attributes: { objectApiName: 'Task', actionName: 'new' },
                state: { defaultFieldValues: encodeDefaultFieldValues(taskDefaults(nudge, this.recordId)) }
            });
            this.recordFeedback(nudge, 'acted', null);
        } else if (nudge.actionType === 'complete_step') {
            tellDeal(this.messageContext, this.recordId, 'openStep', nudge.stepKey);
            this.recordFeedback(nudge, 'acted', null);
        } else {
            this.editingNudge = nudge;
        }
    }

    handleStartDismiss(event: Event): void {
        this.dismissingCode = (event.currentTarget as HTMLElement).dataset.code!;
        this.dismissChoice = null;
        this.dismissDetail = '';
        this.dismissError = null;
    }

    handleDismissChoice(event: CustomEvent<{ value: string }>): void {
        this.dismissChoice = event.detail.value;
    }

    handleDismissDetail(event: CustomEvent<{ value: string }>): void {
        this.dismissDetail = event.detail.value ?? '';
    }

    handleCancelDismiss(): void {
        this.dismissingCode = null;
        this.dismissError = null;
    }

    handleDismissKeydown(event: KeyboardEvent): void {
        if (event.key === 'Escape') this.handleCancelDismiss();
    }

    handleConfirmDismiss(): void {
        const nudge = this.nudges.find((row) => row.code === this.dismissingCode);
        if (!nudge) return;
        const result = dismissReason(this.dismissChoice, this.dismissDetail);
        if ('error' in result) {
            this.dismissError = result.error;
            return;
        }
        this.recordFeedback(nudge, 'dismissed', result.reason);
    }

    handleCloseEditor(): void {
        this.editingNudge = null;
    }

    async handleFieldSaved(): Promise<void> {
        const nudge = this.editingNudge;
        this.editingNudge = null;
        if (!nudge || !this.recordId) return;
        this.toast('Field saved', nudge.title, 'success');
        await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        await this.recordFeedback(nudge, 'acted', null);
    }

    handleFieldError(event: CustomEvent<{ message?: string; detail?: string }>): void {
        // lightning-messages inside the form shows the field errors; the toast names the failure for screen readers.
        this.toast('Field not saved', event.detail?.detail ?? event.detail?.message ?? RECORD_SAVE_FAILED, 'error');
    }

    private async recordFeedback(
        nudge: NudgeRow,
        outcome: 'acted' | 'dismissed',
        reason: string | null
    ): Promise<void> {
        if (!this.recordId) return;
        this.busyCode = nudge.code;
        try {
            await recordNudgeFeedback({
                opportunityId: this.recordId,
                nudgeCode: nudge.code,
                outcome,
                reason,
                modelVersion: this.view?.modelVersion ?? null
            });
            this.handledCodes = new Set([...this.handledCodes, nudge.code]);
            this.dismissingCode = null;
            if (outcome === 'dismissed') this.toast('Nudge dismissed', nudge.title, 'success');
            if (this.wiredNudges) await refreshApex(this.wiredNudges);
        } catch (error) {
            if (outcome === 'dismissed') this.dismissError = errorMessage(error);
            this.toast('Feedback not saved', errorMessage(error), 'error');
        } finally {
            this.busyCode = null;
        }
    }

    handleDealMessage(kind: string, payload: unknown): void {
        if (kind !== 'scored') return;
        const view = payload as DealHealthView | undefined;
        if (view && !view.isStale) this.freshNudgesJson = view.nudgesJson ?? null;
    }

    private toast(title: string, message: string, variant: 'success' | 'error'): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
