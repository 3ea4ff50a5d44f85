import { CalibrationFitRequest, CalibrationFitResponse, type CalibrationExample } from '../../src/contract';
import {
    brierScore,
    fitWinProbability,
    MINIMUM_HISTORY,
    predictWinProbability,
    reliabilityTable,
    rocAuc,
    timeSplit,
    wilsonInterval
} from '../../src/modules/strategy/engine';
import { fitLogistic, sigmoid } from '../../src/modules/strategy/engine/logistic';
import { seededRandom } from '../support/deal-factory';

const DAY_MS = 86_400_000;
const dayFrom = (start: string, days: number) => new Date(Date.parse(start) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Closed deals whose outcome follows a known logistic law of the score: P(won) = σ(6·(score/100 − 0.5)). The stage
 * probability (the baseline) is pure noise around the base rate, so an honest model must beat it.
 */
function syntheticExamples(count: number, seed: number, informativeScore = true): CalibrationExample[] {
    const random = seededRandom(seed);
    return Array.from({ length: count }, (_, index) => {
        const score = Math.round(random() * 100);
        const p = informativeScore ? sigmoid(6 * (score / 100 - 0.5)) : 0.5;
        return {
            closedOn: dayFrom('2025-01-01', Math.floor((index / count) * 540)),
            won: random() < p,
            features: {
                score,
                stageProgress: Math.round(random() * 10) / 10,
                stageAgeDays: Math.floor(random() * 90),
                segment: random() < 0.5 ? 'mid_market' : 'enterprise',
                amount: Math.round(10_000 + random() * 90_000)
            },
            stageProbability: Math.round((0.3 + random() * 0.4) * 100) / 100
        };
    });
}

describe('metrics', () => {
    it('Brier score and ROC-AUC match hand computations, ties counting half', () => {
        expect(brierScore([1, 0, 0.5], [true, false, true])).toBeCloseTo(0.25 / 3, 10);
        expect(rocAuc([0.9, 0.8, 0.3, 0.1], [true, false, true, false])).toBeCloseTo(0.75, 10);
        expect(rocAuc([0.5, 0.5], [true, false])).toBe(0.5);
        expect(rocAuc([0.2, 0.4], [true, true])).toBeNull();
        expect(() => brierScore([], [])).toThrow(/at least one/);
    });

    it('Wilson intervals are asymmetric near the edges and stay within [0, 1]', () => {
        expect(wilsonInterval(0, 10)).toEqual({ rate: 0, low: 0, high: 0.213, count: 10 });
        const interval = wilsonInterval(45, 50);
        expect(interval.low!).toBeGreaterThan(0.8);
        expect(interval.high!).toBeLessThanOrEqual(1);
        expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: null, high: null, count: 0 });
        expect(() => wilsonInterval(11, 10)).toThrow(/11 successes out of 10/);
    });

    it('reliability bins count every prediction once', () => {
        const table = reliabilityTable([0.05, 0.15, 0.15, 0.95, 1], [false, true, false, true, true]);
        expect(table.map((row) => row.count)).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 2]);
        expect(table[1]).toMatchObject({ meanPredicted: 0.15, observedWinRate: 0.5 });
        expect(table[2]!.meanPredicted).toBeNull();
    });
});

describe('logistic fit', () => {
    it('recovers a known slope and intercept from enough data', () => {
        const random = seededRandom(7);
        const rows: number[][] = [];
        const labels: boolean[] = [];
        for (let i = 0; i < 20_000; i++) {
            const x = random() * 2 - 1;
            rows.push([x]);
            labels.push(random() < sigmoid(-0.5 + 2 * x));
        }
        const fit = fitLogistic(rows, labels, 0);
        expect(fit.converged).toBe(true);
        expect(fit.intercept).toBeCloseTo(-0.5, 1);
        expect(fit.coefficients[0]!).toBeCloseTo(2, 1);
    });

    it('the penalty shrinks a coefficient that only noise supports', () => {
        const rows = [[1], [1], [0], [0]];
        const labels = [true, true, false, true];
        expect(Math.abs(fitLogistic(rows, labels, 10).coefficients[0]!)).toBeLessThan(
            Math.abs(fitLogistic(rows, labels, 0.01).coefficients[0]!)
        );
    });
});

