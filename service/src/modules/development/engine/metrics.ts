// The per-rep patterns: each metric says which deals form its sample, how one deal counts, and which skill a gap in
// it trains. Adding a metric is adding an entry here (and to METRIC_KEYS in the contract).
import type { DevelopmentDeal, DevelopmentRules, EventUnit, MetricKey, Skill } from '../contract/development';
import { median } from './statistics';

const DAY_MS = 86_400_000;

export interface MetricDefinitionEntry {
    metric: MetricKey;
    label: string;
    direction: 'higher_is_better' | 'lower_is_better';
    unit: 'share' | 'days';
    skill: Skill | null;
    method: 'wilson' | 'bootstrap';
    /** What the event count counts: the deals themselves, or the steps, nudges or calls pooled over them. */
    eventUnit: EventUnit;
    /** Deals in the metric's sample. */
    inSample: (deal: DevelopmentDeal, rules: DevelopmentRules) => boolean;
    /** For per-deal shares (wilson): whether the deal counts toward the share (e.g. is single-threaded). */
    counts?: (deal: DevelopmentDeal, rules: DevelopmentRules) => boolean;
    /** For pooled rates and medians (bootstrap): the statistic over a sample of deals (NaN when undefined). */
    statistic?: (deals: readonly DevelopmentDeal[]) => number;
    /** Events behind the value (steps due, nudges answered), shown beside the deal count. */
    events?: (deal: DevelopmentDeal) => number;
    /** Whether the deal shows the weakness (the deals listed with a focus). */
    showsWeakness: (deal: DevelopmentDeal, rules: DevelopmentRules) => boolean;
}

const open = (deal: DevelopmentDeal) => !deal.isClosed;
const benchmark = (deal: DevelopmentDeal, rules: DevelopmentRules) =>
    deal.stageBenchmarkDays ?? rules.defaultStageBenchmarkDays;
const isSingleThreaded = (deal: DevelopmentDeal) => deal.engagedContacts <= 1;
const hasEconomicBuyer = (deal: DevelopmentDeal) => deal.economicBuyer !== 'unknown';
const isOverrun = (deal: DevelopmentDeal, rules: DevelopmentRules) => deal.daysInStage > benchmark(deal, rules);
const isStuck = (deal: DevelopmentDeal, rules: DevelopmentRules) =>
    deal.daysInStage > rules.stuckStageRatio * benchmark(deal, rules) &&
    (deal.daysSinceActivity === null || deal.daysSinceActivity >= rules.stuckQuietDays);

/** Days from creation to close of a deal (never negative: a back-dated close counts as 0). */
export function cycleDays(deal: DevelopmentDeal): number {
    return Math.max(0, Math.round((Date.parse(deal.closeDate) - Date.parse(deal.createdDate)) / DAY_MS));
}

function pooled(numerator: (deal: DevelopmentDeal) => number, denominator: (deal: DevelopmentDeal) => number) {
    return (deals: readonly DevelopmentDeal[]) => {
        let top = 0;
        let bottom = 0;
        for (const deal of deals) {
            top += numerator(deal);
            bottom += denominator(deal);
        }
        return bottom === 0 ? Number.NaN : top / bottom;
    };
}

const nudgesAnswered = (deal: DevelopmentDeal) => deal.nudgesActed + deal.nudgesDismissed;
const callStepsJudged = (deal: DevelopmentDeal) => deal.callStepsCovered + deal.callStepsMissed;

