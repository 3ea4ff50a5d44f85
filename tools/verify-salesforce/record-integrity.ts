// Record integrity: deal-health snapshots are written only by the package's snapshot writer (system mode, after a
// user-mode access check), and pipeline-review decisions are created once and never edited. A permission set that
// grants reps or managers more would let them forge a score the manager's board shows, or rewrite a decision.
// Only the admin permission set may grant these (the admin also runs the nightly batch).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from './findings';
import { toProjectPath, type SfdxProject } from './project';

/** Permission sets allowed to write protected records. */
export const RECORD_WRITER_PERMISSION_SETS = new Set(['Execution_Loop_Admin']);

interface ProtectedObject {
    /** Object permissions that must stay false. */
    readonly deniedObjectAccess: readonly string[];
    /** Whether every field of the object must be read only. */
    readonly fieldsReadOnly: boolean;
    readonly why: string;
}

export const PROTECTED_OBJECTS: Readonly<Record<string, ProtectedObject>> = {
    Deal_Health_Snapshot__c: {
        deniedObjectAccess: ['allowCreate', 'allowEdit', 'allowDelete', 'modifyAllRecords'],
        fieldsReadOnly: true,
        why: 'snapshots are written only by DealHealthSnapshotWriter, so no one can set a score'
    },
    Review_Decision__c: {
        deniedObjectAccess: ['allowEdit', 'allowDelete', 'modifyAllRecords'],
        fieldsReadOnly: false,
        why: 'decisions are history: created once, never edited or deleted'
    }
};

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Findings for one permission set's XML (exported for tests). */
export function checkPermissionSetIntegrity(xml: string, file: string): Finding[] {
    const findings: Finding[] = [];
    for (const block of xml.matchAll(/<objectPermissions>([\s\S]*?)<\/objectPermissions>/g)) {
        const body = block[1] ?? '';
        const objectName = /<object>\s*([^<\s]+)\s*<\/object>/.exec(body)?.[1];
        const rule = objectName === undefined ? undefined : PROTECTED_OBJECTS[objectName];
        if (rule === undefined) continue;
        for (const access of rule.deniedObjectAccess) {
            const granted = new RegExp(`<${access}>\\s*true\\s*</${access}>`).exec(body);
            if (granted) {
                findings.push({
                    step: 'contracts',
                    file,
                    line: lineAt(xml, block.index + '<objectPermissions>'.length + granted.index),
                    message: `grants ${access} on ${objectName}: ${rule.why}`
                });
            }
        }
    }
    for (const block of xml.matchAll(/<fieldPermissions>([\s\S]*?)<\/fieldPermissions>/g)) {
        const body = block[1] ?? '';
        const fieldName = /<field>\s*([^<\s]+)\s*<\/field>/.exec(body)?.[1] ?? '';
        const rule = PROTECTED_OBJECTS[fieldName.split('.')[0] ?? ''];
        if (!rule?.fieldsReadOnly) continue;
        const editable = /<editable>\s*true\s*<\/editable>/.exec(body);
        if (editable) {
            findings.push({
                step: 'contracts',
                file,
                line: lineAt(xml, block.index + '<fieldPermissions>'.length + editable.index),
                message: `makes ${fieldName} editable: ${rule.why}`
            });
        }
    }
    return findings;
}

export function checkRecordIntegrity(project: SfdxProject): Finding[] {
    const findings: Finding[] = [];
    for (const dir of project.packageDirectories) {
        const permissionSetsDir = join(dir, 'main', 'default', 'permissionsets');
        if (!existsSync(permissionSetsDir)) continue;
        for (const entry of readdirSync(permissionSetsDir)) {
            const name = entry.replace(/\.permissionset-meta\.xml$/, '');
            if (name === entry || RECORD_WRITER_PERMISSION_SETS.has(name)) continue;
            const path = join(permissionSetsDir, entry);
            findings.push(...checkPermissionSetIntegrity(readFileSync(path, 'utf8'), toProjectPath(project, path)));
        }
    }
    return findings;
}
