import type { DimensionResult, Risk } from '@contract';
import { dimensionBars, isOutdated, sortRisks, sparkline, topSignals } from 'c/dealHealthLogic';
import { dealHealthView, dealScore, unscoredView } from '../../../../../test/fixtures/scoringFixtures';

describe('dealHealthLogic', () => {
    describe('topSignals', () => {
        it('puts the largest deductions first and leaves out the baseline credit', () => {
            const { lowering, raising } = topSignals(dealScore('stalled-single-threaded').dimensions, 3);
            expect(lowering.map((row) => row.impactText)).toEqual(['−12', '−4']);
            expect(lowering[0]).toMatchObject({ key: 'momentum.stage_age', dimensionLabel: 'Momentum' });
            expect(raising.every((row) => row.impact > 0 && !row.key.endsWith('.baseline'))).toBe(true);
            expect(raising.map((row) => row.impact)).toEqual(
                [...raising.map((row) => row.impact)].sort((a, b) => b - a)
            );
            expect(raising).toHaveLength(3);
        });

        it('never returns more than asked for, and nothing for no dimensions', () => {
            expect(topSignals(dealScore('healthy').dimensions, 1).raising).toHaveLength(1);
            expect(topSignals([], 3)).toEqual({ lowering: [], raising: [] });
        });
    });

    it('turns every dimension into a bar of earned points out of its weight', () => {
        const bars = dimensionBars(dealScore('stalled-single-threaded').dimensions);
        expect(bars.map((bar) => [bar.key, bar.text, bar.percent])).toEqual([
            ['qualification', '8 of 35', 23],
            ['engagement', '4 of 25', 16],
            ['momentum', '8 of 20', 40],
            ['hygiene', '6 of 10', 60],
            ['playbookAdherence', '6 of 10', 60]
        ]);
        const zeroWeight: DimensionResult = { key: 'hygiene', label: 'Hygiene', score: 0, weight: 0, signals: [] };
        expect(dimensionBars([zeroWeight])[0]!.percent).toBe(0);
    });

    it('orders risks high, medium, low and keeps the service order within a severity', () => {
        const risks: Risk[] = [
            { code: 'going_dark', severity: 'medium', message: 'a', evidence: 'a' },
            { code: 'amount_missing', severity: 'low', message: 'b', evidence: 'b' },
            { code: 'stalled_in_stage', severity: 'high', message: 'c', evidence: 'c' },
            { code: 'single_threaded', severity: 'medium', message: 'd', evidence: 'd' }
        ];
        expect(sortRisks(risks).map((risk) => `${risk.severityLabel}:${risk.code}`)).toEqual([
            'High:stalled_in_stage',
            'Medium:going_dark',
            'Medium:single_threaded',
            'Low:amount_missing'
        ]);
    });

    describe('sparkline', () => {
        it('draws the trend in the box, low scores lower, and says it in words', () => {
            const line = sparkline(
                [
                    { scoredAt: '2026-11-14', score: 40 },
                    { scoredAt: '2026-11-15', score: null },
                    { scoredAt: '2026-11-16', score: 80 }
                ],
                100,
                20
            );
            expect(line.points).toBe('2,11.6 98,5.2');
            expect([line.lastX, line.lastY]).toEqual([98, 5.2]);
            expect(line.text).toBe(
                'Score trend over the last 2 scorings, oldest first: 40, 80. Up 40 points since 40.'
            );
        });

        it('has no line for fewer than two scores', () => {
            expect(sparkline([])).toMatchObject({ points: '', text: 'No score history yet.' });
            expect(sparkline([{ scoredAt: '2026-11-16', score: 55 }])).toMatchObject({
                points: '',
                text: 'One score so far: 55.'
            });
        });

        it('says when the score went down or did not move', () => {
            const down = sparkline([
                { scoredAt: 'a', score: 70 },
                { scoredAt: 'b', score: 52 }
            ]);
            expect(down.text).toContain('Down 18 points since 70.');
            expect(
                sparkline([
                    { scoredAt: 'a', score: 50 },
                    { scoredAt: 'b', score: 50 }
                ]).text
            ).toContain('Unchanged since 50.');
        });
    });

    describe('isOutdated', () => {
        it('is outdated when never scored', () => {
            expect(isOutdated(unscoredView(), '2026-11-16T00:00:00.000Z')).toBe(true);
        });

        it('compares the record modification with the scoring time', () => {
            const view = dealHealthView('healthy', { scoredAt: '2026-11-16T08:00:00.000Z' });
            expect(isOutdated(view, '2026-11-16T08:00:01.000Z')).toBe(true);
            expect(isOutdated(view, '2026-11-16T07:59:59.000Z')).toBe(false);
            expect(isOutdated(view, undefined)).toBe(false);
        });
    });
});
