/**
 * Builders for score requests: the named golden-fixture cases and seeded random batches. Shared by the fixture
 * script, the benchmark and the tests; everything here is deterministic (no clock, no Math.random).
 */
import {
    type ContactRole,
    type Deal,
    MEDDPICC_ELEMENTS,
    type MeddpiccElement,
    type OrgDataProfile,
    type Playbook,
    type PlaybookStep,
    type QualificationStatus,
    type ScoreRequest
} from '../../src/contract';
import { mulberry32 } from '../../src/shared/prng';

export const FIXTURE_AS_OF = '2026-11-16';

export const SALES_STAGES = [
    'Prospecting',
    'Discovery',
    'Solutioning',
    'Proposal',
    'Negotiation',
    'Contracting'
] as const;

const step = (
    stepKey: string,
    title: string,
    stageOrder: number,
    isRequired: boolean,
    exitCriterion: PlaybookStep['exitCriterion'],
    isGate = false
): PlaybookStep => ({
    stepKey,
    title,
    stage: SALES_STAGES[stageOrder - 1] ?? 'Unknown',
    stageOrder,
    isRequired,
    isGate,
    exitCriterion
});

export const ENTERPRISE_PLAYBOOK_STEPS: readonly PlaybookStep[] = [
    step('confirm_pain', 'Confirm the business pain', 1, true, 'pain_identified'),
    step('book_discovery', 'Book the discovery call', 1, true, 'next_step_scheduled'),
    step('identify_champion', 'Identify a champion', 2, true, 'champion_identified'),
    step('quantify_metrics', 'Quantify success metrics', 2, true, 'metrics_identified'),
    step('map_stakeholders', 'Map the buying group', 2, false, 'multi_threaded'),
    step('validate_champion', 'Test the champion', 3, true, 'champion_validated'),
    step('identify_economic_buyer', 'Identify the economic buyer', 3, true, 'economic_buyer_identified'),
    step('capture_decision_criteria', 'Capture decision criteria', 3, true, 'decision_criteria_identified'),
    step('validate_economic_buyer', 'Meet the economic buyer', 4, true, 'economic_buyer_validated'),
    step('agree_mutual_plan', 'Agree a mutual close plan', 4, true, 'mutual_plan_agreed'),
    step('map_decision_process', 'Map the decision process', 4, true, 'decision_process_mapped'),
    step('assess_competition', 'Assess the competition', 4, false, 'competition_assessed'),
    step('security_review', 'Pass the security review', 5, true, 'security_review_complete', true),
    step('map_paper_process', 'Map the paper process', 5, true, 'paper_process_mapped'),
    step('executive_alignment', 'Align executives', 5, false, 'executive_engaged'),
    step('legal_redlines', 'Resolve legal redlines', 6, true, 'step_done'),
    step('schedule_signature', 'Schedule the signature', 6, true, 'next_step_scheduled')
];

export function playbookWith(stepProgress: Playbook['stepProgress']): Playbook {
    return {
        playbookKey: 'enterprise_new_business',
        steps: ENTERPRISE_PLAYBOOK_STEPS.map((shared) => ({ ...shared })),
        stepProgress
    };
}

/** Progress with every step of stages before `stageOrder` done. */
export function doneBefore(stageOrder: number): Playbook['stepProgress'] {
    const progress: Playbook['stepProgress'] = {};
    for (const playbookStep of ENTERPRISE_PLAYBOOK_STEPS) {
        if (playbookStep.stageOrder < stageOrder) progress[playbookStep.stepKey] = 'done';
    }
    return progress;
}

/** The same value for each MEDDPICC element (a profile's shares, an arbitrary per element). */
export function everyMeddpiccElement<T>(value: T): Record<MeddpiccElement, T> {
    return Object.fromEntries(MEDDPICC_ELEMENTS.map((meddpiccElement) => [meddpiccElement, value])) as Record<
        MeddpiccElement,
        T
    >;
}

const element = (status: QualificationStatus, evidence?: string) => (evidence ? { status, evidence } : { status });

function meddpicc(statuses: Partial<Record<keyof Deal['meddpicc'], QualificationStatus>>): Deal['meddpicc'] {
    return {
        metrics: element(statuses.metrics ?? 'unknown'),
        economicBuyer: element(statuses.economicBuyer ?? 'unknown'),
        decisionCriteria: element(statuses.decisionCriteria ?? 'unknown'),
        decisionProcess: element(statuses.decisionProcess ?? 'unknown'),
        paperProcess: element(statuses.paperProcess ?? 'unknown'),
        identifiedPain: element(statuses.identifiedPain ?? 'unknown'),
        champion: element(statuses.champion ?? 'unknown'),
        competition: element(statuses.competition ?? 'unknown')
    };
}

