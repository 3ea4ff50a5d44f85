// Field-level security coverage: a custom field deployed from source is visible to nobody until a permission set
// grants it, and user-mode SOQL then fails at run time. The admin permission set must grant read on every custom
// field the package defines (master-detail and required fields are always readable and cannot be listed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from './findings';
import { toProjectPath, type SfdxProject } from './project';

export const FULL_ACCESS_PERMISSION_SET = 'Execution_Loop_Admin';

/** `Object.Field` names a permission set grants read on. */
export function readableFields(permissionSetXml: string): Set<string> {
    const readable = new Set<string>();
    for (const block of permissionSetXml.matchAll(/<fieldPermissions>([\s\S]*?)<\/fieldPermissions>/g)) {
        const body = block[1] ?? '';
        const field = /<field>\s*([^<\s]+)\s*<\/field>/.exec(body)?.[1];
        if (field && /<readable>\s*true\s*<\/readable>/.test(body)) readable.add(field);
    }
    return readable;
}

/** Whether a field must be listed in a permission set to be visible (not master-detail, not required). */
export function needsFieldPermission(fieldXml: string): boolean {
    return !/<type>\s*MasterDetail\s*<\/type>/.test(fieldXml) && !/<required>\s*true\s*<\/required>/.test(fieldXml);
}

export function checkPermissionCoverage(project: SfdxProject): Finding[] {
    const findings: Finding[] = [];
    for (const dir of project.packageDirectories) {
        const base = join(dir, 'main', 'default');
        const permissionSetFile = join(base, 'permissionsets', `${FULL_ACCESS_PERMISSION_SET}.permissionset-meta.xml`);
        const objectsDir = join(base, 'objects');
        if (!existsSync(objectsDir)) continue;
        const granted = existsSync(permissionSetFile)
            ? readableFields(readFileSync(permissionSetFile, 'utf8'))
            : new Set();
        for (const objectName of readdirSync(objectsDir)) {
            // Custom metadata fields are governed by custom metadata type access, not field permissions.
            if (objectName.endsWith('__mdt')) continue;
            const fieldsDir = join(objectsDir, objectName, 'fields');
            if (!existsSync(fieldsDir)) continue;
            for (const file of readdirSync(fieldsDir)) {
                const fieldPath = join(fieldsDir, file);
                const fieldName = `${objectName}.${file.replace(/\.field-meta\.xml$/, '')}`;
                if (needsFieldPermission(readFileSync(fieldPath, 'utf8')) && !granted.has(fieldName)) {
                    findings.push({
                        step: 'contracts',
                        file: toProjectPath(project, fieldPath),
                        line: 1,
                        message: `${fieldName} is not readable in the ${FULL_ACCESS_PERMISSION_SET} permission set, so no user can see it after install`
                    });
                }
            }
        }
    }
    return findings;
}
