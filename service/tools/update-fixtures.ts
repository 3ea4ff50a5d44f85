/**
 * Rewrites the golden response fixtures by running the engine on each request fixture. Run it only when the model
 * changes on purpose, and review the diff. `--requests` first regenerates the request fixtures from the builders in
 * test/support (deterministic: the batches are seeded).
 */
import { join } from 'node:path';
import {
    CallAnalysisRequest,
    CallAnalysisResponse,
    DevelopmentRequest,
    DevelopmentResponse,
    PracticeTurnRequest,
    PracticeTurnResponse,
    ScoreRequest,
    ScoreResponse
} from '../src/contract';
import { createCallAnalyzer } from '../src/modules/calls/engine/analyze';
import { analyzeDevelopment } from '../src/modules/development/engine';
import { practiceTurn } from '../src/modules/practice/engine';
import { scoreDeals } from '../src/modules/scoring/engine';
import { buildCallFixtureRequests } from '../test/support/call-factory';
import { buildFixtureRequests } from '../test/support/deal-factory';
import { buildDevelopmentFixtureRequests, buildPracticeFixtureRequests } from '../test/support/module-fixtures';
import { FIXTURES_DIR, listFixturePairs, readJson, writeJson } from './fixture-files';

// The deterministic extractors only: golden fixtures never depend on a model.
const callAnalyzer = createCallAnalyzer(null);

async function main(): Promise<void> {
    if (process.argv.includes('--requests')) {
        const builders: Array<[string, Record<string, unknown>, { parse: (value: unknown) => unknown }]> = [
            ['score', buildFixtureRequests(), ScoreRequest],
            ['calls', buildCallFixtureRequests(), CallAnalysisRequest],
            ['development', buildDevelopmentFixtureRequests(), DevelopmentRequest],
            ['practice', buildPracticeFixtureRequests(), PracticeTurnRequest]
        ];
        for (const [operation, requests, schema] of builders) {
            for (const [caseName, request] of Object.entries(requests)) {
                writeJson(join(FIXTURES_DIR, `${operation}.${caseName}.request.json`), schema.parse(request));
                console.log(`wrote ${operation}.${caseName}.request.json`);
            }
        }
    }

    for (const pair of listFixturePairs()) {
        const raw = readJson(pair.requestFile);
        if (pair.operation === 'score') {
            writeJson(pair.responseFile, ScoreResponse.parse(scoreDeals(ScoreRequest.parse(raw))));
        } else if (pair.operation === 'calls') {
            const { response } = await callAnalyzer.analyze(CallAnalysisRequest.parse(raw));
            writeJson(pair.responseFile, CallAnalysisResponse.parse(response));
        } else if (pair.operation === 'development') {
            writeJson(pair.responseFile, DevelopmentResponse.parse(analyzeDevelopment(DevelopmentRequest.parse(raw))));
        } else if (pair.operation === 'practice') {
            writeJson(
                pair.responseFile,
                PracticeTurnResponse.parse(await practiceTurn(PracticeTurnRequest.parse(raw), null))
            );
        } else {
            throw new Error(`No engine for operation "${pair.operation}" (${pair.requestFile})`);
        }
        console.log(`wrote ${pair.operation}.${pair.caseName}.response.json`);
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
