// The closed deals each backtest fits on, as the calibration contract's examples: only what was known before the
// outcome. The public data sets are read at run time from the shared folder (never copied into the repository).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CalibrationExample } from '../../service/src/contract';
import { resolveDataset } from '../../workbench/orgs/datasets';
import { dayOf, isoDate } from '../../workbench/sample-org/dates';
import { generateSampleOrg, indexSampleOrg } from '../../workbench/sample-org';
import { calibrationExamples } from '../../workbench/sample-org/calibration';

export interface BacktestSource {
    name: string;
    /** What the examples are made of, and what was left out on purpose. */
    features: string;
    holdout: string;
    examples: CalibrationExample[];
}

/** The rows of a CSV file with a header line, as records of text. */
export function readCsv(file: string): Record<string, string>[] {
    return parse<Record<string, string>>(readFileSync(file, 'utf8'), {
        columns: true,
        skip_empty_lines: true,
        trim: true
    });
}

/**
 * The sample org: every closed deal seen at its earliest stored snapshot (the engine's score of that night), with
 * its stage, stage age, playbook and amount as the records stood then; the baseline is the stage's default
 * probability. Synthetic data: its outcomes were generated from the same deal qualities the engine reads.
 */
export function sampleOrgSource(deals: number): BacktestSource {
    const examples = calibrationExamples(indexSampleOrg(generateSampleOrg({ deals })));
    return {
        name: `sample org (${deals} deals)`,
        features: 'engine score at the earliest snapshot, stage progress, stage age, playbook, amount',
        holdout: 'time-based: the latest 25 % of closes',
        examples
    };
}

/** Days after engagement at which a Maven deal is seen, as an org's nightly run would have seen it. */
export const MAVEN_SCORING_DAY = 30;

/**
 * Maven CRM: each closed deal still open 30 days after engagement, seen that day. The data has no activities,
 * contacts, history or qualification fields, so there is no meaningful engine score: the model uses the product
 * (as segment), its list price (the close value is only known after a win) and the stage; the baseline is the
 * training win rate, since the data's stages carry no probability.
 */
export function mavenSource(): BacktestSource {
    const folder = resolveDataset('maven-crm');
    const prices = new Map(
        readCsv(join(folder, 'products.csv')).map((row) => [row.product!.replace(/\s+/g, ''), Number(row.sales_price)])
    );
    const examples: CalibrationExample[] = [];
    for (const row of readCsv(join(folder, 'sales_pipeline.csv'))) {
        if ((row.deal_stage !== 'Won' && row.deal_stage !== 'Lost') || !row.engage_date || !row.close_date) continue;
        const seenOn = dayOf(row.engage_date) + MAVEN_SCORING_DAY;
        if (dayOf(row.close_date) <= seenOn) continue;
        const price = prices.get(row.product!.replace(/\s+/g, ''));
        examples.push({
            closedOn: row.close_date,
            won: row.deal_stage === 'Won',
            features: {
                score: null,
                stageProgress: 1,
                stageAgeDays: MAVEN_SCORING_DAY,
                segment: row.product || null,
                amount: price === undefined || Number.isNaN(price) ? null : price
            },
            stageProbability: null
        });
    }
    return {
        name: 'Maven CRM',
        features: `product (segment) and its list price, ${MAVEN_SCORING_DAY} days after engagement; no score (no activity data)`,
        holdout: 'time-based: the latest 25 % of closes',
        examples
    };
}

/**
 * IBM Sales Win Loss: only what is known before the outcome (route to market and whether the client bought in the
 * past two years as segment, the amount). The process columns were recorded at close and would leak the outcome,
 * so they are not used. The rows carry no dates: opportunity numbers are taken as increasing over time, and the
 * holdout is the highest quarter of them.
 */
export function ibmSource(): BacktestSource {
    const folder = resolveDataset('ibm-sales-win-loss');
    const rows = readCsv(join(folder, 'sales_win_loss_78025.csv')).sort(
        (a, b) => Number(a['Opportunity Number']) - Number(b['Opportunity Number'])
    );
    const start = dayOf('2015-01-01');
    const examples = rows.map((row, rank): CalibrationExample => {
        const pastRevenue = row['Revenue From Client Past Two Years (USD)'] ?? '';
        const amount = Number(row['Opportunity Amount USD']);
        return {
            // A stand-in date from the rank, so the time-based split orders by opportunity number.
            closedOn: isoDate(start + Math.floor((rank * 730) / rows.length)),
            won: row['Opportunity Result'] === 'Won',
            features: {
                score: null,
                stageProgress: 0,
                stageAgeDays: 0,
                segment: `${row['Route To Market']} · ${pastRevenue.startsWith('0') ? 'new client' : 'existing client'}`,
                amount: Number.isFinite(amount) && amount >= 0 ? amount : null
            },
            stageProbability: null
        };
    });
    return {
        name: 'IBM Sales Win Loss',
        features:
            'route to market × new/existing client (segment), amount; process columns left out (recorded at close)',
        holdout: 'by opportunity number: the highest 25 % (the rows carry no dates)',
        examples
    };
}
