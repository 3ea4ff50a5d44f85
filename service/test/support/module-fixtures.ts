// Request fixtures of the development and practice routes, built deterministically (golden pairs
// `development.<case>` and `practice.<case>` in contract/fixtures; `npm run contract:fixtures -- --requests`).
import type { DevelopmentRequest, PracticeTurnRequest } from '../../src/contract';
import { openDeal, teamRequest } from './development-factory';

export function buildDevelopmentFixtureRequests(): Record<string, DevelopmentRequest> {
    // Five reps; rep 1 is single-threaded on 15 of 20 deals (a well-evidenced gap), rep 5 has too few deals to judge.
    const team = teamRequest({
        reps: 5,
        perRep: 20,
        singleThreaded: (rep) => (rep === 1 ? 15 : 4),
        closedPerRep: 10,
        wins: (rep) => 4 + rep
    });
    team.deals = team.deals.filter((deal) => deal.ownerId !== team.reps[4]!.repId || deal.dealId < '006000000005005');
    team.deals.push(openDeal(2, 900, { nudgesDismissed: 1, dismissReasons: ['Already done'] }));
    // Call analysis on the first ten open deals of each rep, alike across reps (no call gap: the focus stays
    // multi-threading); every third call ends without a dated next step.
    team.deals = team.deals.map((deal) => {
        const index = Number(deal.dealId.slice(-3));
        if (deal.isClosed || index >= 10) return deal;
        return {
            ...deal,
            callsAnalyzed: 1,
            callsWithDatedNextStep: index % 3 === 0 ? 0 : 1,
            callStepsCovered: 2,
            callStepsMissed: 1
        };
    });
    return { team };
}

const GUIDANCE =
    'Good: you met the economic buyer, who confirmed the problem, the metrics, the budget and the timeline.\n' +
    'Ask: What must be true for you to approve this? Which risks worry you? What would make you decide to wait?';

/** A practice turn for the economic-buyer drill of one late-stage bank deal, at this point of the transcript. */
export const practiceTurnRequest = (
    transcript: PracticeTurnRequest['transcript'] = [],
    guidance: string = GUIDANCE
): PracticeTurnRequest => ({
    skill: 'economic_buyer_access',
    persona: {
        accountName: 'Northwind Bank',
        industry: 'Banking',
        stage: 'Perception Analysis',
        amount: 120000,
        buyerTitles: ['IT Manager', 'VP Operations'],
        risks: [{ code: 'no_economic_buyer', message: 'No economic buyer identified at a late stage.' }]
    },
    step: { stepKey: 'ENT_Perception_Economic_Buyer', title: 'Validate the business case', guidance },
    transcript
});

export function buildPracticeFixtureRequests(): Record<string, PracticeTurnRequest> {
    return {
        opening: practiceTurnRequest([]),
        scored: practiceTurnRequest([
            { role: 'buyer', text: 'I can take it from here.' },
            { role: 'rep', text: 'What must be true for you to approve this?' },
            { role: 'buyer', text: 'The budget is not my call.' },
            { role: 'rep', text: 'Understood. Which risks worry you most?' },
            { role: 'buyer', text: 'What would you want to cover with them?' },
            { role: 'rep', text: 'Could we meet the person who approves the budget next Tuesday?' }
        ])
    };
}
