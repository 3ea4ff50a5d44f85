import { z } from 'zod';
import { DeveloperKey, IsoDate, NonNegativeInt, SalesforceId } from '../../../contract/common';
import { OrgDataProfile } from './org-data-profile';

export const MAX_DEALS_PER_REQUEST = 500;
export const MAX_CONTACT_ROLES_PER_DEAL = 50;
export const MAX_PLAYBOOK_STEPS = 100;

export const QualificationStatus = z.enum(['unknown', 'identified', 'validated']);
export type QualificationStatus = z.infer<typeof QualificationStatus>;

/** The eight MEDDPICC elements, in the order the methodology names them. */
export const MEDDPICC_ELEMENTS = [
    'metrics',
    'economicBuyer',
    'decisionCriteria',
    'decisionProcess',
    'paperProcess',
    'identifiedPain',
    'champion',
    'competition'
] as const;
export type MeddpiccElement = (typeof MEDDPICC_ELEMENTS)[number];

export const QualificationElement = z.strictObject({
    status: QualificationStatus,
    /** Short note quoting the proof (who said what, when). Optional; echoed in evidence, never logged. */
    evidence: z.string().max(255).nullish()
});

export const Meddpicc = z.strictObject({
    metrics: QualificationElement,
    economicBuyer: QualificationElement,
    decisionCriteria: QualificationElement,
    decisionProcess: QualificationElement,
    paperProcess: QualificationElement,
    identifiedPain: QualificationElement,
    champion: QualificationElement,
    competition: QualificationElement
});

/**
 * Exit-criterion signals a playbook step can require. Salesforce custom metadata picklists mirror this list, so
 * values are only ever added, never renamed.
 */
export const EXIT_CRITERION_SIGNALS = [
    'economic_buyer_identified',
    'economic_buyer_validated',
    'champion_identified',
    'champion_validated',
    'metrics_identified',
    'metrics_validated',
    'pain_identified',
    'decision_criteria_identified',
    'decision_process_mapped',
    'paper_process_mapped',
    'competition_assessed',
    'multi_threaded',
    'executive_engaged',
    'next_step_scheduled',
    'security_review_complete',
    'mutual_plan_agreed',
    'step_done'
] as const;
export const ExitCriterionSignal = z.enum(EXIT_CRITERION_SIGNALS);
export type ExitCriterionSignal = z.infer<typeof ExitCriterionSignal>;

export const StepStatus = z.enum(['done', 'skipped', 'not_applicable']);
export type StepStatus = z.infer<typeof StepStatus>;

export const PlaybookStep = z.strictObject({
    stepKey: DeveloperKey,
    title: z.string().min(1).max(120),
    /** Stage API value the step belongs to. */
    stage: z.string().min(1).max(80),
    /** Order of that stage in the sales process (1-based), so the engine can tell earlier stages from later ones. */
    stageOrder: z.int().min(1).max(100),
    isRequired: z.boolean(),
    /**
     * A gate must be passed (done, or waived as not applicable) before the deal leaves the step's stage, e.g. the
     * security review of a regulated play. A gate is always a required step.
     */
    isGate: z.boolean(),
    exitCriterion: ExitCriterionSignal
});
export type PlaybookStep = z.infer<typeof PlaybookStep>;

export const Playbook = z.strictObject({
    playbookKey: DeveloperKey,
    /** Steps for every stage of the playbook. */
    steps: z.array(PlaybookStep).min(1).max(MAX_PLAYBOOK_STEPS),
    /** Step key → progress. Steps without an entry have not been started. */
    stepProgress: z.record(DeveloperKey, StepStatus)
});
export type Playbook = z.infer<typeof Playbook>;

export const Stage = z.strictObject({
    /** Stage API value, e.g. `Discovery`. */
    apiName: z.string().min(1).max(80),
    /** 1-based position of the stage in the deal's sales process. */
    stageOrder: z.int().min(1).max(100),
    /** Number of open (not closed) stages in the sales process; places the deal between first stage and close. */
    openStageCount: z.int().min(1).max(100),
    isClosed: z.boolean(),
    daysInStage: NonNegativeInt.max(36500),
    /** The org's typical days in this stage; null when the org has no history yet (the configured default applies). */
    benchmarkDays: z.int().min(1).max(3650).nullable()
});

export const CloseDateHistory = z.strictObject({
    pushCount: NonNegativeInt.max(1000),
    /** Sum of the days the close date moved later over all pushes. */
    totalDaysPushed: NonNegativeInt.max(36500)
});

export const ActivityCounts = z.strictObject({
    emails: NonNegativeInt.max(10000),
    calls: NonNegativeInt.max(10000),
    meetings: NonNegativeInt.max(10000)
});
export type ActivityCounts = z.infer<typeof ActivityCounts>;

