// Deterministic requests for the strategy module's golden fixtures: a quarter with one segment of each verdict, and
// closed-deal histories that calibrate, do not beat the baseline, or are too short.
import type {
    CalibrationExample,
    CalibrationFitRequest,
    SegmentQuarter,
    StrategyCheckRequest
} from '../../src/contract';
import { seededRandom } from './deal-factory';

const DAY_MS = 86_400_000;
const dayFrom = (start: string, days: number) => new Date(Date.parse(start) + days * DAY_MS).toISOString().slice(0, 10);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** A quarter with the given adherence and closed deals per arm (ran the play: [won, lost]; did not: [won, lost]). */
export function segmentQuarter(
    adherence: number,
    ran: [won: number, lost: number],
    off: [won: number, lost: number],
    due = 200
): SegmentQuarter {
    return {
        requiredStepsDue: due,
        requiredStepsDoneOnTime: Math.round(adherence * due),
        gatesDue: 0,
        gatesDoneOnTime: 0,
        ranPlayWon: ran[0],
        ranPlayLost: ran[1],
        offPlayWon: off[0],
        offPlayLost: off[1],
        medianCycleDays: 58,
        slipRate: 0.22,
        meanWonAmount: 42000
    };
}

/** One segment per verdict, in the order execution drift, strategy problem, on track, not enough data. */
export function buildStrategyCheckRequest(): StrategyCheckRequest {
    return {
        quarter: '2026-Q3',
        segments: [
            {
                segment: 'New_Business_Mid_Market',
                label: 'New Business — Mid-Market',
                current: segmentQuarter(0.58, [28, 9], [9, 27]),
                previous: segmentQuarter(0.79, [25, 10], [8, 20])
            },
            {
                segment: 'New_Business_Enterprise_Regulated',
                label: 'New Business — Enterprise (regulated)',
                current: segmentQuarter(0.86, [12, 28], [13, 27]),
                previous: segmentQuarter(0.84, [10, 20], [10, 20])
            },
            {
                segment: 'Renewal',
                label: 'Renewal',
                current: segmentQuarter(0.88, [30, 8], [10, 25]),
                previous: segmentQuarter(0.86, [22, 8], [6, 12])
            },
            {
                segment: 'Partner',
                label: 'Partner',
                current: segmentQuarter(0.9, [6, 2], [1, 2], 40),
                previous: null
            }
        ]
    };
}

/**
 * Closed deals whose outcome follows a logistic law of the score; the stage probability is noise around the base
 * rate. With `informativeScore` false, the outcomes are known to the stage probability instead of the score.
 */
export function calibrationExamples(count: number, seed: number, informativeScore = true): CalibrationExample[] {
    const random = seededRandom(seed);
    return Array.from({ length: count }, (_, index) => {
        const score = Math.round(random() * 100);
        const features = {
            score,
            stageProgress: Math.round(random() * 10) / 10,
            stageAgeDays: Math.floor(random() * 90),
            segment: random() < 0.5 ? 'New_Business_Mid_Market' : 'New_Business_Enterprise_Regulated',
            amount: Math.round(10_000 + random() * 90_000)
        };
        const noisyStageProbability = Math.round((0.3 + random() * 0.4) * 100) / 100;
        const won = informativeScore ? random() < sigmoid(6 * (score / 100 - 0.5)) : index % 3 !== 0;
        return {
            closedOn: dayFrom('2025-07-01', Math.floor((index / count) * 450)),
            won,
            features,
            stageProbability: informativeScore ? noisyStageProbability : won ? 0.9 : 0.1
        };
    });
}

export function buildCalibrationFitRequests(): Record<string, CalibrationFitRequest> {
    return {
        calibrated: { examples: calibrationExamples(400, 11) },
        'not-better-than-baseline': { examples: calibrationExamples(240, 5, false) },
        'insufficient-history': { examples: calibrationExamples(60, 2) }
    };
}
