/**
 * `npm run bench`: engine throughput in-process, then score vs echo over HTTP on 127.0.0.1 (autocannon) for batches
 * of 1 and 200 deals. Prints a table; the last line is one JSON object with every figure.
 */
import autocannon from 'autocannon';
import { buildApp } from '../src/app';
import { ScoreRequest } from '../src/contract';
import { scoreDeals } from '../src/modules/scoring/engine';
import { createCallAnalyzer } from '../src/modules/calls/engine/analyze';
import { buildLongTranscript, callRequest } from '../test/support/call-factory';
import { buildBatchRequest } from '../test/support/deal-factory';

const API_KEY = 'bench-key-0123456789abcdefghijklmnopqrstuvwxyz';
const HTTP_DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS ?? 8);
const CONNECTIONS = 8;

function benchEngine(): { dealsPerSecond: number } {
    const request = ScoreRequest.parse(buildBatchRequest(500, 42));
    for (let warmup = 0; warmup < 40; warmup++) scoreDeals(request);
    let deals = 0;
    const started = process.hrtime.bigint();
    let elapsedNs = 0n;
    while (elapsedNs < 3_000_000_000n) {
        scoreDeals(request);
        deals += request.deals.length;
        elapsedNs = process.hrtime.bigint() - started;
    }
    return { dealsPerSecond: Math.round(deals / (Number(elapsedNs) / 1e9)) };
}

/** Deterministic analysis of a 60-minute transcript (~10,000 words), in-process: goal p50 < 100 ms. */
async function benchCalls(): Promise<{ words: number; characters: number; p50Ms: number; p95Ms: number }> {
    const text = buildLongTranscript();
    const request = callRequest(text, { source: 'transcript_file', extractor: 'deterministic' });
    const analyzer = createCallAnalyzer(null);
    for (let warmup = 0; warmup < 5; warmup++) await analyzer.analyze(request);
    const timings: number[] = [];
    for (let run = 0; run < 40; run++) {
        const started = performance.now();
        await analyzer.analyze(request);
        timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    const at = (quantile: number) => Math.round((timings[Math.floor(quantile * (timings.length - 1))] ?? 0) * 10) / 10;
    return { words: text.split(/\s+/).length, characters: text.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

interface HttpFigures {
    p50Ms: number;
    p99Ms: number;
    requestsPerSecond: number;
    dealsPerSecond: number;
    errors: number;
}

async function benchRoute(baseUrl: string, path: string, batchSize: number): Promise<HttpFigures> {
    const body = JSON.stringify(buildBatchRequest(batchSize, 42));
    const options = {
        url: `${baseUrl}${path}`,
        method: 'POST' as const,
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body,
        connections: CONNECTIONS
    };
    await autocannon({ ...options, duration: 1 }); // warm-up
    const result = await autocannon({ ...options, duration: HTTP_DURATION_SECONDS });
    const requestsPerSecond = Math.round(result.requests.average);
    return {
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        requestsPerSecond,
        dealsPerSecond: requestsPerSecond * batchSize,
        errors: result.errors + result.non2xx
    };
}

async function main(): Promise<void> {
    const engine = benchEngine();
    console.log(`engine: ${engine.dealsPerSecond.toLocaleString('en-US')} deals/s (one core)`);
    const calls = await benchCalls();
    console.log(
        `calls: ${calls.words.toLocaleString('en-US')}-word transcript, deterministic analysis p50 ${calls.p50Ms} ms  p95 ${calls.p95Ms} ms`
    );

    const app = buildApp({
        settings: {
            apiKeys: [API_KEY],
            bodyLimitBytes: 5 * 1024 * 1024,
            rateLimit: { max: 10_000_000, windowMs: 60_000 }
        },
        logger: false,
        enableEchoRoute: true
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    const baseUrl = `http://127.0.0.1:${address.port}`;

    const http: Record<
        string,
        { score: HttpFigures; echo: HttpFigures; latencyRatioP50: number; throughputRatio: number }
    > = {};
    for (const batchSize of [1, 200]) {
        const score = await benchRoute(baseUrl, '/v1/deals/score', batchSize);
        const echo = await benchRoute(baseUrl, '/v1/echo', batchSize);
        // Ratio of score to echo cost: > 1 means scoring adds work on top of parsing and validating.
        const latencyRatioP50 = Math.round((score.p50Ms / Math.max(echo.p50Ms, 0.001)) * 100) / 100;
        const throughputRatio = Math.round((echo.requestsPerSecond / Math.max(score.requestsPerSecond, 1)) * 100) / 100;
        http[`batch${batchSize}`] = { score, echo, latencyRatioP50, throughputRatio };
        for (const [route, figures] of [
            ['score', score],
            ['echo', echo]
        ] as const) {
            console.log(
                `batch ${String(batchSize).padStart(3)} ${route.padEnd(5)} p50 ${figures.p50Ms} ms  p99 ${figures.p99Ms} ms  ${figures.requestsPerSecond} req/s  ${figures.dealsPerSecond} deals/s  errors ${figures.errors}`
            );
        }
        console.log(
            `batch ${String(batchSize).padStart(3)} score ÷ echo: p50 ${latencyRatioP50}×, throughput cost ${throughputRatio}×`
        );
    }
    await app.close();

    const batch200 = http.batch200;
    const summary = {
        engineDealsPerSecond: engine.dealsPerSecond,
        engineGoalMet: engine.dealsPerSecond >= 100_000,
        calls,
        callsGoalMet: calls.p50Ms < 100,
        http,
        batch200GoalMet: batch200 ? batch200.throughputRatio <= 1.25 : false,
        connections: CONNECTIONS,
        durationSeconds: HTTP_DURATION_SECONDS
    };
    console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
