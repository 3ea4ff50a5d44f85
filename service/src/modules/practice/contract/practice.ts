import { z } from 'zod';
import { DeveloperKey, NonNegativeInt } from '../../../contract/common';
import { Skill } from '../../development/contract/development';

/** Buyer turns in one drill: opening, push-back, close. Short on purpose: a drill is five minutes, not a meeting. */
export const DRILL_BUYER_TURNS = 3;
const MAX_TURN_CHARACTERS = 2000;

/** Skills with a conversation to rehearse. */
export const DRILL_SKILLS: ReadonlySet<string> = new Set([
    'multi_threading',
    'economic_buyer_access',
    'advancing_the_deal',
    'close_plan',
    'discovery_depth'
]);

export const PracticeTurn = z.strictObject({
    role: z.enum(['buyer', 'rep']),
    text: z.string().trim().min(1).max(MAX_TURN_CHARACTERS)
});
export type PracticeTurn = z.infer<typeof PracticeTurn>;

/** The buyer the rep rehearses against, built from one of the rep's real deals. */
export const BuyerPersona = z.strictObject({
    accountName: z.string().min(1).max(255),
    industry: z.string().max(80).nullable(),
    stage: z.string().min(1).max(80),
    amount: z.number().min(0).nullable(),
    /** Titles of the deal's contacts (no names: the drill needs roles, not people). */
    buyerTitles: z.array(z.string().trim().min(1).max(128)).min(1).max(10),
    /** The deal's open risks, as the scoring engine reported them: the buyer's objections come from these. */
    risks: z.array(z.strictObject({ code: DeveloperKey, message: z.string().min(1).max(255) })).max(10)
});
export type BuyerPersona = z.infer<typeof BuyerPersona>;

export const PracticeStep = z.strictObject({
    stepKey: DeveloperKey,
    title: z.string().min(1).max(120),
    /** Playbook_Step__mdt.Guidance__c: its "Ask:" line becomes the drill's yes/no criteria. */
    guidance: z.string().min(1).max(4000)
});

export const PracticeTurnRequest = z
    .strictObject({
        skill: Skill,
        persona: BuyerPersona,
        step: PracticeStep,
        /** The conversation so far, buyer first, alternating; empty to open the drill. */
        transcript: z.array(PracticeTurn).max(DRILL_BUYER_TURNS * 2)
    })
    .superRefine((request, context) => {
        if (!DRILL_SKILLS.has(request.skill)) {
            context.addIssue({
                code: 'custom',
                path: ['skill'],
                message: 'has no drill: acting on coaching is practised on the live nudges, not in a role-play'
            });
        }
        request.transcript.forEach((turn, index) => {
            const expected = index % 2 === 0 ? 'buyer' : 'rep';
            if (turn.role !== expected) {
                context.addIssue({
                    code: 'custom',
                    path: ['transcript', index, 'role'],
                    message: `must be ${expected}: the buyer opens and the two alternate`
                });
            }
        });
        if (request.transcript.length % 2 === 1) {
            context.addIssue({
                code: 'custom',
                path: ['transcript'],
                message: "must end with the rep's answer (or be empty to open the drill)"
            });
        }
    });
export type PracticeTurnRequest = z.infer<typeof PracticeTurnRequest>;

export const CriterionResult = z.strictObject({
    key: DeveloperKey,
    text: z.string(),
    met: z.boolean(),
    /** The rep's words that meet it, or why it is not met. */
    evidence: z.string()
});
export type CriterionResult = z.infer<typeof CriterionResult>;

export const Scorecard = z.strictObject({
    criteria: z.array(CriterionResult).min(1),
    /** Share of criteria met, 0–100. */
    score: z.int().min(0).max(100)
});
export type Scorecard = z.infer<typeof Scorecard>;

export const PracticeTurnResponse = z.strictObject({
    /** `llm` when a language model played the buyer and scored; `scripted` for the deterministic drill. */
    mode: z.enum(['llm', 'scripted']),
    /** Why the scripted drill answered although a model is configured (the model failed or timed out). */
    fallbackReason: z.string().nullable(),
    buyerTurn: z.string().nullable(),
    turnsLeft: NonNegativeInt,
    done: z.boolean(),
    scorecard: Scorecard.nullable()
});
export type PracticeTurnResponse = z.infer<typeof PracticeTurnResponse>;
