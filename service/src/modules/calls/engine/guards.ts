import type {
    AllowedField,
    CallAnalysisRequest,
    CallAnalysisResponse,
    Evidence,
    GuardReport,
    ProposedUpdate
} from '../contract/call-analysis';
import type { CallExtraction } from '../contract/extraction';
import { daysBetween, isIsoCalendarDate } from './dates';
import type { Redaction } from './redact';
import { statusRank, statusValue } from './status';
import type { CallText } from './transcript';

/** Shorter "quotes" ("yes", "Q1") are found anywhere and prove nothing. */
export const MIN_QUOTE_CHARS = 10;
const MAX_QUESTIONS = 5;
const PAST_LIMIT_DAYS = 366;
const FUTURE_LIMIT_DAYS = 3 * 366;

export type GuardedResult = Pick<
    CallAnalysisResponse,
    'summary' | 'proposals' | 'nextSteps' | 'risks' | 'coaching' | 'guards'
>;

function emptyReport(): GuardReport {
    return {
        droppedUnquoted: 0,
        droppedOffList: 0,
        droppedInvalidValue: 0,
        droppedImplausibleDate: 0,
        validatedWithoutBuyerQuote: 0,
        droppedUnchanged: 0
    };
}

/**
 * Finds `quote` verbatim in the text the extractor read, and returns it as evidence in the original text (offsets,
 * speaker, side). Null when it is not there: paraphrases, stitched fragments and invented quotes all fail here.
 */
export function locateQuote(quote: string, call: CallText, seen: Redaction): Evidence | null {
    if (typeof quote !== 'string' || quote.trim().length < MIN_QUOTE_CHARS) return null;
    const at = seen.text.indexOf(quote);
    if (at < 0) return null;
    const startOffset = seen.toOriginal(at, 'start');
    const endOffset = seen.toOriginal(at + quote.length, 'end');
    const sentence =
        call.sentences.find((candidate) => candidate.start <= startOffset && startOffset < candidate.end) ??
        call.sentences.find((candidate) => candidate.start >= startOffset);
    // Turn of the quote's start: a quote spanning two speakers is attributed to the first, never to the buyer alone.
    const spansSpeakers = call.turns.some((turn) => turn.start > startOffset && turn.start < endOffset);
    const side = sentence && !spansSpeakers ? sentence.side : 'unknown';
    return {
        quote: call.text.slice(startOffset, endOffset),
        startOffset,
        endOffset,
        speaker: sentence?.speaker ?? null,
        speakerSide: side
    };
}

function valueProblem(field: AllowedField, value: string, request: CallAnalysisRequest): 'invalid' | 'date' | null {
    switch (field.fieldType) {
        case 'picklist':
            // Exact, case and all: a wrong picklist value is worse than an empty field.
            return (field.picklistValues ?? []).includes(value) ? null : 'invalid';
        case 'date': {
            if (!isIsoCalendarDate(value)) return 'invalid';
            const days = daysBetween(request.asOf, value);
            const forwardOnly = field.role === 'close_date' || field.role === 'next_step_date';
            if (days > FUTURE_LIMIT_DAYS || days < (forwardOnly ? 0 : -PAST_LIMIT_DAYS)) return 'date';
            return null;
        }
        case 'number':
            return /^-?\d{1,15}(?:\.\d{1,6})?$/.test(value) && (field.role !== 'amount' || Number(value) >= 0)
                ? null
                : 'invalid';
        case 'text':
            return value.trim().length > 0 && (field.maxLength === null || value.length <= field.maxLength)
                ? null
                : 'invalid';
    }
}

function clampConfidence(value: number): number {
    return Number.isFinite(value) ? Math.min(1, Math.max(0, Math.round(value * 100) / 100)) : 0;
}

/**
 * The guards, whichever extractor ran: nothing leaves without verbatim evidence, off the allow-list, with a value the
 * field cannot hold, or raising a MEDDPICC status to validated without the buyer's own words.
 */
