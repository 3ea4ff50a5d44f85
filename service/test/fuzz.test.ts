import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { ScoreRequest, ScoreResponse } from '../src/contract';
import { toDayNumber } from '../src/modules/scoring/engine/dates';
import { authHeaders, buildTestApp, listen } from './support/app';
import { FIXTURE_AS_OF, healthyDeal } from './support/deal-factory';

const FUZZ_RUNS = 10_000;

/** A valid body with one value somewhere replaced by junk: the most realistic kind of malformed request. */
const mutatedValidBody = fc
    .tuple(fc.nat(), fc.anything({ maxDepth: 2, withNullPrototype: true, withBoxedValues: true }))
    .map(([position, junk]) => {
        const body: { asOf: string; deals: unknown[] } = {
            asOf: FIXTURE_AS_OF,
            deals: [structuredClone(healthyDeal())]
        };
        const holders: [Record<string, unknown>, string][] = [];
        const walk = (node: unknown) => {
            if (node && typeof node === 'object') {
                for (const key of Object.keys(node)) {
                    holders.push([node as Record<string, unknown>, key]);
                    walk((node as Record<string, unknown>)[key]);
                }
            }
        };
        walk(body);
        const [holder, key] = holders[position % holders.length]!;
        holder[key] = junk;
        return JSON.stringify(body) ?? 'undefined';
    });

const isContractValid = (payload: string): boolean => {
    try {
        return ScoreRequest.safeParse(JSON.parse(payload)).success;
    } catch {
        return false;
    }
};

/** Only bodies that break the contract (a mutation can land on a value that is still valid, e.g. null evidence). */
const malformedBody = fc
    .oneof(
        { arbitrary: mutatedValidBody, weight: 4 },
        { arbitrary: fc.json({ maxDepth: 3 }), weight: 2 },
        { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
        { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
        {
            arbitrary: fc.constantFrom(
                '{',
                '[]',
                'null',
                '{"__proto__":{}}',
                '{"constructor":{"prototype":{}}}',
                '\u0000'
            ),
            weight: 1
        }
    )
    .filter((payload) => !isContractValid(payload));

describe('fuzzing the score route', () => {
    let app: FastifyInstance;
    beforeAll(() => {
        app = buildTestApp();
        return app.ready();
    });
    afterAll(() => app.close());

    it(`answers ${FUZZ_RUNS} malformed bodies with 4xx, never 5xx`, async () => {
        await fc.assert(
            fc.asyncProperty(malformedBody, async (payload) => {
                const response = await app.inject({
                    method: 'POST',
                    url: '/v1/deals/score',
                    headers: authHeaders(),
                    payload
                });
                expect(response.statusCode).toBeGreaterThanOrEqual(400);
                expect(response.statusCode).toBeLessThan(500);
                expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
            }),
            { numRuns: FUZZ_RUNS }
        );
        // Still healthy afterwards, over real HTTP too.
        const baseUrl = await listen(app);
        expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    }, 240_000); // ~10 s on a quiet 2-core machine; generous so a loaded machine is not a failure
});

/** Days since 1970-01-01 of a proleptic Gregorian date, computed independently of Date (days-from-civil). */
function daysFromCivil(year: number, month: number, day: number): number {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

const MS_PER_DAY = 86_400_000;
const isoOfDayNumber = (dayNumber: number): string => {
    const date = new Date(dayNumber * MS_PER_DAY);
    return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
};

/** Years 0000-0099 half of the time: the two-digit years Date.UTC would read as 1900-1999. */
const anyIsoDate = fc
    .tuple(
        fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 })),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 })
    )
    .filter(([year, month, day]) => {
        const nextMonthStart = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
        return day <= nextMonthStart - daysFromCivil(year, month, 1);
    });

