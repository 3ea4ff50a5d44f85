import {
    addMonths,
    formatValue,
    loopHealth,
    metricRows,
    movement,
    parseDevelopment,
    trendRows,
    validateAnswer
} from 'c/repDevelopmentLogic';
import { developmentResult, focus, MONTH, weakRep } from '../../../../../test/fixtures/developmentFixtures';

describe('repDevelopmentLogic', () => {
    it('formats shares and days, and months', () => {
        expect(formatValue(0.754, 'share')).toBe('75%');
        expect(formatValue(44.6, 'days')).toBe('45 d');
        expect(formatValue(null, 'share')).toBe('—');
        expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
        expect(addMonths('2026-11-01', 2)).toBe('2027-01-01');
    });

    it('rejects figures that are not the expected shape', () => {
        expect(parseDevelopment(null)).toBeNull();
        expect(() => parseDevelopment('{"reps":1}')).toThrow(/not in the expected shape/);
    });

    it('judges movement toward the target in either direction', () => {
        expect(movement(0.5, 0.3, 0.29, 'lower_is_better')).toBe('reached');
        expect(movement(0.5, 0.3, 0.44, 'lower_is_better')).toBe('moved');
        expect(movement(0.5, 0.3, 0.47, 'lower_is_better')).toBe('not_moved');
        expect(movement(0.5, 0.3, 0.6, 'lower_is_better')).toBe('not_moved');
        expect(movement(0.6, 0.8, 0.7, 'higher_is_better')).toBe('moved');
    });

    it("shows the weak rep's gap with its sample size, median and interval, and says when evidence is too thin", () => {
        const rows = metricRows(developmentResult, weakRep);
        const single = rows.find((row) => row.label === 'Open deals single-threaded')!;
        expect(single).toMatchObject({ valueText: '75%', sampleText: '20 deals', medianText: '20%', isGap: true });
        expect(single.verdict).toMatch(/^Gap: \d+(\.\d)? points$/);
        const thin = metricRows(developmentResult, developmentResult.reps[4]!).find(
            (row) => row.label === 'Open deals single-threaded'
        )!;
        expect(thin.verdict).toBe('Too few deals to judge');
        const alone = { ...developmentResult, reps: [weakRep] };
        const ownRep = {
            ...weakRep,
            metrics: weakRep.metrics.map((figure) => ({ ...figure, teamMedian: null, isGap: false }))
        };
        expect(metricRows(alone, ownRep, true)[0]!.verdict).toBe('Your manager sees the team comparison');
        expect(metricRows(alone, ownRep)[0]!.verdict).toBe('No team median (too few reps with enough deals)');
        const steps = rows.find((row) => row.label === 'Required playbook steps done')!;
        expect(steps.sampleText).toBe('30 deals · 120 steps');
    });

    it('names what the sample column counts: calls, steps or nudges beside the deals, from the definitions', () => {
        const rows = metricRows(developmentResult, weakRep);
        const byMetric = (metric: string) =>
            rows[weakRep.metrics.findIndex((figure) => figure.metric === metric)]!.sampleText;
        const figureOf = (metric: string) => weakRep.metrics.find((figure) => figure.metric === metric)!;
        const calls = figureOf('call_next_step_dated');
        expect(byMetric('call_next_step_dated')).toBe(`${calls.sampleSize} deals · ${calls.eventCount} calls`);
        const steps = figureOf('call_steps_covered');
        expect(byMetric('call_steps_covered')).toBe(`${steps.sampleSize} deals · ${steps.eventCount} steps`);
        expect(byMetric('nudges_acted')).toMatch(/^\d+ deals? · \d+ nudges?$/);
        // One of each, in the singular.
        const single = { ...calls, sampleSize: 1, eventCount: 1 };
        expect(metricRows(developmentResult, { ...weakRep, metrics: [single] })[0]!.sampleText).toBe('1 deal · 1 call');
        // A snapshot stored before the service named its units still reads, as it did then.
        const older = {
            ...developmentResult,
            definitions: developmentResult.definitions.map(({ eventUnit: _unit, ...definition }) => definition)
        };
        const olderRows = metricRows(older, weakRep);
        expect(olderRows.find((row) => row.label === 'Required playbook steps done')!.sampleText).toBe(
            '30 deals · 120 events'
        );
    });

    it('builds the trend newest first, with a never-reviewed past focus and the live value', () => {
        const rep = developmentResult.reps[1]!;
        const rows = trendRows(
            developmentResult,
            rep,
            [focus(), focus({ id: 'a0A2', month: MONTH, baseline: 0.3, target: 0.2 })],
            [{ repId: rep.repId, month: MONTH, sessions: 2, averageScore: 63 }],
            MONTH
        );
        expect(rows.map((row) => row.monthText)).toEqual(['Nov 2026', 'Oct 2026']);
        expect(rows[0]).toMatchObject({ practiceText: '2 drills, average 63', resultText: '19% now' });
        expect(rows[1]!.outcomeText).toBe('Reached the target (never reviewed)');
    });

    it("measures loop health: reps without a focus, focuses never reviewed, last month's movers", () => {
        const health = loopHealth(
            developmentResult,
            [focus(), focus({ id: 'a0A2', repId: weakRep.repId, month: MONTH })],
            MONTH
        );
        expect(health.repsWithoutFocus).toEqual(['Rep 2', 'Rep 3', 'Rep 4', 'Rep 5']);
        expect(health).toMatchObject({ neverReviewed: 1, lastMonthMoved: 1, lastMonthFocuses: 1 });
    });

    it('validates a drill answer', () => {
        expect(validateAnswer('  ')).toEqual({ answer: null, problem: 'Write your answer to the buyer first.' });
        expect(validateAnswer('x'.repeat(2001)).problem).toMatch(/under 2000/);
        expect(validateAnswer(' Who signs? ')).toEqual({ answer: 'Who signs?', problem: null });
    });
});
