import { z } from 'zod';
import { DeveloperKey, IsoDate, NonNegativeInt, SalesforceId } from '../../../contract/common';
import { ExitCriterionSignal, MEDDPICC_ELEMENTS } from '../../scoring/contract/score-request';

/**
 * 100,000 characters: a 60-minute two-speaker transcript is about 10,000 words (~60,000 characters with speaker
 * labels and timestamps), and a Task/Event description holds at most 32,000. Longer text is a 400, never truncated.
 */
export const MAX_CALL_TEXT_CHARS = 100_000;
export const MAX_ALLOWED_FIELDS = 60;
export const MAX_PICKLIST_VALUES = 200;
export const MAX_CALL_CONTACTS = 100;
export const MAX_CALL_PLAYBOOK_STEPS = 40;

export const MeddpiccElementName = z.enum(MEDDPICC_ELEMENTS);

/** Where the text came from, for the audit record and for how speakers are read. */
export const CallSource = z.enum(['pasted_notes', 'task', 'event', 'transcript_file']);
export type CallSource = z.infer<typeof CallSource>;

/** Which extractor the org wants: `auto` uses the LLM when the service has a key, the deterministic one otherwise. */
export const ExtractorChoice = z.enum(['auto', 'deterministic', 'llm']);
export type ExtractorChoice = z.infer<typeof ExtractorChoice>;

export const FieldType = z.enum(['picklist', 'date', 'text', 'number']);
export type FieldType = z.infer<typeof FieldType>;

/**
 * What a field means to the deterministic extractor (the LLM reads labels instead). Apex derives it from the
 * Execution Loop field mapping; the org's other fields have no role and only the LLM extractor proposes them.
 */
export const FieldRole = z.enum([
    'stage',
    'close_date',
    'amount',
    'next_step',
    'next_step_date',
    'meddpicc_status',
    'meddpicc_evidence'
]);
export type FieldRole = z.infer<typeof FieldRole>;

/** One writable Opportunity field from describe: the allow-list. Fields not listed are never proposed. */
export const AllowedField = z
    .strictObject({
        apiName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, { error: 'must be a field API name' }),
        label: z.string().min(1).max(80),
        fieldType: FieldType,
        /** Active values for the record type, exactly as stored; required for picklists, null otherwise. */
        picklistValues: z.array(z.string().min(1).max(255)).max(MAX_PICKLIST_VALUES).nullable(),
        /** Text length limit from describe; null for non-text fields. */
        maxLength: z.int().min(1).max(131072).nullable(),
        /** The deal's current value, as text (dates YYYY-MM-DD, numbers plain). */
        currentValue: z.string().max(131072).nullable(),
        role: FieldRole.nullable(),
        /** For meddpicc_status and meddpicc_evidence: which element. */
        meddpiccElement: MeddpiccElementName.nullable()
    })
    .superRefine((field, context) => {
        if (field.fieldType === 'picklist' && (field.picklistValues === null || field.picklistValues.length === 0)) {
            context.addIssue({
                code: 'custom',
                path: ['picklistValues'],
                message: 'a picklist field needs its values'
            });
        }
        if (field.fieldType !== 'picklist' && field.picklistValues !== null) {
            context.addIssue({ code: 'custom', path: ['picklistValues'], message: 'only picklist fields have values' });
        }
        const needsElement = field.role === 'meddpicc_status' || field.role === 'meddpicc_evidence';
        if (needsElement !== (field.meddpiccElement !== null)) {
            context.addIssue({
                code: 'custom',
                path: ['meddpiccElement'],
                message: 'required exactly when role is meddpicc_status or meddpicc_evidence'
            });
        }
    });
export type AllowedField = z.infer<typeof AllowedField>;

export const CallContact = z.strictObject({
    contactId: SalesforceId.nullable(),
    name: z.string().min(1).max(121),
    title: z.string().max(128).nullable(),
    /** Opportunity contact role as the org names it (e.g. `Economic Buyer`). */
    role: z.string().max(80).nullable()
});
export type CallContact = z.infer<typeof CallContact>;

export const CallPlaybookStep = z.strictObject({
    stepKey: DeveloperKey,
    title: z.string().min(1).max(120),
    exitCriterion: ExitCriterionSignal
});
export type CallPlaybookStep = z.infer<typeof CallPlaybookStep>;

