import { z } from 'zod';
import { IsoDate, NonNegativeInt, SalesforceId } from '../../../contract/common';
import { OrgDataProfile } from '../../scoring/contract/org-data-profile';
import { QualificationStatus } from '../../scoring/contract/score-request';

export const MAX_REPS_PER_REQUEST = 500;
export const MAX_DEVELOPMENT_DEALS = 20_000;
export const MAX_DISMISS_REASONS_PER_DEAL = 10;

/**
 * The skills a manager can set as a rep's focus. Each behaviour metric trains one; outcome metrics (win rate, cycle
 * length) train none. Salesforce's Rep_Focus__c.Skill__c picklist mirrors this list (values are only ever added).
 */
export const SKILLS = [
    'multi_threading',
    'economic_buyer_access',
    'advancing_the_deal',
    'close_plan',
    'discovery_depth',
    'acting_on_coaching'
] as const;
export const Skill = z.enum(SKILLS);
export type Skill = z.infer<typeof Skill>;

export const METRIC_KEYS = [
    'single_threaded',
    'economic_buyer_coverage',
    'stage_age_overrun',
    'close_date_push',
    'stuck',
    'step_completion',
    'step_skip',
    'nudges_acted',
    'call_steps_covered',
    'call_next_step_dated',
    'win_rate',
    'cycle_days'
] as const;
export const MetricKey = z.enum(METRIC_KEYS);
export type MetricKey = z.infer<typeof MetricKey>;

/**
 * What Apex knows about one of a rep's deals: open, or closed within the window. Facts only, no names or free text
 * other than the dismissal reasons reps chose from a picklist.
 */
export const DevelopmentDeal = z.strictObject({
    dealId: SalesforceId,
    ownerId: SalesforceId,
    stage: z.string().min(1).max(80),
    /** Share of the open stages passed, 0 (first open stage) to 1 (last); closed deals report 1. */
    stageProgress: z.number().min(0).max(1),
    isClosed: z.boolean(),
    isWon: z.boolean(),
    createdDate: IsoDate,
    /** The actual close date of a closed deal; the expected one of an open deal. */
    closeDate: IsoDate,
    amount: z.number().min(0).nullable(),
    daysInStage: NonNegativeInt,
    /** The org's benchmark for the stage; null means the default (`defaultStageBenchmarkDays`) applies. */
    stageBenchmarkDays: z.int().min(1).max(3650).nullable(),
    /** Days since the last buyer-facing activity; null when there was none. */
    daysSinceActivity: NonNegativeInt.nullable(),
    /** Contacts engaged in the last 30 days (contact roles with an activity). */
    engagedContacts: NonNegativeInt,
    economicBuyer: QualificationStatus,
    /** Close-date pushes in the deal's history (a later close date than before). */
    closeDatePushes: NonNegativeInt,
    /** Required playbook steps of the deal's current and earlier stages, and how they were marked. */
    requiredStepsDue: NonNegativeInt,
    requiredStepsDone: NonNegativeInt,
    requiredStepsSkipped: NonNegativeInt,
    nudgesActed: NonNegativeInt,
    nudgesDismissed: NonNegativeInt,
    dismissReasons: z.array(z.string().min(1).max(255)).max(MAX_DISMISS_REASONS_PER_DEAL),
    /** Calls on the deal that call analysis read (Call_Analysis__c analysed or reviewed); 0 when none. */
    callsAnalyzed: NonNegativeInt,
    /** Of those calls, the ones whose analysis heard a next step with a due date. */
    callsWithDatedNextStep: NonNegativeInt,
    /** Playbook steps the analyses found covered on the call, and not covered, summed over the deal's calls. */
    callStepsCovered: NonNegativeInt,
    callStepsMissed: NonNegativeInt
});
export type DevelopmentDeal = z.infer<typeof DevelopmentDeal>;