export const Activity = z.strictObject({
    /** Last activity of any kind on the deal (Opportunity.LastActivityDate): seller-only work refreshes it too. */
    lastActivityDate: IsoDate.nullable(),
    /**
     * Last buyer-facing activity: a completed call or a meeting with a contact who is on the deal. Null when there is
     * none in the window the org sends (Apex looks back 90 days). Recency and going dark are judged on this date and
     * the contacts' own last engagement, never on `lastActivityDate`.
     */
    lastBuyerActivityDate: IsoDate.nullable(),
    /** Activity counts (no bodies, counts only). The 14-day window is part of the 30-day window. */
    last14Days: ActivityCounts,
    last30Days: ActivityCounts
});

export const ContactRoleCategory = z.enum([
    'economic_buyer',
    'decision_maker',
    'champion',
    'executive_sponsor',
    'technical_buyer',
    'evaluator',
    'influencer',
    'business_user',
    'other'
]);
export type ContactRoleCategory = z.infer<typeof ContactRoleCategory>;

export const Seniority = z.enum([
    'executive',
    'vice_president',
    'director',
    'manager',
    'individual_contributor',
    'unknown'
]);
export type Seniority = z.infer<typeof Seniority>;

export const ContactRole = z.strictObject({
    role: ContactRoleCategory,
    isPrimary: z.boolean(),
    /** Normalized seniority; when `unknown`, the engine infers it from `title`. */
    seniority: Seniority,
    title: z.string().max(128).nullable(),
    /** The contact's own last engagement: their last buyer-facing activity (call or meeting), not seller e-mails. */
    lastEngagedDate: IsoDate.nullable()
});
export type ContactRole = z.infer<typeof ContactRole>;

export const ForecastCategory = z.enum(['pipeline', 'best_case', 'commit', 'closed', 'omitted']);

export const Deal = z.strictObject({
    id: SalesforceId,
    name: z.string().min(1).max(120),
    stage: Stage,
    amount: z.number().min(0).max(1e15).nullable(),
    createdDate: IsoDate,
    closeDate: IsoDate,
    closeDateHistory: CloseDateHistory,
    forecastCategory: ForecastCategory,
    nextStep: z.string().max(255).nullable(),
    nextStepDate: IsoDate.nullable(),
    activity: Activity,
    contactRoles: z.array(ContactRole).max(MAX_CONTACT_ROLES_PER_DEAL),
    meddpicc: Meddpicc,
    playbook: Playbook.nullable()
});
export type Deal = z.infer<typeof Deal>;

const Weight = z.int().min(0).max(100);

export const DimensionWeights = z.strictObject({
    qualification: Weight,
    engagement: Weight,
    momentum: Weight,
    hygiene: Weight,
    playbookAdherence: Weight
});
export type DimensionWeights = z.infer<typeof DimensionWeights>;

export const BandThresholds = z.strictObject({
    /** Scores at or above are `healthy`. */
    healthyMin: z.int().min(1).max(100),
    /** Scores at or above (and below healthyMin) are `watch`; below are `at_risk`. */
    watchMin: z.int().min(0).max(99)
});
export type BandThresholds = z.infer<typeof BandThresholds>;

export const RuleThresholds = z.strictObject({
    /** A contact counts as engaged when last engaged within this many days. */
    engagedContactDays: z.int().min(1).max(365),
    /** Engaged contacts needed to count as multi-threaded. */
    multiThreadedContacts: z.int().min(1).max(20),
    /** Days without buyer activity before the deal is considered going dark. */
    staleActivityDays: z.int().min(1).max(365),
    /** Stage age ÷ benchmark above which the deal counts as stalled. */
    stalledStageRatio: z.number().min(1).max(10),
    /** Benchmark used when the org has none for a stage. */
    defaultStageBenchmarkDays: z.int().min(1).max(3650),
    /** Fraction of the open stages (0..1) from which a deal counts as late-stage. */
    lateStageProgress: z.number().min(0).max(1),
    /** Most nudges returned per deal. */
    maxNudges: z.int().min(0).max(20)
});
export type RuleThresholds = z.infer<typeof RuleThresholds>;

export const ScoringConfigOverride = z
    .strictObject({
        /** All five weights together (they must add up to 100), or none. */
        weights: DimensionWeights.optional(),
        bands: BandThresholds.optional(),
        thresholds: RuleThresholds.partial().optional()
    })
    .superRefine((config, ctx) => {
        if (config.weights) {
            const total = Object.values(config.weights).reduce((sum, weight) => sum + weight, 0);
            if (total !== 100) {
                ctx.addIssue({
                    code: 'custom',
                    path: ['weights'],
                    message: `weights must add up to 100, got ${total}`
                });
            }
        }
        if (config.bands && config.bands.watchMin >= config.bands.healthyMin) {
            ctx.addIssue({ code: 'custom', path: ['bands', 'watchMin'], message: 'watchMin must be below healthyMin' });
        }
    });
