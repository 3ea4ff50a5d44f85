// `npm run backtest`: fits the win-probability model on the sample org and on the two public data sets with a
// held-out part it never sees, and prints calibrated and baseline Brier and ROC-AUC per data set, then one JSON line.
// A data set whose folder is absent is reported as skipped (with where it was looked for), never silently dropped.
import { parseArgs } from 'node:util';
import { fitWinProbability } from '../../service/src/modules/strategy/engine';
import type { CalibrationFitResponse } from '../../service/src/contract';
import { ibmSource, mavenSource, sampleOrgSource, type BacktestSource } from './sources';

interface Row {
    dataSet: string;
    examples: number;
    won: number;
    lost: number;
    status: CalibrationFitResponse['status'] | 'skipped';
    holdout: number | null;
    calibratedBrier: number | null;
    baselineBrier: number | null;
    calibratedAuc: number | null;
    baselineAuc: number | null;
    baseline: string | null;
    features: string;
    holdoutRule: string;
    note: string | null;
}

export function backtest(source: BacktestSource): Row {
    const result = fitWinProbability({ examples: source.examples });
    const evaluation = result.status === 'insufficient_history' ? null : result.evaluation;
    return {
        dataSet: source.name,
        examples: source.examples.length,
        won: result.history.won,
        lost: result.history.lost,
        status: result.status,
        holdout: evaluation?.holdoutExamples ?? null,
        calibratedBrier: evaluation?.calibrated.brier ?? null,
        baselineBrier: evaluation?.baseline.brier ?? null,
        calibratedAuc: evaluation?.calibrated.rocAuc ?? null,
        baselineAuc: evaluation?.baseline.rocAuc ?? null,
        baseline: evaluation?.baseline.kind ?? null,
        features: source.features,
        holdoutRule: source.holdout,
        note: result.status === 'calibrated' ? null : result.reason
    };
}

export function run(name: string, load: () => BacktestSource): Row {
    try {
        return backtest(load());
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!/was not found/.test(message)) throw error;
        return {
            dataSet: name,
            examples: 0,
            won: 0,
            lost: 0,
            status: 'skipped',
            holdout: null,
            calibratedBrier: null,
            baselineBrier: null,
            calibratedAuc: null,
            baselineAuc: null,
            baseline: null,
            features: '',
            holdoutRule: '',
            note: message
        };
    }
}

const cell = (value: number | string | null, width: number) => String(value ?? '—').padEnd(width);

function main(): void {
    const { values } = parseArgs({ options: { 'sample-deals': { type: 'string' } } });
    const deals = values['sample-deals'] === undefined ? 4000 : Number(values['sample-deals']);
    if (!Number.isInteger(deals) || deals < 1 || deals > 50_000) {
        throw new Error(`--sample-deals must be 1-50000, got "${values['sample-deals']}"`);
    }
    const started = Date.now();
    const rows = [
        run('sample org', () => sampleOrgSource(deals)),
        run('Maven CRM', mavenSource),
        run('IBM Sales Win Loss', ibmSource)
    ];
    console.log(
        [
            cell('data set', 26),
            cell('won/lost', 12),
            cell('holdout', 8),
            cell('Brier cal.', 11),
            cell('Brier base', 11),
            cell('AUC cal.', 9),
            cell('AUC base', 9),
            cell('baseline', 18),
            'status'
        ].join(' ')
    );
    for (const row of rows) {
        console.log(
            [
                cell(row.dataSet, 26),
                cell(`${row.won}/${row.lost}`, 12),
                cell(row.holdout, 8),
                cell(row.calibratedBrier, 11),
                cell(row.baselineBrier, 11),
                cell(row.calibratedAuc, 9),
                cell(row.baselineAuc, 9),
                cell(row.baseline, 18),
                row.status
            ].join(' ')
        );
    }
    for (const row of rows) {
        console.log(
            `- ${row.dataSet}: ${row.features || 'not run'}; holdout ${row.holdoutRule || '—'}${row.note ? `. ${row.note}` : ''}`
        );
    }
    console.log(JSON.stringify({ backtest: rows, seconds: Math.round((Date.now() - started) / 100) / 10 }));
}

if (require.main === module) main();
