// `npm start`: the org-free product on 127.0.0.1. It starts the Execution Loop service (a child process, as deployed) and
// the workbench server: the real components, compiled by `npm run build` and bundled by `npm run build:workbench`,
// talking to the local stand-in for the org, which calls the Execution Loop service with an API key as the Named
// Credential would. Ctrl-C (or SIGTERM) stops both.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WORKBENCH_DIST } from './build';
import { isWorkbenchOrgName, loadWorkbenchOrg, WORKBENCH_ORGS } from './orgs';
import { startStandInServer } from './twin/server';
import { WorkbenchStore } from './twin/store';

const repoRoot = resolve(__dirname, '..');

function portOption(name: string, value: string | undefined, fallback: number): number {
    if (value === undefined) return fallback;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new Error(`--${name} must be a port number (1-65535), got "${value}"`);
    return port;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        try {
            if ((await fetch(`${url}/healthz`)).ok) return;
        } catch {
            // Not listening yet.
        }
        await new Promise((resolveWait) => setTimeout(resolveWait, 200));
    }
    throw new Error(`The Execution Loop service did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            'service-port': { type: 'string' },
            'workbench-port': { type: 'string' },
            deals: { type: 'string' },
            org: { type: 'string' }
        }
    });
    const orgName = values.org ?? 'sample';
    if (!isWorkbenchOrgName(orgName))
        throw new Error(`--org must be one of ${WORKBENCH_ORGS.join(', ')}, got "${orgName}"`);
    if (orgName !== 'sample' && values.deals !== undefined)
        throw new Error(`--deals applies to the generated sample org only; --org ${orgName} has its own deals`);
    const servicePort = portOption('service-port', values['service-port'] ?? process.env.PORT, 3100);
    const workbenchPort = portOption('workbench-port', values['workbench-port'], 3200);
    const deals = values.deals === undefined ? 400 : Number(values.deals);
    if (!Number.isInteger(deals) || deals < 1 || deals > 50_000)
        throw new Error(`--deals must be 1-50000, got "${values.deals}"`);
    // A throwaway key for this local session unless one is given; a real deployment sets SERVICE_API_KEYS itself.
    const apiKey = process.env.SERVICE_API_KEYS?.split(',')[0]?.trim() || `local-${randomBytes(24).toString('hex')}`;
    const serviceUrl = `http://127.0.0.1:${servicePort}`;

    // The org loads before the service starts, so a missing data set stops here with its message.
    const org = loadWorkbenchOrg(orgName, { asOf: new Date().toISOString().slice(0, 10), deals });

    const service = spawn(process.execPath, [require.resolve('tsx/cli'), join(repoRoot, 'service/src/server.ts')], {
        cwd: repoRoot,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
            ...process.env,
            PORT: String(servicePort),
            HOST: '127.0.0.1',
            SERVICE_API_KEYS: apiKey,
            LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn'
        }
    });
    let stopping = false;
    service.on('exit', (code, signal) => {
        if (!stopping) {
            console.error(
                `The Execution Loop service stopped (${signal ?? `exit ${code}`}); the workbench shows the last snapshots, flagged stale.`
            );
        }
    });

    const store = new WorkbenchStore({ org });
    const workbench = await startStandInServer({
        store,
        scoringUrl: serviceUrl,
        apiKey,
        staticDir: WORKBENCH_DIST,
        port: workbenchPort
    });
    await waitForHealth(serviceUrl, 30_000);

    console.log(`Service:          ${serviceUrl}  (health /healthz, contract /openapi.json)`);
    console.log(`Workbench:        ${workbench.url}/?page=record   (Opportunity record page)`);
    console.log(`                  ${workbench.url}/?page=review   (Pipeline Review tab)`);
    console.log(
        `Org: ${org.meta.source?.label ?? 'generated sample org'}, ${org.opportunities.length} deals (local stand-in for the org; writes last until you stop). API key: ${apiKey}`
    );
    console.log('Press Ctrl-C to stop.');

    const stop = async (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        service.kill(signal);
        await workbench.close();
        process.exitCode = 0;
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
    process.exit(1);
});
