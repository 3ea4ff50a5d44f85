// Locates the files of an SFDX project that the checks read. Paths are absolute inside, relative in findings.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface SfdxProject {
    root: string;
    packageDirectories: string[];
}

export function loadSfdxProject(root: string): SfdxProject {
    const projectFile = join(root, 'sfdx-project.json');
    if (!existsSync(projectFile)) {
        throw new Error(`No sfdx-project.json in ${root}`);
    }
    const parsed = JSON.parse(readFileSync(projectFile, 'utf8')) as { packageDirectories?: Array<{ path?: unknown }> };
    const packageDirectories = (parsed.packageDirectories ?? []).map((dir) => {
        if (typeof dir.path !== 'string') {
            throw new Error('sfdx-project.json: every packageDirectories entry needs a "path"');
        }
        return join(root, dir.path);
    });
    if (packageDirectories.length === 0) {
        throw new Error('sfdx-project.json declares no packageDirectories');
    }
    return { root, packageDirectories };
}

export function walkFiles(dir: string, accept: (path: string) => boolean): string[] {
    if (!existsSync(dir)) {
        return [];
    }
    const found: string[] = [];
    for (const entry of readdirSync(dir).sort()) {
        if (entry === 'node_modules' || entry.startsWith('.')) {
            continue;
        }
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) {
            found.push(...walkFiles(path, accept));
        } else if (accept(path)) {
            found.push(path);
        }
    }
    return found;
}

export function projectFiles(project: SfdxProject, accept: (path: string) => boolean): string[] {
    return project.packageDirectories.flatMap((dir) => walkFiles(dir, accept));
}

export const isApexSource = (path: string): boolean => path.endsWith('.cls') || path.endsWith('.trigger');

const isInTestFolder = (path: string): boolean => path.split(sep).includes('__tests__');

/** Authored component sources: `lwc/<name>/*.ts`, excluding tests and declaration files. */
export const isComponentSource = (path: string): boolean =>
    path.split(sep).includes('lwc') && path.endsWith('.ts') && !path.endsWith('.d.ts') && !isInTestFolder(path);

export function toProjectPath(project: SfdxProject, absolutePath: string): string {
    return relative(project.root, absolutePath).split(sep).join('/');
}
