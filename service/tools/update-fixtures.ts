/**
 * Rewrites the golden response fixtures by running the engine on each request fixture. Run it only when the model
 * changes on purpose, and review the diff. `--requests` first regenerates the request fixtures from the builders in
 * test/support/deal-factory.ts (deterministic: the batch is seeded).
 */
import { join } from 'node:path';
import { CallAnalysisRequest, CallAnalysisResponse, ScoreRequest, ScoreResponse } from '../src/contract';
import { createCallAnalyzer } from '../src/modules/calls/engine/analyze';
import { scoreDeals } from '../src/modules/scoring/engine';
import { buildCallFixtureRequests } from '../test/support/call-factory';
import { buildFixtureRequests } from '../test/support/deal-factory';
import { FIXTURES_DIR, listFixturePairs, readJson, writeJson } from './fixture-files';

if (process.argv.includes('--requests')) {
    for (const [caseName, request] of Object.entries(buildFixtureRequests())) {
        writeJson(join(FIXTURES_DIR, `score.${caseName}.request.json`), ScoreRequest.parse(request));
        console.log(`wrote score.${caseName}.request.json`);
    }
    for (const [caseName, request] of Object.entries(buildCallFixtureRequests())) {
        writeJson(join(FIXTURES_DIR, `calls.${caseName}.request.json`), CallAnalysisRequest.parse(request));
        console.log(`wrote calls.${caseName}.request.json`);
    }
}

// The deterministic extractor only: golden fixtures never depend on a model.
const callAnalyzer = createCallAnalyzer(null);

async function main(): Promise<void> {
    for (const pair of listFixturePairs()) {
        if (pair.operation === 'score') {
            const request = ScoreRequest.parse(readJson(pair.requestFile));
            writeJson(pair.responseFile, ScoreResponse.parse(scoreDeals(request)));
        } else if (pair.operation === 'calls') {
            const request = CallAnalysisRequest.parse(readJson(pair.requestFile));
            const { response } = await callAnalyzer.analyze(request);
            writeJson(pair.responseFile, CallAnalysisResponse.parse(response));
        } else {
            throw new Error(`No engine for operation "${pair.operation}" (${pair.requestFile})`);
        }
        console.log(`wrote ${pair.operation}.${pair.caseName}.response.json`);
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