const contact = (
    role: ContactRole['role'],
    seniority: ContactRole['seniority'],
    title: string | null,
    lastEngagedDate: string | null,
    isPrimary = false
): ContactRole => ({ role, isPrimary, seniority, title, lastEngagedDate });

function stage(stageOrder: number, daysInStage: number, benchmarkDays: number | null): Deal['stage'] {
    return {
        apiName: SALES_STAGES[stageOrder - 1] ?? 'Unknown',
        stageOrder,
        openStageCount: SALES_STAGES.length,
        isClosed: false,
        daysInStage,
        benchmarkDays
    };
}

type ActivityCounts = [emails: number, calls: number, meetings: number];

function activity(
    lastActivityDate: string | null,
    lastBuyerActivityDate: string | null,
    [emails14, calls14, meetings14]: ActivityCounts,
    [emails30, calls30, meetings30]: ActivityCounts
): Deal['activity'] {
    return {
        lastActivityDate,
        lastBuyerActivityDate,
        last14Days: { emails: emails14, calls: calls14, meetings: meetings14 },
        last30Days: { emails: emails30, calls: calls30, meetings: meetings30 }
    };
}

/** What a deal has when the org records nothing but its stage, dates and amount: no next step, activity, contact
 * roles, MEDDPICC values or playbook. */
export function nothingRecorded(): Pick<
    Deal,
    'nextStep' | 'nextStepDate' | 'activity' | 'contactRoles' | 'meddpicc' | 'playbook'
> {
    return {
        nextStep: null,
        nextStepDate: null,
        activity: activity(null, null, [0, 0, 0], [0, 0, 0]),
        contactRoles: [],
        meddpicc: meddpicc({}),
        playbook: null
    };
}

/**
 * A named case: what the case says, over a deal with no close-date push, in Pipeline, and nothing else recorded. The defaults fix the key order the golden fixtures are written in.
 */
function namedDeal(
    fields: Pick<Deal, 'id' | 'name' | 'stage' | 'amount' | 'createdDate' | 'closeDate'> & Partial<Deal>
): Deal {
    const { id, name, stage: dealStage, amount, createdDate, closeDate, ...recorded } = fields;
    return {
        id,
        name,
        stage: dealStage,
        amount,
        createdDate,
        closeDate,
        closeDateHistory: { pushCount: 0, totalDaysPushed: 0 },
        forecastCategory: 'pipeline',
        ...nothingRecorded(),
        ...recorded
    };
}

export function healthyDeal(): Deal {
    return namedDeal({
        id: '006Hs00001AbCdEIAV',
        name: 'Northwind Traders - Platform Expansion',
        stage: stage(4, 9, 21),
        amount: 120000,
        createdDate: '2026-08-20',
        closeDate: '2026-12-18',
        forecastCategory: 'best_case',
        nextStep: 'Review the mutual close plan with the CFO',
        nextStepDate: '2026-11-20',
        activity: activity('2026-11-13', '2026-11-13', [6, 3, 2], [12, 6, 4]),
        contactRoles: [
            contact('economic_buyer', 'executive', 'Chief Financial Officer', '2026-11-10'),
            contact('champion', 'director', 'Director of Revenue Operations', '2026-11-13', true),
            contact('technical_buyer', 'unknown', 'IT Security Manager', '2026-11-05'),
            contact('business_user', 'individual_contributor', 'Sales Analyst', '2026-10-30')
        ],
        meddpicc: {
            ...meddpicc({
                metrics: 'validated',
                decisionCriteria: 'validated',
                decisionProcess: 'identified',
                paperProcess: 'identified',
                identifiedPain: 'validated',
                champion: 'validated',
                competition: 'identified'
            }),
            economicBuyer: element('validated', 'CFO confirmed budget in the 2026-11-10 call')
        },
        playbook: playbookWith({ ...doneBefore(4), validate_economic_buyer: 'done', agree_mutual_plan: 'done' })
    });
}

