/**
 * What the org captures, read from the request's org data profile. A fact the org does not record routinely is
 * unknown, not bad news: the rules that read it give neutral credit (never less than the deal earns) and raise no
 * risk, and the explanation says why and how an admin turns it on. Where the org does record the fact, its absence
 * on one deal stays a real signal.
 */
import { MEDDPICC_ELEMENTS, type MeddpiccElement, type OrgDataProfile } from '../../../contract';

export type CapturableFact =
    | 'buyerActivity'
    | 'contactRoles'
    | 'nextStep'
    | 'nextStepDate'
    | 'closeDateChange'
    | 'amount'
    | `meddpicc.${MeddpiccElement}`;

/**
 * Thresholds. Below MIN_DEALS_MEASURED deals the shares say too little, and every fact counts as captured (as without
 * a profile). Facts an org that uses them records on nearly every open deal (activities, contact roles, next steps,
 * amounts) count as captured from half of the recent deals ("most deals"); MEDDPICC elements are filled stage by
 * stage (paper process only late), so one recent deal in ten shows the field is in use; a close date moves on a
 * minority of deals even where history is tracked, so one in twenty shows it is.
 */
export const MIN_DEALS_MEASURED = 20;
export const ROUTINE_FACT_MIN_SHARE = 0.5;
export const MEDDPICC_MIN_SHARE = 0.1;
export const CLOSE_DATE_CHANGE_MIN_SHARE = 0.05;
/** The credit a rule gives, as a share of its points, when its fact is not captured and the deal does not have it. */
export const NEUTRAL_CREDIT = 0.5;

export const MEDDPICC_FACTS: Readonly<Record<MeddpiccElement, CapturableFact>> = Object.fromEntries(
    MEDDPICC_ELEMENTS.map((element) => [element, `meddpicc.${element}` as CapturableFact])
) as Record<MeddpiccElement, CapturableFact>;

function shareOf(profile: OrgDataProfile, fact: CapturableFact): number {
    switch (fact) {
        case 'buyerActivity':
            return profile.withBuyerActivity;
        case 'contactRoles':
            return profile.withContactRoles;
        case 'nextStep':
            return profile.withNextStep;
        case 'nextStepDate':
            return profile.withNextStepDate;
        case 'closeDateChange':
            return profile.withCloseDateChange;
        case 'amount':
            return profile.withAmount;
        default:
            return profile.withMeddpicc[fact.slice('meddpicc.'.length) as MeddpiccElement];
    }
}

export function minShareFor(fact: CapturableFact): number {
    if (fact.startsWith('meddpicc.')) return MEDDPICC_MIN_SHARE;
    return fact === 'closeDateChange' ? CLOSE_DATE_CHANGE_MIN_SHARE : ROUTINE_FACT_MIN_SHARE;
}

export interface DataCapture {
    /** False only when a profile with enough deals shows the org does not record the fact. */
    captures(fact: CapturableFact): boolean;
    /** True when every listed fact is captured. */
    capturesAll(facts: readonly CapturableFact[]): boolean;
    /** "0% of 2,000 recent deals", for the explanation; null without a usable profile. */
    measuredShare(fact: CapturableFact): string | null;
}

export const CAPTURES_EVERYTHING: DataCapture = {
    captures: () => true,
    capturesAll: () => true,
    measuredShare: () => null
};

export function resolveDataCapture(profile: OrgDataProfile | null | undefined): DataCapture {
    if (!profile || profile.dealsMeasured < MIN_DEALS_MEASURED) return CAPTURES_EVERYTHING;
    const captures = (fact: CapturableFact) => shareOf(profile, fact) >= minShareFor(fact);
    return {
        captures,
        capturesAll: (facts) => facts.every(captures),
        measuredShare: (fact) =>
            `${Math.round(shareOf(profile, fact) * 100)}% of ${profile.dealsMeasured.toLocaleString('en-US')} recent deals`
    };
}

/** Plain words for a fact the org does not record: what is not scored, and how an admin turns it on. */
export const NOT_CAPTURED_TEXT: Readonly<Record<CapturableFact, { notScored: string; turnOn: string }>> = {
    buyerActivity: {
        notScored: 'Activities are not logged on opportunities in this org, so engagement is not scored',
        turnOn: 'An admin can turn it on by logging calls, emails and meetings on opportunities (Einstein Activity Capture or the Outlook and Gmail integrations)'
    },
    contactRoles: {
        notScored: 'Contact roles are not used on opportunities in this org, so multi-threading is not scored',
        turnOn: 'An admin can turn it on by making contact roles part of the opportunity page layout and the sales process'
    },
    nextStep: {
        notScored: 'Next steps are not recorded in this org, so a missing next step is not held against a deal',
        turnOn: 'An admin can turn it on by adding Next Step and its date to the opportunity layout'
    },
    nextStepDate: {
        notScored:
            'Next steps are not dated in this org, so an undated or overdue next step is not held against a deal',
        turnOn: 'An admin can turn it on by adding the next-step date field to the opportunity layout (Execution Loop setting Field_Next_Step_Date)'
    },
    closeDateChange: {
        notScored: 'Close-date changes are not tracked in this org, so slips are not scored',
        turnOn: 'Opportunity history records them once close dates are edited in Salesforce rather than imported'
    },
    amount: {
        notScored: 'Amounts are not recorded in this org, so a missing amount is not held against a deal',
        turnOn: 'An admin can turn it on by making Amount required from an early stage'
    },
    'meddpicc.metrics': meddpiccText('Metrics'),
    'meddpicc.economicBuyer': meddpiccText('Economic buyer'),
    'meddpicc.decisionCriteria': meddpiccText('Decision criteria'),
    'meddpicc.decisionProcess': meddpiccText('Decision process'),
    'meddpicc.paperProcess': meddpiccText('Paper process'),
    'meddpicc.identifiedPain': meddpiccText('Identified pain'),
    'meddpicc.champion': meddpiccText('Champion'),
    'meddpicc.competition': meddpiccText('Competition')
};

function meddpiccText(label: string): { notScored: string; turnOn: string } {
    return {
        notScored: `${label} is not recorded on opportunities in this org, so it is not scored`,
        turnOn: 'An admin can turn it on by adding the MEDDPICC fields to the opportunity layout, or mapping existing ones in the Execution Loop settings'
    };
}

/** "<what is not scored> (<measured share>). <how to turn it on>." */
export function notCapturedEvidence(capture: DataCapture, fact: CapturableFact): string {
    const text = NOT_CAPTURED_TEXT[fact];
    const measured = capture.measuredShare(fact);
    return `${text.notScored}${measured ? ` (${measured} have it)` : ''}. ${text.turnOn}.`;
}
