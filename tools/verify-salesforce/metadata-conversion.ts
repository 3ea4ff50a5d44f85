// Converts the package directories to Metadata API format with the real sf CLI (offline: no org needed) and checks
// that the package.xml it writes lists every component found in the source tree.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { readCustomLabels } from '../build/custom-labels';
import { StepError, type Finding } from './findings';
import { projectFiles, toProjectPath, type SfdxProject } from './project';

/** Source-format file suffix (before `-meta.xml`) → Metadata API type, for components that are a single file. */
const TOP_LEVEL_TYPES: Record<string, string> = {
    cls: 'ApexClass',
    trigger: 'ApexTrigger',
    permissionset: 'PermissionSet',
    permissionsetgroup: 'PermissionSetGroup',
    md: 'CustomMetadata',
    flexipage: 'FlexiPage',
    tab: 'CustomTab',
    app: 'CustomApplication',
    namedCredential: 'NamedCredential',
    externalCredential: 'ExternalCredential',
    resource: 'StaticResource',
    messageChannel: 'LightningMessageChannel',
    layout: 'Layout',
    page: 'ApexPage',
    remoteSite: 'RemoteSiteSetting',
    cspTrustedSite: 'CspTrustedSite',
    customPermission: 'CustomPermission',
    globalValueSet: 'GlobalValueSet',
    quickAction: 'QuickAction'
};

/** Children of an object folder: `objects/<Object>/<folder>/<Name>.<suffix>-meta.xml` → `<Object>.<Name>`. */
const OBJECT_CHILD_TYPES: Record<string, string> = {
    field: 'CustomField',
    listView: 'ListView',
    validationRule: 'ValidationRule',
    recordType: 'RecordType',
    compactLayout: 'CompactLayout',
    webLink: 'WebLink',
    fieldSet: 'FieldSet',
    businessProcess: 'BusinessProcess'
};

/** Bundles: one component per folder. */
const BUNDLE_TYPES: Record<string, string> = { lwc: 'LightningComponentBundle', aura: 'AuraDefinitionBundle' };

export type ExpectedComponent = { type: string; member: string; file: string };

/** Derives the components a complete package.xml must list from the source files. Unknown kinds are findings. */
export function expectedComponents(project: SfdxProject): { expected: ExpectedComponent[]; unknown: Finding[] } {
    const expected: ExpectedComponent[] = [];
    const unknown: Finding[] = [];
    const metaFiles = projectFiles(
        project,
        (path) => path.endsWith('-meta.xml') && !path.includes(`${sep}__tests__${sep}`)
    );
    for (const file of metaFiles) {
        const displayPath = toProjectPath(project, file);
        const segments = file.split(sep);
        const bundleFolderIndex = segments.findIndex((segment) => segment in BUNDLE_TYPES);
        if (bundleFolderIndex >= 0 && segments.length === bundleFolderIndex + 3) {
            expected.push({
                type: BUNDLE_TYPES[segments[bundleFolderIndex]!]!,
                member: segments[bundleFolderIndex + 1]!,
                file: displayPath
            });
            continue;
        }
        const match = /^(.+)\.([A-Za-z]+)-meta\.xml$/.exec(basename(file));
        const [, name, suffix] = match ?? [];
        if (!name || !suffix) {
            unknown.push({
                step: 'metadata-conversion',
                file: displayPath,
                message: 'Unrecognised metadata file name'
            });
            continue;
        }
        const parentFolder = basename(dirname(file));
        const objectsIndex = segments.lastIndexOf('objects');
        if (suffix === 'labels') {
            // One CustomLabels file holds many labels; package.xml lists each as a CustomLabel.
            for (const label of readCustomLabels(file).keys()) {
                expected.push({ type: 'CustomLabel', member: label, file: displayPath });
            }
        } else if (suffix === 'object' && objectsIndex >= 0) {
            expected.push({ type: 'CustomObject', member: name, file: displayPath });
        } else if (suffix in OBJECT_CHILD_TYPES && objectsIndex >= 0) {
            const objectName = segments[objectsIndex + 1]!;
            expected.push({ type: OBJECT_CHILD_TYPES[suffix]!, member: `${objectName}.${name}`, file: displayPath });
        } else if (suffix in TOP_LEVEL_TYPES) {
            expected.push({ type: TOP_LEVEL_TYPES[suffix]!, member: name, file: displayPath });
        } else {
            unknown.push({
                step: 'metadata-conversion',
                file: displayPath,
                message: `Metadata kind '${suffix}' (folder ${parentFolder}) is not known to the completeness check; add it to metadata-conversion.ts`
            });
        }
    }
    return { expected, unknown };
}

