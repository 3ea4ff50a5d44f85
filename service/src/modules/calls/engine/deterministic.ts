import type { MeddpiccElement } from '../../scoring/contract/score-request';
import type { AllowedField, CallAnalysisRequest } from '../contract/call-analysis';
import type { CallExtraction, ExtractedProposal } from '../contract/extraction';
import {
    AMOUNT_CUE,
    AMOUNT_VALUE,
    CLOSE_CUE,
    COMPETITOR_PHRASE,
    ELEMENT_BY_SIGNAL,
    EXECUTIVE_TITLE,
    FUTURE_MARKER,
    HEDGE,
    INSTRUCTION_LIKE,
    MEDDPICC_CUES,
    MUTUAL_PLAN_CUE,
    NEGATION,
    NEXT_STEP_CUE,
    PERSON_WITH_TITLE,
    QUESTION_BY_SIGNAL,
    RISK_CUES,
    SECURITY_REVIEW_CUE,
    VALIDATION_CUES
} from './cues';
import { findDates } from './dates';
import { statusRank, statusValue } from './status';
import { type CallText, contactFor, type Sentence } from './transcript';

const MAX_QUESTIONS = 5;
const MAX_RISKS_PER_KIND = 3;
const INJECTED_LINE =
    /^[ \t]*(?:\[[^\]\n]*\][ \t]*)?(?:(?:system|assistant|developer|instructions?)[ \t]*:|\[inst\]|<\|im_start\|>).*$/gim;

interface ElementHit {
    sentence: Sentence;
    validated: boolean;
}

/** Rep-side claims are not evidence of what the buyer thinks: only buyer or unattributed sentences count. */
const notSeller = (sentence: Sentence) => sentence.side !== 'seller';

function competitorsIn(sentence: Sentence, known: readonly string[]): string[] {
    const names = new Set<string>();
    for (const name of known) {
        if (new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(sentence.text))
            names.add(name);
    }
    COMPETITOR_PHRASE.lastIndex = 0;
    for (let match = COMPETITOR_PHRASE.exec(sentence.text); match; match = COMPETITOR_PHRASE.exec(sentence.text)) {
        const name = (match[1] ?? '').replace(/[.,]$/, '');
        // "evaluating Q1 options" or "evaluating Our..." are not vendors.
        if (name && !/^(Our|The|Your|Their|This|That|It|Q[1-4]|We|I)$/i.test(name.split(' ')[0] ?? '')) names.add(name);
    }
    return [...names];
}

function parseAmount(match: RegExpExecArray): number | null {
    const digits = Number((match[1] ?? '').replace(/,/g, ''));
    if (!Number.isFinite(digits)) return null;
    const unit = (match[2] ?? '').toLowerCase();
    const multiplier =
        unit === 'k' || unit === 'thousand'
            ? 1_000
            : unit === 'm' || unit === 'mm' || unit === 'million'
              ? 1_000_000
              : 1;
    return Math.round(digits * multiplier);
}

function truncate(value: string, maxLength: number | null): string {
    if (maxLength === null || value.length <= maxLength) return value;
    return `${value.slice(0, Math.max(0, maxLength - 1)).trimEnd()}…`;
}

export interface DeterministicResult {
    extraction: CallExtraction;
    elementHits: Partial<Record<MeddpiccElement, ElementHit>>;
}