export function stalledSingleThreadedDeal(): Deal {
    return namedDeal({
        id: '006Hs00001StLlDIAV',
        name: 'Contoso - Analytics Pilot',
        stage: stage(3, 64, 20),
        amount: 45000,
        createdDate: '2026-06-02',
        closeDate: '2026-12-31',
        nextStep: 'Follow up',
        nextStepDate: '2026-10-25',
        activity: activity('2026-10-20', '2026-10-20', [0, 0, 0], [2, 0, 0]),
        contactRoles: [
            contact('champion', 'manager', 'Operations Manager', '2026-10-20', true),
            contact('evaluator', 'unknown', 'Analyst', '2026-08-01')
        ],
        meddpicc: meddpicc({ metrics: 'identified', identifiedPain: 'identified', champion: 'identified' }),
        playbook: playbookWith({ ...doneBefore(3), map_stakeholders: 'skipped' })
    });
}

export function lateStageNoEconomicBuyerDeal(): Deal {
    return namedDeal({
        id: '006Hs00001LtStGIAV',
        name: 'Fabrikam - Enterprise Renewal Upsell',
        stage: stage(5, 12, 18),
        amount: 310000,
        createdDate: '2026-05-11',
        closeDate: '2026-12-15',
        forecastCategory: 'commit',
        nextStep: 'Send order form to procurement',
        nextStepDate: '2026-11-19',
        activity: activity('2026-11-12', '2026-11-12', [4, 2, 1], [9, 3, 2]),
        contactRoles: [
            contact('champion', 'director', 'Director of IT', '2026-11-12', true),
            contact('technical_buyer', 'manager', 'Security Lead', '2026-11-03'),
            contact('influencer', 'unknown', null, '2026-09-02')
        ],
        meddpicc: meddpicc({
            metrics: 'validated',
            decisionCriteria: 'validated',
            decisionProcess: 'identified',
            paperProcess: 'identified',
            identifiedPain: 'validated',
            champion: 'validated',
            competition: 'validated'
        }),
        playbook: playbookWith({
            ...doneBefore(4),
            identify_economic_buyer: 'skipped',
            validate_economic_buyer: 'skipped',
            agree_mutual_plan: 'done',
            map_decision_process: 'done',
            assess_competition: 'done',
            map_paper_process: 'done'
        })
    });
}

export function closeDateSlippedDeal(): Deal {
    return namedDeal({
        id: '006Hs00001SlPdCIAV',
        name: 'Adventure Works - Field Service Rollout',
        stage: stage(4, 26, 21),
        amount: 88000,
        createdDate: '2026-04-14',
        closeDate: '2026-11-09',
        closeDateHistory: { pushCount: 3, totalDaysPushed: 47 },
        forecastCategory: 'commit',
        nextStep: 'Waiting on budget approval',
        nextStepDate: '2026-11-24',
        activity: activity('2026-11-06', '2026-11-06', [3, 1, 0], [7, 2, 1]),
        contactRoles: [
            contact('champion', 'manager', 'Field Service Manager', '2026-11-06', true),
            contact('economic_buyer', 'unknown', 'VP Operations', '2026-10-21'),
            contact('evaluator', 'individual_contributor', 'Dispatcher', '2026-10-02')
        ],
        meddpicc: meddpicc({
            metrics: 'identified',
            economicBuyer: 'identified',
            decisionCriteria: 'validated',
            decisionProcess: 'identified',
            identifiedPain: 'validated',
            champion: 'validated',
            competition: 'identified'
        }),
        playbook: playbookWith({ ...doneBefore(4), agree_mutual_plan: 'done' })
    });
}

export function brandNewDeal(): Deal {
    return namedDeal({
        id: '006Hs00001NeWdLIAV',
        name: 'Tailspin Toys - Inbound Inquiry',
        stage: stage(1, 2, null),
        amount: null,
        createdDate: '2026-11-14',
        closeDate: '2027-03-31',
        contactRoles: [contact('other', 'unknown', 'Marketing Coordinator', null, true)]
    });
}

/**
 * A late-stage deal whose seller keeps e-mailing (last activity yesterday) while the buyer has been silent for 40
 * days: four contacts, none engaged lately, stalled, no economic buyer or champion, and the security-review gate of
 * the stage it is in not passed.
 */
export function silentBuyerDeal(): Deal {
    return namedDeal({
        id: '006Hs00001QuIeTIAV',
        name: 'Litware - Compliance Suite',
        stage: stage(5, 75, 18),
        amount: 150000,
        createdDate: '2026-04-02',
        closeDate: '2026-12-20',
        forecastCategory: 'best_case',
        nextStep: 'Chase the security questionnaire',
        nextStepDate: '2026-11-18',
        activity: activity('2026-11-15', '2026-10-07', [5, 0, 0], [9, 0, 0]),
        contactRoles: [
            contact('technical_buyer', 'director', 'Director of IT Security', '2026-10-07', true),
            contact('evaluator', 'manager', 'Compliance Manager', '2026-09-30'),
            contact('business_user', 'individual_contributor', 'Risk Analyst', '2026-09-22'),
            contact('influencer', 'vice_president', 'VP Operations', '2026-09-10')
        ],
        meddpicc: meddpicc({
            metrics: 'identified',
            decisionCriteria: 'identified',
            decisionProcess: 'identified',
            identifiedPain: 'validated',
            competition: 'identified'
        }),
        playbook: playbookWith({ ...doneBefore(4), agree_mutual_plan: 'done', map_decision_process: 'done' })
    });
}

