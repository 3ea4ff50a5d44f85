import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { getRecord, getFieldValue, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { MessageContext } from 'lightning/messageService';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { DealChannelMixin, tellDeal, type DealRecordComponent } from 'c/dealHealthChannel';
import getDealHealth from '@salesforce/apex/DealHealthController.getDealHealth';
import rescoreDeal from '@salesforce/apex/DealHealthController.rescoreDeal';
import STAGE_FIELD from '@salesforce/schema/Opportunity.StageName';
import CLOSE_DATE_FIELD from '@salesforce/schema/Opportunity.CloseDate';
import AMOUNT_FIELD from '@salesforce/schema/Opportunity.Amount';
import NEXT_STEP_FIELD from '@salesforce/schema/Opportunity.NextStep';
import FORECAST_FIELD from '@salesforce/schema/Opportunity.ForecastCategoryName';
import LAST_MODIFIED_FIELD from '@salesforce/schema/Opportunity.LastModifiedDate';
import type { DimensionResult, Risk } from '@contract';
import {
    bandCapNote,
    explainDimensions,
    isOutdated,
    sortRisks,
    sparkline,
    type DealHealthView,
    type DimensionExplanation,
    type RiskRow,
    type Sparkline
} from 'c/dealHealthLogic';
import NOT_SCORED_YET from '@salesforce/label/c.DealHealthNotScoredYet';
import SERVICE_UNREACHABLE from '@salesforce/label/c.ServiceUnreachable';
import { errorMessage, parseJsonList, type WiredResult } from 'c/lwcUtils';

/** The fields whose change makes the score out of date; editing any of them re-scores the deal. */
const WATCHED_FIELDS = [
    STAGE_FIELD,
    CLOSE_DATE_FIELD,
    AMOUNT_FIELD,
    NEXT_STEP_FIELD,
    FORECAST_FIELD,
    LAST_MODIFIED_FIELD
];

/**
 * Deal health on the Opportunity page: the score ring and band (with the risk that caps it, if any), every dimension
 * with all its signals and their evidence (they add up to the score), the risks by severity, and the trend. It reads the stored snapshot (cacheable, no
 * callout) and makes the page's only scoring callout when the deal changed since its last scoring, or on refresh.
 * The fresh result is published on the Deal Health Updates channel for the playbook and the nudges.
 */
export default class DealHealthPanel extends DealChannelMixin(LightningElement) implements DealRecordComponent {
    readonly labels = { notScoredYet: NOT_SCORED_YET };
    @api recordId: string | undefined;

    view: DealHealthView | undefined;
    loadError: string | undefined;
    isScoring = false;
    /** Kept whole so refreshApex can refresh the cache after a rescore. */
    wiredHealth: WiredResult<DealHealthView> | undefined;
    recordModifiedAt: string | undefined;
    /** One automatic rescore per page view; the rep can always press Refresh. */
    autoRescoreDone = false;

    @wire(MessageContext) messageContext: unknown;

    handleDealMessage(kind: string): void {
        // A rep marked a playbook step on this deal: adherence and exit criteria changed, so score again.
        if (kind === 'progressChanged') this.rescore(false);
    }

    @wire(getRecord, { recordId: '$recordId', fields: WATCHED_FIELDS })
    wiredRecord(result: WiredResult<Parameters<typeof getFieldValue>[0]>): void {
        if (!result.data) return;
        const modifiedAt = getFieldValue(result.data, LAST_MODIFIED_FIELD) as string | undefined;
        const changedWhileOpen = this.recordModifiedAt !== undefined && modifiedAt !== this.recordModifiedAt;
        this.recordModifiedAt = modifiedAt;
        if (changedWhileOpen) {
            // The rep edited the stage, close date or another watched field: the score is out of date now.
            this.rescore(false);
        } else {
            this.maybeAutoRescore();
        }
    }

    @wire(getDealHealth, { opportunityId: '$recordId' })
    wiredDealHealth(result: WiredResult<DealHealthView>): void {
        this.wiredHealth = result;
        if (result.data) {
            this.view = result.data;
            this.loadError = undefined;
            this.maybeAutoRescore();
        } else if (result.error) {
            this.loadError = errorMessage(result.error);
        }
    }

    get isLoading(): boolean {
        return !this.view && !this.loadError;
    }

    get hasScore(): boolean {
        return Boolean(this.view?.hasSnapshot);
    }

    get isEmpty(): boolean {
        return Boolean(this.view && !this.view.hasSnapshot && !this.view.isStale);
    }

    get showStaleWarning(): boolean {
        return Boolean(this.view?.isStale);
    }

    get parsed(): { dimensions: DimensionResult[]; risks: Risk[] } | { error: string } {
        try {
            return {
                dimensions: parseJsonList<DimensionResult>(this.view?.dimensionsJson, 'dimensions'),
                risks: parseJsonList<Risk>(this.view?.risksJson, 'risks')
            };
        } catch (error) {
            return { error: errorMessage(error) };
        }
    }

    get resultError(): string | undefined {
        const parsed = this.parsed;
        return 'error' in parsed ? parsed.error : undefined;
    }

    /** Every dimension with all its signals: the lines add up to the score, every lost point is shown. */
    get explanations(): DimensionExplanation[] {
        const parsed = this.parsed;
        return 'error' in parsed ? [] : explainDimensions(parsed.dimensions);
    }

    /** Why the band is below what the score earns (a capping high risk), shown under the band. */
    get bandNote(): string | null {
        const parsed = this.parsed;
        return 'error' in parsed ? null : bandCapNote(this.view?.band, parsed.risks);
    }

    get risks(): RiskRow[] {
        const parsed = this.parsed;
        return 'error' in parsed ? [] : sortRisks(parsed.risks);
    }

    get hasRisks(): boolean {
        return this.risks.length > 0;
    }

    get trend(): Sparkline {
        return sparkline(this.view?.trend ?? []);
    }

    get hasTrendLine(): boolean {
        return this.trend.points !== '';
    }

    get refreshLabel(): string {
        return this.isScoring ? 'Scoring…' : 'Refresh score';
    }

    handleRefresh(): void {
        this.rescore(true);
    }

    private maybeAutoRescore(): void {
        if (this.autoRescoreDone || !this.view || this.recordModifiedAt === undefined) return;
        if (isOutdated(this.view, this.recordModifiedAt)) {
            this.autoRescoreDone = true;
            this.rescore(false);
        }
    }

    private async rescore(askedByRep: boolean): Promise<void> {
        if (this.isScoring || !this.recordId) return;
        this.isScoring = true;
        try {
            const fresh = await rescoreDeal({ opportunityId: this.recordId });
            this.view = fresh;
            this.loadError = undefined;
            tellDeal(this.messageContext, this.recordId, 'scored', fresh);
            if (fresh.isStale) {
                this.toast('Score not refreshed', fresh.staleReason ?? SERVICE_UNREACHABLE, 'warning');
            } else {
                if (askedByRep) this.toast('Deal health updated', `Score ${fresh.score ?? '–'}`, 'success');
                // Standard components on the page (related lists of snapshots) refresh too.
                await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
                if (this.wiredHealth) await refreshApex(this.wiredHealth);
            }
        } catch (error) {
            this.toast('Could not score the deal', errorMessage(error), 'error');
        } finally {
            this.isScoring = false;
        }
    }

    private toast(title: string, message: string, variant: 'success' | 'warning' | 'error'): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
