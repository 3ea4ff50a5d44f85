/**
 * Where the public data sets live: read at run time, never copied into the repository (they state no licence).
 * `EXECUTION_LOOP_DATASETS` names the folder; otherwise the nearest `shared/datasets` beside the repository or one of
 * its parent folders (a clone at /work/main and a worktree at /work/wt/<name> both find /work/shared/datasets).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const DATASETS_ENV = 'EXECUTION_LOOP_DATASETS';
const REPO_ROOT = resolve(__dirname, '..', '..');

/** Candidate folders, most specific first. */
export function datasetRootCandidates(env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): string[] {
    const configured = env[DATASETS_ENV]?.trim();
    if (configured) return [resolve(configured)];
    const candidates: string[] = [];
    for (let folder = dirname(repoRoot); ; folder = dirname(folder)) {
        candidates.push(join(folder, 'shared', 'datasets'));
        if (dirname(folder) === folder) break;
    }
    return candidates;
}

/** The folder of one data set (e.g. `maven-crm`); a clear error naming every place looked at when it is absent. */
export function resolveDataset(name: string, env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): string {
    const tried = datasetRootCandidates(env, repoRoot).map((root) => join(root, name));
    const found = tried.find((folder) => existsSync(folder));
    if (found) return found;
    throw new Error(
        `The public data set "${name}" was not found. Looked in: ${tried.join(', ')}. ` +
            `Put the data sets in ../shared/datasets (relative to the repository) or set ${DATASETS_ENV} to their folder.`
    );
}
