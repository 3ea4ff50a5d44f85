// The deterministic buyer: three scripted turns per skill, filled in from the persona (the senior title on the deal,
// the account, and an objection drawn from the deal's top risk), so the drill works with no language model at all.
import type { Skill } from '../../development/contract/development';
import type { BuyerPersona } from '../contract/practice';

type DrillSkill = Exclude<Skill, 'acting_on_coaching'>;

const OBJECTIONS: Record<string, string> = {
    close_date_overdue: 'We already missed the date we talked about, and nobody here is chasing it.',
    close_date_slipped: 'The date has moved before; I am not sure this quarter is realistic.',
    stalled_in_stage: 'Things have been quiet on our side for a while; other projects took over.',
    going_dark: 'Sorry for the silence; it has been a busy few weeks.',
    single_threaded: 'I am really the only one looking at this for now.',
    no_economic_buyer: 'I would rather not involve my boss until I am sure.',
    economic_buyer_not_validated: 'My boss has not really looked at this yet.',
    no_champion: 'I am interested, but I cannot push this internally myself.',
    next_step_missing: 'Let us stay in touch and see how things develop.',
    next_step_overdue: 'We never got to that follow-up; things got in the way.',
    amount_missing: 'We have not talked about budget at all yet.',
    playbook_steps_incomplete: 'There are still a few things on our side we have not worked through.'
};

const SCRIPTS: Record<DrillSkill, readonly [string, string, string]> = {
    economic_buyer_access: [
        'I am the {title} at {account}. I like what I have seen, and I can take it from here: I will present it internally.',
        '{objection} Honestly, the budget is not my call, but I would rather not drag more people in yet.',
        'Suppose I could get you thirty minutes with the person who signs. What would you want to cover?'
    ],
    multi_threading: [
        'As {title} at {account}, I am your main contact for this, and I would like to keep it that way for now.',
        '{objection} Getting IT and finance involved always slows things down.',
        'Fine, who exactly would you want to talk to, and why would they make time for it?'
    ],
    advancing_the_deal: [
        'Thanks for the update. As {title} at {account}, I think we are in good shape; let us reconnect at some point.',
        '{objection} I do not want to commit to a date right now.',
        'What would the next conversation actually be about, and who should be in it?'
    ],
    close_plan: [
        'We are keen. As {title} at {account}, I am confident we can sign by the end of the quarter.',
        '{objection} Legal and procurement have their own pace; I cannot speak for them.',
        'What do you need from us to make that date real?'
    ],
    discovery_depth: [
        'I am the {title} at {account}. We are looking at a few options; send me a proposal and pricing.',
        '{objection} The current process works, more or less; it is just slow.',
        'Why would this be a priority for us this year, in your view?'
    ]
};

/** The persona's most senior-sounding title (executives first), else the first. */
export function leadTitle(persona: BuyerPersona): string {
    const senior = persona.buyerTitles.find((title) =>
        /\b(chief|ceo|cfo|cio|cto|ciso|coo|president|vp|vice president|head|director)\b/i.test(title)
    );
    return senior ?? persona.buyerTitles[0]!;
}

export function objectionFor(persona: BuyerPersona): string {
    for (const risk of persona.risks) {
        const objection = OBJECTIONS[risk.code];
        if (objection) return objection;
    }
    return 'We have a lot on our plate at the moment.';
}

export function scriptedBuyerTurn(skill: DrillSkill, persona: BuyerPersona, turnIndex: number): string {
    const template = SCRIPTS[skill][turnIndex];
    if (template === undefined) throw new Error(`The scripted drill has no buyer turn ${turnIndex + 1}`);
    return template
        .replaceAll('{title}', leadTitle(persona))
        .replaceAll('{account}', persona.accountName)
        .replaceAll('{objection}', objectionFor(persona));
}
