// Replays, offline, the checks the Salesforce CLI makes on the project before it talks to an org, with the CLI's own
// libraries: `@salesforce/core` validates sfdx-project.json (schema, package directories that must exist) before
// `sf org create scratch` / `sf project deploy start`, and the scratch org definition against its schema;
// `@salesforce/packaging` parses the version number of `sf package version create`. They run twice: on the working
// tree, and on the tree a fresh clone would have (only the files git tracks), because a directory that exists here
// only as git-ignored build output fails `sf org create scratch` in CI with MissingPackageDirectoryError.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ProjectJsonSchema, ScratchOrgDefSchema, SfProjectJson } from '@salesforce/core';
import { VersionNumber } from '@salesforce/packaging';
import type { Finding } from './findings';
import { loadMetadataTypeModel, type MetadataTypeModel } from './metadata-types';
import { walkFiles, type SfdxProject } from './project';

const PROJECT_FILE = 'sfdx-project.json';

interface PackageDirectoryEntry {
    path: string;
    package?: string;
    versionNumber?: string;
    definitionFile?: string;
    unpackagedMetadata?: { path: string };
    apexTestAccess?: { permissionSets?: string | string[] };
}

/** Line (1-based) of the first occurrence of `needle` in `text`, or undefined. */
function lineOf(text: string, needle: string): number | undefined {
    const index = text.indexOf(needle);
    return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}

/** The files a fresh clone would have, relative to the root; null when the root is not inside a git work tree. */
export function trackedFiles(root: string): string[] | null {
    const run = spawnSync('git', ['-C', root, 'ls-files', '-z', '--cached', '--', '.'], { encoding: 'utf8' });
    if (run.error || run.status !== 0) return null;
    const files = run.stdout.split('\0').filter((path) => path !== '');
    // Nothing tracked: an untracked copy inside some other repository (a temp dir), not a clone of this project.
    return files.length === 0 ? null : files;
}

/** Runs the CLI's own sfdx-project.json checks on `root` and returns the error it would stop with, if any. */
async function cliProjectError(root: string): Promise<Error | undefined> {
    try {
        const projectJson = await SfProjectJson.create({ rootFolder: root, isGlobal: false, isState: false });
        projectJson.getPackageDirectoriesSync();
        return undefined;
    } catch (error) {
        return error as Error;
    }
}

/** A skeleton of the fresh clone: every tracked file's directory exists (git keeps no empty ones), plus the project file. */
function freshCloneSkeleton(root: string, tracked: string[]): string {
    const skeleton = mkdtempSync(join(tmpdir(), 'fresh-clone-'));
    for (const file of tracked) mkdirSync(join(skeleton, dirname(file)), { recursive: true });
    writeFileSync(join(skeleton, PROJECT_FILE), readFileSync(join(root, PROJECT_FILE)));
    return skeleton;
}

/**
 * The `settings` of a scratch org definition are Metadata API settings types (`opportunitySettings` →
 * OpportunitySettings); org creation fails on a setting the type does not have or a value of the wrong type.
 */
export function checkSettings(settings: unknown, model: MetadataTypeModel = loadMetadataTypeModel()): string[] {
    if (settings === undefined) return [];
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
        return ['settings must be an object of Metadata API settings types'];
    }
    const problems: string[] = [];
    for (const [key, values] of Object.entries(settings)) {
        const typeName = `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
        const definition = model.resolve(typeName);
        if (!typeName.endsWith('Settings') || definition?.kind !== 'complex') {
            problems.push(`settings.${key}: ${typeName} is not a settings type of the Metadata API`);
            continue;
        }
        const fields = model.fieldsOf(typeName);
        for (const [name, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
            const field = fields.get(name);
            const fieldType = field ? model.resolve(field.type) : undefined;
            if (!field) {
                problems.push(`settings.${key}.${name}: not a field of ${typeName}`);
            } else if (fieldType?.kind === 'primitive' && fieldType.name === 'boolean' && typeof value !== 'boolean') {
                problems.push(`settings.${key}.${name}: must be true or false`);
            } else if (fieldType?.kind === 'enum' && (typeof value !== 'string' || !fieldType.values.has(value))) {
                problems.push(`settings.${key}.${name}: '${String(value)}' is not a valid ${fieldType.name}`);
            }
        }
    }
    return problems;
}

function checkScratchDefinition(root: string, relativePath: string, report: (message: string) => void): void {
    const path = join(root, relativePath);
    if (!existsSync(path)) {
        report(`the scratch org definition ${relativePath} does not exist`);
        return;
    }
    let definition: Record<string, unknown>;
    try {
        definition = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
        report(`${relativePath} is not valid JSON: ${(error as Error).message}`);
        return;
    }
    delete definition.$schema;
    for (const message of checkSettings(definition.settings)) report(`${relativePath}: ${message}`);
    const result = ScratchOrgDefSchema.safeParse(definition);
    if (!result.success) {
        for (const issue of result.error.issues) report(`${relativePath}: ${issue.path.join('.')}: ${issue.message}`);
    }
    // The CLI rejects keys that start upper case (InvalidJsonCasing in @salesforce/core's scratchOrgInfoGenerator).
    for (const key of Object.keys(definition).filter((name) => name[0] !== name[0]?.toLowerCase())) {
        report(`${relativePath}: key '${key}' must start lower case (the CLI fails with InvalidJsonCasing)`);
    }
}

function permissionSetNames(project: SfdxProject): Set<string> {
    const suffix = '.permissionset-meta.xml';
    return new Set(
        project.packageDirectories.flatMap((dir) =>
            walkFiles(dir, (path) => path.endsWith(suffix)).map((path) => basename(path, suffix))
        )
    );
}

/**
 * forcedotcom/cli #2735: `sf package version create` fails with "<permission set>: invalid cross reference id" when
 * the package holds an ExternalServiceRegistration and a permission set that grants a named principal. A package may
 * have either, not both, until Salesforce fixes it.
 */
function namedPrincipalWithExternalServices(project: SfdxProject): Finding[] {
    return project.packageDirectories.flatMap((dir) => {
        const registrations = walkFiles(dir, (path) => path.endsWith('.externalServiceRegistration-meta.xml'));
        if (registrations.length === 0) return [];
        return walkFiles(dir, (path) => path.endsWith('.permissionset-meta.xml'))
            .filter((path) => readFileSync(path, 'utf8').includes('<externalCredentialPrincipalAccesses>'))
            .map((path) => ({
                step: 'sfdx-project' as const,
                file: relative(project.root, path).split(sep).join('/'),
                message: `grants a named principal in a package that also holds an ExternalServiceRegistration (${basename(registrations[0]!)}): \`sf package version create\` fails with "invalid cross reference id" (forcedotcom/cli #2735)`
            }));
    });
}