export const CallAnalysisRequest = z
    .strictObject({
        /** Rep notes, or a transcript (`Name: text` or `[00:01:02] Name: text` lines). Max 100,000 characters. */
        text: z
            .string()
            .max(MAX_CALL_TEXT_CHARS, { error: `must be at most ${MAX_CALL_TEXT_CHARS} characters` })
            .refine((text) => text.trim().length > 0, { error: 'must not be blank' }),
        source: CallSource,
        extractor: ExtractorChoice,
        /** The day relative dates are resolved against, in the org's time zone. */
        asOf: IsoDate,
        /** IANA time zone of the org (or the user), e.g. `Europe/Berlin`. */
        timeZone: z.string().refine(isKnownTimeZone, { error: 'must be an IANA time zone, e.g. Europe/Berlin' }),
        dealId: SalesforceId,
        dealName: z.string().min(1).max(120),
        /** The rep's name, so their lines in a transcript count as the seller side. */
        repName: z.string().min(1).max(121).nullable(),
        contacts: z.array(CallContact).max(MAX_CALL_CONTACTS),
        /** Competitor names the org tracks; any other vendor named after "evaluating", "also looking at"... counts too. */
        knownCompetitors: z.array(z.string().min(1).max(80)).max(50),
        /** The current stage's playbook steps, for coaching. */
        playbookSteps: z.array(CallPlaybookStep).max(MAX_CALL_PLAYBOOK_STEPS),
        fields: z.array(AllowedField).min(1).max(MAX_ALLOWED_FIELDS)
    })
    .superRefine((request, context) => {
        const seen = new Set<string>();
        request.fields.forEach((field, index) => {
            const key = field.apiName.toLowerCase();
            if (seen.has(key)) {
                context.addIssue({ code: 'custom', path: ['fields', index, 'apiName'], message: 'listed twice' });
            }
            seen.add(key);
        });
    });
export type CallAnalysisRequest = z.infer<typeof CallAnalysisRequest>;

function isKnownTimeZone(zone: string): boolean {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return zone.length > 0;
    } catch {
        return false;
    }
}

// ------------------------------------------------------------------------------------------------ response

export const SpeakerSide = z.enum(['buyer', 'seller', 'unknown']);
export type SpeakerSide = z.infer<typeof SpeakerSide>;

/** A verbatim quote of the input: `text.slice(startOffset, endOffset) === quote` (UTF-16 offsets, as JS and Apex). */
export const Evidence = z.strictObject({
    quote: z.string().min(1).max(2000),
    startOffset: NonNegativeInt,
    endOffset: NonNegativeInt,
    speaker: z.string().max(121).nullable(),
    speakerSide: SpeakerSide
});
export type Evidence = z.infer<typeof Evidence>;

export const ProposedUpdate = z.strictObject({
    field: z.string(),
    label: z.string(),
    fieldType: FieldType,
    currentValue: z.string().nullable(),
    proposedValue: z.string(),
    evidence: z.array(Evidence).min(1),
    confidence: z.number().min(0).max(1)
});
export type ProposedUpdate = z.infer<typeof ProposedUpdate>;

export const NextStep = z.strictObject({
    description: z.string().max(500),
    owner: z.string().max(121).nullable(),
    dueDate: IsoDate.nullable(),
    evidence: Evidence
});
export type NextStep = z.infer<typeof NextStep>;

export const RiskKind = z.enum(['competitor', 'budget', 'timeline', 'new_stakeholder']);
export type RiskKind = z.infer<typeof RiskKind>;

export const HeardRisk = z.strictObject({
    kind: RiskKind,
    description: z.string().max(500),
    evidence: Evidence
});
export type HeardRisk = z.infer<typeof HeardRisk>;

export const CoveredStep = z.strictObject({
    stepKey: DeveloperKey,
    title: z.string(),
    evidence: Evidence
});

export const MissedStep = z.strictObject({
    stepKey: DeveloperKey,
    title: z.string()
});

export const TalkStats = z.strictObject({
    /** Share of the words spoken by the seller side, 0..1. */
    repTalkShare: z.number().min(0).max(1),
    repQuestions: NonNegativeInt,
    buyerQuestions: NonNegativeInt,
    speakers: z.array(z.strictObject({ name: z.string(), side: SpeakerSide, words: NonNegativeInt }))
});

export const Coaching = z.strictObject({
    stepsCovered: z.array(CoveredStep),
    stepsMissed: z.array(MissedStep),
    questionsToAsk: z.array(z.string().max(300)),
    /** Null when the text has no speaker labels (rep notes). */
    talk: TalkStats.nullable()
});

/** What the guards removed, by reason: the proof that nothing unquoted or off-list reaches the page. */
export const GuardReport = z.strictObject({
    droppedUnquoted: NonNegativeInt,
    droppedOffList: NonNegativeInt,
    droppedInvalidValue: NonNegativeInt,
    droppedImplausibleDate: NonNegativeInt,
    validatedWithoutBuyerQuote: NonNegativeInt,
    droppedUnchanged: NonNegativeInt
});
export type GuardReport = z.infer<typeof GuardReport>;

export const FallbackReason = z.enum(['org_choice', 'llm_not_configured', 'llm_failed']);

export const CallAnalysisResponse = z.strictObject({
    dealId: SalesforceId,
    extractor: z.enum(['deterministic', 'llm']),
    /** The LLM's model name; null for the deterministic extractor. */
    model: z.string().nullable(),
    /** Why the deterministic extractor ran (the org chose it, no LLM configured, the LLM failed); null when the LLM ran. */
    fallbackReason: FallbackReason.nullable(),
    summary: z.string().max(1500),
    proposals: z.array(ProposedUpdate),
    nextSteps: z.array(NextStep),
    risks: z.array(HeardRisk),
    coaching: Coaching,
    guards: GuardReport,
    /** E-mail addresses and phone numbers replaced before the text went to the LLM (0 for deterministic). */
    redactions: NonNegativeInt
});
export type CallAnalysisResponse = z.infer<typeof CallAnalysisResponse>;