export function extractDeterministic(request: CallAnalysisRequest, call: CallText): DeterministicResult {
    const reference = { asOf: request.asOf, timeZone: request.timeZone };
    const fieldsByRole = new Map<string, AllowedField>();
    for (const field of request.fields) {
        if (field.role)
            fieldsByRole.set(field.meddpiccElement ? `${field.role}:${field.meddpiccElement}` : field.role, field);
    }

    // Whole lines posing as another voice ("SYSTEM: ...", "[INST] ..."), every sentence of them.
    const injectedLines = [...call.text.matchAll(INJECTED_LINE)].map((match): [number, number] => [
        match.index,
        match.index + match[0].length
    ]);
    const elementHits: Partial<Record<MeddpiccElement, ElementHit>> = {};
    const nextSteps: CallExtraction['nextSteps'] = [];
    const risks: CallExtraction['risks'] = [];
    const competitorsNamed = new Map<string, Sentence>();
    const peopleNamed = new Map<string, { title: string; sentence: Sentence; isNew: boolean }>();
    let closeDate: { isoDate: string; sentence: Sentence } | null = null;
    let amount: { value: number; sentence: Sentence } | null = null;
    let securityReview: Sentence | null = null;
    let mutualPlan: Sentence | null = null;
    const riskSeen = new Set<string>();

    for (const sentence of call.sentences) {
        const text = sentence.text;
        if (
            INSTRUCTION_LIKE.test(text) ||
            injectedLines.some(([from, to]) => sentence.start >= from && sentence.start < to)
        ) {
            continue;
        }
        const hedged = HEDGE.test(text);
        const negated = NEGATION.test(text);

        for (const [element, cue] of Object.entries(MEDDPICC_CUES) as [MeddpiccElement, RegExp][]) {
            if (!cue.test(text) || !notSeller(sentence) || hedged) continue;
            // A negated cue is still "pain" ("we can't see pipeline") but not a confirmed buyer or champion.
            if (negated && (element === 'economicBuyer' || element === 'champion')) continue;
            const validated = sentence.side === 'buyer' && VALIDATION_CUES[element].test(text) && !negated;
            const previous = elementHits[element];
            if (!previous || (validated && !previous.validated)) elementHits[element] = { sentence, validated };
        }

        for (const name of competitorsIn(sentence, request.knownCompetitors)) {
            if (!competitorsNamed.has(name)) competitorsNamed.set(name, sentence);
        }

        PERSON_WITH_TITLE.lastIndex = 0;
        for (let match = PERSON_WITH_TITLE.exec(text); match; match = PERSON_WITH_TITLE.exec(text)) {
            const name = match[1] ?? match[6] ?? '';
            const title = match[3] ?? match[5] ?? '';
            const isNewRole = Boolean(match[2] ?? match[4]);
            const known = name ? contactFor(name, request.contacts) : null;
            const key = (name || title).toLowerCase();
            if (!peopleNamed.has(key))
                peopleNamed.set(key, { title, sentence, isNew: isNewRole || (name !== '' && !known) });
        }

        const nextStepDates = NEXT_STEP_CUE.test(text) && !hedged ? findDates(text, reference) : null;
        if (nextStepDates && (nextStepDates.length > 0 || FUTURE_MARKER.test(text))) {
            const dates = nextStepDates;
            const ownerIsSpeaker = /\b(i'?ll|i will|we'?ll|we will)\b/i.test(text);
            const mentioned = request.contacts.find((contact) => text.includes(contact.name));
            nextSteps.push({
                description: text,
                owner: ownerIsSpeaker ? (sentence.speaker ?? request.repName ?? null) : (mentioned?.name ?? null),
                dueDate: dates[0]?.isoDate ?? null,
                quote: text
            });
        }

        if (!hedged && notSeller(sentence) && CLOSE_CUE.test(text) && !negated) {
            const date = findDates(text, reference)[0];
            if (date) closeDate = { isoDate: date.isoDate, sentence };
        }

        if (!hedged && notSeller(sentence) && AMOUNT_CUE.test(text)) {
            const match = AMOUNT_VALUE.exec(text);
            const value = match ? parseAmount(match) : null;
            if (value !== null && value > 0) amount = { value, sentence };
        }

        for (const [kind, cue] of Object.entries(RISK_CUES) as ['budget' | 'timeline', RegExp][]) {
            // The same words said again are one risk; a long call lists at most three of a kind.
            const key = `${kind}:${text}`;
            const ofKind = risks.filter((risk) => risk.kind === kind).length;
            if (cue.test(text) && !riskSeen.has(key) && ofKind < MAX_RISKS_PER_KIND) {
                riskSeen.add(key);
                risks.push({
                    kind,
                    description: kind === 'budget' ? 'Budget concern heard' : 'Timeline at risk',
                    quote: text
                });
            }
        }
        if (!securityReview && SECURITY_REVIEW_CUE.test(text)) securityReview = sentence;
        if (!mutualPlan && MUTUAL_PLAN_CUE.test(text)) mutualPlan = sentence;
    }

    for (const [name, sentence] of competitorsNamed) {
        risks.push({ kind: 'competitor', description: `Competitor named: ${name}`, quote: sentence.text });
        if (!elementHits.competition) elementHits.competition = { sentence, validated: false };
    }
    for (const [, person] of peopleNamed) {
        if (person.isNew) {
            risks.push({
                kind: 'new_stakeholder',
                description: `New stakeholder: ${person.title}`,
                quote: person.sentence.text
            });
        }
    }

    // ------------------------------------------------------------------ proposals on the mapped fields
    const proposals: ExtractedProposal[] = [];
    for (const [element, hit] of Object.entries(elementHits) as [MeddpiccElement, ElementHit][]) {
        const statusField = fieldsByRole.get(`meddpicc_status:${element}`);
        if (!statusField) continue;
        const wanted = hit.validated ? 'validated' : 'identified';
        const value =
            statusValue(statusField, wanted) ?? (hit.validated ? statusValue(statusField, 'identified') : null);
        if (!value || statusRank(value) <= statusRank(statusField.currentValue)) continue;
        proposals.push({
            field: statusField.apiName,
            proposedValue: value,
            quotes: [hit.sentence.text],
            confidence: hit.validated ? 0.85 : 0.6
        });
        const evidenceField = fieldsByRole.get(`meddpicc_evidence:${element}`);
        if (evidenceField) {
            const who = hit.sentence.speaker ? `${hit.sentence.speaker}: ` : '';
            proposals.push({
                field: evidenceField.apiName,
                proposedValue: truncate(`${who}"${hit.sentence.text}" (${request.asOf})`, evidenceField.maxLength),
                quotes: [hit.sentence.text],
                confidence: 0.6
            });
        }
    }
    const datedStep = [...nextSteps].reverse().find((step) => step.dueDate !== null);
    const lastStep = datedStep ?? nextSteps[nextSteps.length - 1];
    const nextStepField = fieldsByRole.get('next_step');
    if (lastStep && nextStepField) {
        proposals.push({
            field: nextStepField.apiName,
            proposedValue: truncate(lastStep.description, nextStepField.maxLength),
            quotes: [lastStep.quote],
            confidence: 0.7
        });
    }
    const nextStepDateField = fieldsByRole.get('next_step_date');
    if (datedStep?.dueDate && nextStepDateField) {
        proposals.push({
            field: nextStepDateField.apiName,
            proposedValue: datedStep.dueDate,
            quotes: [datedStep.quote],
            confidence: 0.75
        });
    }
    const closeDateField = fieldsByRole.get('close_date');
    if (closeDate && closeDateField) {
        proposals.push({
            field: closeDateField.apiName,
            proposedValue: closeDate.isoDate,
            quotes: [closeDate.sentence.text],
            confidence: 0.7
        });
    }
    const amountField = fieldsByRole.get('amount');
    if (amount && amountField) {
        proposals.push({
            field: amountField.apiName,
            proposedValue: String(amount.value),
            quotes: [amount.sentence.text],
            confidence: 0.65
        });
    }

    // ------------------------------------------------------------------ coaching against the stage's steps
    const buyerPeople = new Set<string>();
    for (const turn of call.turns)
        if (turn.side === 'buyer' && turn.speaker) buyerPeople.add(turn.speaker.toLowerCase());
    for (const contact of request.contacts)
        if (call.text.includes(contact.name)) buyerPeople.add(contact.name.toLowerCase());
    const executiveSentence =
        call.sentences.find((sentence) => sentence.side !== 'seller' && EXECUTIVE_TITLE.test(sentence.text)) ??
        call.sentences.find((sentence) => {
            const contact = sentence.speaker ? contactFor(sentence.speaker, request.contacts) : null;
            return contact?.title ? EXECUTIVE_TITLE.test(contact.title) : false;
        });
    const stepsCovered: CallExtraction['stepsCovered'] = [];
    const missedSignals = new Set<string>();
    for (const step of request.playbookSteps) {
        let proof: Sentence | undefined;
        const elementRule = ELEMENT_BY_SIGNAL[step.exitCriterion];
        if (elementRule) {
            const hit = elementHits[elementRule[0]];
            if (hit && (elementRule[1] === 'identified' || hit.validated)) proof = hit.sentence;
        } else if (step.exitCriterion === 'next_step_scheduled' && datedStep) {
            proof = call.sentences.find((sentence) => sentence.text === datedStep.quote);
        } else if (step.exitCriterion === 'multi_threaded' && buyerPeople.size >= 2) {
            proof = call.sentences.find((sentence) => sentence.side === 'buyer') ?? call.sentences[0];
        } else if (step.exitCriterion === 'executive_engaged') {
            proof = executiveSentence;
        } else if (step.exitCriterion === 'security_review_complete') {
            proof = securityReview ?? undefined;
        } else if (step.exitCriterion === 'mutual_plan_agreed') {
            proof = mutualPlan ?? undefined;
        } else if (step.exitCriterion === 'step_done') {
            const keywords = step.title.toLowerCase().match(/[a-z]{5,}/g) ?? [];
            proof = call.sentences.find(
                (sentence) =>
                    keywords.filter((word) => sentence.text.toLowerCase().includes(word)).length >=
                        Math.min(2, keywords.length) && keywords.length > 0
            );
        }
        if (proof) stepsCovered.push({ stepKey: step.stepKey, quote: proof.text });
        else missedSignals.add(step.exitCriterion);
    }
    const questionsToAsk = [...missedSignals]
        .map((signal) => QUESTION_BY_SIGNAL[signal as keyof typeof QUESTION_BY_SIGNAL])
        .slice(0, MAX_QUESTIONS);

    const summary = summarise(request, call, elementHits, lastStep?.description ?? null, risks);
    return { extraction: { summary, proposals, nextSteps, risks, stepsCovered, questionsToAsk }, elementHits };
}

