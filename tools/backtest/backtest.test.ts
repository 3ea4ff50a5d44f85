import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASETS_ENV, datasetRootCandidates } from '../../workbench/orgs/datasets';
import { backtest, run } from './cli';
import { MAVEN_SCORING_DAY, mavenSource, readCsv, sampleOrgSource } from './sources';

const mavenFolder = datasetRootCandidates()
    .map((root) => join(root, 'maven-crm'))
    .find((folder) => existsSync(folder));
if (!mavenFolder) console.warn('backtest: the shared maven-crm data set is absent, so its checks are skipped');
const withMaven = mavenFolder ? it : it.skip;

describe('npm run backtest', () => {
    it('reports a data set whose folder is absent as skipped, saying where it looked', () => {
        const empty = mkdtempSync(join(tmpdir(), 'no-datasets-'));
        const previous = process.env[DATASETS_ENV];
        process.env[DATASETS_ENV] = empty;
        try {
            const row = run('Maven CRM', mavenSource);
            expect(row.status).toBe('skipped');
            expect(row.note).toContain(join(empty, 'maven-crm'));
        } finally {
            if (previous === undefined) delete process.env[DATASETS_ENV];
            else process.env[DATASETS_ENV] = previous;
            rmSync(empty, { recursive: true, force: true });
        }
    });

    it('sees sample-org deals only before their outcome, and reports what it measured', () => {
        const source = sampleOrgSource(1500);
        expect(source.examples.length).toBeGreaterThan(50);
        for (const example of source.examples) {
            expect(example.features.score).not.toBeNull();
            expect(example.stageProbability).toBeGreaterThan(0);
            expect(example.stageProbability).toBeLessThan(1);
        }
        const row = backtest(source);
        expect(row.won + row.lost).toBe(source.examples.length);
        expect(['calibrated', 'not_better_than_baseline', 'insufficient_history']).toContain(row.status);
    });

    withMaven('uses no Maven fact known only after the outcome (list prices, never close values)', () => {
        const source = mavenSource();
        const prices = new Set(readCsv(join(mavenFolder!, 'products.csv')).map((row) => Number(row.sales_price)));
        const pipeline = readCsv(join(mavenFolder!, 'sales_pipeline.csv'));
        const closedLate = pipeline.filter(
            (row) =>
                (row.deal_stage === 'Won' || row.deal_stage === 'Lost') &&
                row.engage_date &&
                row.close_date &&
                Date.parse(row.close_date) - Date.parse(row.engage_date) > MAVEN_SCORING_DAY * 86_400_000
        );
        expect(source.examples).toHaveLength(closedLate.length);
        expect(source.examples.filter((e) => e.won)).toHaveLength(
            closedLate.filter((row) => row.deal_stage === 'Won').length
        );
        for (const example of source.examples) {
            expect(example.features.amount === null || prices.has(example.features.amount)).toBe(true);
            expect(example.features.score).toBeNull();
        }
    });
});