export async function runProjectChecks(project: SfdxProject): Promise<{ findings: Finding[]; summary: string }> {
    const findings: Finding[] = [];
    const text = readFileSync(join(project.root, PROJECT_FILE), 'utf8');
    const report = (message: string, needle?: string) =>
        findings.push({
            step: 'sfdx-project',
            file: PROJECT_FILE,
            line: needle ? (lineOf(text, needle) ?? 1) : 1,
            message
        });

    const contents = JSON.parse(text) as { packageDirectories?: PackageDirectoryEntry[] };
    const schema = ProjectJsonSchema.safeParse(contents);
    if (!schema.success) {
        for (const issue of schema.error.issues) {
            const lastKey = [...issue.path].reverse().find((part) => typeof part === 'string');
            report(`schema: ${issue.path.join('.')}: ${issue.message}`, lastKey ? `"${lastKey}"` : undefined);
        }
    }

    const missingPathOf = (error: Error) => /The path "([^"]+)"/.exec(error.message)?.[1];
    const workingTreeError = await cliProjectError(project.root);
    if (workingTreeError) {
        const missingPath = missingPathOf(workingTreeError);
        report(
            `${workingTreeError.name}: ${workingTreeError.message}`,
            missingPath ? `"path": "${missingPath}"` : undefined
        );
    }

    const tracked = trackedFiles(project.root);
    let freshCloneNote = 'not a git work tree: the fresh-clone replay checked the files on disk';
    if (tracked) {
        freshCloneNote = `fresh-clone replay over ${tracked.length} tracked file(s)`;
        const skeleton = freshCloneSkeleton(project.root, tracked);
        try {
            const freshCloneError = await cliProjectError(skeleton);
            if (freshCloneError && freshCloneError.message !== workingTreeError?.message) {
                const missingPath = missingPathOf(freshCloneError);
                report(
                    `in a fresh clone (only the files git tracks) the CLI stops with ${freshCloneError.name}: ${freshCloneError.message} ` +
                        'The directory holds only git-ignored or untracked files here; commit a file in it or build it before `sf org create scratch`.',
                    missingPath ? `"path": "${missingPath}"` : undefined
                );
            }
        } finally {
            rmSync(skeleton, { recursive: true, force: true });
        }
    }

    const isTracked = (relativePath: string) =>
        tracked === null || tracked.some((file) => file === relativePath || file.startsWith(`${relativePath}/`));
    const knownPermissionSets = permissionSetNames(project);
    for (const entry of contents.packageDirectories ?? []) {
        if (!entry.package) continue;
        try {
            VersionNumber.from(entry.versionNumber);
        } catch (error) {
            report(`package "${entry.package}": ${(error as Error).message}`, '"versionNumber"');
        }
        if (!entry.definitionFile) {
            report(
                `package "${entry.package}" has no definitionFile: the build org of \`sf package version create\` lacks the features and settings the metadata needs`,
                `"package": "${entry.package}"`
            );
        } else {
            checkScratchDefinition(project.root, entry.definitionFile, (message) =>
                report(message, `"definitionFile"`)
            );
            if (!isTracked(entry.definitionFile)) {
                report(`definitionFile ${entry.definitionFile} is not tracked by git`, '"definitionFile"');
            }
        }
        const unpackaged = entry.unpackagedMetadata?.path;
        if (unpackaged && (!existsSync(join(project.root, unpackaged)) || !isTracked(unpackaged))) {
            report(
                `unpackagedMetadata path "${unpackaged}" does not exist in a fresh clone; \`sf package version create\` fails on it`,
                '"unpackagedMetadata"'
            );
        }
        const testPermissionSets = entry.apexTestAccess?.permissionSets ?? [];
        for (const name of Array.isArray(testPermissionSets) ? testPermissionSets : [testPermissionSets]) {
            if (!knownPermissionSets.has(name)) {
                report(
                    `apexTestAccess names the permission set '${name}', which no package directory defines`,
                    `"${name}"`
                );
            }
        }
    }

    findings.push(...namedPrincipalWithExternalServices(project));

    const scratchDefinitions = ['config/project-scratch-def.json'].filter((path) =>
        existsSync(join(project.root, path))
    );
    for (const definition of scratchDefinitions) {
        if (!(contents.packageDirectories ?? []).some((entry) => entry.definitionFile === definition)) {
            checkScratchDefinition(project.root, definition, (message) => report(message));
        }
    }
    return {
        findings,
        summary: `${(contents.packageDirectories ?? []).length} package directories, ${freshCloneNote}`
    };
}
