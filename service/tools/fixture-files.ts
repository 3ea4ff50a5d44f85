import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = join(__dirname, '..', 'contract', 'fixtures');

export interface FixturePair {
    operation: string;
    caseName: string;
    requestFile: string;
    responseFile: string;
}

/** Every `<operation>.<case>.request.json` with its `.response.json` partner (which may not exist yet). */
export function listFixturePairs(): FixturePair[] {
    return readdirSync(FIXTURES_DIR)
        .filter((file) => file.endsWith('.request.json'))
        .sort()
        .map((requestFile) => {
            const [operation = '', caseName = ''] = requestFile.replace(/\.request\.json$/, '').split(/\.(.*)/s);
            return {
                operation,
                caseName,
                requestFile: join(FIXTURES_DIR, requestFile),
                responseFile: join(FIXTURES_DIR, requestFile.replace(/\.request\.json$/, '.response.json'))
            };
        });
}

export function readJson(file: string): unknown {
    return JSON.parse(readFileSync(file, 'utf8'));
}

/** Stable formatting: 2-space indentation and a trailing newline, so diffs show only real changes. */
export function writeJson(file: string, value: unknown): void {
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
