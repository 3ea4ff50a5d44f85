// `npm start`: the local, org-free experience. Today it starts the scoring service on 127.0.0.1 (the build has run
// already, as `npm start` builds first). Ctrl-C (or SIGTERM) stops it cleanly.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..');
const port = process.env.PORT ?? '3100';
// A throwaway key for this local session unless one is given; a real deployment sets SCORING_API_KEYS itself.
const apiKey = process.env.SCORING_API_KEYS?.split(',')[0]?.trim() || `local-${randomBytes(18).toString('hex')}`;

const service = spawn(process.execPath, [require.resolve('tsx/cli'), resolve(repoRoot, 'service/src/server.ts')], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
        ...process.env,
        PORT: port,
        HOST: '127.0.0.1',
        SCORING_API_KEYS: process.env.SCORING_API_KEYS ?? apiKey,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info'
    }
});

console.log(`Execution Loop scoring service: http://127.0.0.1:${port}  (health: /healthz, contract: /openapi.json)`);
console.log(`API key for this session: ${apiKey}`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    service.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
service.on('exit', (code, signal) => {
    process.exitCode = stopping ? 0 : (code ?? (signal ? 1 : 0));
    if (!stopping) console.error(`The scoring service stopped unexpectedly (${signal ?? `exit ${code}`}).`);
});