export function applyGuards(
    request: CallAnalysisRequest,
    call: CallText,
    seen: Redaction,
    extraction: CallExtraction
): GuardedResult {
    const report = emptyReport();
    const fieldsByName = new Map(request.fields.map((field) => [field.apiName.toLowerCase(), field]));
    const best = new Map<string, ProposedUpdate>();

    for (const proposal of extraction.proposals) {
        const field = fieldsByName.get(String(proposal.field).toLowerCase());
        if (!field) {
            report.droppedOffList++;
            continue;
        }
        const evidence = (proposal.quotes ?? []).map((quote) => locateQuote(quote, call, seen));
        if (evidence.length === 0 || evidence.some((item) => item === null)) {
            report.droppedUnquoted++;
            continue;
        }
        let proposedValue = String(proposal.proposedValue).trim();
        const problem = valueProblem(field, proposedValue, request);
        if (problem === 'invalid') {
            report.droppedInvalidValue++;
            continue;
        }
        if (problem === 'date') {
            report.droppedImplausibleDate++;
            continue;
        }
        const located = evidence as Evidence[];
        if (field.role === 'meddpicc_status' && statusRank(proposedValue) === 2) {
            if (!located.some((item) => item.speakerSide === 'buyer')) {
                report.validatedWithoutBuyerQuote++;
                const identified = statusValue(field, 'identified');
                if (!identified || statusRank(field.currentValue) >= 1) continue;
                proposedValue = identified;
            }
        }
        if (field.role === 'meddpicc_status' && statusRank(proposedValue) <= statusRank(field.currentValue)) {
            // A call never lowers a status; that is a person's call.
            report.droppedUnchanged++;
            continue;
        }
        if (proposedValue === (field.currentValue ?? '')) {
            report.droppedUnchanged++;
            continue;
        }
        const candidate: ProposedUpdate = {
            field: field.apiName,
            label: field.label,
            fieldType: field.fieldType,
            currentValue: field.currentValue,
            proposedValue,
            evidence: located,
            confidence: clampConfidence(proposal.confidence)
        };
        const previous = best.get(field.apiName);
        if (!previous || candidate.confidence > previous.confidence) best.set(field.apiName, candidate);
    }

    const nextSteps: GuardedResult['nextSteps'] = [];
    for (const step of extraction.nextSteps) {
        const evidence = locateQuote(step.quote, call, seen);
        if (!evidence) {
            report.droppedUnquoted++;
            continue;
        }
        let dueDate = step.dueDate;
        if (dueDate !== null) {
            const days = isIsoCalendarDate(dueDate) ? daysBetween(request.asOf, dueDate) : Number.NaN;
            if (!(days >= 0 && days <= FUTURE_LIMIT_DAYS)) {
                report.droppedImplausibleDate++;
                dueDate = null;
            }
        }
        nextSteps.push({
            description: step.description.slice(0, 500),
            owner: step.owner?.slice(0, 121) ?? null,
            dueDate,
            evidence
        });
    }

    const risks: GuardedResult['risks'] = [];
    for (const risk of extraction.risks) {
        const evidence = locateQuote(risk.quote, call, seen);
        if (!evidence) {
            report.droppedUnquoted++;
            continue;
        }
        risks.push({ kind: risk.kind, description: risk.description.slice(0, 500), evidence });
    }

    const stepsByKey = new Map(request.playbookSteps.map((step) => [step.stepKey, step]));
    const covered = new Map<string, GuardedResult['coaching']['stepsCovered'][number]>();
    for (const item of extraction.stepsCovered) {
        const step = stepsByKey.get(item.stepKey);
        if (!step) {
            report.droppedOffList++;
            continue;
        }
        const evidence = locateQuote(item.quote, call, seen);
        if (!evidence) {
            report.droppedUnquoted++;
            continue;
        }
        if (!covered.has(step.stepKey))
            covered.set(step.stepKey, { stepKey: step.stepKey, title: step.title, evidence });
    }

    return {
        summary: extraction.summary.trim().slice(0, 1500),
        proposals: [...best.values()],
        nextSteps,
        risks,
        coaching: {
            stepsCovered: [...covered.values()],
            stepsMissed: request.playbookSteps
                .filter((step) => !covered.has(step.stepKey))
                .map((step) => ({ stepKey: step.stepKey, title: step.title })),
            questionsToAsk: extraction.questionsToAsk
                .map((question) => question.trim().slice(0, 300))
                .filter((question) => question !== '')
                .slice(0, MAX_QUESTIONS),
            talk: null
        },
        guards: report
    };
}
