import { z } from 'zod';
import { HealthResponse, ProblemDetails } from './problem';
import { ScoreRequest } from '../modules/scoring/contract/score-request';
import { ScoreResponse } from '../modules/scoring/contract/score-response';
import { CallAnalysisRequest, CallAnalysisResponse } from '../modules/calls/contract/call-analysis';
import { DevelopmentRequest, DevelopmentResponse } from '../modules/development/contract/development';
import { PracticeTurnRequest, PracticeTurnResponse } from '../modules/practice/contract/practice';
import { CalibrationFitRequest, CalibrationFitResponse } from '../modules/strategy/contract/calibration';
import { StrategyCheckRequest, StrategyCheckResponse } from '../modules/strategy/contract/strategy-check';

export * from './common';
export * from './problem';
export * from '../modules/scoring/contract/org-data-profile';
export * from '../modules/scoring/contract/score-request';
export * from '../modules/scoring/contract/score-response';
export * from '../modules/calls/contract/call-analysis';
export * from '../modules/calls/contract/extraction';
export * from '../modules/development/contract/development';
export * from '../modules/practice/contract/practice';
export * from '../modules/strategy/contract/calibration';
export * from '../modules/strategy/contract/strategy-check';

/** Bumped on any change to request or response shapes (semver: major = breaking for Apex DTOs). */
export const contractVersion = '2.1.0';

export type JsonSchema = Record<string, unknown>;

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    // Request schemas describe what a client may send (input); responses what the service emits (output).
    return z.toJSONSchema(schema, { io, target: 'draft-2020-12' });
}

/** Every request and response schema of the contract, by the name the JSON Schema files and the DTO checks use. */
const CONTRACT_SCHEMAS = {
    scoreRequest: [ScoreRequest, 'input'],
    scoreResponse: [ScoreResponse, 'output'],
    callAnalysisRequest: [CallAnalysisRequest, 'input'],
    callAnalysisResponse: [CallAnalysisResponse, 'output'],
    developmentRequest: [DevelopmentRequest, 'input'],
    developmentResponse: [DevelopmentResponse, 'output'],
    practiceTurnRequest: [PracticeTurnRequest, 'input'],
    practiceTurnResponse: [PracticeTurnResponse, 'output'],
    strategyCheckRequest: [StrategyCheckRequest, 'input'],
    strategyCheckResponse: [StrategyCheckResponse, 'output'],
    calibrationFitRequest: [CalibrationFitRequest, 'input'],
    calibrationFitResponse: [CalibrationFitResponse, 'output']
} as const satisfies Record<string, readonly [z.ZodType, 'input' | 'output']>;

export type ContractSchemaName = keyof typeof CONTRACT_SCHEMAS;

/** JSON Schemas (draft 2020-12) of every request and response, derived from the zod contract. */
export function buildContractJsonSchemas(): Record<ContractSchemaName, JsonSchema> {
    const schemas = {} as Record<ContractSchemaName, JsonSchema>;
    for (const [name, [schema, io]] of Object.entries(CONTRACT_SCHEMAS)) {
        schemas[name as ContractSchemaName] = toJsonSchema(schema, io);
    }
    return schemas;
}

function withoutDialect(schema: JsonSchema): JsonSchema {
    const { $schema: _dialect, ...rest } = schema;
    void _dialect;
    return rest;
}

const problemResponse = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } }
});