/** Every property of a deal's facts: the columns a deal table lists, each exactly once, in any order. */
export const DEAL_TABLE_COLUMNS = Object.keys(DevelopmentDeal.shape) as Array<keyof DevelopmentDeal>;
const DealColumn = z.enum(DEAL_TABLE_COLUMNS as [keyof DevelopmentDeal, ...Array<keyof DevelopmentDeal>]);

/**
 * The same facts as `deals`, one array of values per deal under named columns. A whole org's facts (the monthly batch:
 * 10,000 deals and more) are a third of the size this way, since the property names are written once, not per deal:
 * about 170 bytes a deal against 550. Each row is checked as a DevelopmentDeal.
 */
export const DevelopmentDealTable = z.strictObject({
    columns: z
        .array(DealColumn)
        .length(DEAL_TABLE_COLUMNS.length)
        .refine((columns) => new Set(columns).size === columns.length, {
            message: `must list each deal property once: ${DEAL_TABLE_COLUMNS.join(', ')}`
        }),
    rows: z.array(z.array(z.unknown()).length(DEAL_TABLE_COLUMNS.length)).max(MAX_DEVELOPMENT_DEALS)
});
export type DevelopmentDealTable = z.infer<typeof DevelopmentDealTable>;

/** `deals` as a deal table (columns in the contract's order). */
export function toDealTable(deals: readonly DevelopmentDeal[]): DevelopmentDealTable {
    return {
        columns: [...DEAL_TABLE_COLUMNS],
        rows: deals.map((deal) => DEAL_TABLE_COLUMNS.map((column) => deal[column]))
    };
}

export const DevelopmentRules = z.strictObject({
    /** Deals (or closed deals, for outcome metrics) a rep needs before any gap of theirs can be flagged. */
    minDeals: z.int().min(3).max(1000).default(8),
    /** Two-sided confidence of the interval that must exclude the team median. */
    confidence: z.union([z.literal(0.8), z.literal(0.9), z.literal(0.95)]).default(0.9),
    /** Reps with enough deals needed before a team median is meaningful. */
    minReps: z.int().min(2).max(100).default(3),
    defaultStageBenchmarkDays: z.int().min(1).max(3650).default(30),
    /** Stuck: open, more than this multiple of the stage benchmark in the stage, and no buyer activity for … */
    stuckStageRatio: z.number().min(1).max(10).default(2),
    stuckQuietDays: z.int().min(1).max(365).default(14),
    /** EB coverage counts deals from this share of the open stages on (where the buyer should be known). */
    economicBuyerFromProgress: z.number().min(0).max(1).default(0.5),
    /** Bootstrap resamples for ratio metrics and cycle length (deterministic, seeded per rep and metric). */
    bootstrapResamples: z.int().min(200).max(5000).default(1000)
});
export type DevelopmentRules = z.infer<typeof DevelopmentRules>;

export const DevelopmentRep = z.strictObject({
    repId: SalesforceId,
    name: z.string().min(1).max(121),
    /**
     * The team the rep is compared with: reps sharing a key share a team median (the monthly batch sends the parent
     * role of the rep's role, so a team is what its manager's "my team" holds). Null or absent: the reps without a key
     * form one group (on demand, the scope in view is the team).
     */
    teamKey: z.string().min(1).max(80).nullish()
});

