// The drill's yes/no criteria: every question on the playbook step's "Ask:" line (what a good rep asks at that
// moment), plus one behaviour per skill that the guidance implies but does not phrase as a question. The scripted
// drill checks them on the rep's words; a language model, when configured, judges the same list.
import type { Skill } from '../../development/contract/development';
import type { PracticeTurn } from '../contract/practice';

export interface Criterion {
    key: string;
    text: string;
    /** Deterministic check on the rep's turns: the sentence that meets it, or null. */
    check: (repTurns: readonly string[]) => string | null;
}

const STOPWORDS = new Set(
    (
        'a an and are as at be but by can do does for from has have how i if in is it its me my of on or our so ' +
        'that the their them there they this to us was we what when where which who whom why will with would you ' +
        'your yours make must true'
    ).split(' ')
);

/** Lower-case content words, crudely stemmed so "approves" meets "approve" and "risks" meets "risk". */
export function contentWords(text: string): string[] {
    return (text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [])
        .filter((word) => !STOPWORDS.has(word) && word.length > 2)
        .map((word) => word.replace(/(ing|ed|es|s)$/, ''));
}

function sentences(text: string): string[] {
    return text
        .split(/(?<=[.?!])\s+/)
        .map((sentence) => sentence.trim())
        .filter((sentence) => sentence !== '');
}

/** The questions of the guidance's "Ask:" line. */
export function askQuestions(guidance: string): string[] {
    const line = guidance.split(/\r?\n/).find((candidate) => /^\s*Ask:/i.test(candidate));
    if (!line) return [];
    return sentences(line.replace(/^\s*Ask:\s*/i, '')).filter((sentence) => sentence.endsWith('?'));
}

/**
 * A question criterion is met when one of the rep's questions shares at least half of its content words (and at
 * least two): the rep asked it in their own words. Word overlap is crude by design; the model path judges meaning.
 */
function questionCheck(question: string): Criterion['check'] {
    const wanted = new Set(contentWords(question));
    const needed = Math.max(2, Math.ceil(wanted.size / 2));
    return (repTurns) => {
        for (const turn of repTurns) {
            for (const sentence of sentences(turn).filter((candidate) => candidate.includes('?'))) {
                const shared = new Set(contentWords(sentence).filter((word) => wanted.has(word)));
                if (shared.size >= Math.min(needed, wanted.size)) return sentence;
            }
        }
        return null;
    };
}

function patternCheck(...patterns: RegExp[]): Criterion['check'] {
    return (repTurns) => {
        for (const turn of repTurns) {
            for (const sentence of sentences(turn)) {
                if (patterns.every((pattern) => pattern.test(sentence))) return sentence;
            }
        }
        return null;
    };
}

const DAY_OR_DATE =
    /\b(mon|tues|wednes|thurs|fri)day\b|\btomorrow\b|\bnext week\b|\b\d{1,2}(st|nd|rd|th)?\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

const SKILL_BEHAVIOURS: Record<Exclude<Skill, 'acting_on_coaching'>, Omit<Criterion, 'key'>> = {
    economic_buyer_access: {
        text: 'Asked for a meeting with the person who approves the budget',
        check: patternCheck(
            /\b(meet|meeting|introduc\w*|speak|talk|time with)\b/i,
            /\b(approv\w*|budget|sign\w*|decid\w*|economic buyer|cfo|ceo|cio|vp)\b/i
        )
    },
    multi_threading: {
        text: 'Asked to bring other people of the buying group into the conversation',
        check: patternCheck(
            /\b(who else|others?|colleagues?|team|stakeholders?|involve\w*|bring in|invite)\b/i,
            /\?|\b(could|can|would|shall|let's)\b/i
        )
    },
    advancing_the_deal: {
        text: 'Proposed a next step with a date',
        check: patternCheck(/\b(meet\w*|call|session|review|workshop|demo)\b/i, DAY_OR_DATE)
    },
    close_plan: {
        text: 'Proposed a written plan to signature with owners and dates',
        check: patternCheck(/\b(plan|timeline|schedule)\b/i, /\b(sign\w*|legal|procurement|owner\w*|dates?)\b/i)
    },
    discovery_depth: {
        text: 'Asked what the problem costs today',
        check: patternCheck(/\?/, /\b(cost\w*|impact|how much|how many|hours|revenue|los[et]\w*|spend\w*|fines?)\b/i)
    }
};

/** The criteria of a drill, in a stable order: the step's questions, then the skill's behaviour. */
export function drillCriteria(skill: Skill, guidance: string): Criterion[] {
    const questions = askQuestions(guidance).map((question, index) => ({
        key: `ask_${index + 1}`,
        text: `Asked: ${question}`,
        check: questionCheck(question)
    }));
    if (skill === 'acting_on_coaching') throw new Error('acting_on_coaching has no drill');
    return [...questions, { key: skill, ...SKILL_BEHAVIOURS[skill] }];
}

export function repTurns(transcript: readonly PracticeTurn[]): string[] {
    return transcript.filter((turn) => turn.role === 'rep').map((turn) => turn.text);
}
