// Apex semantic type check with apex-ls (shipped as jars inside @salesforce/code-analyzer-pmd-engine, runs on Java 17).
// It resolves types, methods and SObject fields against the standard schema and the object XML in force-app.
// The same run also checks the components' `@salesforce/schema` imports: each becomes a field reference in a probe
// class added to a temporary copy of the project, so apex-ls judges them with the same schema knowledge.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import type { SchemaImport } from './component-imports';
import { StepError, type Finding } from './findings';
import { toProjectPath, type SfdxProject } from './project';

const APEX_LS_MAIN = 'io.github.apexdevtools.apexls.CheckForIssues';
const PROBE_CLASS = 'ExecutionLoopSchemaImportProbe';
const MAX_MESSAGE_LENGTH = 240;

interface ApexLsReport {
    files: Array<{
        path: string;
        messages: Array<{ start: { line: number; offset: number }; category: string; message: string }>;
    }>;
}

function apexLsClasspath(): string {
    const engineEntry = require.resolve('@salesforce/code-analyzer-pmd-engine');
    return join(dirname(engineEntry), 'java-lib', '*');
}

/** One Apex statement per schema import, each on its own line so a finding maps back to its import. */
export function buildSchemaProbe(imports: SchemaImport[]): { source: string; importAtLine: Map<number, SchemaImport> } {
    const lines = [`public with sharing class ${PROBE_CLASS} {`, '    public static void probe() {'];
    const importAtLine = new Map<number, SchemaImport>();
    imports.forEach((schemaImport, index) => {
        const { objectName, fieldPath } = schemaImport;
        let statement: string;
        if (fieldPath.length === 0) {
            statement = `Object ref${index} = ${objectName}.SObjectType;`;
        } else if (fieldPath.length === 1) {
            statement = `Object ref${index} = ${objectName}.${fieldPath[0]};`;
        } else {
            statement = `${objectName} rec${index} = null; Object ref${index} = rec${index}.${fieldPath.join('.')};`;
        }
        lines.push(`        ${statement}`);
        importAtLine.set(lines.length, schemaImport);
    });
    lines.push('    }', '}');
    return { source: `${lines.join('\n')}\n`, importAtLine };
}

/** Objects the package extends with fields but does not define (standard objects such as Opportunity). */
function isStandardObjectFolder(name: string): boolean {
    return !/__[a-z]+$/i.test(name);
}

/** object (lower case) → its custom fields (lower case) defined in the package, for every object folder. */
export function packageFieldsByObject(project: SfdxProject): Map<string, Set<string>> {
    const fields = new Map<string, Set<string>>();
    for (const dir of project.packageDirectories) {
        const objectsRoot = join(dir, 'main', 'default', 'objects');
        if (!existsSync(objectsRoot)) continue;
        for (const objectName of readdirSync(objectsRoot)) {
            const fieldsDir = join(objectsRoot, objectName, 'fields');
            if (!existsSync(fieldsDir)) continue;
            const names = fields.get(objectName.toLowerCase()) ?? new Set<string>();
            for (const file of readdirSync(fieldsDir)) {
                names.add(file.replace(/\.field-meta\.xml$/, '').toLowerCase());
            }
            fields.set(objectName.toLowerCase(), names);
        }
    }
    return fields;
}

/**
 * Copies the project for apex-ls, leaving out the package's custom fields on standard objects: apex-ls stops
 * reporting unknown fields on a standard object once the workspace extends it. Unknown-field findings that name a
 * field the package does define are then dropped (see isPackageField), so the check stays strict both ways.
 */
function copyProject(project: SfdxProject, destination: string): void {
    cpSync(join(project.root, 'sfdx-project.json'), join(destination, 'sfdx-project.json'));
    for (const dir of project.packageDirectories.filter((packageDir) => existsSync(packageDir))) {
        cpSync(dir, join(destination, relative(project.root, dir)), {
            recursive: true,
            filter: (source) => {
                if (source.includes('__tests__') || source.includes('node_modules')) return false;
                const parts = source.split(sep);
                const objectsIndex = parts.lastIndexOf('objects');
                return !(
                    objectsIndex >= 0 &&
                    parts.length > objectsIndex + 1 &&
                    isStandardObjectFolder(parts[objectsIndex + 1]!)
                );
            }
        });
    }
}