export const DevelopmentRequest = z
    .strictObject({
        asOf: IsoDate,
        /** Closed deals count when they closed within this many days before asOf; open deals always count. */
        windowDays: z.int().min(28).max(730),
        // Null or absent: the defaults (Apex sends null for "use the defaults").
        rules: DevelopmentRules.nullish(),
        reps: z.array(DevelopmentRep).min(1).max(MAX_REPS_PER_REQUEST),
        /** The deals' facts, as objects; or as `dealTable` (exactly one of the two). */
        deals: z.array(DevelopmentDeal).max(MAX_DEVELOPMENT_DEALS).nullish(),
        dealTable: DevelopmentDealTable.nullish(),
        /**
         * Metrics whose facts the org does not capture (no contact roles, no qualification fields, no history…): they
         * are reported as not captured instead of as zeros that would read as a pattern. Null or absent: all captured.
         */
        notCaptured: z.array(MetricKey).max(METRIC_KEYS.length).nullish(),
        /**
         * The org data profile scoring sends (measured nightly on recent deals). The metrics whose facts it shows the
         * org does not record are not captured too, by the same thresholds as scoring's. Null or absent: no profile.
         */
        dataProfile: OrgDataProfile.nullish()
    })
    .transform((request, context) => {
        const { dealTable, deals, ...rest } = request;
        if ((deals == null) === (dealTable == null)) {
            context.addIssue({
                code: 'custom',
                path: ['deals'],
                message: 'send the deals as deals or as dealTable, one of the two'
            });
            return z.NEVER;
        }
        if (deals != null) return { ...rest, deals };
        const decoded: DevelopmentDeal[] = [];
        dealTable!.rows.forEach((row, rowIndex) => {
            const parsed = DevelopmentDeal.safeParse(
                Object.fromEntries(dealTable!.columns.map((column, index) => [column, row[index]]))
            );
            if (parsed.success) {
                decoded.push(parsed.data);
                return;
            }
            for (const issue of parsed.error.issues) {
                const column = String(issue.path[0]);
                context.addIssue({
                    code: 'custom',
                    path: ['dealTable', 'rows', rowIndex, dealTable!.columns.indexOf(column as keyof DevelopmentDeal)],
                    message: `${[column, ...issue.path.slice(1)].join('.')}: ${issue.message}`
                });
            }
        });
        return { ...rest, deals: decoded };
    })
    .superRefine((request, context) => {
        const repIds = new Set<string>();
        request.reps.forEach((rep, index) => {
            if (repIds.has(rep.repId)) {
                context.addIssue({ code: 'custom', path: ['reps', index, 'repId'], message: 'is listed twice' });
            }
            repIds.add(rep.repId);
        });
        request.deals.forEach((deal, index) => {
            if (!repIds.has(deal.ownerId)) {
                context.addIssue({
                    code: 'custom',
                    path: ['deals', index, 'ownerId'],
                    message: 'is not one of the listed reps'
                });
            }
            if (deal.isWon && !deal.isClosed) {
                context.addIssue({
                    code: 'custom',
                    path: ['deals', index, 'isWon'],
                    message: 'an open deal cannot be won'
                });
            }
            if (deal.isClosed && deal.closeDate > request.asOf) {
                context.addIssue({
                    code: 'custom',
                    path: ['deals', index, 'closeDate'],
                    message: 'a closed deal cannot close after asOf'
                });
            }
            if (deal.callsWithDatedNextStep > deal.callsAnalyzed) {
                context.addIssue({
                    code: 'custom',
                    path: ['deals', index, 'callsWithDatedNextStep'],
                    message: 'cannot exceed callsAnalyzed'
                });
            }
            if (deal.callsAnalyzed === 0 && deal.callStepsCovered + deal.callStepsMissed > 0) {
                context.addIssue({
                    code: 'custom',
                    path: ['deals', index, 'callsAnalyzed'],
                    message: 'must be at least 1 when call steps are counted'
                });
            }
            if (deal.requiredStepsDone + deal.requiredStepsSkipped > deal.requiredStepsDue) {
                context.addIssue({
                    code: 'custom',
                    path: ['deals', index, 'requiredStepsDue'],
                    message: 'must be at least requiredStepsDone + requiredStepsSkipped'
                });
            }
        });
    });
export type DevelopmentRequest = z.input<typeof DevelopmentRequest>;
export type ParsedDevelopmentRequest = z.output<typeof DevelopmentRequest>;

export const Direction = z.enum(['higher_is_better', 'lower_is_better']);

export const Interval = z.strictObject({ low: z.number(), high: z.number() });

