// Plain logic of the Strategy Check tab: the Apex view's shapes, and how its figures are worded. No DOM.
import { parseJsonObject } from 'c/lwcUtils';
import type { MetricTileView } from 'c/metricTile';

export type Verdict = 'execution_drift' | 'strategy_problem' | 'on_track' | 'not_enough_data';

export interface WinRateInterval {
    rate: number | null;
    low: number | null;
    high: number | null;
    count: number;
}

export interface SegmentVerdict {
    segment: string;
    label: string;
    verdict: Verdict;
    headline: string;
    evidence: string[];
    nextMove: string;
    adherence: { current: number | null; previous: number | null; gatesOnTime: number | null };
    winRateRanPlay: WinRateInterval;
    winRateOffPlay: WinRateInterval;
}

export interface SegmentView {
    segment: string;
    label: string;
    closedDeals: number;
    won: number;
    lost: number;
    winRate: number | null;
    medianCycleDays: number | null;
    slipRate: number | null;
    meanWonAmount: number | null;
    requiredStepsDue: number;
    requiredStepsDoneOnTime: number;
    gatesDue: number;
    gatesDoneOnTime: number;
    verdict: SegmentVerdict | null;
}

export interface LoopHealth {
    reviewsHeld: number;
    managersReviewing: number;
    weeks: number | null;
    reviewsPerManagerPerWeek: number | null;
    decisions: number;
    decisionsPerReview: number | null;
    overdueActions: number;
    repsWithFocus: number | null;
    focusNote: string | null;
    activeDeals: number;
    callAnalysesPerActiveDeal: number | null;
    callAnalysisNote: string | null;
}

export interface ManagerForecast {
    managerKey: string;
    managerName: string;
    committedAmount: number;
    closedWonAmount: number;
    errorShare: number | null;
}

export interface ForecastAccuracy {
    committedDeals: number;
    committedAmount: number;
    closedWonDeals: number;
    closedWonAmount: number;
    errorShare: number | null;
    managers: ManagerForecast[];
}

export type CalibrationStatus = 'calibrated' | 'not_better_than_baseline' | 'insufficient_history';

export interface CalibrationCard {
    hasModel: boolean;
    // eslint-disable-next-line no-restricted-globals -- a property of the Apex view, not window.status
    status: CalibrationStatus | null;
    showsProbability: boolean;
    fittedAt: string | null;
    wonCount: number | null;
    lostCount: number | null;
    minimumWon: number | null;
    minimumLost: number | null;
    reason: string | null;
    evaluationJson: string | null;
}

export interface CheckRules {
    minClosedPerArm: number;
    intervalConfidence: number;
    adherenceFloor: number;
    adherenceDropPoints: number;
}

export interface CheckView {
    quarter: string;
    quarterStart: string;
    quarterEnd: string;
    scopeLabel: string;
    segments: SegmentView[];
    unmatchedDeals: number;
    rules: CheckRules | null;
    verdictError: string | null;
    gatesAvailable: boolean;
    loopHealth: LoopHealth;
    forecast: ForecastAccuracy;
    calibration: CalibrationCard;
}

/** The service's holdout evaluation, as stored in Evaluation_Json__c. */
export interface CalibrationEvaluation {
    trainingExamples: number;
    holdoutExamples: number;
    holdoutFrom: string;
    calibrated: { brier: number; rocAuc: number | null };
    baseline: { brier: number; rocAuc: number | null; kind: 'stage_probability' | 'base_rate'; description: string };
    reliability: Array<{
        binFrom: number;
        binTo: number;
        count: number;
        meanPredicted: number | null;
        observedWinRate: number | null;
    }>;
}

export const VERDICT_LABELS: Record<Verdict, string> = {
    execution_drift: 'Execution drift',
    strategy_problem: 'Strategy problem',
    on_track: 'On track',
    not_enough_data: 'Not enough data'
};

const VERDICT_TONES: Record<Verdict, string> = {
    execution_drift: 'warning',
    strategy_problem: 'error',
    on_track: 'success',
    not_enough_data: 'neutral'
};

const STATUS_LABELS: Record<CalibrationStatus, string> = {
    calibrated: 'Calibrated',
    not_better_than_baseline: 'Not better than the baseline',
    insufficient_history: 'Not enough history'
};

const NOT_AVAILABLE = 'n/a';

export function percent(share: number | null | undefined): string {
    return share === null || share === undefined ? NOT_AVAILABLE : `${Math.round(share * 100)} %`;
}

/** "62 % of 37 (90 % interval 49–73 %)", or "no closed deals". */
export function intervalText(interval: WinRateInterval, confidence: number | null): string {
    if (interval.count === 0 || interval.rate === null) return 'no closed deals';
    const range =
        interval.low === null || interval.high === null
            ? ''
            : ` (${confidence === null ? '' : `${Math.round(confidence * 100)} % `}interval ${Math.round(interval.low * 100)}–${percent(interval.high)})`;
    return `${percent(interval.rate)} of ${interval.count}${range}`;
}