export type ScoringConfigOverride = z.infer<typeof ScoringConfigOverride>;

/**
 * What the engine knows about the org as a whole, as opposed to one deal. Optional: without it the checks that compare
 * a deal with the org are skipped (and say so nowhere, since they cannot fire). New org-level inputs go here.
 */
export const OrgContext = z.strictObject({
    /**
     * The org's usual deal size, in the currency of the deal amounts. Apex sends the average amount of the won deals
     * closed in the last two years that the running user can see; null when there are none.
     */
    typicalDealAmount: z.number().positive().max(1e15).nullable(),
    /**
     * Which facts the org captures, as the nightly batch last measured them. Null or absent until it has run once:
     * every fact then counts as captured.
     */
    dataProfile: OrgDataProfile.nullish()
});
export type OrgContext = z.infer<typeof OrgContext>;

export const ScoreRequest = z
    .strictObject({
        /** Evaluation date. The engine never reads the clock: same request, same response. */
        asOf: IsoDate,
        config: ScoringConfigOverride.optional(),
        orgContext: OrgContext.optional(),
        deals: z.array(Deal).min(1).max(MAX_DEALS_PER_REQUEST)
    })
    .superRefine((request, ctx) => {
        const seenIds = new Map<string, number>();
        request.deals.forEach((deal, index) => {
            const path = ['deals', index];
            // 15- and 18-char forms of one record share their first 15 characters.
            const canonicalId = deal.id.slice(0, 15);
            const firstIndex = seenIds.get(canonicalId);
            if (firstIndex !== undefined) {
                ctx.addIssue({
                    code: 'custom',
                    path: [...path, 'id'],
                    message: `duplicate deal id (same as deals[${firstIndex}])`
                });
            } else {
                seenIds.set(canonicalId, index);
            }
            checkDealConsistency(deal, path, ctx);
        });
    });
export type ScoreRequest = z.infer<typeof ScoreRequest>;

/** Cross-field rules a single field schema cannot express; each issue points at the field to fix. */
function checkDealConsistency(deal: Deal, path: (string | number)[], ctx: z.RefinementCtx): void {
    const addIssue = (relativePath: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path: [...path, ...relativePath], message });

    if (!deal.stage.isClosed && deal.stage.stageOrder > deal.stage.openStageCount) {
        addIssue(['stage', 'stageOrder'], 'an open stage cannot be ordered after the last open stage (openStageCount)');
    }
    const history = deal.closeDateHistory;
    if (history.pushCount === 0 && history.totalDaysPushed !== 0) {
        addIssue(['closeDateHistory', 'totalDaysPushed'], 'must be 0 when pushCount is 0');
    }
    if (history.totalDaysPushed < history.pushCount) {
        addIssue(['closeDateHistory', 'totalDaysPushed'], 'each push moves the close date by at least one day');
    }
    for (const activityType of ['emails', 'calls', 'meetings'] as const) {
        if (deal.activity.last14Days[activityType] > deal.activity.last30Days[activityType]) {
            addIssue(['activity', 'last14Days', activityType], 'cannot exceed the 30-day count it is part of');
        }
    }
    if (deal.playbook) {
        checkPlaybookConsistency(deal.playbook, deal, (relativePath, message) =>
            addIssue(['playbook', ...relativePath], message)
        );
    }
}

function checkPlaybookConsistency(
    playbook: Playbook,
    deal: Deal,
    addIssue: (relativePath: (string | number)[], message: string) => void
): void {
    const stepKeys = new Set<string>();
    const stageOrders = new Map<string, number>();
    playbook.steps.forEach((step, index) => {
        if (stepKeys.has(step.stepKey)) {
            addIssue(['steps', index, 'stepKey'], 'duplicate step key');
        }
        if (step.isGate && !step.isRequired) {
            addIssue(['steps', index, 'isGate'], 'a gate must be a required step (isRequired true)');
        }
        stepKeys.add(step.stepKey);
        const knownOrder =
            stageOrders.get(step.stage) ?? (step.stage === deal.stage.apiName ? deal.stage.stageOrder : undefined);
        if (knownOrder !== undefined && knownOrder !== step.stageOrder) {
            addIssue(
                ['steps', index, 'stageOrder'],
                `stage "${step.stage}" has order ${knownOrder} elsewhere in the request`
            );
        }
        stageOrders.set(step.stage, knownOrder ?? step.stageOrder);
    });
    for (const stepKey of Object.keys(playbook.stepProgress)) {
        if (!stepKeys.has(stepKey)) {
            addIssue(['stepProgress', stepKey], 'progress for a step that is not in the playbook');
        }
    }
}
