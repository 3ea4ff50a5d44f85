/**
 * The Rep Development tab on the public Maven CRM data set loaded as an org (`npm start -- --org maven`): the figures
 * the tab shows for every agent, checked against an independent computation straight from the CSV file (each agent's
 * win rate and median won cycle, and how many deals each rests on). Skipped, with its reason, when
 * ../shared/datasets does not hold the data set: the project ships no copy of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { DevelopmentResult, DevelopmentView } from 'c/repDevelopmentLogic';
import { buildApp } from '../../service/src/app';
import { datasetRootCandidates } from '../orgs/datasets';
import { loadMavenOrg, MAVEN_DATASET } from '../orgs/maven/load';
import { startStandInServer, type RunningStandIn, USER_HEADER } from './server';
import { TOKEN_HEADER } from './request-guard';
import { TEST_SESSION_TOKEN as SESSION_TOKEN } from './twin-test-support';
import { WorkbenchStore } from './store';

jest.setTimeout(180_000);

const AS_OF = '2026-11-25';
const API_KEY = 'workbench-test-key-0123456789abcdefghijklmnop';
const DAY_MS = 86_400_000;
const datasetDir = datasetRootCandidates()
    .map((root) => join(root, MAVEN_DATASET))
    .find((folder) => existsSync(join(folder, 'sales_pipeline.csv')));

interface PipelineRow {
    sales_agent: string;
    deal_stage: string;
    engage_date: string;
    close_date: string;
}

/** Per agent, from the CSV alone: won, lost, and the won deals' cycles in days (close − engage). */
function independentFigures(folder: string) {
    const rows = parse(readFileSync(join(folder, 'sales_pipeline.csv')), { columns: true }) as PipelineRow[];
    const agents = new Map<string, { won: number; lost: number; cycles: number[] }>();
    for (const row of rows) {
        const agent = agents.get(row.sales_agent) ?? { won: 0, lost: 0, cycles: [] };
        if (row.deal_stage === 'Won') {
            agent.won += 1;
            agent.cycles.push((Date.parse(row.close_date) - Date.parse(row.engage_date)) / DAY_MS);
        }
        if (row.deal_stage === 'Lost') agent.lost += 1;
        agents.set(row.sales_agent, agent);
    }
    const middle = (values: number[]) => {
        const sorted = [...values].sort((a, b) => a - b);
        const half = Math.floor(sorted.length / 2);
        return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
    };
    return new Map(
        [...agents].map(([name, agent]) => [
            name,
            {
                closed: agent.won + agent.lost,
                won: agent.won,
                winRate: agent.won / (agent.won + agent.lost),
                medianCycle: middle(agent.cycles)
            }
        ])
    );
}

const describeReal = datasetDir ? describe : describe.skip;

describeReal(
    `Rep Development on the Maven CRM org (${datasetDir ?? 'absent from ../shared/datasets: skipped'})`,
    () => {
        let store: WorkbenchStore;
        let service: FastifyInstance;
        let standIn: RunningStandIn;

        beforeAll(async () => {
            store = new WorkbenchStore({
                org: loadMavenOrg({ datasetDir: datasetDir!, asOf: AS_OF }),
                now: () => new Date(`${AS_OF}T10:00:00.000Z`)
            });
            service = buildApp({
                settings: {
                    apiKeys: [API_KEY],
                    bodyLimitBytes: 5 * 1024 * 1024,
                    rateLimit: { max: 10_000, windowMs: 60_000 }
                },
                logger: false
            });
            await service.listen({ port: 0, host: '127.0.0.1' });
            const { port } = service.server.address() as { port: number };
            standIn = await startStandInServer({
                store,
                scoringUrl: `http://127.0.0.1:${port}`,
                apiKey: API_KEY,
                sessionToken: SESSION_TOKEN
            });
        });

        afterAll(async () => {
            await standIn?.close();
            await service?.close();
        });

        async function teamView(managerId: string): Promise<DevelopmentView> {
            const response = await fetch(`${standIn.url}/apex/RepDevelopmentController.getDevelopment`, {
                method: 'POST',
                headers: {
                    'content-type': 'application/json',
                    [TOKEN_HEADER]: SESSION_TOKEN,
                    [USER_HEADER]: managerId
                },
                body: JSON.stringify({ scope: 'my_team', repId: null }),
                signal: AbortSignal.timeout(120_000)
            });
            expect(response.status).toBe(200);
            return (await response.json()) as DevelopmentView;
        }

        it("shows every agent's win rate and median won cycle as the CSV computes them, on the same deal counts", async () => {
            const expected = independentFigures(datasetDir!);
            const seen = new Set<string>();
            for (const manager of store.org.users.filter((user) => user.level === 'manager')) {
                const view = await teamView(manager.Id);
                const development = JSON.parse(view.developmentJson) as DevelopmentResult;
                for (const rep of development.reps) {
                    const figures = expected.get(rep.name);
                    expect(figures).toBeDefined();
                    const winRate = rep.metrics.find((metric) => metric.metric === 'win_rate')!;
                    const cycle = rep.metrics.find((metric) => metric.metric === 'cycle_days')!;
                    expect(winRate.sampleSize).toBe(figures!.closed);
                    expect(winRate.value).toBeCloseTo(figures!.winRate, 4);
                    expect(cycle.sampleSize).toBe(figures!.won);
                    expect(cycle.value).toBeCloseTo(figures!.medianCycle, 4);
                    seen.add(rep.name);
                }
                expect(view.windowDays).toBe(730);
            }
            expect(seen.size).toBe(30);
            // The data set's README: agent win rates range from 55.0 % to 70.4 %.
            const rates = [...expected.values()].map((figures) => figures.winRate);
            expect(Math.min(...rates)).toBeCloseTo(0.55, 3);
            expect(Math.max(...rates)).toBeCloseTo(0.704, 3);
        });

        it('says which figures the data cannot show, and never flags or suggests from them', async () => {
            const manager = store.org.users.find((user) => user.level === 'manager')!;
            const view = await teamView(manager.Id);
            const development = JSON.parse(view.developmentJson) as DevelopmentResult;
            const uncaptured = [
                'single_threaded',
                'economic_buyer_coverage',
                'stuck',
                'close_date_push',
                'step_completion',
                // The data set logs no calls (the sample org's seeded analyses are not added to it).
                'call_steps_covered',
                'call_next_step_dated'
            ];
            expect(store.org.callAnalyses).toEqual([]);
            for (const rep of development.reps) {
                for (const key of uncaptured) {
                    expect(rep.metrics.find((metric) => metric.metric === key)).toMatchObject({
                        captured: false,
                        value: null,
                        isGap: false
                    });
                }
            }
            expect(view.dataNotes.join(' ')).toMatch(/No contact roles.*No qualification values.*No activities/);
            expect(view.focuses).toEqual([]);
        });
    }
);