const UNKNOWN_FIELD = /^Unknown field '([^']+)' on SObject 'Schema\.([^']+)'/;

/** True when apex-ls calls a field unknown only because it was left out of its workspace (see copyProject). */
function isPackageField(message: string, packageFields: Map<string, Set<string>>): boolean {
    const match = UNKNOWN_FIELD.exec(message);
    if (!match?.[1] || !match[2]) return false;
    const fields = packageFields.get(match[2].toLowerCase());
    if (!fields) return false;
    const field = match[1].toLowerCase();
    return fields.has(field) || (field.endsWith('__r') && fields.has(field.replace(/__r$/, '__c')));
}

export interface ApexTypecheckResult {
    typeFindings: Finding[];
    schemaImportFindings: Finding[];
}

export function runApexTypecheck(project: SfdxProject, schemaImports: SchemaImport[]): ApexTypecheckResult {
    const workspace = mkdtempSync(join(tmpdir(), 'apex-ls-'));
    try {
        copyProject(project, workspace);
        const probe = buildSchemaProbe(schemaImports);
        const probeDir = join(workspace, relative(project.root, project.packageDirectories[0]!), 'probe', 'classes');
        mkdirSync(probeDir, { recursive: true });
        const probePath = join(probeDir, `${PROBE_CLASS}.cls`);
        writeFileSync(probePath, probe.source);
        writeFileSync(
            `${probePath}-meta.xml`,
            '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>64.0</apiVersion><status>Active</status></ApexClass>\n'
        );

        const run = spawnSync('java', ['-cp', apexLsClasspath(), APEX_LS_MAIN, '-n', '-w', workspace, '-f', 'json'], {
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024
        });
        if (run.error) {
            throw new StepError('apex-typecheck', `could not start Java (${run.error.message}); Java 17 is required`);
        }
        // apex-ls exits 0 when clean and 4 when it found issues; anything else means it did not check.
        if (run.status !== 0 && run.status !== 4) {
            throw new StepError('apex-typecheck', `apex-ls exited ${run.status}: ${run.stderr.trim().slice(0, 500)}`);
        }
        const stdout = run.stdout.trim();
        const report: ApexLsReport = stdout ? (JSON.parse(stdout) as ApexLsReport) : { files: [] };
        if (run.status === 4 && report.files.length === 0) {
            throw new StepError('apex-typecheck', 'apex-ls reported issues but printed none');
        }

        const result: ApexTypecheckResult = { typeFindings: [], schemaImportFindings: [] };
        const packageFields = packageFieldsByObject(project);
        for (const file of report.files) {
            for (const message of file.messages) {
                if (isPackageField(message.message, packageFields)) continue;
                const text = message.message.slice(0, MAX_MESSAGE_LENGTH);
                if (file.path === probePath) {
                    const schemaImport = probe.importAtLine.get(message.start.line);
                    result.schemaImportFindings.push({
                        step: 'contracts',
                        file: schemaImport?.file ?? 'unknown component',
                        line: schemaImport?.line,
                        message: schemaImport
                            ? `@salesforce/schema/${[schemaImport.objectName, ...schemaImport.fieldPath].join('.')} does not resolve: ${text}`
                            : text
                    });
                    continue;
                }
                result.typeFindings.push({
                    step: 'apex-typecheck',
                    file: toProjectPath(project, join(project.root, relative(workspace, file.path))),
                    line: message.start.line,
                    column: message.start.offset + 1,
                    rule: message.category,
                    message: text
                });
            }
        }
        return result;
    } finally {
        rmSync(workspace, { recursive: true, force: true });
    }
}
