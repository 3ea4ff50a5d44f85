// The sample org's analysed calls: rep notes written for a share of the open deals and analysed as the service's
// deterministic extractor analyses them (no language model in the workbench), so call coaching (Rep Development) and
// the call-analyses figure (Strategy Check) have real values from the first start. Seeded from the org's seed on a
// stream of its own, so adding them changes none of the other records.
import type { CallAnalysisRequest, ExitCriterionSignal } from '../../service/src/contract';
import { analyzeDeterministically } from '../../service/src/modules/calls/engine/analyze';
import { callAnalysisRequest, extractorSetting, type SettingReader } from './call-analysis';
import { dayOf, dayOfDateTime, isoDate, isoDateTime } from './dates';
import { toId18 } from './ids';
import { createRandom, type Random } from './prng';
import { indexSampleOrg } from './scoring';
import type { CallAnalysisRecord, ContactRecord, OpportunityRecord, SampleOrg } from './types';

/** Call_Analysis__c ids in the workbench (a custom object's prefix is the org's own; the twin continues the count). */
export const CALL_ANALYSIS_PREFIX = 'a06';
/** Mixed into the org's seed for the calls' own stream. */
const CALL_STREAM_SALT = 0x0ca11;
/** Calls are from the last six weeks. */
const CALL_WINDOW_DAYS = 42;

const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];

/** How a rep runs calls: the share of their open deals with notes, how deep their discovery goes, dated next steps. */
interface CallHabits {
    dealShare: number;
    depth: number;
    datedNextStep: number;
}

interface Person {
    name: string;
    first: string;
    title: string;
}

const PAIN = [
    (p: Person) => `${p.first} said the team still reconciles orders by hand in spreadsheets every week.`,
    (p: Person) => `${p.first} described the month-end close as a bottleneck: reports take days and are error-prone.`,
    (p: Person) => `${p.name} (${p.title}) said they have no visibility into renewals until it is too late.`
];
const METRICS = [
    (random: Random) => `That costs them about ${random.int(6, 30)} hours a week across the team.`,
    (random: Random) => `They lose roughly ${random.int(2, 9)}% of renewals to it every quarter.`,
    (random: Random) => `Their target is to reduce the manual work by ${random.int(20, 60)}% this year.`
];
const ECONOMIC_BUYER = [
    (p: Person) => `${p.name} (${p.title}) owns the budget and signs off on the purchase.`,
    (p: Person) => `Final approval sits with ${p.name}, the ${p.title}.`
];
const CHAMPION = [
    (p: Person) => `${p.first} said: I'll make the case to the leadership team.`,
    (p: Person) => `${p.first} is on our side and will push for it internally.`
];
const CRITERIA = [
    () => 'Their must-haves are SSO and an integration with their ERP.',
    () => 'They will evaluate on time to value and how well it integrates with their data warehouse.'
];
const PROCESS = [
    () => 'The decision goes to the steering committee after the pilot.',
    () => 'The approval process runs through IT, finance and then the board meeting.'
];
const PAPER = [
    () => 'Procurement needs our MSA and a DPA before the order form.',
    () => 'Their legal team will do the contract review once the proposal is final.'
];
const COMPETITION = [() => 'They are also evaluating another vendor.', () => 'They have a shortlist of three options.'];
const SECURITY = [() => 'Their security team wants the security questionnaire back this month.'];
const MUTUAL_PLAN = [() => 'We agreed to write a mutual action plan with dates and owners.'];
const FILLER = [
    'Good call overall; the team was engaged.',
    'We walked through the demo and answered questions on reporting.',
    'They asked for customer references in their industry.',
    'Timing depends on their budget cycle.'
];
const NEXT_STEP_ACTIVITIES = [
    'pricing workshop',
    'technical deep dive',
    'demo for the wider team',
    'proposal review',
    'call with procurement'
];

/** The sentence the notes need for a playbook step's exit criterion to be heard, when the rep covered it. */
function sentenceFor(signal: ExitCriterionSignal, buyer: Person, executive: Person, random: Random): string | null {
    switch (signal) {
        case 'pain_identified':
            return random.pick(PAIN)(buyer);
        case 'metrics_identified':
        case 'metrics_validated':
            return random.pick(METRICS)(random);
        case 'economic_buyer_identified':
        case 'economic_buyer_validated':
            return random.pick(ECONOMIC_BUYER)(executive);
        case 'champion_identified':
        case 'champion_validated':
            return random.pick(CHAMPION)(buyer);
        case 'decision_criteria_identified':
            return random.pick(CRITERIA)();
        case 'decision_process_mapped':
            return random.pick(PROCESS)();
        case 'paper_process_mapped':
            return random.pick(PAPER)();
        case 'competition_assessed':
            return random.pick(COMPETITION)();
        case 'security_review_complete':
            return random.pick(SECURITY)();
        case 'mutual_plan_agreed':
            return random.pick(MUTUAL_PLAN)();
        case 'executive_engaged':
            return `${executive.name} (${executive.title}) joined for the last twenty minutes.`;
        case 'multi_threaded':
            return `${buyer.first} brought in ${executive.first} from the ${executive.title} office.`;
        default:
            // next_step_scheduled is the next step line; step_done has no general sentence.
            return null;
    }
}

