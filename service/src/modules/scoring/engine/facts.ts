import type {
    ContactRole,
    Deal,
    MeddpiccElement,
    OrgContext,
    PlaybookStep,
    QualificationStatus,
    Seniority,
    StepStatus
} from '../../../contract';
import type { EngineConfig } from './config';
import { toDayNumber } from './dates';

export type NextStepState = 'scheduled' | 'overdue' | 'undated' | 'missing';

/**
 * Where buyer recency was read: the deal's last buyer-facing activity, a contact's own last engagement (whichever is
 * later), or, with neither, the deal's creation (a brand-new deal is not penalised). Seller-only activity never counts.
 */
export type RecencyBasis = 'buyer_activity' | 'contact_engagement' | 'created';

/** Days per open stage still ahead below which a close date is not credible for an early-stage deal. */
export const MIN_DAYS_PER_REMAINING_STAGE = 7;
/** An early-stage amount this many times the org's typical deal (an order of magnitude) is not credible. */
export const AMOUNT_OUTLIER_RATIO = 10;
/** A gate weighs as much as this many ordinary required steps in playbook adherence. */
export const GATE_STEP_WEIGHT = 3;

/** Facts derived once per deal and shared by dimensions, risks, exit criteria and nudges. */
export interface DealFacts {
    readonly deal: Deal;
    readonly config: EngineConfig;
    readonly asOfDay: number;
    /** stageOrder ÷ openStageCount, capped at 1. */
    readonly stageProgress: number;
    readonly isLateStage: boolean;
    /** Days since the last buyer engagement (see `recencyBasis`); seller-only activity does not reset it. */
    readonly daysSinceActivity: number;
    readonly recencyBasis: RecencyBasis;
    /** The date recency was measured from (ISO). */
    readonly recencyDate: string;
    /** Days since any activity, seller or buyer, when that is more recent than the buyer's; else null. */
    readonly daysSinceSellerOnlyActivity: number | null;
    /** No buyer engagement for longer than `staleActivityDays`. */
    readonly isBuyerSilent: boolean;
    readonly contactCount: number;
    readonly engagedContacts: number;
    readonly seniorContactEngaged: boolean;
    readonly benchmarkDays: number;
    readonly isBenchmarkDefault: boolean;
    readonly stageAgeRatio: number;
    /** Days the close date is in the past; 0 when it is today or later. */
    readonly closeDateOverdueDays: number;
    /** Days until the close date; 0 when it is today or in the past. */
    readonly daysToClose: number;
    /** Open stages still ahead, the current one included. */
    readonly remainingOpenStages: number;
    /** An early-stage deal whose close date is closer than a week per stage still ahead. */
    readonly isCloseDateUnrealistic: boolean;
    /** Amount ÷ the org's typical deal, when both are known and positive; else null. */
    readonly amountToTypicalRatio: number | null;
    /** An early-stage amount at least `AMOUNT_OUTLIER_RATIO` times the org's typical deal. */
    readonly isAmountOutlier: boolean;
    readonly typicalDealAmount: number | null;
    readonly nextStepState: NextStepState;
    /** Every playbook step of the current stage (each is an exit criterion). */
    readonly currentStageSteps: readonly PlaybookStep[];
    readonly currentRequiredStepCount: number;
    /** Required steps of the current stage that are neither done nor not applicable, in playbook order. */
    readonly incompleteCurrentRequiredSteps: readonly PlaybookStep[];
    readonly earlierRequiredStepCount: number;
    /** Required steps of earlier stages that are neither done nor not applicable, in playbook order. */
    readonly incompleteEarlierRequiredSteps: readonly PlaybookStep[];
    /** Adherence weights (a gate counts `GATE_STEP_WEIGHT` times): all required steps, and the incomplete ones. */
    readonly currentRequiredWeight: number;
    readonly incompleteCurrentRequiredWeight: number;
    readonly earlierRequiredWeight: number;
    readonly incompleteEarlierRequiredWeight: number;
    /** Gates of the current and earlier stages, in playbook order (whether passed is judged in gates.ts). */
    readonly gatesSoFar: readonly PlaybookStep[];
}