export function amountText(amount: number | null | undefined): string {
    if (amount === null || amount === undefined) return NOT_AVAILABLE;
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(amount);
}

export function numberText(value: number | null | undefined, digits = 1): string {
    if (value === null || value === undefined) return NOT_AVAILABLE;
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(value);
}

/** Signed error of a forecast: "+12 %" means more closed than was committed. */
export function errorText(share: number | null | undefined): string {
    if (share === null || share === undefined) return 'nothing committed';
    const points = Math.round(share * 100);
    return `${points > 0 ? '+' : ''}${points} %`;
}

function tile(
    key: string,
    label: string,
    value: string,
    detail: string | null = null,
    tone = 'neutral'
): MetricTileView {
    return { key, label, value, detail, tone };
}

export interface SegmentCard {
    key: string;
    label: string;
    verdictLabel: string;
    verdictTone: string;
    badgeClass: string;
    cardClass: string;
    headline: string;
    evidence: Array<{ key: string; text: string }>;
    nextMove: string | null;
    hasVerdict: boolean;
    /** Adherence, gates on time, win rate, median cycle, slip rate and mean won deal, in that order. */
    tiles: MetricTileView[];
    ranPlayText: string;
    offPlayText: string;
}

export function toSegmentCards(view: CheckView): SegmentCard[] {
    const confidence = view.rules?.intervalConfidence ?? null;
    return view.segments.map((segment) => {
        const verdict = segment.verdict;
        const tone = verdict ? VERDICT_TONES[verdict.verdict] : 'neutral';
        const adherence =
            segment.requiredStepsDue === 0 ? null : segment.requiredStepsDoneOnTime / segment.requiredStepsDue;
        const previous = verdict?.adherence.previous ?? null;
        return {
            key: segment.segment,
            label: segment.label,
            verdictLabel: verdict ? VERDICT_LABELS[verdict.verdict] : 'No verdict',
            verdictTone: tone,
            badgeClass: `slds-badge verdict-badge verdict-badge_${tone}`,
            cardClass: `slds-box slds-m-bottom_medium segment-card segment-card_${tone}`,
            headline: verdict?.headline ?? 'The service gave no verdict for this segment.',
            evidence: (verdict?.evidence ?? []).map((text, index) => ({ key: `${segment.segment}-${index}`, text })),
            nextMove: verdict?.nextMove ?? null,
            hasVerdict: verdict !== null,
            tiles: [
                tile(
                    'adherence',
                    'Adherence',
                    percent(adherence),
                    `${segment.requiredStepsDoneOnTime} of ${segment.requiredStepsDue} required steps done by their stage${previous === null ? '' : `; ${percent(previous)} the quarter before`}`,
                    tone
                ),
                tile(
                    'gates',
                    'Gates on time',
                    view.gatesAvailable && segment.gatesDue > 0
                        ? percent(segment.gatesDoneOnTime / segment.gatesDue)
                        : NOT_AVAILABLE,
                    !view.gatesAvailable
                        ? 'This org marks no playbook step as a gate.'
                        : segment.gatesDue === 0
                          ? 'No gate of this play came due in the quarter.'
                          : `${segment.gatesDoneOnTime} of ${segment.gatesDue} gates on time`
                ),
                tile('win-rate', 'Win rate', percent(segment.winRate), `${segment.won} won, ${segment.lost} lost`),
                tile(
                    'cycle',
                    'Median cycle (won)',
                    segment.medianCycleDays === null ? NOT_AVAILABLE : `${numberText(segment.medianCycleDays, 0)} days`
                ),
                tile('slip', 'Slip rate', percent(segment.slipRate), 'Closed deals whose close date was pushed'),
                tile('deal-size', 'Mean won deal', amountText(segment.meanWonAmount))
            ],
            ranPlayText: verdict ? intervalText(verdict.winRateRanPlay, confidence) : NOT_AVAILABLE,
            offPlayText: verdict ? intervalText(verdict.winRateOffPlay, confidence) : NOT_AVAILABLE
        };
    });
}

