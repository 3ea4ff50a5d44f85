import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const SERVER_ENTRY = join(REPO_ROOT, 'service', 'src', 'server.ts');

export interface ServerProcess {
    child: ChildProcess;
    stdout: () => string;
    stderr: () => string;
    exited: Promise<number | null>;
}

/** Runs the real entry point (`service/src/server.ts` through tsx) with exactly the given environment. */
export function spawnServer(env: Record<string, string>): ServerProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Resolves with the base URL once the server logs that it is listening. */
export async function waitForListening(server: ServerProcess, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout());
        if (match?.[1]) return match[1];
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`server did not start:\n${server.stdout()}\n${server.stderr()}`);
}