const SENIOR_LEVELS: ReadonlySet<Seniority> = new Set(['executive', 'vice_president']);

const TITLE_SENIORITY: readonly (readonly [RegExp, Seniority])[] = [
    [/\b(chief|ceo|cfo|cto|coo|cio|ciso|cro|cmo|president|founder|owner|partner)\b/i, 'executive'],
    [/\b(vp|svp|evp|vice president|head of)\b/i, 'vice_president'],
    [/\bdirector\b/i, 'director'],
    [/\b(manager|lead)\b/i, 'manager']
];

/** Seniority as given, or inferred from the job title when Salesforce has no normalized value. */
export function effectiveSeniority(contact: ContactRole): Seniority {
    if (contact.seniority !== 'unknown' || !contact.title) {
        return contact.seniority;
    }
    for (const [pattern, seniority] of TITLE_SENIORITY) {
        if (pattern.test(contact.title)) {
            return seniority;
        }
    }
    return 'individual_contributor';
}

export function deriveFacts(
    deal: Deal,
    asOfDay: number,
    config: EngineConfig,
    orgContext: OrgContext | undefined
): DealFacts {
    const { thresholds } = config;
    const stageProgress = Math.min(1, deal.stage.stageOrder / deal.stage.openStageCount);
    const isLateStage = stageProgress >= thresholds.lateStageProgress;

    let engagedContacts = 0;
    let seniorContactEngaged = false;
    let lastContactEngagement: string | null = null;
    let lastContactEngagementDay = -Infinity;
    for (const contact of deal.contactRoles) {
        if (contact.lastEngagedDate === null) {
            continue;
        }
        const engagedDay = toDayNumber(contact.lastEngagedDate);
        if (engagedDay > lastContactEngagementDay) {
            lastContactEngagementDay = engagedDay;
            lastContactEngagement = contact.lastEngagedDate;
        }
        if (asOfDay - engagedDay <= thresholds.engagedContactDays) {
            engagedContacts += 1;
            if (contact.role === 'economic_buyer' || SENIOR_LEVELS.has(effectiveSeniority(contact))) {
                seniorContactEngaged = true;
            }
        }
    }

    // Buyer recency: the later of the deal's last buyer-facing activity and any contact's own last engagement.
    const buyerActivity = deal.activity.lastBuyerActivityDate;
    let recencyBasis: RecencyBasis = 'created';
    let recencyDate = deal.createdDate;
    if (buyerActivity !== null && toDayNumber(buyerActivity) >= lastContactEngagementDay) {
        recencyBasis = 'buyer_activity';
        recencyDate = buyerActivity;
    } else if (lastContactEngagement !== null) {
        recencyBasis = 'contact_engagement';
        recencyDate = lastContactEngagement;
    }
    const daysSinceActivity = Math.max(0, asOfDay - toDayNumber(recencyDate));
    const anyActivity = deal.activity.lastActivityDate;
    const daysSinceAnyActivity = anyActivity === null ? null : Math.max(0, asOfDay - toDayNumber(anyActivity));
    const daysSinceSellerOnlyActivity =
        daysSinceAnyActivity !== null && daysSinceAnyActivity < daysSinceActivity ? daysSinceAnyActivity : null;

    const benchmarkDays = deal.stage.benchmarkDays ?? thresholds.defaultStageBenchmarkDays;

    const closeDay = toDayNumber(deal.closeDate);
    const daysToClose = Math.max(0, closeDay - asOfDay);
    const remainingOpenStages = Math.max(1, deal.stage.openStageCount - deal.stage.stageOrder + 1);
    const isOpen = !deal.stage.isClosed;
    const isCloseDateUnrealistic =
        isOpen &&
        !isLateStage &&
        closeDay >= asOfDay &&
        daysToClose < remainingOpenStages * MIN_DAYS_PER_REMAINING_STAGE;

    const typicalDealAmount = orgContext?.typicalDealAmount ?? null;
    const amountToTypicalRatio =
        typicalDealAmount !== null && deal.amount !== null && deal.amount > 0 ? deal.amount / typicalDealAmount : null;
    const isAmountOutlier =
        isOpen && !isLateStage && amountToTypicalRatio !== null && amountToTypicalRatio >= AMOUNT_OUTLIER_RATIO;

    let nextStepState: NextStepState;
    if (!deal.nextStep || deal.nextStep.trim() === '') {
        nextStepState = 'missing';
    } else if (deal.nextStepDate === null) {
        nextStepState = 'undated';
    } else {
        nextStepState = toDayNumber(deal.nextStepDate) >= asOfDay ? 'scheduled' : 'overdue';
    }

    // One pass over the playbook: dimensions, risks, exit criteria and nudges all read these counts and lists.
    const currentStageSteps: PlaybookStep[] = [];
    const incompleteCurrentRequiredSteps: PlaybookStep[] = [];
    const incompleteEarlierRequiredSteps: PlaybookStep[] = [];
    const gatesSoFar: PlaybookStep[] = [];
    let currentRequiredStepCount = 0;
    let earlierRequiredStepCount = 0;
    let currentRequiredWeight = 0;
    let incompleteCurrentRequiredWeight = 0;
    let earlierRequiredWeight = 0;
    let incompleteEarlierRequiredWeight = 0;
    if (deal.playbook !== null) {
        const { stepProgress } = deal.playbook;
        for (const step of deal.playbook.steps) {
            if (step.stageOrder > deal.stage.stageOrder) continue;
            if (step.isGate) gatesSoFar.push(step);
            const isCurrent = step.stageOrder === deal.stage.stageOrder;
            if (isCurrent) currentStageSteps.push(step);
            if (!step.isRequired) continue;
            const weight = step.isGate ? GATE_STEP_WEIGHT : 1;
            const isIncomplete = !isCompleteStatus(stepProgress[step.stepKey]);
            if (isCurrent) {
                currentRequiredStepCount += 1;
                currentRequiredWeight += weight;
                if (isIncomplete) {
                    incompleteCurrentRequiredSteps.push(step);
                    incompleteCurrentRequiredWeight += weight;
                }
            } else {
                earlierRequiredStepCount += 1;
                earlierRequiredWeight += weight;
                if (isIncomplete) {
                    incompleteEarlierRequiredSteps.push(step);
                    incompleteEarlierRequiredWeight += weight;
                }
            }
        }
    }

    return {
        deal,
        config,
        asOfDay,
        stageProgress,
        isLateStage,
        daysSinceActivity,
        recencyBasis,
        recencyDate,
        daysSinceSellerOnlyActivity,
        isBuyerSilent: daysSinceActivity > thresholds.staleActivityDays,
        contactCount: deal.contactRoles.length,
        engagedContacts,
        seniorContactEngaged,
        benchmarkDays,
        isBenchmarkDefault: deal.stage.benchmarkDays === null,
        stageAgeRatio: deal.stage.daysInStage / benchmarkDays,
        closeDateOverdueDays: Math.max(0, asOfDay - closeDay),
        daysToClose,
        remainingOpenStages,
        isCloseDateUnrealistic,
        amountToTypicalRatio,
        isAmountOutlier,
        typicalDealAmount,
        nextStepState,
        currentStageSteps,
        currentRequiredStepCount,
        incompleteCurrentRequiredSteps,
        earlierRequiredStepCount,
        incompleteEarlierRequiredSteps,
        currentRequiredWeight,
        incompleteCurrentRequiredWeight,
        earlierRequiredWeight,
        incompleteEarlierRequiredWeight,
        gatesSoFar
    };
}

