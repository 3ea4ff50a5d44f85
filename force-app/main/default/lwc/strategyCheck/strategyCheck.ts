import { LightningElement, wire } from 'lwc';
import getFilterOptions from '@salesforce/apex/StrategyCheckController.getFilterOptions';
import getStrategyCheck from '@salesforce/apex/StrategyCheckController.getStrategyCheck';
import { errorMessage, type WiredResult } from 'c/lwcUtils';
import type { FilterChangeDetail, FilterDefinition, FilterOption } from 'c/filterBar';
import type { MetricTileView } from 'c/metricTile';
import {
    toCalibrationDisplay,
    toForecastTiles,
    toLoopHealthTiles,
    toManagerRows,
    toSegmentCards,
    type CalibrationDisplay,
    type CheckView,
    type ManagerRow,
    type SegmentCard
} from 'c/strategyCheckLogic';

interface FilterOptions {
    quarters: FilterOption[];
    scopes: FilterOption[];
    defaultQuarter: string;
}

const DEFAULT_SCOPE = 'my_team';

/**
 * The leader's quarterly strategy check: per playbook, is the play being run (adherence), does running it win (win
 * rates of deals that ran it and of those that did not, with intervals), and the verdict with its evidence and next
 * move; then loop health, forecast accuracy and the win-probability calibration card. One wired read per filter
 * change; the verdicts come from the Execution Loop service through Apex.
 */
export default class StrategyCheck extends LightningElement {
    quarter: string | undefined;
    scope = DEFAULT_SCOPE;
    options: FilterOptions | undefined;
    optionsError: string | null = null;
    view: CheckView | undefined;
    checkError: string | null = null;
    checkLoading = true;

    @wire(getFilterOptions)
    wiredOptions(result: WiredResult<FilterOptions>): void {
        if (result.data) {
            this.options = result.data;
            this.optionsError = null;
            this.quarter = this.quarter ?? result.data.defaultQuarter;
        } else if (result.error) {
            this.optionsError = errorMessage(result.error);
        }
    }

    @wire(getStrategyCheck, { quarter: '$quarter', scope: '$scope' })
    wiredCheck(result: WiredResult<CheckView>): void {
        if (result.data) {
            this.view = result.data;
            this.checkError = null;
            this.checkLoading = false;
        } else if (result.error) {
            this.view = undefined;
            this.checkError = errorMessage(result.error);
            this.checkLoading = false;
        }
    }

    get filters(): FilterDefinition[] {
        return [
            { key: 'quarter', label: 'Quarter', value: this.quarter ?? '', options: this.options?.quarters ?? [] },
            { key: 'scope', label: 'Scope', value: this.scope, options: this.options?.scopes ?? [] }
        ];
    }

    handleFilterChange(event: CustomEvent<FilterChangeDetail>): void {
        const { key, value } = event.detail;
        if (key === 'quarter' && value !== this.quarter) {
            this.quarter = value;
            this.checkLoading = true;
        } else if (key === 'scope' && value !== this.scope) {
            this.scope = value;
            this.checkLoading = true;
        }
    }

    get isLoading(): boolean {
        return !this.error && (!this.options || this.checkLoading);
    }

    get error(): string | null {
        return this.optionsError ?? this.checkError;
    }

    get ready(): boolean {
        return !this.isLoading && !this.error && this.view !== undefined;
    }

    get isEmpty(): boolean {
        return this.ready && this.view!.segments.length === 0;
    }

    get hasSegments(): boolean {
        return this.ready && this.view!.segments.length > 0;
    }

    get emptyHint(): string {
        const unmatched = this.view?.unmatchedDeals ?? 0;
        return unmatched > 0
            ? `${unmatched} deals closed but no active playbook matched them: ask your admin to map them to a play.`
            : 'Choose an earlier quarter, or a wider scope.';
    }

    get heading(): string {
        return this.view ? `${this.view.quarter} · ${this.view.scopeLabel}` : '';
    }

    get segmentCards(): SegmentCard[] {
        return this.view ? toSegmentCards(this.view) : [];
    }

    get unmatchedText(): string | null {
        const unmatched = this.view?.unmatchedDeals ?? 0;
        return unmatched > 0 ? `${unmatched} closed deals matched no active playbook and are in no segment.` : null;
    }

    get verdictError(): string | null {
        return this.view?.verdictError ?? null;
    }

    // ---------------------------------------------------------------- loop health and forecast

    get loopHealthTiles(): MetricTileView[] {
        return this.view ? toLoopHealthTiles(this.view) : [];
    }

    get forecastTiles(): MetricTileView[] {
        return this.view ? toForecastTiles(this.view) : [];
    }

    get managerRows(): ManagerRow[] {
        return this.view ? toManagerRows(this.view.forecast) : [];
    }

    get hasManagerRows(): boolean {
        return this.managerRows.length > 0;
    }

    // ---------------------------------------------------------------- calibration

    get calibration(): CalibrationDisplay | null {
        return this.view ? toCalibrationDisplay(this.view.calibration) : null;
    }

    get calibrationBadgeClass(): string {
        return this.calibration?.showsProbability
            ? 'slds-badge verdict-badge verdict-badge_success'
            : 'slds-badge verdict-badge verdict-badge_neutral';
    }

    get hasEvaluation(): boolean {
        return Boolean(this.calibration?.evaluation);
    }

    get hasReliability(): boolean {
        return (this.calibration?.reliability.length ?? 0) > 0;
    }
}