/** A healthy-looking deal that moved on to Contracting without passing the security-review gate of Negotiation. */
export function gateNotPassedDeal(): Deal {
    const deal = healthyDeal();
    return {
        ...deal,
        id: '006Hs00001GaTeSIAV',
        name: 'Woodgrove Bank - Regulated Rollout',
        stage: stage(6, 5, 14),
        meddpicc: { ...deal.meddpicc, paperProcess: element('validated') },
        nextStep: 'Signature call with procurement',
        playbook: playbookWith({ ...doneBefore(6), security_review: 'skipped' })
    };
}

/**
 * An org that records stages, dates and amounts but logs no activities and has no contact roles, next steps or
 * MEDDPICC values (like the public Maven CRM data set loaded as an org).
 */
export const SPARSE_ORG_PROFILE: OrgDataProfile = {
    measuredOn: FIXTURE_AS_OF,
    windowDays: 180,
    dealsMeasured: 2000,
    withBuyerActivity: 0,
    withContactRoles: 0,
    withNextStep: 0,
    withNextStepDate: 0,
    withCloseDateChange: 0,
    withAmount: 1,
    withMeddpicc: {
        metrics: 0,
        economicBuyer: 0,
        decisionCriteria: 0,
        decisionProcess: 0,
        paperProcess: 0,
        identifiedPain: 0,
        champion: 0,
        competition: 0
    }
};

/** A deal of that sparse org, six weeks in: nothing but a stage, dates and an amount. */
export function sparseOrgDeal(): Deal {
    return namedDeal({
        id: '006Hs00001SpArSIAV',
        name: 'Cancity - GTX Plus Basic',
        stage: stage(3, 41, null),
        amount: 1096,
        createdDate: '2026-10-06',
        closeDate: '2026-12-31'
    });
}

/** The data profile a named case's request carries; cases without one send none (every fact counts as captured). */
export const CASE_DATA_PROFILES: Readonly<Record<string, OrgDataProfile>> = { 'sparse-org': SPARSE_ORG_PROFILE };

/** The named golden-fixture cases (operation `score`), one deal each. */
export const NAMED_CASES: Readonly<Record<string, () => Deal>> = {
    healthy: healthyDeal,
    'stalled-single-threaded': stalledSingleThreadedDeal,
    'late-stage-no-economic-buyer': lateStageNoEconomicBuyerDeal,
    'close-date-slipped': closeDateSlippedDeal,
    'brand-new': brandNewDeal,
    'silent-buyer': silentBuyerDeal,
    'gate-not-passed': gateNotPassedDeal,
    'sparse-org': sparseOrgDeal
};

/** The org's usual deal size in the fixtures and random batches. */
export const FIXTURE_TYPICAL_DEAL_AMOUNT = 60000;

/** The repository's one seeded PRNG (mulberry32), shared with the sample-org generator. */
export const seededRandom = mulberry32;

