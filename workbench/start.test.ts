// `npm start` as a user runs it: a real child process, real ports.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { isPortFree } from './start';

const START = join(__dirname, 'start.ts');

async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    await new Promise<void>((done) => server.close(() => done()));
    return port;
}

async function occupy(port: number): Promise<Server> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
    return server;
}

interface Run {
    code: number | null;
    output: string;
}

/** Runs `npm start`'s script; `until` ends it with SIGTERM once the output contains that text. */
function runStart(args: string[], until?: string, onReady?: () => Promise<void>): Promise<Run> {
    return new Promise((resolveRun, reject) => {
        const child = spawn(process.execPath, [require.resolve('tsx/cli'), START, ...args], {
            env: { ...process.env, SERVICE_API_KEYS: '', LOG_LEVEL: 'warn' },
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let output = '';
        let signalled = false;
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        const onData = (chunk: Buffer) => {
            output += chunk.toString();
            if (until && !signalled && output.includes(until)) {
                signalled = true;
                Promise.resolve(onReady?.())
                    .then(() => child.kill('SIGTERM'))
                    .catch(reject);
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('error', reject);
        child.on('exit', (code) => {
            clearTimeout(timer);
            resolveRun({ code, output });
        });
    });
}

async function eventuallyFree(port: number): Promise<boolean> {
    for (let attempt = 0; attempt < 50; attempt++) {
        if (await isPortFree(port)) return true;
        await new Promise((done) => setTimeout(done, 100));
    }
    return false;
}

describe('npm start', () => {
    jest.setTimeout(90_000);

    it.each([
        { busy: 'workbench', label: 'workbench', flag: '--workbench-port', other: 'service' },
        { busy: 'service', label: 'Execution Loop service', flag: '--service-port', other: 'workbench' }
    ] as const)(
        'says which flag moves the busy $busy port, and starts nothing',
        async ({ busy, label, flag, other }) => {
            const ports = { service: await freePort(), workbench: await freePort() };
            const blocker = await occupy(ports[busy]);
            try {
                const run = await runStart([
                    '--service-port',
                    String(ports.service),
                    '--workbench-port',
                    String(ports.workbench)
                ]);
                expect(run.code).toBe(1);
                expect(run.output).toContain(`Port ${ports[busy]} (${label}) is already in use`);
                expect(run.output).toContain(`npm start -- ${flag} ${ports[busy] + 1}`);
                expect(run.output).not.toContain('EADDRINUSE');
                // Both ports are checked before anything starts: the other one was never taken.
                expect(await isPortFree(ports[other])).toBe(true);
            } finally {
                blocker.close();
            }
        }
    );

    it('stops the service with itself: no child process is left behind', async () => {
        const servicePort = await freePort();
        const workbenchPort = await freePort();
        let listening: boolean[] = [];
        const run = await runStart(
            ['--service-port', String(servicePort), '--workbench-port', String(workbenchPort), '--deals', '20'],
            'Press Ctrl-C to stop.',
            async () => {
                listening = [!(await isPortFree(servicePort)), !(await isPortFree(workbenchPort))];
            }
        );
        expect(listening).toEqual([true, true]);
        expect(run.output).toContain(`http://127.0.0.1:${servicePort}`);
        expect(await eventuallyFree(servicePort)).toBe(true);
        expect(await eventuallyFree(workbenchPort)).toBe(true);
    });
});