/** A step counts as complete when done or explicitly not applicable; skipped or untouched steps do not. */
function isCompleteStatus(status: StepStatus | undefined): boolean {
    return status === 'done' || status === 'not_applicable';
}

interface QualificationRuleDefinition {
    readonly element: MeddpiccElement;
    readonly label: string;
    /** Rule part of the signal key, `qualification.<ruleKey>`. */
    readonly ruleKey: string;
    /** Share of the qualification dimension. */
    readonly share: number;
    /** Stage progress (0..1) from which the element is expected to be at least identified. */
    readonly expectedFrom: number;
}

export interface QualificationRule extends QualificationRuleDefinition {
    /** `qualification.<ruleKey>`. */
    readonly signalKey: string;
    /** Signal label per status; the wording is fixed, so it is built once here rather than for every deal. */
    readonly signalLabels: Readonly<Record<QualificationStatus, string>>;
    /** Signal label of an unknown element that is expected by now (it earns nothing, and the line says so). */
    readonly missingLabel: string;
}

/**
 * MEDDPICC shares: the economic buyer and the champion decide most deals, so they weigh most; metrics, pain and the
 * decision process make the business case; criteria, paper process and competition matter but rarely decide alone.
 */
const QUALIFICATION_RULE_DEFINITIONS: readonly QualificationRuleDefinition[] = [
    { element: 'economicBuyer', ruleKey: 'economic_buyer', label: 'Economic buyer', share: 0.2, expectedFrom: 0.5 },
    { element: 'champion', ruleKey: 'champion', label: 'Champion', share: 0.18, expectedFrom: 0.35 },
    { element: 'metrics', ruleKey: 'metrics', label: 'Metrics', share: 0.12, expectedFrom: 0.35 },
    { element: 'identifiedPain', ruleKey: 'identified_pain', label: 'Identified pain', share: 0.12, expectedFrom: 0.2 },
    {
        element: 'decisionProcess',
        ruleKey: 'decision_process',
        label: 'Decision process',
        share: 0.12,
        expectedFrom: 0.5
    },
    {
        element: 'decisionCriteria',
        ruleKey: 'decision_criteria',
        label: 'Decision criteria',
        share: 0.1,
        expectedFrom: 0.5
    },
    { element: 'paperProcess', ruleKey: 'paper_process', label: 'Paper process', share: 0.08, expectedFrom: 0.75 },
    { element: 'competition', ruleKey: 'competition', label: 'Competition', share: 0.08, expectedFrom: 0.5 }
];

