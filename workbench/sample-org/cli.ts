// `npm run sample-org -- [--deals N] [--seed S] [--as-of YYYY-MM-DD] [--out file.json]`: generates the deterministic
// sample org. With --out, writes the data set as JSON; always prints a summary (counts by object, band and risk).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_AS_OF, DEFAULT_DEALS, DEFAULT_SEED, generateSampleOrg, MAX_DEALS } from './generate';
import { isValidIsoDate } from './dates';
import { summarizeSampleOrg } from './summary';

export const USAGE = `Usage: npm run sample-org -- [--deals N] [--seed S] [--as-of YYYY-MM-DD] [--out file.json]
  --deals   number of opportunities, 1..${MAX_DEALS} (default ${DEFAULT_DEALS})
  --seed    PRNG seed, an integer 0..4294967295 (default ${DEFAULT_SEED}); same seed, same bytes
  --as-of   the org's "today" (default ${DEFAULT_AS_OF})
  --out     write the data set as JSON to this file (default: print the summary only)`;

export interface SampleOrgCliOptions {
    deals: number;
    seed: number;
    asOf: string;
    out: string | null;
    help: boolean;
}

export class UsageError extends Error {}

function parseInteger(flag: string, raw: string, min: number, max: number): number {
    if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${flag} must be an integer, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max) throw new UsageError(`--${flag} must be from ${min} to ${max}, got ${value}`);
    return value;
}

export function parseSampleOrgArgs(argv: readonly string[]): SampleOrgCliOptions {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            options: {
                deals: { type: 'string' },
                seed: { type: 'string' },
                'as-of': { type: 'string' },
                out: { type: 'string' },
                help: { type: 'boolean', short: 'h' }
            },
            strict: true,
            allowPositionals: false
        });
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
    const { values } = parsed;
    const asOf = values['as-of'] ?? DEFAULT_AS_OF;
    if (!isValidIsoDate(asOf)) throw new UsageError(`--as-of must be a date formatted YYYY-MM-DD, got "${asOf}"`);
    if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a file name');
    return {
        deals: values.deals === undefined ? DEFAULT_DEALS : parseInteger('deals', values.deals, 1, MAX_DEALS),
        seed: values.seed === undefined ? DEFAULT_SEED : parseInteger('seed', values.seed, 0, 0xffffffff),
        asOf,
        out: values.out ?? null,
        help: values.help ?? false
    };
}

export function runSampleOrgCli(argv: readonly string[], log: (line: string) => void = console.log): void {
    const options = parseSampleOrgArgs(argv);
    if (options.help) {
        log(USAGE);
        return;
    }
    const started = process.hrtime.bigint();
    const org = generateSampleOrg({ deals: options.deals, seed: options.seed, asOf: options.asOf });
    const elapsedMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
    if (options.out) {
        const file = resolve(options.out);
        writeFileSync(file, JSON.stringify(org));
        log(`Wrote ${file}`);
    }
    log(JSON.stringify({ ...summarizeSampleOrg(org), generationMs: elapsedMs }, null, 2));
}

if (require.main === module) {
    try {
        runSampleOrgCli(process.argv.slice(2));
    } catch (error) {
        if (error instanceof UsageError) {
            console.error(`sample-org: ${error.message}\n\n${USAGE}`);
            process.exitCode = 2;
        } else {
            console.error(`sample-org: ${(error as Error).stack ?? String(error)}`);
            process.exitCode = 1;
        }
    }
}
