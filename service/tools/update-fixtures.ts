/**
 * Rewrites the golden response fixtures by running the engine of each operation on its request fixtures. Run it only
 * when a model changes on purpose, and review the diff. `--requests` first regenerates the request fixtures from the
 * deterministic builders (test/support/deal-factory.ts, test/support/strategy-factory.ts).
 */
import { join } from 'node:path';
import { FIXTURE_OPERATIONS, fixtureOperation } from './fixture-operations';
import { FIXTURES_DIR, listFixturePairs, readJson, writeJson } from './fixture-files';

if (process.argv.includes('--requests')) {
    for (const [operationName, operation] of Object.entries(FIXTURE_OPERATIONS)) {
        for (const [caseName, request] of Object.entries(operation.buildRequests())) {
            const file = `${operationName}.${caseName}.request.json`;
            writeJson(join(FIXTURES_DIR, file), operation.request.parse(request));
            console.log(`wrote ${file}`);
        }
    }
}

async function writeResponses(): Promise<void> {
    for (const pair of listFixturePairs()) {
        const operation = fixtureOperation(pair.operation);
        const request = operation.request.parse(readJson(pair.requestFile));
        writeJson(pair.responseFile, operation.response.parse(await operation.run(request)));
        console.log(`wrote ${pair.operation}.${pair.caseName}.response.json`);
    }
}

writeResponses().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
