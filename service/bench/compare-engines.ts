/**
 * `npm run bench:compare -- [--baseline <git ref>] [--rounds N]`: engine throughput of the working tree against a
 * committed version (default `HEAD`), measured in the same process and alternately, so machine load hits both alike.
 * The baseline's `service/src` is extracted with `git archive` under node_modules/.cache (so it resolves the same
 * packages) and loaded as it was. Both engines score the same 500-deal request built by today's factory: an older
 * engine ignores the fields it does not know. Prints one line per round, then a JSON summary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ScoreRequest } from '../src/contract';
import { scoreDeals } from '../src/modules/scoring/engine';
import { buildBatchRequest } from '../test/support/deal-factory';

type ScoreDeals = (request: ScoreRequest) => unknown;

const REPO_ROOT = join(__dirname, '..', '..');
/** Where the engine lives now, and where it lived before the modules layout (older baselines). */
const SCORING_ENTRIES = [
    join('service', 'src', 'modules', 'scoring', 'engine', 'index.ts'),
    join('service', 'src', 'scoring', 'index.ts')
];
const ROUND_NS = 1_500_000_000n;

function option(name: string, fallback: string): string {
    const index = process.argv.indexOf(`--${name}`);
    if (index === -1) return fallback;
    const value = process.argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
    return value;
}

function loadBaseline(ref: string): ScoreDeals {
    const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: REPO_ROOT })
        .toString()
        .trim();
    const directory = join(REPO_ROOT, 'node_modules', '.cache', 'engine-baseline', commit);
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    const archive = execFileSync('git', ['archive', '--format=tar', commit, 'service/src'], {
        cwd: REPO_ROOT,
        maxBuffer: 64 * 1024 * 1024
    });
    execFileSync('tar', ['-x', '-C', directory], { input: archive });
    const entry = SCORING_ENTRIES.find((candidate) => existsSync(join(directory, candidate))) ?? SCORING_ENTRIES[0]!;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module path known only at run time
    const baseline = require(join(directory, entry)) as { scoreDeals?: ScoreDeals };
    if (typeof baseline.scoreDeals !== 'function') {
        throw new Error(`${ref} (${commit.slice(0, 8)}) has no scoreDeals in ${entry}`);
    }
    console.log(`baseline: ${ref} (${commit.slice(0, 8)})`);
    return baseline.scoreDeals;
}

function dealsPerSecond(score: ScoreDeals, request: ScoreRequest): number {
    let deals = 0;
    const started = process.hrtime.bigint();
    let elapsedNs = 0n;
    while (elapsedNs < ROUND_NS) {
        score(request);
        deals += request.deals.length;
        elapsedNs = process.hrtime.bigint() - started;
    }
    return deals / (Number(elapsedNs) / 1e9);
}

const median = (values: readonly number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function main(): void {
    const ref = option('baseline', 'HEAD');
    const rounds = Number(option('rounds', '6'));
    if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive integer');
    const baseline = loadBaseline(ref);
    const request = ScoreRequest.parse(buildBatchRequest(500, 42));
    for (let warmup = 0; warmup < 30; warmup++) {
        baseline(request);
        scoreDeals(request);
    }
    const figures = { baseline: [] as number[], current: [] as number[] };
    for (let round = 1; round <= rounds; round++) {
        // Alternate which engine goes first, so neither always runs on a warmer or cooler machine.
        const order = round % 2 === 1 ? (['baseline', 'current'] as const) : (['current', 'baseline'] as const);
        for (const which of order) {
            figures[which].push(dealsPerSecond(which === 'baseline' ? baseline : scoreDeals, request));
        }
        console.log(
            `round ${round}: baseline ${Math.round(figures.baseline.at(-1)!)} deals/s, current ${Math.round(figures.current.at(-1)!)} deals/s`
        );
    }
    const baselineMedian = median(figures.baseline);
    const currentMedian = median(figures.current);
    const ratio = currentMedian / baselineMedian;
    console.log(
        `median: baseline ${Math.round(baselineMedian)} deals/s, current ${Math.round(currentMedian)} deals/s (${(ratio * 100).toFixed(1)} % of baseline)`
    );
    console.log(
        JSON.stringify({
            baseline: ref,
            baselineDealsPerSecond: Math.round(baselineMedian),
            currentDealsPerSecond: Math.round(currentMedian),
            ratio: Math.round(ratio * 1000) / 1000
        })
    );
}

main();
