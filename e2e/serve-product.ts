// `tsx e2e/serve-product.ts --deals N`: the product as the journeys start it (e2e/harness.ts), in a process of its
// own, for `npm run bench:ui`. Prints one JSON line `{ "url": ..., "token": ... }` once it listens, and stops on
// SIGTERM or when its stdin closes. The bench copies this file into a baseline build's tree, so it uses only what
// every harness version exports (startProduct and the workbench's url and token).
import { startProduct } from './harness';

async function main(): Promise<void> {
    const index = process.argv.indexOf('--deals');
    const deals = Number(index === -1 ? 10_000 : process.argv[index + 1]);
    if (!Number.isInteger(deals) || deals < 1) throw new Error('--deals takes a positive whole number');
    const product = await startProduct(deals);
    let stopping = false;
    const stop = () => {
        if (stopping) return;
        stopping = true;
        product.close().finally(() => process.exit(0));
    };
    process.on('SIGTERM', stop);
    process.stdin.on('end', stop);
    process.stdin.resume();
    console.log(JSON.stringify({ url: product.workbench.url, token: product.workbench.token }));
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