export const QUALIFICATION_RULES: readonly QualificationRule[] = QUALIFICATION_RULE_DEFINITIONS.map((rule) => ({
    ...rule,
    signalKey: `qualification.${rule.ruleKey}`,
    signalLabels: {
        unknown: `${rule.label} not yet expected`,
        identified: `${rule.label} identified`,
        validated: `${rule.label} validated`
    },
    missingLabel: `${rule.label} not identified`
}));

/** Credit per status. An unknown element that is not expected yet keeps a small allowance, below `identified`. */
export const STATUS_CREDIT: Record<QualificationStatus, number> = { unknown: 0, identified: 0.5, validated: 1 };
export const NOT_YET_EXPECTED_CREDIT = 0.35;

/** First stage order at which an element is expected, for a process with `openStageCount` open stages. */
export function expectedStageOrder(rule: QualificationRule, openStageCount: number): number {
    return Math.max(1, Math.ceil(rule.expectedFrom * openStageCount - 1e-9));
}

export function qualificationCredit(facts: DealFacts, rule: QualificationRule): number {
    const status = facts.deal.meddpicc[rule.element].status;
    if (
        status === 'unknown' &&
        facts.deal.stage.stageOrder < expectedStageOrder(rule, facts.deal.stage.openStageCount)
    ) {
        return NOT_YET_EXPECTED_CREDIT;
    }
    return STATUS_CREDIT[status];
}