describe('win-probability calibration', () => {
    it('holds out the latest closes by date and never splits a day', () => {
        const examples = syntheticExamples(400, 3);
        const { training, holdout, holdoutFrom } = timeSplit(examples);
        expect(training.length + holdout.length).toBe(400);
        expect(holdout.length).toBeGreaterThanOrEqual(100);
        expect(training.every((e) => e.closedOn < holdoutFrom)).toBe(true);
        expect(holdout.every((e) => e.closedOn >= holdoutFrom)).toBe(true);
    });

    it('beats a noisy stage-probability baseline on the holdout when the score carries the signal', () => {
        const response = CalibrationFitResponse.parse(fitWinProbability({ examples: syntheticExamples(2000, 11) }));
        expect(response.status).toBe('calibrated');
        if (response.status !== 'calibrated') return;
        const { calibrated, baseline } = response.evaluation;
        expect(baseline.kind).toBe('stage_probability');
        expect(calibrated.brier).toBeLessThan(baseline.brier);
        expect(calibrated.rocAuc!).toBeGreaterThan(0.7);
        // Calibrated: in every populated bin the observed rate is within sampling error (3 standard errors).
        for (const bin of response.evaluation.reliability.filter((row) => row.count >= 20)) {
            const p = bin.meanPredicted!;
            const tolerance = 3 * Math.sqrt((p * (1 - p)) / bin.count) + 0.02;
            expect(Math.abs(bin.observedWinRate! - p)).toBeLessThanOrEqual(tolerance);
        }
        const high = predictWinProbability(response.model, {
            score: 95,
            stageProgress: 0.5,
            stageAgeDays: 10,
            segment: 'enterprise',
            amount: 50_000
        });
        const low = predictWinProbability(response.model, {
            score: 5,
            stageProgress: 0.5,
            stageAgeDays: 10,
            segment: 'enterprise',
            amount: 50_000
        });
        expect(high).toBeGreaterThan(0.8);
        expect(low).toBeLessThan(0.2);
    });

    it('shows no probability when the model does not beat the baseline on the holdout', () => {
        // Outcomes are coin flips that the stage probability happens to know exactly.
        const examples = syntheticExamples(1200, 5, false).map((example, index) => {
            const won = index % 3 !== 0;
            return { ...example, won, stageProbability: won ? 0.9 : 0.1 };
        });
        const response = fitWinProbability({ examples });
        expect(response.status).toBe('not_better_than_baseline');
        if (response.status !== 'not_better_than_baseline') return;
        expect(response.reason).toMatch(/worse than the baseline/);
    });

    it('uses the training base rate as the baseline when the data has no stage probability', () => {
        const examples = syntheticExamples(1000, 9).map((e) => ({ ...e, stageProbability: null }));
        const response = fitWinProbability({ examples });
        expect(response.status === 'insufficient_history' ? null : response.evaluation.baseline.kind).toBe('base_rate');
    });

    it('states the minimum history and falls back below it', () => {
        const examples = syntheticExamples(100, 2);
        const response = fitWinProbability(CalibrationFitRequest.parse({ examples }));
        expect(response).toMatchObject({ status: 'insufficient_history', minimumHistory: MINIMUM_HISTORY });
        if (response.status === 'insufficient_history')
            expect(response.reason).toMatch(/needs at least 60 won and 60 lost/);
    });

    it('refuses a model whose features do not match its coefficients', () => {
        const response = fitWinProbability({ examples: syntheticExamples(2000, 11) });
        if (response.status !== 'calibrated') throw new Error('expected a calibrated model');
        const broken = { ...response.model, coefficients: response.model.coefficients.slice(1) };
        expect(() => predictWinProbability(broken, syntheticExamples(1, 1)[0]!.features)).toThrow(/coefficients/);
    });
});