/** OpenAPI 3.1 document for the public routes. Served at `GET /openapi.json` and written by `contract:generate`. */
export function buildOpenApiDocument(): JsonSchema {
    const schemas = buildContractJsonSchemas();
    return {
        openapi: '3.1.0',
        info: {
            title: 'Execution Loop service',
            version: contractVersion,
            description:
                'Explainable deal-health scoring, playbook exit criteria and coaching nudges for Salesforce opportunities.'
        },
        jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
        components: {
            securitySchemes: { bearerKey: { type: 'http', scheme: 'bearer' } },
            schemas: {
                ScoreRequest: withoutDialect(schemas.scoreRequest),
                ScoreResponse: withoutDialect(schemas.scoreResponse),
                CallAnalysisRequest: withoutDialect(schemas.callAnalysisRequest),
                CallAnalysisResponse: withoutDialect(schemas.callAnalysisResponse),
                DevelopmentRequest: withoutDialect(schemas.developmentRequest),
                DevelopmentResponse: withoutDialect(schemas.developmentResponse),
                PracticeTurnRequest: withoutDialect(schemas.practiceTurnRequest),
                PracticeTurnResponse: withoutDialect(schemas.practiceTurnResponse),
                StrategyCheckRequest: withoutDialect(schemas.strategyCheckRequest),
                StrategyCheckResponse: withoutDialect(schemas.strategyCheckResponse),
                CalibrationFitRequest: withoutDialect(schemas.calibrationFitRequest),
                CalibrationFitResponse: withoutDialect(schemas.calibrationFitResponse),
                ProblemDetails: withoutDialect(toJsonSchema(ProblemDetails, 'output')),
                HealthResponse: withoutDialect(toJsonSchema(HealthResponse, 'output'))
            }
        },
        security: [{ bearerKey: [] }],
        paths: {
            '/v1/deals/score': {
                post: {
                    operationId: 'scoreDeals',
                    summary: 'Score 1 to 500 deals',
                    requestBody: {
                        required: true,
                        content: { 'application/json': { schema: { $ref: '#/components/schemas/ScoreRequest' } } }
                    },
                    responses: {
                        '200': {
                            description: 'One result per deal, in request order',
                            content: {
                                'application/json': { schema: { $ref: '#/components/schemas/ScoreResponse' } }
                            }
                        },
                        '400': problemResponse('The body violates the contract; `errors` lists each path'),
                        '401': problemResponse('Missing or invalid bearer key'),
                        '413': problemResponse('Body larger than the configured limit'),
                        '415': problemResponse('Content type is not application/json'),
                        '429': problemResponse('Rate limit for this key exceeded; see Retry-After')
                    }
                }
            },
            '/v1/calls/analyze': {
                post: {
                    operationId: 'analyzeCall',
                    summary:
                        'Read one call (notes or transcript, max 100,000 characters): summary, quoted CRM proposals, coaching',
                    requestBody: {
                        required: true,
                        content: {
                            'application/json': { schema: { $ref: '#/components/schemas/CallAnalysisRequest' } }
                        }
                    },
                    responses: {
                        '200': {
                            description:
                                'The analysis; every proposal is on the allow-list and quotes the text verbatim (offsets given)',
                            content: {
                                'application/json': { schema: { $ref: '#/components/schemas/CallAnalysisResponse' } }
                            }
                        },
                        '400': problemResponse('The body violates the contract; `errors` lists each path'),
                        '401': problemResponse('Missing or invalid bearer key'),
                        '413': problemResponse('Body larger than the configured limit'),
                        '415': problemResponse('Content type is not application/json'),
                        '429': problemResponse('Rate limit for this key exceeded; see Retry-After')
                    }
                }
            },
            '/v1/reps/development': {
                post: {
                    operationId: 'analyzeRepDevelopment',
                    summary: 'Per-rep patterns against the team median, well-evidenced gaps and one suggested focus',
                    requestBody: {
                        required: true,
                        content: {
                            'application/json': { schema: { $ref: '#/components/schemas/DevelopmentRequest' } }
                        }
                    },
                    responses: {
                        '200': {
                            description: 'One entry per rep, in request order',
                            content: {
                                'application/json': { schema: { $ref: '#/components/schemas/DevelopmentResponse' } }
                            }
                        },
                        '400': problemResponse('The body violates the contract; `errors` lists each path'),
                        '401': problemResponse('Missing or invalid bearer key')
                    }
                }
            },
            '/v1/practice/turn': {
                post: {
                    operationId: 'practiceTurn',
                    summary: "A practice drill's next buyer turn, or its scorecard after the rep's last answer",
                    requestBody: {
                        required: true,
                        content: {
                            'application/json': { schema: { $ref: '#/components/schemas/PracticeTurnRequest' } }
                        }
                    },
                    responses: {
                        '200': {
                            description: 'The buyer turn or the scorecard; `mode` says who played the buyer',
                            content: {
                                'application/json': { schema: { $ref: '#/components/schemas/PracticeTurnResponse' } }
                            }
                        },
                        '400': problemResponse('The body violates the contract; `errors` lists each path'),
                        '401': problemResponse('Missing or invalid bearer key')
                    }
                }
            },
            '/v1/strategy/check': {
                post: {
                    operationId: 'checkStrategy',
                    summary: 'Verdicts of the quarterly strategy check, one per segment (1 to 100)',
                    requestBody: {
                        required: true,
                        content: {
                            'application/json': { schema: { $ref: '#/components/schemas/StrategyCheckRequest' } }
                        }
                    },
                    responses: {
                        '200': {
                            description: 'One verdict per segment, in request order, with the rules applied',
                            content: {
                                'application/json': { schema: { $ref: '#/components/schemas/StrategyCheckResponse' } }
                            }
                        },
                        '400': problemResponse('The body violates the contract; `errors` lists each path'),
                        '401': problemResponse('Missing or invalid bearer key'),
                        '429': problemResponse('Rate limit for this key exceeded; see Retry-After')
                    }
                }
            },
            '/v1/calibration/fit': {
                post: {
                    operationId: 'fitWinProbability',
                    summary:
                        "Fit and evaluate a win-probability model on the org's closed deals (1 to 20,000 examples)",
                    requestBody: {
                        required: true,
                        content: {
                            'application/json': { schema: { $ref: '#/components/schemas/CalibrationFitRequest' } }
                        }
                    },
                    responses: {
                        '200': {
                            description: 'The model and its holdout evaluation, or why no probability can be shown',
                            content: {
                                'application/json': { schema: { $ref: '#/components/schemas/CalibrationFitResponse' } }
                            }
                        },
                        '400': problemResponse('The body violates the contract; `errors` lists each path'),
                        '401': problemResponse('Missing or invalid bearer key'),
                        '413': problemResponse('Body larger than the configured limit'),
                        '429': problemResponse('Rate limit for this key exceeded; see Retry-After')
                    }
                }
            },
            '/openapi.json': {
                get: {
                    operationId: 'getOpenApiDocument',
                    summary: 'This document',
                    responses: { '200': { description: 'OpenAPI 3.1 document' } }
                }
            },
            '/healthz': {
                get: {
                    operationId: 'getLiveness',
                    security: [],
                    responses: {
                        '200': {
                            description: 'The process is up',
                            content: { 'application/json': { schema: { $ref: '#/components/schemas/HealthResponse' } } }
                        }
                    }
                }
            },
            '/readyz': {
                get: {
                    operationId: 'getReadiness',
                    security: [],
                    responses: {
                        '200': {
                            description: 'Accepting traffic',
                            content: { 'application/json': { schema: { $ref: '#/components/schemas/HealthResponse' } } }
                        },
                        '503': {
                            description: 'Shutting down',
                            content: { 'application/json': { schema: { $ref: '#/components/schemas/HealthResponse' } } }
                        }
                    }
                }
            }
        }
    };
}
