// Plain logic of the Rep Development tab: the service's per-rep figures as display rows, the focus trend month over
// month, whether last month's focus moved, loop health, and the drill's view. No DOM, so it is unit-tested on its own.
import ANSWER_REQUIRED from '@salesforce/label/c.PracticeAnswerRequired';
import ANSWER_TOO_LONG from '@salesforce/label/c.PracticeAnswerTooLong';
import { formatLabel } from 'c/lwcUtils';

export interface Option {
    label: string;
    value: string;
}

// ------------------------------------------------------------------ the service's answer (DevelopmentResponse)

export type Direction = 'higher_is_better' | 'lower_is_better';

export interface MetricDefinition {
    metric: string;
    label: string;
    direction: Direction;
    unit: 'share' | 'days';
    skill: string | null;
    method: 'wilson' | 'bootstrap';
    /** What a figure's eventCount counts; absent in snapshots stored before the service said so. */
    eventUnit?: EventUnit;
}

export type EventUnit = 'deals' | 'steps' | 'nudges' | 'calls';

export interface MetricFigure {
    metric: string;
    captured: boolean;
    value: number | null;
    sampleSize: number;
    eventCount: number;
    interval: { low: number; high: number } | null;
    teamMedian: number | null;
    enoughEvidence: boolean;
    isGap: boolean;
    gapPoints: number | null;
    byStage: { stage: string; covered: number; deals: number }[] | null;
}

export interface SuggestedFocus {
    metric: string;
    skill: string;
    baseline: number;
    target: number;
    gapPoints: number;
    dealIds: string[];
    reason: string;
}

export type RepDevelopment = Record<'name', string> & {
    repId: string;
    openDeals: number;
    closedDeals: number;
    metrics: MetricFigure[];
    dismissReasons: { reason: string; count: number }[];
    suggestedFocus: SuggestedFocus | null;
};

export interface DevelopmentResult {
    modelVersion: string;
    asOf: string;
    windowDays: number;
    rule: string;
    definitions: MetricDefinition[];
    reps: RepDevelopment[];
}

// ------------------------------------------------------------------ what Apex returns (RepDevelopmentModels)

export type FocusStatus = 'active' | 'reviewed';
export type FocusOutcome = 'reached' | 'moved' | 'not_moved';

/**
 * Rep_Focus__c as RepDevelopmentModels.FocusView. `month` is the first day of the month, `YYYY-MM-01`. `status` is
 * declared through Record<> because the LWC lint parser reads a bare `status` member as the window global.
 */
export type FocusView = Record<'status', FocusStatus> & {
    id: string;
    repId: string;
    repName: string;
    month: string;
    skill: string;
    metric: string;
    baseline: number;
    target: number;
    outcome: FocusOutcome | null;
    result: number | null;
    notes: string | null;
    reviewedAt: string | null;
};

/** Practice sessions of one rep in one month: how many were completed and their average score. */
export interface PracticeMonth {
    repId: string;
    month: string;
    sessions: number;
    averageScore: number | null;
}

export interface DevelopmentView {
    asOf: string;
    /** This month, `YYYY-MM-01`. */
    month: string;
    windowDays: number;
    scopeLabel: string;
    /** Whether the running user may set and review focuses (managers, for their team). */
    canSetFocus: boolean;
    /** The service's DevelopmentResponse, as JSON text. */
    developmentJson: string;
    focuses: FocusView[];
    practice: PracticeMonth[];
    /** Names of the deals the suggestions list. */
    deals: Option[];
    /** What the data behind the figures leaves out or had to infer (an org without some fields, a loaded data set). */
    dataNotes: string[];
    /** `on_demand` (computed for this page load) or `monthly_batch` (this month's precomputed snapshot). */
    computedBy?: 'on_demand' | 'monthly_batch' | null;
    /** When the figures were computed (ISO date-time). */
    computedAt?: string | null;
}

/** The page's line for figures from the monthly batch: the label's template with the as-of day; else ''. */
export function computedByText(view: Pick<DevelopmentView, 'asOf' | 'computedBy'>, template: string): string {
    return view.computedBy === 'monthly_batch' ? template.replace('{0}', view.asOf) : '';
}

export interface ScopeOptions {
    reps: Option[];
    hasTeam: boolean;
}

export const SKILL_LABELS: Record<string, string> = {
    multi_threading: 'Multi-threading',
    economic_buyer_access: 'Reaching the economic buyer',
    advancing_the_deal: 'Advancing the deal',
    close_plan: 'Close plan',
    discovery_depth: 'Discovery depth',
    acting_on_coaching: 'Acting on coaching'
};

export const OUTCOME_LABELS: Record<FocusOutcome, string> = {
    reached: 'Reached the target',
    moved: 'Moved toward the target',
    not_moved: 'Did not move'
};

