import type { DimensionResult, Risk } from '@contract';
import {
    bandCapNote,
    dimensionBars,
    displayedTotal,
    explainDimensions,
    isOutdated,
    sortRisks,
    sparkline
} from 'c/dealHealthLogic';
import {
    FIXTURE_CASES,
    dealHealthView,
    dealScore,
    unscoredView,
    type FixtureCase
} from '../../../../../test/fixtures/scoringFixtures';

describe('dealHealthLogic', () => {
    describe('explainDimensions', () => {
        it('shows lines whose impacts add up to the score exactly, for every fixture deal', () => {
            for (const caseName of Object.keys(FIXTURE_CASES) as FixtureCase[]) {
                const result = dealScore(caseName);
                expect(displayedTotal(explainDimensions(result.dimensions))).toBe(result.score);
            }
        });

        it('shows a dimension at 0 with every line and what each could earn, opened because it lost points', () => {
            const engagement = explainDimensions(dealScore('silent-buyer').dimensions).find(
                (dimension) => dimension.key === 'engagement'
            )!;
            expect(engagement).toMatchObject({ text: '5 of 25', lostPoints: 20, isOpen: true });
            expect(engagement.lines.map((line) => [line.label, line.pointsText])).toEqual([
                ['Recent buyer engagement', '0 of 10'],
                ['Activity volume', '5 of 6'],
                ['Multi-threading', '0 of 9']
            ]);
        });

        it('shows deductions as signed points and keeps full dimensions closed', () => {
            const explained = explainDimensions(dealScore('stalled-single-threaded').dimensions);
            const momentum = explained.find((dimension) => dimension.key === 'momentum')!;
            expect(momentum.lines.map((line) => line.pointsText)).toEqual(['20 of 20', '−12']);
            expect(momentum.lines[1]).toMatchObject({
                evidence: '64 days in Solutioning vs 20-day benchmark (3.2×)',
                hasEvidence: true,
                pointsClass: 'points slds-text-color_error'
            });
            const healthyEngagement = explainDimensions(dealScore('healthy').dimensions).find(
                (dimension) => dimension.key === 'engagement'
            )!;
            expect(healthyEngagement.isOpen).toBe(false);
        });
    });

    describe('bandCapNote', () => {
        it('says which high risk caps the band, where the band is shown', () => {
            const result = dealScore('gate-not-passed');
            expect(bandCapNote(result.band, result.risks)).toBe(
                'Watch although the score is in the healthy range: a high risk caps the band (Gate not passed: "Pass the security review" was due in Negotiation, which the deal has left).'
            );
        });

        it('says nothing when no risk capped the band', () => {
            const result = dealScore('silent-buyer');
            expect(bandCapNote(result.band, result.risks)).toBeNull();
            expect(bandCapNote(null, dealScore('gate-not-passed').risks)).toBeNull();
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
            { code: 'going_dark', severity: 'medium', message: 'a', evidence: 'a', capsBand: false },
            { code: 'amount_missing', severity: 'low', message: 'b', evidence: 'b', capsBand: false },
            { code: 'stalled_in_stage', severity: 'high', message: 'c', evidence: 'c', capsBand: false },
            { code: 'single_threaded', severity: 'medium', message: 'd', evidence: 'd', capsBand: false }
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