export const MetricFigure = z.strictObject({
    metric: MetricKey,
    /** False when the request said the org does not capture this metric's facts (value, interval and median null). */
    captured: z.boolean(),
    /** Proportions 0..1; cycle_days in days. Null when the rep has no deal in this metric's sample. */
    value: z.number().nullable(),
    /** Deals in the sample (closed deals for outcome metrics). */
    sampleSize: NonNegativeInt,
    /** Events counted, e.g. steps due, for pooled rates; equals sampleSize for per-deal proportions. */
    eventCount: NonNegativeInt,
    interval: Interval.nullable(),
    /** The median of the rep's team (the reps with the same team key) over the reps with enough deals. */
    teamMedian: z.number().nullable(),
    /** Whether the rep has enough deals for a gap to be judged at all. */
    enoughEvidence: z.boolean(),
    isGap: z.boolean(),
    /** The conservative size of a gap: the distance from the team median to the nearer interval bound, in points. */
    gapPoints: z.number().nullable(),
    /** Per-stage breakdown (economic_buyer_coverage only): covered / deals by stage. */
    byStage: z.array(z.strictObject({ stage: z.string(), covered: NonNegativeInt, deals: NonNegativeInt })).nullable()
});
export type MetricFigure = z.infer<typeof MetricFigure>;

export const SuggestedFocus = z.strictObject({
    metric: MetricKey,
    skill: Skill,
    baseline: z.number(),
    /** Halfway from the rep's value to the team median: reachable in a month, and it closes the gap by half. */
    target: z.number(),
    gapPoints: z.number(),
    /** The deals that show the gap, most valuable first (at most 10). */
    dealIds: z.array(SalesforceId).max(10),
    reason: z.string()
});
export type SuggestedFocus = z.infer<typeof SuggestedFocus>;

export const RepDevelopment = z.strictObject({
    repId: SalesforceId,
    name: z.string(),
    /** The team key the request gave the rep; null when it gave none. */
    teamKey: z.string().nullable(),
    /** The reps in the rep's group (same team key), whose medians the rep is compared with. */
    repsCompared: NonNegativeInt,
    openDeals: NonNegativeInt,
    closedDeals: NonNegativeInt,
    metrics: z.array(MetricFigure),
    /** Dismissal reasons the rep gave, most frequent first. */
    dismissReasons: z.array(z.strictObject({ reason: z.string(), count: NonNegativeInt })),
    suggestedFocus: SuggestedFocus.nullable()
});
export type RepDevelopment = z.infer<typeof RepDevelopment>;

/** What a metric's event count counts: its deals (per-deal shares, outcomes) or what it pools over them. */
export const EventUnit = z.enum(['deals', 'steps', 'nudges', 'calls']);
export type EventUnit = z.infer<typeof EventUnit>;

export const MetricDefinition = z.strictObject({
    metric: MetricKey,
    label: z.string(),
    direction: Direction,
    unit: z.enum(['share', 'days']),
    /** The skill a gap in this metric trains; null for outcome metrics, which are shown and flagged but never a focus. */
    skill: Skill.nullable(),
    method: z.enum(['wilson', 'bootstrap']),
    /** What `eventCount` counts, for the sample column: e.g. "12 deals · 30 steps", "5 deals · 7 calls". */
    eventUnit: EventUnit
});

export const DevelopmentResponse = z.strictObject({
    modelVersion: z.string(),
    asOf: IsoDate,
    windowDays: z.int(),
    /** The gap rule in one sentence, with the numbers in force, for the page to show. */
    rule: z.string(),
    rules: z.strictObject({
        minDeals: z.int(),
        confidence: z.number(),
        minReps: z.int(),
        defaultStageBenchmarkDays: z.int(),
        stuckStageRatio: z.number(),
        stuckQuietDays: z.int(),
        economicBuyerFromProgress: z.number(),
        bootstrapResamples: z.int()
    }),
    definitions: z.array(MetricDefinition),
    reps: z.array(RepDevelopment)
});
export type DevelopmentResponse = z.infer<typeof DevelopmentResponse>;