const DAY_MS = 86_400_000;
const AS_OF_MS = Date.UTC(2026, 10, 16);
const isoDaysFromAsOf = (days: number): string => new Date(AS_OF_MS + days * DAY_MS).toISOString().slice(0, 10);

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A plausible random deal; the `index` keeps ids unique within a batch. */
export function randomDeal(random: () => number, index: number): Deal {
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const statuses: readonly QualificationStatus[] = ['unknown', 'identified', 'validated'];

    const stageOrder = int(1, SALES_STAGES.length);
    const pushCount = random() < 0.6 ? 0 : int(1, 4);
    const counts = () => ({ emails: int(0, 6), calls: int(0, 3), meetings: int(0, 2) });
    const last14Days = counts();
    const last30Days = {
        emails: last14Days.emails + int(0, 6),
        calls: last14Days.calls + int(0, 3),
        meetings: last14Days.meetings + int(0, 2)
    };
    const contactRoles: ContactRole[] = Array.from({ length: int(0, 5) }, (_, contactIndex) =>
        contact(
            pick([
                'economic_buyer',
                'champion',
                'technical_buyer',
                'evaluator',
                'influencer',
                'business_user'
            ] as const),
            pick(['executive', 'vice_president', 'director', 'manager', 'individual_contributor', 'unknown'] as const),
            pick([null, 'VP Finance', 'Head of IT', 'Procurement Manager', 'Analyst']),
            random() < 0.2 ? null : isoDaysFromAsOf(-int(0, 60)),
            contactIndex === 0
        )
    );
    const progress: Playbook['stepProgress'] = {};
    for (const playbookStep of ENTERPRISE_PLAYBOOK_STEPS) {
        if (playbookStep.stageOrder <= stageOrder && random() < 0.7) {
            progress[playbookStep.stepKey] = pick(['done', 'done', 'done', 'skipped', 'not_applicable'] as const);
        }
    }
    const hasNextStep = random() < 0.8;
    const lastActivityDaysAgo = random() < 0.1 ? null : int(0, 45);
    // Buyer-facing activity is at most as recent as any activity, and often older (seller-only follow-ups).
    const lastBuyerActivityDaysAgo =
        lastActivityDaysAgo === null || random() < 0.15
            ? null
            : lastActivityDaysAgo + (random() < 0.5 ? 0 : int(0, 40));
    const suffix = (index % 36 ** 4).toString(36).padStart(4, '0');
    const id = `006Hs0000${Array.from({ length: 2 }, () => pick(ID_ALPHABET.split(''))).join('')}${suffix}`;
    return {
        id,
        name: `Generated deal ${index + 1}`,
        stage: stage(stageOrder, int(0, 90), random() < 0.15 ? null : int(10, 40)),
        amount: random() < 0.1 ? null : random() < 0.05 ? int(1, 50) * 1_000_000 : int(5, 500) * 1000,
        createdDate: isoDaysFromAsOf(-int(100, 300)),
        closeDate: isoDaysFromAsOf(int(-20, 120)),
        closeDateHistory: { pushCount, totalDaysPushed: pushCount === 0 ? 0 : pushCount * int(1, 30) },
        forecastCategory: pick(['pipeline', 'best_case', 'commit'] as const),
        nextStep: hasNextStep ? pick(['Demo for the buying group', 'Send proposal', 'Security questionnaire']) : null,
        nextStepDate: hasNextStep && random() < 0.85 ? isoDaysFromAsOf(int(-10, 20)) : null,
        activity: {
            lastActivityDate: lastActivityDaysAgo === null ? null : isoDaysFromAsOf(-lastActivityDaysAgo),
            lastBuyerActivityDate:
                lastBuyerActivityDaysAgo === null ? null : isoDaysFromAsOf(-lastBuyerActivityDaysAgo),
            last14Days,
            last30Days
        },
        contactRoles,
        meddpicc: {
            metrics: element(pick(statuses)),
            economicBuyer: element(pick(statuses), random() < 0.3 ? 'Met in the quarterly review' : undefined),
            decisionCriteria: element(pick(statuses)),
            decisionProcess: element(pick(statuses)),
            paperProcess: element(pick(statuses)),
            identifiedPain: element(pick(statuses)),
            champion: element(pick(statuses)),
            competition: element(pick(statuses))
        },
        playbook: random() < 0.15 ? null : playbookWith(progress)
    };
}

/** `count` random deals from `seed`: the same seed always yields the same request. */
export function buildBatchRequest(count: number, seed: number): ScoreRequest {
    const random = seededRandom(seed);
    return {
        asOf: FIXTURE_AS_OF,
        orgContext: { typicalDealAmount: FIXTURE_TYPICAL_DEAL_AMOUNT },
        deals: Array.from({ length: count }, (_, index) => randomDeal(random, index))
    };
}

export const BATCH_FIXTURE_SEED = 20261116;

/** Request bodies of every golden fixture case, by case name. */
export function buildFixtureRequests(): Record<string, ScoreRequest> {
    const requests: Record<string, ScoreRequest> = {};
    for (const [caseName, build] of Object.entries(NAMED_CASES)) {
        const dataProfile = CASE_DATA_PROFILES[caseName];
        requests[caseName] = {
            asOf: FIXTURE_AS_OF,
            orgContext: {
                typicalDealAmount: FIXTURE_TYPICAL_DEAL_AMOUNT,
                ...(dataProfile ? { dataProfile } : {})
            },
            deals: [build()]
        };
    }
    requests['batch-200'] = buildBatchRequest(200, BATCH_FIXTURE_SEED);
    return requests;
}