/** Loop health: are the faster loops (reviews, actions, monthly focus, call analysis) running? */
export function toLoopHealthTiles(view: CheckView): MetricTileView[] {
    const health = view.loopHealth;
    return [
        tile(
            'reviews',
            'Reviews per manager per week',
            numberText(health.reviewsPerManagerPerWeek, 2),
            `${health.reviewsHeld} reviews by ${health.managersReviewing} managers over ${numberText(health.weeks)} weeks`
        ),
        tile(
            'decisions',
            'Decisions per review',
            numberText(health.decisionsPerReview, 1),
            `${health.decisions} decisions other than "no change"`
        ),
        tile(
            'overdue',
            'Overdue actions',
            String(health.overdueActions),
            'Review actions past their due date, still open',
            health.overdueActions > 0 ? 'warning' : 'success'
        ),
        tile(
            'focus',
            'Reps with a monthly focus',
            health.repsWithFocus === null ? NOT_AVAILABLE : String(health.repsWithFocus),
            health.focusNote ?? 'Reps who set a monthly focus in the quarter'
        ),
        tile(
            'call-analyses',
            'Call analyses per active deal',
            numberText(health.callAnalysesPerActiveDeal, 2),
            health.callAnalysisNote ?? `Over ${health.activeDeals} open deals in scope`
        )
    ];
}

/** Forecast accuracy: committed on the quarter's first day against what closed won. */
export function toForecastTiles(view: CheckView): MetricTileView[] {
    const { forecast } = view;
    const share = forecast.errorShare;
    return [
        tile(
            'committed',
            'Committed',
            amountText(forecast.committedAmount),
            `${forecast.committedDeals} deals in Commit on ${view.quarterStart}`
        ),
        tile(
            'closed-won',
            'Closed won',
            amountText(forecast.closedWonAmount),
            `${forecast.closedWonDeals} deals closed won in the quarter`
        ),
        tile(
            'forecast-error',
            'Forecast error',
            errorText(share),
            '(closed won − committed) ÷ committed',
            share === null ? 'neutral' : Math.abs(share) <= 0.1 ? 'success' : 'warning'
        )
    ];
}

export interface CalibrationDisplay {
    statusLabel: string;
    showsProbability: boolean;
    explanation: string;
    historyText: string;
    minimumText: string;
    evaluation: CalibrationEvaluation | null;
    calibratedBrier: string;
    baselineBrier: string;
    calibratedAuc: string;
    baselineAuc: string;
    baselineDescription: string;
    holdoutText: string;
    reliability: Array<{ key: string; range: string; count: number; predicted: string; observed: string }>;
}

/** The calibration card; throws StoredResultError when the stored evaluation cannot be read. */
export function toCalibrationDisplay(card: CalibrationCard): CalibrationDisplay {
    const evaluation = parseJsonObject<CalibrationEvaluation>(card.evaluationJson, 'calibration evaluation');
    const explanation = card.showsProbability
        ? 'The model beat the baseline on deals it had not seen: its win probabilities can be read as probabilities.'
        : `No win probability is shown: the deal-health score is a health measure, not a probability. ${card.reason ?? ''}`.trim();
    const auc = (value: number | null | undefined) => {
        return value === null || value === undefined ? NOT_AVAILABLE : value.toFixed(3);
    };
    return {
        statusLabel: card.status ? STATUS_LABELS[card.status] : 'Not fitted yet',
        showsProbability: card.showsProbability,
        explanation,
        historyText:
            card.wonCount === null || card.lostCount === null
                ? NOT_AVAILABLE
                : `${card.wonCount} won, ${card.lostCount} lost`,
        minimumText:
            card.minimumWon === null || card.minimumLost === null
                ? NOT_AVAILABLE
                : `${card.minimumWon} won and ${card.minimumLost} lost`,
        evaluation,
        calibratedBrier: evaluation ? evaluation.calibrated.brier.toFixed(3) : NOT_AVAILABLE,
        baselineBrier: evaluation ? evaluation.baseline.brier.toFixed(3) : NOT_AVAILABLE,
        calibratedAuc: auc(evaluation?.calibrated.rocAuc),
        baselineAuc: auc(evaluation?.baseline.rocAuc),
        baselineDescription: evaluation?.baseline.description ?? '',
        holdoutText: evaluation
            ? `Trained on ${evaluation.trainingExamples} deals, tested on the ${evaluation.holdoutExamples} that closed from ${evaluation.holdoutFrom}.`
            : '',
        reliability: (evaluation?.reliability ?? [])
            .filter((bin) => bin.count > 0)
            .map((bin) => ({
                key: `${bin.binFrom}`,
                range: `${Math.round(bin.binFrom * 100)}–${Math.round(bin.binTo * 100)} %`,
                count: bin.count,
                predicted: percent(bin.meanPredicted),
                observed: percent(bin.observedWinRate)
            }))
    };
}

export interface ManagerRow {
    key: string;
    managerName: string;
    committed: string;
    closedWon: string;
    error: string;
}

export function toManagerRows(forecast: ForecastAccuracy): ManagerRow[] {
    return forecast.managers.map((manager) => ({
        key: manager.managerKey,
        managerName: manager.managerName,
        committed: amountText(manager.committedAmount),
        closedWon: amountText(manager.closedWonAmount),
        error: errorText(manager.errorShare)
    }));
}