/** Reads `<types><members/>…<name/></types>` from a package.xml into a set of `Type:Member`. */
export function packageXmlMembers(xml: string): Set<string> {
    const members = new Set<string>();
    for (const typeBlock of xml.matchAll(/<types>([\s\S]*?)<\/types>/g)) {
        const body = typeBlock[1] ?? '';
        const typeName = /<name>([^<]+)<\/name>/.exec(body)?.[1];
        if (!typeName) continue;
        for (const member of body.matchAll(/<members>([^<]+)<\/members>/g)) {
            members.add(`${typeName}:${member[1]}`);
        }
    }
    return members;
}

/** The project's own pinned sf CLI (its package exports no subpaths, so it is located on disk). */
function sfCliEntry(): string {
    const entry = join(__dirname, '..', '..', 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
    if (!existsSync(entry)) {
        throw new StepError('metadata-conversion', `the sf CLI is not installed at ${entry}; run npm ci`);
    }
    return entry;
}

export function runMetadataConversion(project: SfdxProject): { findings: Finding[]; componentCount: number } {
    const outputRoot = mkdtempSync(join(tmpdir(), 'sf-convert-'));
    try {
        const outputDir = join(outputRoot, 'mdapi');
        const rootDirArgs = project.packageDirectories.flatMap((dir) => ['--source-dir', relative(project.root, dir)]);
        const run = spawnSync(
            process.execPath,
            [sfCliEntry(), 'project', 'convert', 'source', ...rootDirArgs, '--output-dir', outputDir, '--json'],
            {
                cwd: project.root,
                encoding: 'utf8',
                maxBuffer: 64 * 1024 * 1024,
                env: {
                    ...process.env,
                    SF_AUTOUPDATE_DISABLE: 'true',
                    SF_DISABLE_TELEMETRY: 'true',
                    SF_HIDE_RELEASE_NOTES: 'true'
                }
            }
        );
        if (run.error) {
            throw new StepError('metadata-conversion', `could not run the sf CLI: ${run.error.message}`);
        }
        if (run.status !== 0) {
            const detail = (run.stdout || run.stderr).trim().slice(0, 2000);
            return {
                findings: [
                    {
                        step: 'metadata-conversion',
                        file: 'sfdx-project.json',
                        message: `sf project convert source failed: ${detail}`
                    }
                ],
                componentCount: 0
            };
        }
        const packageXmlPath = join(outputDir, 'package.xml');
        if (!existsSync(packageXmlPath)) {
            throw new StepError('metadata-conversion', 'sf project convert source wrote no package.xml');
        }
        const listed = packageXmlMembers(readFileSync(packageXmlPath, 'utf8'));
        const { expected, unknown } = expectedComponents(project);
        const findings: Finding[] = [...unknown];
        for (const component of expected) {
            if (!listed.has(`${component.type}:${component.member}`)) {
                findings.push({
                    step: 'metadata-conversion',
                    file: component.file,
                    message: `${component.type} ${component.member} is missing from the converted package.xml`
                });
            }
        }
        return { findings, componentCount: listed.size };
    } finally {
        rmSync(outputRoot, { recursive: true, force: true });
    }
}