export const METRICS: readonly MetricDefinitionEntry[] = [
    {
        metric: 'single_threaded',
        label: 'Open deals single-threaded',
        direction: 'lower_is_better',
        unit: 'share',
        skill: 'multi_threading',
        method: 'wilson',
        eventUnit: 'deals',
        inSample: open,
        counts: isSingleThreaded,
        showsWeakness: (deal) => open(deal) && isSingleThreaded(deal)
    },
    {
        metric: 'economic_buyer_coverage',
        label: 'Economic buyer known (mid and late stages)',
        direction: 'higher_is_better',
        unit: 'share',
        skill: 'economic_buyer_access',
        method: 'wilson',
        eventUnit: 'deals',
        inSample: (deal, rules) => open(deal) && deal.stageProgress >= rules.economicBuyerFromProgress,
        counts: hasEconomicBuyer,
        showsWeakness: (deal, rules) =>
            open(deal) && deal.stageProgress >= rules.economicBuyerFromProgress && !hasEconomicBuyer(deal)
    },
    {
        metric: 'stage_age_overrun',
        label: 'Open deals past the stage benchmark',
        direction: 'lower_is_better',
        unit: 'share',
        skill: 'advancing_the_deal',
        method: 'wilson',
        eventUnit: 'deals',
        inSample: open,
        counts: isOverrun,
        showsWeakness: (deal, rules) => open(deal) && isOverrun(deal, rules)
    },
    {
        metric: 'close_date_push',
        label: 'Deals with a close date pushed',
        direction: 'lower_is_better',
        unit: 'share',
        skill: 'close_plan',
        method: 'wilson',
        eventUnit: 'deals',
        inSample: () => true,
        counts: (deal) => deal.closeDatePushes > 0,
        showsWeakness: (deal) => deal.closeDatePushes > 0
    },
    {
        metric: 'stuck',
        label: 'Open deals stuck',
        direction: 'lower_is_better',
        unit: 'share',
        skill: 'advancing_the_deal',
        method: 'wilson',
        eventUnit: 'deals',
        inSample: open,
        counts: isStuck,
        showsWeakness: (deal, rules) => open(deal) && isStuck(deal, rules)
    },
    {
        metric: 'step_completion',
        label: 'Required playbook steps done',
        direction: 'higher_is_better',
        unit: 'share',
        skill: 'discovery_depth',
        method: 'bootstrap',
        eventUnit: 'steps',
        inSample: (deal) => deal.requiredStepsDue > 0,
        statistic: pooled(
            (deal) => deal.requiredStepsDone,
            (deal) => deal.requiredStepsDue
        ),
        events: (deal) => deal.requiredStepsDue,
        showsWeakness: (deal) => deal.requiredStepsDone < deal.requiredStepsDue
    },
    {
        metric: 'step_skip',
        label: 'Required playbook steps skipped',
        direction: 'lower_is_better',
        unit: 'share',
        skill: 'discovery_depth',
        method: 'bootstrap',
        eventUnit: 'steps',
        inSample: (deal) => deal.requiredStepsDue > 0,
        statistic: pooled(
            (deal) => deal.requiredStepsSkipped,
            (deal) => deal.requiredStepsDue
        ),
        events: (deal) => deal.requiredStepsDue,
        showsWeakness: (deal) => deal.requiredStepsSkipped > 0
    },
    {
        metric: 'nudges_acted',
        label: 'Coaching nudges acted on',
        direction: 'higher_is_better',
        unit: 'share',
        skill: 'acting_on_coaching',
        method: 'bootstrap',
        eventUnit: 'nudges',
        inSample: (deal) => nudgesAnswered(deal) > 0,
        statistic: pooled((deal) => deal.nudgesActed, nudgesAnswered),
        events: nudgesAnswered,
        showsWeakness: (deal) => deal.nudgesDismissed > 0
    },
    {
        // Call coaching, from call analysis: pooled over the deal's analysed calls, sampled by deal like the others.
        metric: 'call_steps_covered',
        label: 'Playbook steps covered on analysed calls',
        direction: 'higher_is_better',
        unit: 'share',
        skill: 'discovery_depth',
        method: 'bootstrap',
        eventUnit: 'steps',
        inSample: (deal) => callStepsJudged(deal) > 0,
        statistic: pooled((deal) => deal.callStepsCovered, callStepsJudged),
        events: callStepsJudged,
        showsWeakness: (deal) => deal.callStepsMissed > 0
    },
    {
        metric: 'call_next_step_dated',
        label: 'Analysed calls ending with a dated next step',
        direction: 'higher_is_better',
        unit: 'share',
        skill: 'advancing_the_deal',
        method: 'bootstrap',
        eventUnit: 'calls',
        inSample: (deal) => deal.callsAnalyzed > 0,
        statistic: pooled(
            (deal) => deal.callsWithDatedNextStep,
            (deal) => deal.callsAnalyzed
        ),
        events: (deal) => deal.callsAnalyzed,
        showsWeakness: (deal) => deal.callsWithDatedNextStep < deal.callsAnalyzed
    },
    {
        metric: 'win_rate',
        label: 'Closed deals won (in the window)',
        direction: 'higher_is_better',
        unit: 'share',
        skill: null,
        method: 'wilson',
        eventUnit: 'deals',
        inSample: (deal) => deal.isClosed,
        counts: (deal) => deal.isWon,
        showsWeakness: (deal) => deal.isClosed && !deal.isWon
    },
    {
        metric: 'cycle_days',
        label: 'Median cycle of won deals (days)',
        direction: 'lower_is_better',
        unit: 'days',
        skill: null,
        method: 'bootstrap',
        eventUnit: 'deals',
        inSample: (deal) => deal.isClosed && deal.isWon,
        statistic: (deals) => median(deals.map(cycleDays)),
        showsWeakness: () => false
    }
];
