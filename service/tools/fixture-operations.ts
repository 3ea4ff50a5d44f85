// The operations that have golden fixtures: for each, its route, its contract, the engine that answers it and the
// deterministic builders of its request fixtures. Fixture files are `<operation>.<case>.request/response.json`.
import type { z } from 'zod';
import {
    CalibrationFitRequest,
    CalibrationFitResponse,
    ScoreRequest,
    ScoreResponse,
    StrategyCheckRequest,
    StrategyCheckResponse
} from '../src/contract';
import { scoreDeals } from '../src/modules/scoring/engine';
import { checkStrategy, fitWinProbability } from '../src/modules/strategy/engine';
import { buildFixtureRequests } from '../test/support/deal-factory';
import { buildCalibrationFitRequests, buildStrategyCheckRequest } from '../test/support/strategy-factory';

export interface FixtureOperation {
    path: string;
    request: z.ZodType;
    response: z.ZodType;
    /** The engine's answer to a request that already passed `request`. */
    run: (request: unknown) => unknown;
    /** Every case of this operation, built deterministically. */
    buildRequests: () => Record<string, unknown>;
}

export const FIXTURE_OPERATIONS: Readonly<Record<string, FixtureOperation>> = {
    score: {
        path: '/v1/deals/score',
        request: ScoreRequest,
        response: ScoreResponse,
        run: (request) => scoreDeals(request as ScoreRequest),
        buildRequests: buildFixtureRequests
    },
    strategy: {
        path: '/v1/strategy/check',
        request: StrategyCheckRequest,
        response: StrategyCheckResponse,
        run: (request) => checkStrategy(request as StrategyCheckRequest),
        buildRequests: () => ({ 'four-verdicts': buildStrategyCheckRequest() })
    },
    calibration: {
        path: '/v1/calibration/fit',
        request: CalibrationFitRequest,
        response: CalibrationFitResponse,
        run: (request) => fitWinProbability(request as CalibrationFitRequest),
        buildRequests: buildCalibrationFitRequests
    }
};

export function fixtureOperation(name: string): FixtureOperation {
    const operation = FIXTURE_OPERATIONS[name];
    if (!operation) {
        throw new Error(`No fixture operation "${name}"; known: ${Object.keys(FIXTURE_OPERATIONS).join(', ')}`);
    }
    return operation;
}
