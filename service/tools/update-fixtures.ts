/**
 * Rewrites the golden response fixtures by running the engine on each request fixture. Run it only when the model
 * changes on purpose, and review the diff. `--requests` first regenerates the request fixtures from the builders in
 * test/support/deal-factory.ts (deterministic: the batch is seeded).
 */
import { join } from 'node:path';
import { ScoreRequest, ScoreResponse } from '../src/contract';
import { scoreDeals } from '../src/modules/scoring/engine';
import { buildFixtureRequests } from '../test/support/deal-factory';
import { FIXTURES_DIR, listFixturePairs, readJson, writeJson } from './fixture-files';

if (process.argv.includes('--requests')) {
    for (const [caseName, request] of Object.entries(buildFixtureRequests())) {
        writeJson(join(FIXTURES_DIR, `score.${caseName}.request.json`), ScoreRequest.parse(request));
        console.log(`wrote score.${caseName}.request.json`);
    }
}

for (const pair of listFixturePairs()) {
    if (pair.operation !== 'score') {
        throw new Error(`No engine for operation "${pair.operation}" (${pair.requestFile})`);
    }
    const request = ScoreRequest.parse(readJson(pair.requestFile));
    writeJson(pair.responseFile, ScoreResponse.parse(scoreDeals(request)));
    console.log(`wrote ${pair.operation}.${pair.caseName}.response.json`);
}
