import type { FastifyInstance } from 'fastify';
import { CalibrationFitResponse, StrategyCheckResponse } from '../../src/contract';
import { authHeaders, buildTestApp } from '../support/app';

const quarter = {
    requiredStepsDue: 100,
    requiredStepsDoneOnTime: 85,
    gatesDue: 10,
    gatesDoneOnTime: 9,
    ranPlayWon: 30,
    ranPlayLost: 10,
    offPlayWon: 10,
    offPlayLost: 30,
    medianCycleDays: 55,
    slipRate: 0.1,
    meanWonAmount: 30000
};

describe('strategy routes over HTTP', () => {
    let app: FastifyInstance;
    beforeAll(() => {
        app = buildTestApp();
    });
    afterAll(() => app.close());

    it('POST /v1/strategy/check answers a verdict per segment', async () => {
        const response = await app.inject({
            method: 'POST',
            url: '/v1/strategy/check',
            headers: authHeaders(),
            payload: {
                quarter: '2026-Q3',
                segments: [{ segment: 'A', label: 'Play A', current: quarter, previous: null }]
            }
        });
        expect(response.statusCode).toBe(200);
        expect(StrategyCheckResponse.parse(response.json()).segments[0]!.verdict).toBe('on_track');
    });

    it('POST /v1/calibration/fit says why it shows no probability on a small history', async () => {
        const response = await app.inject({
            method: 'POST',
            url: '/v1/calibration/fit',
            headers: authHeaders(),
            payload: {
                examples: [
                    {
                        closedOn: '2026-01-05',
                        won: true,
                        features: { score: 80, stageProgress: 0.5, stageAgeDays: 3, segment: null, amount: null },
                        stageProbability: 0.6
                    }
                ]
            }
        });
        expect(response.statusCode).toBe(200);
        expect(CalibrationFitResponse.parse(response.json())).toMatchObject({
            status: 'insufficient_history',
            history: { won: 1, lost: 0 }
        });
    });

    it('needs the bearer key and rejects contract violations as problem details naming the path', async () => {
        const unauthorized = await app.inject({ method: 'POST', url: '/v1/strategy/check', payload: {} });
        expect(unauthorized.statusCode).toBe(401);
        const invalid = await app.inject({
            method: 'POST',
            url: '/v1/calibration/fit',
            headers: authHeaders(),
            payload: { examples: [] }
        });
        expect(invalid.statusCode).toBe(400);
        expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(invalid.json<{ errors: Array<{ path: string }> }>().errors[0]!.path).toBe('examples');
    });
});