const ELEMENT_LABEL: Record<MeddpiccElement, string> = {
    metrics: 'metrics',
    economicBuyer: 'economic buyer',
    decisionCriteria: 'decision criteria',
    decisionProcess: 'decision process',
    paperProcess: 'paper process',
    identifiedPain: 'pain',
    champion: 'champion',
    competition: 'competition'
};

function summarise(
    request: CallAnalysisRequest,
    call: CallText,
    hits: Partial<Record<MeddpiccElement, ElementHit>>,
    nextStep: string | null,
    risks: CallExtraction['risks']
): string {
    const buyers = call.turns
        .filter((turn) => turn.side === 'buyer' && turn.speaker)
        .map((turn) => turn.speaker as string);
    const who =
        buyers.length > 0
            ? `Call with ${[...new Set(buyers)].join(', ')}`
            : request.source === 'pasted_notes'
              ? 'Rep notes'
              : 'Logged call';
    const heard = Object.keys(hits).map((element) => ELEMENT_LABEL[element as MeddpiccElement]);
    const parts = [`${who} on ${request.dealName}.`];
    parts.push(heard.length > 0 ? `Heard: ${heard.join(', ')}.` : 'Nothing heard that qualifies the deal further.');
    if (nextStep) parts.push(`Next: ${truncate(nextStep, 200)}`);
    if (risks.length > 0)
        parts.push(`Risks: ${[...new Set(risks.map((risk) => risk.kind.replace('_', ' ')))].join(', ')}.`);
    return truncate(parts.join(' '), 1500);
}
