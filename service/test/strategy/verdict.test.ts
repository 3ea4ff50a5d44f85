import fc from 'fast-check';
import { StrategyCheckRequest, StrategyCheckResponse, type SegmentQuarter } from '../../src/contract';
import { checkStrategy, judgeSegment } from '../../src/modules/strategy/engine';
import { ADHERENCE_FLOOR, MIN_CLOSED_PER_ARM } from '../../src/modules/strategy/engine/verdict';
import { segmentQuarter } from '../support/strategy-factory';

const judge = (current: SegmentQuarter, previous: SegmentQuarter | null = null) =>
    judgeSegment({ segment: 'NB_MM', label: 'New Business — Mid-Market', current, previous });

describe('strategy check verdicts', () => {
    it('execution drift: the play wins where it is run, and adherence fell', () => {
        const verdict = judge(segmentQuarter(0.62, [30, 10], [10, 30]), segmentQuarter(0.8, [25, 10], [8, 20]));
        expect(verdict.verdict).toBe('execution_drift');
        expect(verdict.headline).toContain('adherence fell from 80 % to 62 %');
        expect(verdict.nextMove).toMatch(/Keep the strategy/);
    });

    it('execution drift: the play wins, and it is run below the floor even without a previous quarter', () => {
        expect(judge(segmentQuarter(ADHERENCE_FLOOR - 0.1, [30, 10], [10, 30])).verdict).toBe('execution_drift');
    });

    it('strategy problem: the play is run and does not win more than going without it', () => {
        const verdict = judge(segmentQuarter(0.85, [12, 28], [13, 27]), segmentQuarter(0.84, [10, 20], [10, 20]));
        expect(verdict.verdict).toBe('strategy_problem');
        expect(verdict.nextMove).toMatch(/assumptions/);
        expect(verdict.evidence.join(' ')).toContain('Win rate when the play was run: 30 % of 40 closed deals');
    });

    it('on track: the play is run and wins where it is run', () => {
        expect(judge(segmentQuarter(0.85, [30, 10], [10, 30]), segmentQuarter(0.83, [20, 10], [5, 10])).verdict).toBe(
            'on_track'
        );
    });

    it('not enough data: too few closed deals on one side, saying how many more are needed', () => {
        const verdict = judge(segmentQuarter(0.9, [30, 10], [3, 4]));
        expect(verdict.verdict).toBe('not_enough_data');
        expect(verdict.evidence.at(-1)).toBe(`Needed: ${MIN_CLOSED_PER_ARM - 7} more closed deals that did not.`);
    });

    it('not enough data: no required step came due, so adherence is unknown', () => {
        expect(judge(segmentQuarter(0, [30, 10], [10, 30], 0)).verdict).toBe('not_enough_data');
    });

    it('not enough data: run less and no measurable lift cannot tell drift from a wrong play', () => {
        const verdict = judge(segmentQuarter(0.4, [10, 20], [11, 19]), segmentQuarter(0.7, [10, 10], [10, 10]));
        expect(verdict.verdict).toBe('not_enough_data');
        expect(verdict.nextMove).toMatch(/Restore execution first/);
    });

    it('a small lift inside the noise is not called a winning play', () => {
        // 55 % vs 50 % on 20 deals each: the interval of the play's rate reaches far below 50 %.
        expect(judge(segmentQuarter(0.85, [11, 9], [10, 10])).verdict).toBe('strategy_problem');
    });

    it('never judges with fewer closed deals than the rule requires (property)', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 0, max: MIN_CLOSED_PER_ARM - 1 }),
                fc.integer({ min: 0, max: 200 }),
                fc.double({ min: 0, max: 1, noNaN: true }),
                fc.boolean(),
                (smallArm, bigArm, adherence, ranIsSmall) => {
                    const won = Math.floor(smallArm / 2);
                    const small: [number, number] = [won, smallArm - won];
                    const big: [number, number] = [Math.floor(bigArm / 3), bigArm - Math.floor(bigArm / 3)];
                    const verdict = judge(
                        segmentQuarter(adherence, ranIsSmall ? small : big, ranIsSmall ? big : small)
                    );
                    return verdict.verdict === 'not_enough_data';
                }
            )
        );
    });

    it('raising adherence never turns a winning play into drift (property)', () => {
        fc.assert(
            fc.property(
                fc.double({ min: 0, max: 0.95, noNaN: true }),
                fc.double({ min: 0, max: 0.05, noNaN: true }),
                (a, bump) => {
                    const before = judge(
                        segmentQuarter(a, [30, 10], [10, 30]),
                        segmentQuarter(a, [30, 10], [10, 30])
                    ).verdict;
                    const after = judge(
                        segmentQuarter(a + bump, [30, 10], [10, 30]),
                        segmentQuarter(a, [30, 10], [10, 30])
                    ).verdict;
                    return !(before === 'on_track' && after === 'execution_drift');
                }
            )
        );
    });

    it('answers one verdict per segment in the contract shape, with the rules it applied', () => {
        const request = StrategyCheckRequest.parse({
            quarter: '2026-Q3',
            segments: [
                { segment: 'A', label: 'A', current: segmentQuarter(0.9, [30, 10], [10, 30]), previous: null },
                { segment: 'B', label: 'B', current: segmentQuarter(0.9, [1, 1], [1, 1]), previous: null }
            ]
        });
        const response = StrategyCheckResponse.parse(checkStrategy(request));
        expect(response.segments.map((s) => [s.segment, s.verdict])).toEqual([
            ['A', 'on_track'],
            ['B', 'not_enough_data']
        ]);
        expect(response.rules.minClosedPerArm).toBe(MIN_CLOSED_PER_ARM);
    });

    it('rejects a malformed quarter and negative counts with a clear path', () => {
        const result = StrategyCheckRequest.safeParse({
            quarter: 'Q3 2026',
            segments: [
                {
                    segment: 'A',
                    label: 'A',
                    current: { ...segmentQuarter(0.5, [1, 1], [1, 1]), ranPlayWon: -1 },
                    previous: null
                }
            ]
        });
        expect(result.success).toBe(false);
        expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual([
            'quarter',
            'segments.0.current.ranPlayWon'
        ]);
    });
});
