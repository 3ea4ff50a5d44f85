// The operations that have golden fixtures: for each, its route, its contract, the engine that answers it and the
// deterministic builders of its request fixtures. Fixture files are `<operation>.<case>.request/response.json`.
import type { z } from 'zod';
import {
    CalibrationFitRequest,
    CalibrationFitResponse,
    CallAnalysisRequest,
    CallAnalysisResponse,
    DevelopmentRequest,
    DevelopmentResponse,
    PracticeTurnRequest,
    PracticeTurnResponse,
    ScoreRequest,
    ScoreResponse,
    StrategyCheckRequest,
    StrategyCheckResponse
} from '../src/contract';
import { createCallAnalyzer } from '../src/modules/calls/engine/analyze';
import { analyzeDevelopment } from '../src/modules/development/engine';
import { practiceTurn } from '../src/modules/practice/engine';
import { scoreDeals } from '../src/modules/scoring/engine';
import { checkStrategy, fitWinProbability } from '../src/modules/strategy/engine';
import { buildCallFixtureRequests } from '../test/support/call-factory';
import { buildFixtureRequests } from '../test/support/deal-factory';
import { buildDevelopmentFixtureRequests, buildPracticeFixtureRequests } from '../test/support/module-fixtures';
import { buildCalibrationFitRequests, buildStrategyCheckRequest } from '../test/support/strategy-factory';

export interface FixtureOperation {
    path: string;
    request: z.ZodType;
    response: z.ZodType;
    /** The engine's answer to a request that already passed `request` (the deterministic path: no model). */
    run: (request: unknown) => unknown;
    /** Every case of this operation, built deterministically. */
    buildRequests: () => Record<string, unknown>;
}

// The deterministic extractor only: golden fixtures never depend on a model.
const callAnalyzer = createCallAnalyzer(null);

export const FIXTURE_OPERATIONS: Readonly<Record<string, FixtureOperation>> = {
    score: {
        path: '/v1/deals/score',
        request: ScoreRequest,
        response: ScoreResponse,
        run: (request) => scoreDeals(request as ScoreRequest),
        buildRequests: buildFixtureRequests
    },
    calls: {
        path: '/v1/calls/analyze',
        request: CallAnalysisRequest,
        response: CallAnalysisResponse,
        run: async (request) => (await callAnalyzer.analyze(request as CallAnalysisRequest)).response,
        buildRequests: buildCallFixtureRequests
    },
    development: {
        path: '/v1/reps/development',
        request: DevelopmentRequest,
        response: DevelopmentResponse,
        run: (request) => analyzeDevelopment(request as Parameters<typeof analyzeDevelopment>[0]),
        buildRequests: buildDevelopmentFixtureRequests
    },
    practice: {
        path: '/v1/practice/turn',
        request: PracticeTurnRequest,
        response: PracticeTurnResponse,
        run: (request) => practiceTurn(request as PracticeTurnRequest, null),
        buildRequests: buildPracticeFixtureRequests
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