export function skillLabel(skill: string | null | undefined): string {
    return skill ? (SKILL_LABELS[skill] ?? skill) : '—';
}

/** A share as a whole percentage, days as whole days; an em dash for no value. */
export function formatValue(value: number | null | undefined, unit: 'share' | 'days'): string {
    if (value === null || value === undefined || Number.isNaN(value)) return '—';
    return unit === 'share' ? `${Math.round(value * 100)}%` : `${Math.round(value)} d`;
}

export function parseDevelopment(json: string | null | undefined): DevelopmentResult | null {
    if (!json) return null;
    const parsed = JSON.parse(json) as DevelopmentResult;
    if (!parsed || !Array.isArray(parsed.reps) || !Array.isArray(parsed.definitions)) {
        throw new Error('The rep development figures are not in the expected shape.');
    }
    return parsed;
}

/** `YYYY-MM-01` of the month `offset` months from `month`. */
export function addMonths(month: string, offset: number): string {
    const year = Number(month.slice(0, 4));
    const index = Number(month.slice(5, 7)) - 1 + offset;
    const shifted = new Date(Date.UTC(year + Math.floor(index / 12), ((index % 12) + 12) % 12, 1));
    return shifted.toISOString().slice(0, 10);
}

const MONTH_FORMAT = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short' });

export function monthLabel(month: string): string {
    return MONTH_FORMAT.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}

export function definitionOf(result: DevelopmentResult, metric: string): MetricDefinition | undefined {
    return result.definitions.find((definition) => definition.metric === metric);
}

/**
 * How a focus moved from its baseline: reached when the value got to the target, moved when it improved at least a
 * quarter of the way there (less is noise at these sample sizes), otherwise not moved.
 */
export function movement(baseline: number, target: number, current: number, direction: Direction): FocusOutcome {
    const better = (a: number, b: number) => (direction === 'higher_is_better' ? a - b : b - a);
    if (better(current, target) >= 0) return 'reached';
    const wanted = Math.abs(target - baseline);
    return wanted > 0 && better(current, baseline) >= wanted / 4 ? 'moved' : 'not_moved';
}

export interface MetricRow {
    key: string;
    label: string;
    valueText: string;
    sampleText: string;
    medianText: string;
    intervalText: string;
    verdict: string;
    isGap: boolean;
    rowClass: string;
}

const EVENT_WORDS: Record<EventUnit, [singular: string, plural: string]> = {
    deals: ['deal', 'deals'],
    steps: ['step', 'steps'],
    nudges: ['nudge', 'nudges'],
    calls: ['call', 'calls']
};

function counted(count: number, unit: EventUnit): string {
    const [singular, plural] = EVENT_WORDS[unit];
    return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * The sample column: the deals, and what the metric pools over them when that is not the deals themselves
 * ("12 deals · 30 steps", "5 deals · 7 calls"). A definition without its unit (a snapshot stored before the service
 * named it) says "events", as the page did then.
 */
export function sampleText(figure: MetricFigure, definition: MetricDefinition | undefined): string {
    const deals = counted(figure.sampleSize, 'deals');
    const unit = definition?.eventUnit;
    if (unit === undefined) {
        return figure.eventCount !== figure.sampleSize ? `${deals} · ${figure.eventCount} events` : deals;
    }
    return unit === 'deals' ? deals : `${deals} · ${counted(figure.eventCount, unit)}`;
}

/**
 * `ownView`: a rep looking at their own figures, who cannot see their peers' deals (user mode), so there is no median
 * to compare with on their side of the page.
 */
export function metricRows(result: DevelopmentResult, rep: RepDevelopment, ownView = false): MetricRow[] {
    return rep.metrics.map((figure) => {
        const definition = definitionOf(result, figure.metric);
        const unit = definition?.unit ?? 'share';
        let verdict = 'In line with the team';
        if (!figure.captured) verdict = 'Not captured in this org';
        else if (figure.isGap) verdict = `Gap: ${figure.gapPoints} points`;
        else if (!figure.enoughEvidence) verdict = 'Too few deals to judge';
        else if (figure.teamMedian === null && ownView) verdict = 'Your manager sees the team comparison';
        else if (figure.teamMedian === null) verdict = 'No team median (too few reps with enough deals)';
        return {
            key: `${rep.repId}-${figure.metric}`,
            label: definition?.label ?? figure.metric,
            valueText: formatValue(figure.value, unit),
            sampleText: sampleText(figure, definition),
            medianText: formatValue(figure.teamMedian, unit),
            intervalText: figure.interval
                ? `${formatValue(figure.interval.low, unit)}–${formatValue(figure.interval.high, unit)}`
                : '—',
            verdict,
            isGap: figure.isGap,
            rowClass: figure.isGap ? 'metric-row metric-row_gap' : 'metric-row'
        };
    });
}

export interface TrendRow {
    key: string;
    monthText: string;
    skillText: string;
    baselineText: string;
    targetText: string;
    resultText: string;
    outcomeText: string;
    practiceText: string;
}

/** The rep's focuses, newest month first, with where each ended (or stands now) and that month's practice. */
export function trendRows(
    result: DevelopmentResult,
    rep: RepDevelopment,
    focuses: readonly FocusView[],
    practice: readonly PracticeMonth[],
    month: string
): TrendRow[] {
    return focuses
        .filter((focus) => focus.repId === rep.repId)
        .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0))
        .map((focus) => {
            const definition = definitionOf(result, focus.metric);
            const unit = definition?.unit ?? 'share';
            const live = rep.metrics.find((figure) => figure.metric === focus.metric)?.value ?? null;
            const current = focus.result ?? live;
            const outcome =
                focus.outcome ??
                (current !== null && definition
                    ? movement(focus.baseline, focus.target, current, definition.direction)
                    : null);
            const sessions = practice.find((entry) => entry.repId === rep.repId && entry.month === focus.month);
            let outcomeText = outcome ? OUTCOME_LABELS[outcome] : '—';
            if (focus.status === 'active') {
                outcomeText = focus.month < month ? `${outcomeText} (never reviewed)` : `${outcomeText} so far`;
            }
            return {
                key: focus.id,
                monthText: monthLabel(focus.month),
                skillText: skillLabel(focus.skill),
                baselineText: formatValue(focus.baseline, unit),
                targetText: formatValue(focus.target, unit),
                resultText: `${formatValue(current, unit)}${focus.result === null ? ' now' : ''}`,
                outcomeText,
                practiceText:
                    sessions && sessions.sessions > 0
                        ? `${sessions.sessions} drill${sessions.sessions === 1 ? '' : 's'}, average ${sessions.averageScore ?? 0}`
                        : 'No drills'
            };
        });
}

