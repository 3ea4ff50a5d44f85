import type { ExitCriterionSignal, MeddpiccElement } from '../../scoring/contract/score-request';

/**
 * Cue patterns of the deterministic extractor. Each is a general phrase family (what sellers and buyers say about an
 * element), never a phrase copied from a test call; the eval corpus measures what they miss (service/README.md).
 */
export const MEDDPICC_CUES: Record<MeddpiccElement, RegExp> = {
    // No outer \b: "$40k a month" and "20% of" start or end on a symbol, where a word boundary never is.
    metrics:
        /(?:\d+(?:\.\d+)?\s?(?:%|percent\b)|\b\d+\s?(?:hours?|hrs|minutes?|mins|days|people|fte|ftes|reps|headcount)\b(?:\s+\w+){0,3}?\s*(?:\/|\ba\b|\bper\b|\beach\b|\bevery\b)\s*(?:week|wk|month|mo|day|quarter|year|yr)\b|\broi\b|\bpayback\b|\bsav(?:e|es|ing|ings)\s+(?:of\s+)?(?:\$|us\$|€)?\d|\breduc\w*\b.{0,40}\bby\b|\bcut\b.{0,30}\b(?:by|in half)\b|\$\d[\d,.]*\s?(?:k|m|mm|million)?\s+(?:a|per)\s+(?:year|month|quarter|week)\b)/i,
    economicBuyer:
        /\b(economic buyer|\beb\b|sign(?:s|ing)?[- ]off|signs? (?:the )?(?:contract|check|cheque|po|deal)|final (?:say|approval|call)|owns? the budget|budget (?:owner|holder)|controls? the (?:budget|spend)|approves? (?:the )?(?:budget|spend|purchase)|(?:it'?s|it is) my (?:budget|call|decision))\b/i,
    decisionCriteria:
        /\b(decision criteria|criteria|must[- ]haves?|requirements?|non[- ]negotiables?|needs? to integrate|integrat\w+ with|\bsso\b|soc ?2|evaluat\w+ (?:on|against|based)|scorecard)\b/i,
    decisionProcess:
        /\b(decision process|steering (?:committee|group)|approval (?:process|chain|steps)|buying committee|board (?:approval|meeting)|go(?:es)? through (?:it|procurement|legal|security)|security review|sign[- ]off process|who else (?:needs|has) to|decision (?:by|on|at) the)\b/i,
    paperProcess:
        /\b(paper process|procurement|\bmsa\b|master services|redlines?|legal review|legal team|\bdpa\b|purchase order|\bpo\b|vendor (?:onboarding|registration)|order form|contract review)\b/i,
    identifiedPain:
        /\b(pain|problem|struggl\w*|manual(?:ly)?|spreadsheets?|frustrat\w*|takes? (?:too long|forever|hours|days)|los(?:e|es|ing|t)|churn|bottleneck|broken|error[- ]prone|headache|no visibility|can'?t see)\b/i,
    champion:
        /\b(champion|i'?ll (?:push|advocate|sell|make the case|champion|pitch|present)|on (?:our|your) side|rooting for|internal(?:ly)? (?:advocate|sponsor)|i'?ll bring (?:it|this) to)\b/i,
    competition:
        /\b(competitors?|alternatives?|other vendors?|also (?:looking at|evaluating|talking to)|evaluating|\brfp\b|bake[- ]?off|shortlist)\b/i
};

/**
 * A buyer confirming an element in their own voice (the only way a status becomes validated): the economic buyer
 * saying the budget or signature is theirs, a champion committing to act, or a buyer agreeing a point out loud.
 */
const AGREEMENT =
    /\b(i|we) (?:confirm|agree)\b|\b(?:that'?s|that is) (?:right|correct|accurate|exactly it)\b|\bagreed\b/i;
export const VALIDATION_CUES: Record<MeddpiccElement, RegExp> = {
    metrics: /\b(?:we'?ll measure|success (?:looks like|means|is)|(?:i|we) (?:agree|confirm)\b.{0,40}\d)/i,
    economicBuyer:
        /\b(?:i(?:'m| am)? (?:the one who )?(?:sign|approve|own|control|have (?:the )?final)|(?:it'?s|it is) my (?:budget|call|decision|signature))/i,
    decisionCriteria: AGREEMENT,
    decisionProcess: AGREEMENT,
    paperProcess: AGREEMENT,
    identifiedPain: /\b(?:i|we) (?:confirm|agree)\b|\bthat(?:'s| is) (?:exactly )?(?:our|my) (?:problem|pain|issue)\b/i,
    champion: /\bi'?ll (?:push|advocate|sell|make the case|champion|pitch|present|bring (?:it|this) to)\b/i,
    competition: AGREEMENT
};
export const HEDGE =
    /\b(can'?t commit|cannot commit|won'?t commit|not committing|no commitments?|not sure|unsure|no promises|maybe|might|hopefully|probably not|unlikely|too early|don'?t know|if at all|tbd|we'?ll see|not yet|hard to say|no idea)\b|\?\s*$/i;
/**
 * Text that reads as an instruction to the software ("SYSTEM:", "ignore previous instructions", "set Amount to") is
 * never evidence: call text is data, and the deterministic extractor skips such sentences outright.
 */
export const INSTRUCTION_LIKE =
    /\b(?:ignore (?:all|any|the|previous|prior|above)|disregard (?:all|any|the|previous|prior)|you are now|new instructions?|(?:set|update|change|overwrite|mark) (?:the )?[A-Za-z_]+(?: field)? (?:to|as)\b)|^\s*(?:system|assistant|developer)\s*:|\[(?:system|inst)\]/i;

/** Negated sentences say the opposite of their cue ("we have no budget owner yet"). */
export const NEGATION =
    /\b(no|not|never|nobody|none|without|isn'?t|aren'?t|don'?t|doesn'?t|hasn'?t|haven'?t|won'?t)\b/i;

export const NEXT_STEP_CUE =
    /(?:\bf\/u\b|\bsend (?:\w+ ){1,3}by\b)|\b(next steps?|follow[- ]?up|i'?ll send|we'?ll send|will send|send (?:over|you|them|the)|schedul(?:e|ed|ing) (?:a|an|the|another|our|next|it|for)|set up (?:a|an|the)|book(?:ed)? (?:a|an|the)|meet again|reconvene|circle back|agreed to|action items?|call (?:on|next)|demo (?:on|next)|workshop (?:on|next)|walkthrough (?:on|next))\b/i;
/** A next step is something that will happen: a future marker or a date must be there. */
export const FUTURE_MARKER =
    /\b(will|'ll|going to|next|tomorrow|plan to|agreed|by|on (?:mon|tues|wednes|thurs|fri)day)\b|'ll\b/i;
export const CLOSE_CUE =
    /\b(sign(?:ed|ing|ature)?|close|closing|go[- ]live|contract (?:by|before)|purchase order|decision by|decide by|buy by|budget release)\b/i;
export const AMOUNT_CUE =
    /\b(budget (?:is|of|for (?:this|it)|came in|approved)|approved|price|pricing|deal size|contract value|quote|total|come in at|landed at|agreed on|signed off on)\b/i;
/** "above $100k", "under $50k": a threshold, not what this deal is worth. */
export const AMOUNT_VALUE =
    /(?<!\b(?:above|over|under|below|than|up to|exceeding)\s)(?:\$|usd\s?|us\$|€|eur\s?)\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|mm|million|thousand)?\b/i;

export const RISK_CUES = {
    budget: /\b(no budget|budget (?:freeze|cut|is tight|was cut|not approved|hasn'?t been approved|is gone)|too expensive|over (?:our )?budget|can'?t afford|price is (?:too )?high|pricing (?:is )?a concern|cheaper|spending freeze)\b/i,
    timeline:
        /\b(delay\w*|push(?:ed)? (?:back|out|to)|slip\w*|next (?:fiscal )?year|on hold|not a priority|hiring freeze|postpone\w*|after (?:the )?(?:reorg|holidays|audit|merger)|no rush|can'?t commit|won'?t (?:happen|be) (?:this|before))\b/i
} as const;

/** "also evaluating Acme", "a quote from Globex": a capitalised name after a comparison phrase is a competitor. */
export const COMPETITOR_PHRASE =
    /\b(?:also (?:looking at|evaluating|talking to|considering)|evaluating|compar\w* (?:you )?(?:to|with|against)|quote from|demo from|going with|switch(?:ing)? to|pitch from|proposal from|renew(?:ing)? with)\s+([A-Z][A-Za-z0-9&.-]+(?:\s[A-Z][A-Za-z0-9&.-]+)?)/g;

export const TITLE_WORDS =
    'CFO|CEO|COO|CIO|CTO|CISO|CRO|CMO|CPO|CHRO|President|General Counsel|VP(?: of)? [A-Z][a-z]+|Vice President(?: of)? [A-Z][a-z]+|Head of [A-Z]?[a-z]+|Director of [A-Z]?[a-z]+|Procurement (?:Lead|Manager)|Controller';
/** "Priya Shah, our new CFO" / "our CFO, Priya Shah" / "our new CFO Priya". */
export const PERSON_WITH_TITLE = new RegExp(
    `\\b([A-Z][a-z]+(?: [A-Z][a-z]+)?),? (?:our|the|their|a|my) (new )?(${TITLE_WORDS})\\b|\\b(?:our|the|their|a|my) (new )?(${TITLE_WORDS}),? ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\\b`,
    'g'
);
export const EXECUTIVE_TITLE =
    /\b(chief|cfo|ceo|coo|cio|cto|ciso|cro|cmo|president|vp|vice president|head of|svp|evp)\b/i;

export const SECURITY_REVIEW_CUE = /\bsecurity (?:review|questionnaire|assessment|audit)\b/i;
export const MUTUAL_PLAN_CUE =
    /\b(mutual (?:action |success )?plan|joint (?:plan|timeline)|close plan|success plan|plan (?:backwards|back) from)\b/i;

/** Which MEDDPICC element proves an exit criterion, and at which status. */
export const ELEMENT_BY_SIGNAL: Partial<Record<ExitCriterionSignal, [MeddpiccElement, 'identified' | 'validated']>> = {
    economic_buyer_identified: ['economicBuyer', 'identified'],
    economic_buyer_validated: ['economicBuyer', 'validated'],
    champion_identified: ['champion', 'identified'],
    champion_validated: ['champion', 'validated'],
    metrics_identified: ['metrics', 'identified'],
    metrics_validated: ['metrics', 'validated'],
    pain_identified: ['identifiedPain', 'identified'],
    decision_criteria_identified: ['decisionCriteria', 'identified'],
    decision_process_mapped: ['decisionProcess', 'identified'],
    paper_process_mapped: ['paperProcess', 'identified'],
    competition_assessed: ['competition', 'identified']
};

/** The question to ask next when a criterion was not covered on the call. */
export const QUESTION_BY_SIGNAL: Record<ExitCriterionSignal, string> = {
    economic_buyer_identified: 'Who signs off on this budget, and when can we meet them?',
    economic_buyer_validated: 'Can we get ten minutes with the budget owner to confirm the priority and the budget?',
    champion_identified: 'Who on your side will push for this when we are not in the room?',
    champion_validated: 'What will you do internally this week to move this forward?',
    metrics_identified: 'What does this problem cost you today, in hours, money or risk?',
    metrics_validated: 'Can we agree the number we will measure success against?',
    pain_identified: 'What happens if nothing changes in the next six months?',
    decision_criteria_identified: 'How will you compare the options, and what is a must-have?',
    decision_process_mapped: 'Walk me through the steps from here to a signed decision: who is involved at each?',
    paper_process_mapped: 'What do procurement and legal need from us, and how long does that usually take?',
    competition_assessed: 'Who else are you looking at, and what do you like about them?',
    multi_threaded: 'Who else should we involve so this does not rest on one person?',
    executive_engaged: 'Which executive sponsors this, and how do we get on their calendar?',
    next_step_scheduled: 'Can we put the next meeting in the calendar now?',
    security_review_complete: 'When can your security team start the review, and what do they need?',
    mutual_plan_agreed: 'Shall we write down the steps to go-live together, with dates and owners?',
    step_done: 'What would you need to see to consider this step complete?'
};
