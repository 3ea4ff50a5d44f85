import type {
    ContactRole,
    Deal,
    MeddpiccElement,
    Playbook,
    PlaybookStep,
    QualificationStatus,
    Seniority,
    StepStatus
} from '../../../contract';
import type { EngineConfig } from './config';
import { toDayNumber } from './dates';

export type NextStepState = 'scheduled' | 'overdue' | 'undated' | 'missing';

/** Facts derived once per deal and shared by dimensions, risks, exit criteria and nudges. */
export interface DealFacts {
    readonly deal: Deal;
    readonly config: EngineConfig;
    readonly asOfDay: number;
    /** stageOrder ÷ openStageCount, capped at 1. */
    readonly stageProgress: number;
    readonly isLateStage: boolean;
    readonly daysSinceActivity: number;
    /** Whether recency is measured from the last activity or, with none logged yet, from creation. */
    readonly recencyBasis: 'activity' | 'created';
    readonly engagedContacts: number;
    readonly seniorContactEngaged: boolean;
    readonly benchmarkDays: number;
    readonly isBenchmarkDefault: boolean;
    readonly stageAgeRatio: number;
    /** Days the close date is in the past; 0 when it is today or later. */
    readonly closeDateOverdueDays: number;
    readonly nextStepState: NextStepState;
    /** Every playbook step of the current stage (each is an exit criterion). */
    readonly currentStageSteps: readonly PlaybookStep[];
    readonly currentRequiredStepCount: number;
    /** Required steps of the current stage that are neither done nor not applicable, in playbook order. */
    readonly incompleteCurrentRequiredSteps: readonly PlaybookStep[];
    readonly earlierRequiredStepCount: number;
    /** Required steps of earlier stages that are neither done nor not applicable, in playbook order. */
    readonly incompleteEarlierRequiredSteps: readonly PlaybookStep[];
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

export function deriveFacts(deal: Deal, asOfDay: number, config: EngineConfig): DealFacts {
    const { thresholds } = config;
    const stageProgress = Math.min(1, deal.stage.stageOrder / deal.stage.openStageCount);

    const lastActivity = deal.activity.lastActivityDate;
    const recencyBasis = lastActivity === null ? 'created' : 'activity';
    const daysSinceActivity = Math.max(0, asOfDay - toDayNumber(lastActivity ?? deal.createdDate));

    let engagedContacts = 0;
    let seniorContactEngaged = false;
    for (const contact of deal.contactRoles) {
        if (contact.lastEngagedDate === null) {
            continue;
        }
        if (asOfDay - toDayNumber(contact.lastEngagedDate) <= thresholds.engagedContactDays) {
            engagedContacts += 1;
            if (contact.role === 'economic_buyer' || SENIOR_LEVELS.has(effectiveSeniority(contact))) {
                seniorContactEngaged = true;
            }
        }
    }

    const benchmarkDays = deal.stage.benchmarkDays ?? thresholds.defaultStageBenchmarkDays;

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
    let currentRequiredStepCount = 0;
    let earlierRequiredStepCount = 0;
    if (deal.playbook !== null) {
        for (const step of deal.playbook.steps) {
            if (step.stageOrder === deal.stage.stageOrder) {
                currentStageSteps.push(step);
                if (step.isRequired) {
                    currentRequiredStepCount += 1;
                    if (!isCompleteStatus(stepStatusOf(deal.playbook, step.stepKey)))
                        incompleteCurrentRequiredSteps.push(step);
                }
            } else if (step.stageOrder < deal.stage.stageOrder && step.isRequired) {
                earlierRequiredStepCount += 1;
                if (!isCompleteStatus(stepStatusOf(deal.playbook, step.stepKey)))
                    incompleteEarlierRequiredSteps.push(step);
            }
        }
    }

    return {
        deal,
        config,
        asOfDay,
        stageProgress,
        isLateStage: stageProgress >= thresholds.lateStageProgress,
        daysSinceActivity,
        recencyBasis,
        engagedContacts,
        seniorContactEngaged,
        benchmarkDays,
        isBenchmarkDefault: deal.stage.benchmarkDays === null,
        stageAgeRatio: deal.stage.daysInStage / benchmarkDays,
        closeDateOverdueDays: Math.max(0, asOfDay - toDayNumber(deal.closeDate)),
        nextStepState,
        currentStageSteps,
        currentRequiredStepCount,
        incompleteCurrentRequiredSteps,
        earlierRequiredStepCount,
        incompleteEarlierRequiredSteps
    };
}

/**
 * The recorded progress of a step. Own keys only: step keys such as `constructor` or `toString` are valid metadata
 * names, and a plain lookup would return Object.prototype's function for a step without progress.
 */
export function stepStatusOf(playbook: Playbook, stepKey: string): StepStatus | undefined {
    return Object.hasOwn(playbook.stepProgress, stepKey) ? playbook.stepProgress[stepKey] : undefined;
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
    }
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