export interface LoopHealth {
    repsWithoutFocus: string[];
    neverReviewed: number;
    lastMonthMoved: number;
    lastMonthFocuses: number;
}

/** The loop's own health: who has no focus this month, focuses from past months never reviewed, last month's movers. */
export function loopHealth(result: DevelopmentResult, focuses: readonly FocusView[], month: string): LoopHealth {
    const thisMonth = new Set(focuses.filter((focus) => focus.month === month).map((focus) => focus.repId));
    const lastMonth = addMonths(month, -1);
    const last = focuses.filter((focus) => focus.month === lastMonth);
    let moved = 0;
    for (const focus of last) {
        const rep = result.reps.find((candidate) => candidate.repId === focus.repId);
        const definition = definitionOf(result, focus.metric);
        const current = focus.result ?? rep?.metrics.find((figure) => figure.metric === focus.metric)?.value ?? null;
        const outcome =
            focus.outcome ??
            (current !== null && definition
                ? movement(focus.baseline, focus.target, current, definition.direction)
                : null);
        if (outcome === 'reached' || outcome === 'moved') moved += 1;
    }
    return {
        repsWithoutFocus: result.reps.filter((rep) => !thisMonth.has(rep.repId)).map((rep) => rep.name),
        neverReviewed: focuses.filter((focus) => focus.month < month && focus.status === 'active').length,
        lastMonthMoved: moved,
        lastMonthFocuses: last.length
    };
}

// ------------------------------------------------------------------ the practice drill (PracticeModels)

export interface DrillTurn {
    role: 'buyer' | 'rep';
    text: string;
}

export interface DrillCriterion {
    key: string;
    text: string;
    met: boolean;
    evidence: string;
}

/** Practice_Session__c as PracticeModels.SessionView. */
export interface DrillSession {
    sessionId: string;
    skill: string;
    opportunityId: string;
    dealName: string;
    stepTitle: string;
    buyerTitles: string[];
    risks: string[];
    transcript: DrillTurn[];
    turnsLeft: number;
    done: boolean;
    score: number | null;
    criteria: DrillCriterion[];
    mode: 'llm' | 'scripted';
    fallbackReason: string | null;
}

export interface DrillOptions {
    focusSkill: string | null;
    /** Skills with a drill (keys; SKILL_LABELS names them). */
    skills: string[];
    deals: Option[];
    recent: { sessionId: string; completedAt: string; skill: string; score: number; dealName: string }[];
}

export const MAX_ANSWER_LENGTH = 2000;

/** A rep's answer, trimmed, or the reason it cannot be sent. */
export function validateAnswer(text: string | null | undefined): { answer: string | null; problem: string | null } {
    const answer = (text ?? '').trim();
    if (answer === '') return { answer: null, problem: ANSWER_REQUIRED };
    if (answer.length > MAX_ANSWER_LENGTH) {
        return { answer: null, problem: formatLabel(ANSWER_TOO_LONG, [MAX_ANSWER_LENGTH]) };
    }
    return { answer, problem: null };
}
