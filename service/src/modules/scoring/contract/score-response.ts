import { z } from 'zod';
import { IsoDate, SalesforceId } from '../../../contract/common';
import { ExitCriterionSignal, MEDDPICC_ELEMENTS } from './score-request';

export const DIMENSION_KEYS = ['qualification', 'engagement', 'momentum', 'hygiene', 'playbookAdherence'] as const;
export const DimensionKey = z.enum(DIMENSION_KEYS);
export type DimensionKey = z.infer<typeof DimensionKey>;

export const Band = z.enum(['healthy', 'watch', 'at_risk']);
export type Band = z.infer<typeof Band>;

export const Signal = z.strictObject({
    /** Stable identifier, `<dimension>.<rule>`; safe to key translations or reports on. */
    key: z.string(),
    label: z.string(),
    /** Signed points this signal contributed. All impacts of a deal add up to its score exactly. */
    impact: z.int(),
    /**
     * Points the rule can earn at most (0 for a deduction). The points a dimension lost are its rules'
     * `pointsAvailable - impact`; the `pointsAvailable` of a dimension's signals add up to its weight.
     */
    pointsAvailable: z.int().min(0).max(100),
    /** The facts behind the signal, e.g. "Close date pushed 3 times, +47 days". */
    evidence: z.string()
});
export type Signal = z.infer<typeof Signal>;

export const DimensionResult = z.strictObject({
    key: DimensionKey,
    label: z.string(),
    /** Points earned, 0..weight; the sum of the signal impacts. */
    score: z.int().min(0).max(100),
    /** Points available; the weights of all dimensions add up to 100. */
    weight: z.int().min(0).max(100),
    signals: z.array(Signal)
});
export type DimensionResult = z.infer<typeof DimensionResult>;

export const Severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

export const RISK_CODES = [
    'close_date_overdue',
    'close_date_slipped',
    'stalled_in_stage',
    'going_dark',
    'single_threaded',
    'no_economic_buyer',
    'economic_buyer_not_validated',
    'no_champion',
    'next_step_missing',
    'next_step_overdue',
    'amount_missing',
    'playbook_steps_incomplete',
    'gate_not_passed',
    'no_contacts',
    'unrealistic_close_date',
    'amount_outlier'
] as const;
export const RiskCode = z.enum(RISK_CODES);
export type RiskCode = z.infer<typeof RiskCode>;

export const Risk = z.strictObject({
    code: RiskCode,
    severity: Severity,
    message: z.string(),
    evidence: z.string(),
    /** True when this high-severity risk holds the band below the one the score earns (a healthy score shown as watch). */
    capsBand: z.boolean()
});
export type Risk = z.infer<typeof Risk>;

export const ExitCriterionResult = z.strictObject({
    stepKey: z.string(),
    title: z.string(),
    signal: ExitCriterionSignal,
    isRequired: z.boolean(),
    isMet: z.boolean(),
    evidence: z.string()
});
export type ExitCriterionResult = z.infer<typeof ExitCriterionResult>;

export const StillNeeded = z.strictObject({
    stepKey: z.string(),
    title: z.string(),
    /** What is missing, in words a rep can act on. */
    missing: z.string()
});

export const BlockerReason = z.enum(['gate', 'exit_criterion', 'high_risk']);
export type BlockerReason = z.infer<typeof BlockerReason>;

/** One reason the deal is not ready to advance. */
export const Blocker = z.strictObject({
    /** `gate`: a gate of this or an earlier stage is not passed; `exit_criterion`: a required criterion of this stage is unmet; `high_risk`: a high-severity risk. */
    reason: BlockerReason,
    /** The step, for `gate` and `exit_criterion`. */
    stepKey: z.string().nullable(),
    /** The risk, for `high_risk`. */
    riskCode: RiskCode.nullable(),
    /** In words a rep can act on. */
    message: z.string()
});
export type Blocker = z.infer<typeof Blocker>;

export const ExitCriteria = z.strictObject({
    /** Stage API value the criteria belong to (the deal's current stage). */
    stage: z.string(),
    criteria: z.array(ExitCriterionResult),
    /**
     * True when nothing blocks the deal: every required criterion of the current stage is met, every gate up to this
     * stage is passed, and no high-severity risk is open. Equivalent to `blockers` being empty.
     */
    readyToAdvance: z.boolean(),
    /** Required criteria of the current stage that are unmet. */
    stillNeeded: z.array(StillNeeded),
    /** Why the deal is not ready: gates first, then unmet criteria, then high risks. Empty when ready. */
    blockers: z.array(Blocker)
});
export type ExitCriteria = z.infer<typeof ExitCriteria>;

/** Fields a nudge may ask the rep to update; the request property of the same name is fed by that field. */
export const UPDATABLE_FIELDS = ['nextStep', 'nextStepDate', 'closeDate', ...MEDDPICC_ELEMENTS] as const;
export const UpdatableField = z.enum(UPDATABLE_FIELDS);
export type UpdatableField = z.infer<typeof UpdatableField>;

export const NudgeActionType = z.enum(['create_task', 'complete_step', 'update_field']);
export type NudgeActionType = z.infer<typeof NudgeActionType>;

export const NUDGE_CODES = [
    'qualify_metrics',
    'qualify_economic_buyer',
    'qualify_decision_criteria',
    'qualify_decision_process',
    'qualify_paper_process',
    'qualify_identified_pain',
    'qualify_champion',
    'qualify_competition',
    'multi_thread',
    're_engage_buyer',
    'schedule_next_step',
    'update_close_date',
    'confirm_amount',
    'unstick_stage',
    'complete_playbook_step'
] as const;
export const NudgeCode = z.enum(NUDGE_CODES);
export type NudgeCode = z.infer<typeof NudgeCode>;

export const Nudge = z.strictObject({
    code: NudgeCode,
    title: z.string(),
    /** Evidence for why this matters now. */
    why: z.string(),
    actionType: NudgeActionType,
    /** Set when actionType is update_field. */
    fieldName: UpdatableField.nullable(),
    /** The playbook step this nudge advances, when there is one. */
    stepKey: z.string().nullable(),
    /** Points the action recovers on the signals it addresses (ranking key, not a promise). */
    expectedImpact: z.number().min(0).max(100)
});
export type Nudge = z.infer<typeof Nudge>;

export const DealScore = z.strictObject({
    dealId: SalesforceId,
    score: z.int().min(0).max(100),
    band: Band,
    dimensions: z.array(DimensionResult),
    risks: z.array(Risk),
    /** Null when no playbook matched or the deal is closed. */
    exitCriteria: ExitCriteria.nullable(),
    nudges: z.array(Nudge),
    modelVersion: z.string()
});
export type DealScore = z.infer<typeof DealScore>;

export const ScoreResponse = z.strictObject({
    contractVersion: z.string(),
    modelVersion: z.string(),
    asOf: IsoDate,
    /** One result per requested deal, in request order. */
    results: z.array(DealScore)
});
export type ScoreResponse = z.infer<typeof ScoreResponse>;
