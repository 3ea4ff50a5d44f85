import {
    SCORE_DROP_THRESHOLD,
    changesSinceLastReview,
    formatDate,
    formatMoney,
    stepSelection,
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

    describe('board rows', () => {
        it('builds rows with currency, one date format, the trend and the changes as badges with text', () => {
            const rows = toDisplayRows(
                [
                    boardRow({ score: 50, closeDatePushCount: 2, closeDate: '2027-01-31', amount: 95000 }),
                    boardRow({ opportunityId: '006000000000002AAA', score: null, band: null, scoreAtLastReview: null })
                ],
                LAST_REVIEW,
                [],
                new Map(),
                'USD',
                null
            );
            expect(rows[0]).toMatchObject({
                dealName: 'Northwind Traders - Platform Expansion',
                ownerLine: 'Northwind Traders · Riley Rep',
                dealUrl: '/lightning/r/Opportunity/006000000000001AAA/view',
                amountText: '$95,000',
                closeDateText: 'Jan 31, 2027',
                pushText: 'pushed 2×',
                scoreText: '50',
                trendText: '▼ 14 pts',
                trendLongText: '▼ 14 points since the last review',
                bandLabel: 'Watch',
                hasChanges: true,
                isSelected: true,
                tabIndex: 0,
                ariaCurrent: 'true',
                isStuck: false
            });
            expect(rows[0]!.changes.map((change) => [change.label, change.text])).toEqual([
                ['» Close +44 d', 'Close date Dec 18, 2026 → Jan 31, 2027'],
                ['▼ $95,000', 'Amount $120,000 → $95,000'],
                ['▼ Score -14', 'Score 64 → 50 (-14)']
            ]);
            expect(rows[1]).toMatchObject({
                scoreText: '–',
                trendText: '',
                bandLabel: 'Not scored',
                isSelected: false,
                tabIndex: -1,
                ariaCurrent: 'false'
            });
            expect(rows[1]!.decision.state).toBe('none');
        });

        it('marks the selected deal, and falls back to the first without a selection', () => {
            const input = [boardRow(), boardRow({ opportunityId: '006000000000002AAA' })];
            expect(
                toDisplayRows(input, LAST_REVIEW, [], new Map(), 'USD', '006000000000002AAA').map(
                    (row) => row.isSelected
                )
            ).toEqual([false, true]);
            expect(toDisplayRows(input, LAST_REVIEW, [], new Map(), 'USD', null).map((row) => row.isSelected)).toEqual([
                true,
                false
            ]);
        });

        it('shows a saved decision with who and when, and a pending one over it', () => {
            const saved = boardRow({
                closeDate: '2027-01-31',
                savedDecision: {
                    decisionId: 'a06000000000001AAA',
                    reviewId: 'a05000000000001AAA',
                    decision: 'push',
                    decidedAt: '2026-11-16T15:10:00.000Z',
                    decidedByName: 'Morgan Manager',
                    newCloseDate: '2027-01-31',
                    reason: null,
                    actionText: null,
                    actionDueDate: null
                }
            });
            const [row] = toDisplayRows([saved], LAST_REVIEW, [], new Map(), 'USD');
            expect(row!.decision).toMatchObject({ state: 'saved', label: 'Push', detail: 'to Jan 31, 2027' });
            expect(row!.decision.meta).toMatch(/^Saved by Morgan Manager, Nov 1[67], 2026, \d+:\d\d [AP]M$/);
            // The push the manager decided explains the later close date: the badge says so.
            expect(row!.changes[0]!.label).toBe('» Close +44 d (pushed in review)');

            const [overridden] = toDisplayRows(
                [saved],
                LAST_REVIEW,
                [],
                new Map([
                    [
                        '006000000000001AAA',
                        decision({ decision: 'action', actionText: 'Call the CFO', actionDueDate: '2026-12-01' })
                    ]
                ]),
                'USD'
            );
            expect(overridden!.decision).toEqual({
                state: 'pending',
                label: 'Action',
                detail: 'Call the CFO, due Dec 1, 2026',
                meta: 'Pending: not saved yet',
                badgeClass: 'slds-badge slds-badge_lightest decision-pending'
            });
        });

        it('formats money with its currency, and a plain number without one', () => {
            expect(formatMoney(235000, 'USD')).toBe('$235,000');
            expect(formatMoney(235000, 'EUR')).toBe('€235,000');
            expect(formatMoney(235000, null)).toBe('235,000');
            expect(formatMoney(null, 'USD')).toBe('–');
            expect(formatDate('2026-12-18')).toBe('Dec 18, 2026');
            expect(formatDate(null)).toBe('–');
        });

        it('steps the selection through the list and stops at its ends', () => {
            const ids = ['a', 'b', 'c'];
            expect(stepSelection(ids, 'a', 1)).toBe('b');
            expect(stepSelection(ids, 'c', 1)).toBe('c');
            expect(stepSelection(ids, 'a', -1)).toBe('a');
            expect(stepSelection(ids, null, 1)).toBe('a');
            expect(stepSelection([], null, 1)).toBeNull();
        });
    });

    it('asks for a decision type before anything else: none is preselected', () => {
        expect(decisionProblems({ ...decision({}), decision: null }, '2026-11-16')).toEqual(['Choose a decision.']);
        expect(() => normalizeDecision({ ...decision({}), decision: null })).toThrow('Choose a decision');
    });

    it('summarises loop health', () => {
        const summary = {
            totalDeals: 40,
            currencyIsoCode: 'USD',
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
            decisionShareValue: '75%',
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
