import {
    SCORE_DROP_THRESHOLD,
    changesSinceLastReview,
    decisionProblems,
    isStuck,
    loopHealth,
    normalizeDecision,
    toDisplayRows,
    todayIso,
    type DecisionInput
} from 'c/reviewLogic';
import { boardRow } from '../../../../../test/fixtures/reviewFixtures';

const LAST_REVIEW = '2026-11-09T15:00:00.000Z';

const decision = (overrides: Partial<DecisionInput>): DecisionInput => ({
    opportunityId: '006000000000001AAA',
    decision: 'no_change',
    newCloseDate: null,
    reason: null,
    actionText: null,
    actionOwnerId: null,
    actionDueDate: null,
    ...overrides
});

describe('reviewLogic', () => {
    describe('changesSinceLastReview', () => {
        it('reports nothing for an unchanged deal, or without a previous review', () => {
            expect(changesSinceLastReview(boardRow(), LAST_REVIEW)).toEqual([]);
            expect(changesSinceLastReview(boardRow({ stage: 'Negotiation/Review' }), null)).toEqual([]);
        });

        it('flags a deal created after the last review as new, and nothing else', () => {
            expect(
                changesSinceLastReview(
                    boardRow({ createdDate: '2026-11-10T09:00:00.000Z', stageAtLastReview: null }),
                    LAST_REVIEW
                )
            ).toEqual([{ kind: 'new', text: 'New since the last review' }]);
        });

        it('reports stage moves, pushed close dates, amount changes and score drops together', () => {
            const row = boardRow({
                stage: 'Negotiation/Review',
                closeDate: '2027-01-31',
                amount: 95000,
                score: 51
            });
            expect(changesSinceLastReview(row, LAST_REVIEW)).toEqual([
                { kind: 'stage_moved', text: 'Stage Proposal/Price Quote → Negotiation/Review' },
                { kind: 'close_date_pushed', text: 'Close date pushed +44 days' },
                { kind: 'amount_changed', text: 'Amount 120,000 → 95,000' },
                { kind: 'score_dropped', text: 'Score 64 → 51 (-13)' }
            ]);
        });

        it('ignores a close date pulled in and a score drop below the noise threshold', () => {
            const row = boardRow({ closeDate: '2026-12-01', score: 64 - (SCORE_DROP_THRESHOLD - 1) });
            expect(changesSinceLastReview(row, LAST_REVIEW)).toEqual([]);
        });
    });

    describe('isStuck', () => {
        const reviews = [
            '2026-11-16T15:00:00.000Z',
            '2026-11-09T15:00:00.000Z',
            '2026-11-02T15:00:00.000Z',
            '2026-10-26T15:00:00.000Z'
        ];

        it('is stuck after three reviews in the same stage without a decision', () => {
            expect(isStuck(boardRow({ stageEnteredAt: '2026-10-30T00:00:00.000Z' }), reviews)).toBe(true);
        });

        it('is not stuck when the deal entered its stage after the third-last review', () => {
            expect(isStuck(boardRow({ stageEnteredAt: '2026-11-03T00:00:00.000Z' }), reviews)).toBe(false);
        });

        it('is not stuck when one of those reviews decided on it', () => {
            const row = boardRow({
                stageEnteredAt: '2026-10-01T00:00:00.000Z',
                decisionDates: ['2026-11-09T15:20:00.000Z']
            });
            expect(isStuck(row, reviews)).toBe(false);
        });

        it('still counts a decision from before the window as no decision', () => {
            const row = boardRow({
                stageEnteredAt: '2026-10-01T00:00:00.000Z',
                decisionDates: ['2026-10-26T15:20:00.000Z']
            });
            expect(isStuck(row, reviews)).toBe(true);
        });

        it('is never stuck before the manager has held three reviews', () => {
            expect(isStuck(boardRow({ stageEnteredAt: '2020-01-01T00:00:00.000Z' }), reviews.slice(0, 2))).toBe(false);
        });

        it('uses the creation date when the stage entry is unknown', () => {
            expect(isStuck(boardRow({ stageEnteredAt: null, createdDate: '2026-11-05T00:00:00.000Z' }), reviews)).toBe(
                false
            );
        });
    });

    describe('decisions', () => {
        const today = '2026-11-16';

        it.each([
            [decision({ decision: 'commit' }), []],
            [decision({ decision: 'no_change' }), []],
            [decision({ decision: 'push' }), ['A push needs the new close date.']],
            [decision({ decision: 'push', newCloseDate: '2026-11-15' }), ['The new close date is in the past.']],
            [decision({ decision: 'push', newCloseDate: '2026-11-16' }), []],
            [decision({ decision: 'disqualify', reason: '  ' }), ['A disqualification needs a reason.']],
            [
                decision({ decision: 'action' }),
                ['An action needs what to do.', 'An action needs an owner.', 'An action needs a due date.']
            ],
            [
                decision({
                    decision: 'action',
                    actionText: 'Book the CFO',
                    actionOwnerId: '005000000000001AAA',
                    actionDueDate: '2026-11-01'
                }),
                ['The due date is in the past.']
            ],
            [decision({ decision: 'maybe' as never }), ['Unknown decision "maybe".']]
        ])('validates %#', (input, problems) => {
            expect(decisionProblems(input, today)).toEqual(problems);
        });

        it('sends only the fields the chosen decision uses', () => {
            const switched = decision({
                decision: 'push',
                newCloseDate: '2027-01-15',
                reason: 'left over from disqualify',
                actionText: 'left over',
                actionOwnerId: '005000000000001AAA',
                actionDueDate: '2026-12-01'
            });
            expect(normalizeDecision(switched)).toEqual(decision({ decision: 'push', newCloseDate: '2027-01-15' }));
            expect(normalizeDecision(decision({ decision: 'disqualify', reason: '  No budget  ' })).reason).toBe(
                'No budget'
            );
        });
    });

    it('builds table rows with highlights, stuck flags and pending decisions', () => {
        const rows = toDisplayRows(
            [
                boardRow({ score: 50, closeDatePushCount: 2 }),
                boardRow({ opportunityId: '006000000000002AAA', score: null, band: null, scoreAtLastReview: null })
            ],
            LAST_REVIEW,
            [],
            new Map([['006000000000001AAA', decision({ decision: 'commit' })]])
        );
        expect(rows[0]).toMatchObject({
            dealUrl: '/lightning/r/Opportunity/006000000000001AAA/view',
            scoreText: '50',
            scoreChangeText: '−14',
            closeDateText: '2026-12-18 (pushed 2×)',
            changesText: 'Score 64 → 50 (-14)',
            hasChanges: true,
            rowClass: 'slds-theme_warning',
            bandLabel: 'Watch',
            decisionText: 'Commit',
            isStuck: false
        });
        expect(rows[1]).toMatchObject({
            scoreText: '–',
            scoreChangeText: '',
            bandLabel: 'Not scored',
            decisionText: '',
            rowClass: ''
        });
    });

    it('summarises loop health', () => {
        const summary = {
            totalDeals: 40,
            totalAmount: 1_000_000,
            unscoredDeals: 0,
            healthyDeals: 20,
            watchDeals: 12,
            atRiskDeals: 8,
            atRiskDecidedThisWeek: 6,
            stuckDeals: 1,
            overdueActions: 3,
            openActions: [],
            lastReviewAt: LAST_REVIEW
        };
        expect(loopHealth(summary)).toEqual({
            decisionShareText: '6 of 8 at-risk deals got a decision this week (75%)',
            decisionSharePercent: 75,
            stuckText: '1 stuck deal',
            overdueText: '3 overdue actions'
        });
        expect(loopHealth({ ...summary, atRiskDeals: 0, atRiskDecidedThisWeek: 0 }).decisionShareText).toBe(
            'No at-risk deals in scope'
        );
    });

    it('gives today as a calendar date', () => {
        expect(todayIso(new Date('2026-11-16T10:00:00.000Z'))).toMatch(/^2026-11-1[5-7]$/);
    });
});
