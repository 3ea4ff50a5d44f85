import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface OrgAuth {
    instanceUrl: string;
    accessToken: string;
    username: string;
    apiVersion: string | null;
}

export const SF_CLI = resolve(__dirname, '..', '..', 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');

/** Instance URL, access token and username of an authorized org, from `sf org display --json`. */
export function resolveOrgAuth(alias: string): OrgAuth {
    let output: string;
    try {
        output = execFileSync(process.execPath, [SF_CLI, 'org', 'display', '--target-org', alias, '--json'], {
            encoding: 'utf8',
            env: { ...process.env, SF_AUTOUPDATE_DISABLE: 'true', SF_DISABLE_TELEMETRY: 'true' },
            stdio: ['ignore', 'pipe', 'pipe'],
            maxBuffer: 16 * 1024 * 1024
        });
    } catch (error) {
        const stdout = (error as { stdout?: string }).stdout ?? '';
        output = stdout;
        if (!stdout.trim().startsWith('{')) {
            throw new Error(`sf org display --target-org ${alias} failed: ${(error as Error).message}`);
        }
    }
    let parsed: { status?: number; message?: string; result?: Record<string, unknown> };
    try {
        parsed = JSON.parse(output) as typeof parsed;
    } catch {
        throw new Error(`sf org display --target-org ${alias} did not print JSON`);
    }
    const result = parsed.result;
    if (parsed.status !== 0 || !result) {
        throw new Error(`sf org display --target-org ${alias}: ${parsed.message ?? 'the org is not authorized'}`);
    }
    const instanceUrl = result['instanceUrl'];
    const accessToken = result['accessToken'];
    const username = result['username'];
    if (typeof instanceUrl !== 'string' || typeof accessToken !== 'string' || typeof username !== 'string') {
        throw new Error(`sf org display --target-org ${alias} returned no instance URL, access token or username`);
    }
    const apiVersion = typeof result['apiVersion'] === 'string' ? result['apiVersion'] : null;
    return { instanceUrl, accessToken, username, apiVersion };
}