function person(contact: ContactRecord): Person {
    return { name: `${contact.FirstName} ${contact.LastName}`, first: contact.FirstName, title: contact.Title };
}

/** One call's rep notes: what the rep covered of the stage's steps (by their depth), and how the call ended. */
function notesFor(
    request: Pick<CallAnalysisRequest, 'playbookSteps'>,
    people: Person[],
    habits: CallHabits,
    callDay: number,
    random: Random
): string {
    const buyer = random.pick(people);
    const executive =
        people.find((candidate) => /chief|vp|vice president|head of|director|cfo|ceo|cio|cto/i.test(candidate.title)) ??
        buyer;
    const lines = [`Call with ${buyer.name} (${buyer.title}).`];
    for (const step of request.playbookSteps) {
        if (!random.chance(habits.depth)) continue;
        const sentence = sentenceFor(step.exitCriterion, buyer, executive, random);
        if (sentence !== null && !lines.includes(sentence)) lines.push(sentence);
    }
    lines.push(random.pick(FILLER));
    const activity = random.pick(NEXT_STEP_ACTIVITIES);
    if (random.chance(habits.datedNextStep)) {
        const due = new Date(`${isoDate(callDay + random.int(2, 12))}T00:00:00Z`);
        lines.push(`Next step: ${activity} on ${MONTHS[due.getUTCMonth()]} ${due.getUTCDate()}.`);
    } else {
        lines.push(`Next step: ${activity}, date to be confirmed.`);
    }
    return lines.join('\n');
}

/**
 * Analysed calls on a share of each rep's open deals (1 to 3 calls each, in the last six weeks, never before the deal
 * was created), analysed with the deterministic extractor on the call's day. Reps differ in how many deals get notes,
 * how many of the stage's steps their calls cover and how often a call ends with a dated next step.
 */
export function buildCallAnalyses(
    org: SampleOrg,
    settings: Record<string, string | null>,
    seed: number
): CallAnalysisRecord[] {
    const random = createRandom((seed ^ CALL_STREAM_SALT) >>> 0);
    const setting: SettingReader = (name) => {
        const value = settings[name];
        return value === undefined || value === null || value.trim() === '' ? null : value.trim();
    };
    const extractor = extractorSetting(setting);
    if (extractor === null) throw new Error('Call_Analysis_Extractor must be auto, deterministic or llm');
    const index = indexSampleOrg(org);
    const asOfDay = dayOf(org.meta.asOf);
    const habitsByRep = new Map<string, CallHabits>();
    for (const rep of org.users.filter((user) => user.level === 'rep')) {
        habitsByRep.set(rep.Id, {
            dealShare: random.real(0.35, 0.7),
            depth: random.real(0.25, 0.9),
            datedNextStep: random.real(0.3, 0.9)
        });
    }
    const records: CallAnalysisRecord[] = [];
    const openDeals: OpportunityRecord[] = org.opportunities.filter((deal) => !deal.IsClosed);
    for (const deal of openDeals) {
        const habits = habitsByRep.get(deal.OwnerId);
        if (!habits || !random.chance(habits.dealShare)) continue;
        const people = (index.contactRolesByOpportunity.get(deal.Id) ?? [])
            .map((role) => index.contactById.get(role.ContactId))
            .filter((contact): contact is ContactRecord => contact !== undefined)
            .map(person);
        if (people.length === 0) continue;
        const firstDay = Math.max(dayOfDateTime(deal.CreatedDate), asOfDay - CALL_WINDOW_DAYS);
        if (firstDay > asOfDay - 1) continue;
        const days = Array.from({ length: random.int(1, 3) }, () => random.int(firstDay, asOfDay - 1)).sort(
            (a, b) => a - b
        );
        for (const day of days) {
            const base = {
                index,
                setting,
                extractor,
                opportunity: deal,
                source: 'pasted_notes' as const,
                asOf: isoDate(day),
                repName: index.userById.get(deal.OwnerId)?.Name ?? null
            };
            const text = notesFor(callAnalysisRequest({ ...base, text: '.' }), people, habits, day, random);
            const response = analyzeDeterministically(callAnalysisRequest({ ...base, text }));
            records.push({
                Id: '',
                Name: '',
                Opportunity__c: deal.Id,
                Source__c: 'pasted_notes',
                Source_Record_Id__c: null,
                Status__c: 'analyzed',
                Extractor__c: response.extractor,
                Model__c: response.model,
                Fallback_Reason__c: response.fallbackReason,
                Last_Error__c: null,
                Notes__c: text,
                Result_Json__c: JSON.stringify(response),
                Decisions_Json__c: null,
                Accepted_Count__c: null,
                Rejected_Count__c: null,
                Reviewed_By__c: null,
                Reviewed_At__c: null,
                CreatedDate: isoDateTime(day, random.int(9, 17), random.int(0, 59))
            });
        }
    }
    // Oldest first, as the records were created; numbered in that order.
    records.sort(
        (a, b) => a.CreatedDate.localeCompare(b.CreatedDate) || a.Opportunity__c.localeCompare(b.Opportunity__c)
    );
    return records.map((record, position) => ({
        ...record,
        Id: toId18(`${CALL_ANALYSIS_PREFIX}${String(position + 1).padStart(12, '0')}`),
        Name: `CA-${String(position + 1).padStart(6, '0')}`
    }));
}
