/** Writes the JSON Schemas and the OpenAPI 3.1 document derived from the zod contract into contract/generated/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildContractJsonSchemas, buildOpenApiDocument } from '../src/contract';

const outputDir = join(__dirname, '..', 'contract', 'generated');
mkdirSync(outputDir, { recursive: true });

const write = (fileName: string, document: unknown) => {
    writeFileSync(join(outputDir, fileName), `${JSON.stringify(document, null, 2)}\n`);
    console.log(`wrote service/contract/generated/${fileName}`);
};

const schemas = buildContractJsonSchemas();
write('score-request.schema.json', schemas.scoreRequest);
write('score-response.schema.json', schemas.scoreResponse);
write('call-analysis-request.schema.json', schemas.callAnalysisRequest);
write('call-analysis-response.schema.json', schemas.callAnalysisResponse);
write('openapi.json', buildOpenApiDocument());