describe('fuzzing dates, including years 0000-0099', () => {
    it('reads every valid date as its own day, whatever the year', () => {
        fc.assert(
            fc.property(anyIsoDate, ([year, month, day]) => {
                const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
                expect(toDayNumber(iso)).toBe(daysFromCivil(year, month, day));
            }),
            { numRuns: 5000 }
        );
    });

    it('scores a deal dated in years 0000-0099 exactly as the same deal 2000 years later', async () => {
        const app = buildTestApp();
        await app.ready();
        const fixtureAsOf = toDayNumber(FIXTURE_AS_OF);
        const base = healthyDeal();
        const offsetOf = (iso: string | null) => (iso === null ? null : toDayNumber(iso) - fixtureAsOf);
        // 2000 years are exactly five 400-year Gregorian cycles: same leap days, same day differences.
        const cycleDays = daysFromCivil(2000, 1, 1) - daysFromCivil(0, 1, 1);
        const dealAt = (asOfDay: number, closeOffset: number) => {
            const at = (offset: number | null) => (offset === null ? null : isoOfDayNumber(asOfDay + offset));
            const deal = structuredClone(base);
            deal.createdDate = at(offsetOf(base.createdDate))!;
            deal.closeDate = at(closeOffset)!;
            deal.nextStepDate = at(offsetOf(base.nextStepDate));
            deal.activity.lastActivityDate = at(offsetOf(base.activity.lastActivityDate));
            deal.contactRoles = deal.contactRoles.map((role) => ({
                ...role,
                lastEngagedDate: at(offsetOf(role.lastEngagedDate))
            }));
            return { asOf: isoOfDayNumber(asOfDay), deals: [deal] };
        };
        const score = async (payload: ReturnType<typeof dealAt>) => {
            const response = await app.inject({
                method: 'POST',
                url: '/v1/deals/score',
                headers: authHeaders(),
                payload
            });
            expect({ status: response.statusCode, body: response.statusCode === 200 ? 'ok' : response.body }).toEqual({
                status: 200,
                body: 'ok'
            });
            const result = ScoreResponse.parse(response.json()).results[0]!;
            return {
                score: result.score,
                band: result.band,
                dimensions: result.dimensions.map((dimension) => dimension.score),
                risks: result.risks.map((risk) => risk.code)
            };
        };
        try {
            await fc.assert(
                fc.asyncProperty(
                    fc.integer({ min: daysFromCivil(2002, 1, 1), max: daysFromCivil(2099, 12, 31) }),
                    fc.integer({ min: -400, max: 400 }),
                    async (asOfDay, closeOffset) => {
                        const modern = await score(dealAt(asOfDay, closeOffset));
                        const ancient = await score(dealAt(asOfDay - cycleDays, closeOffset));
                        expect(ancient).toEqual(modern);
                    }
                ),
                { numRuns: 300 }
            );
        } finally {
            await app.close();
        }
    }, 60_000);
});

const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString'];

describe('fuzzing playbook step keys named like Object.prototype members', () => {
    it('treats them as ordinary steps: evidence for each, progress counted only when recorded', async () => {
        const app = buildTestApp();
        await app.ready();
        const base = healthyDeal();
        const steps = base.playbook!.steps;
        try {
            await fc.assert(
                fc.asyncProperty(
                    fc.uniqueArray(fc.integer({ min: 0, max: steps.length - 1 }), { minLength: 1, maxLength: 6 }),
                    fc.array(fc.constantFrom('done', 'skipped', 'not_applicable', undefined), {
                        minLength: steps.length,
                        maxLength: steps.length
                    }),
                    async (renamedIndexes, statuses) => {
                        const deal = structuredClone(base);
                        renamedIndexes.forEach((stepIndex, nameIndex) => {
                            deal.playbook!.steps[stepIndex]!.stepKey =
                                PROTOTYPE_NAMES[nameIndex % PROTOTYPE_NAMES.length]!;
                        });
                        const progress: Record<string, 'done' | 'skipped' | 'not_applicable'> = {};
                        deal.playbook!.steps.forEach((step, index) => {
                            const status = statuses[index];
                            if (status !== undefined) progress[step.stepKey] = status;
                        });
                        deal.playbook!.stepProgress = progress;
                        const response = await app.inject({
                            method: 'POST',
                            url: '/v1/deals/score',
                            headers: authHeaders(),
                            payload: { asOf: FIXTURE_AS_OF, deals: [deal] }
                        });
                        expect(response.statusCode).toBe(200);
                        const result = ScoreResponse.parse(response.json()).results[0]!;
                        const currentStage = deal.stage.stageOrder;
                        const currentSteps = deal.playbook!.steps.filter((step) => step.stageOrder === currentStage);
                        expect(result.exitCriteria?.criteria).toHaveLength(currentSteps.length);
                        for (const criterion of result.exitCriteria?.criteria ?? []) {
                            expect(typeof criterion.evidence).toBe('string');
                            expect(criterion.evidence.length).toBeGreaterThan(0);
                        }
                        const earlierRequired = deal.playbook!.steps.filter(
                            (step) => step.stageOrder < currentStage && step.isRequired
                        );
                        const earlierComplete = earlierRequired.filter((step) =>
                            ['done', 'not_applicable'].includes(progress[step.stepKey] ?? 'none')
                        ).length;
                        const adherence = result.dimensions.find((dimension) => dimension.key === 'playbookAdherence');
                        const earlierSignal = adherence?.signals.find(
                            (signal) => signal.key === 'playbookAdherence.earlier_steps'
                        );
                        if (earlierSignal !== undefined) {
                            // "<done> of <required> complete", then the open steps by title when any are open.
                            expect(
                                earlierSignal.evidence.startsWith(
                                    `${earlierComplete} of ${earlierRequired.length} complete`
                                )
                            ).toBe(true);
                        }
                    }
                ),
                { numRuns: 300 }
            );
        } finally {
            await app.close();
        }
    }, 60_000);
});
