import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPermissionCoverage, needsFieldPermission, readableFields } from './permission-coverage';

const field = (type: string, required = false) =>
    `<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><type>${type}</type><required>${required}</required></CustomField>`;

describe('permission coverage', () => {
    let root: string;

    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'permission-coverage-'));
        const base = join(root, 'force-app', 'main', 'default');
        mkdirSync(join(base, 'objects', 'Thing__c', 'fields'), { recursive: true });
        mkdirSync(join(base, 'objects', 'Setting__mdt', 'fields'), { recursive: true });
        mkdirSync(join(base, 'permissionsets'), { recursive: true });
        writeFileSync(join(base, 'objects', 'Thing__c', 'fields', 'Granted__c.field-meta.xml'), field('Text'));
        writeFileSync(join(base, 'objects', 'Thing__c', 'fields', 'Forgotten__c.field-meta.xml'), field('Checkbox'));
        writeFileSync(join(base, 'objects', 'Thing__c', 'fields', 'Parent__c.field-meta.xml'), field('MasterDetail'));
        writeFileSync(join(base, 'objects', 'Thing__c', 'fields', 'Key__c.field-meta.xml'), field('Text', true));
        writeFileSync(join(base, 'objects', 'Setting__mdt', 'fields', 'Value__c.field-meta.xml'), field('Text'));
        writeFileSync(
            join(base, 'permissionsets', 'Execution_Loop_Admin.permissionset-meta.xml'),
            `<PermissionSet><fieldPermissions><editable>false</editable><field>Thing__c.Granted__c</field><readable>true</readable></fieldPermissions></PermissionSet>`
        );
    });

    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('reports exactly the custom fields the admin permission set does not grant', () => {
        const findings = checkPermissionCoverage({ root, packageDirectories: [join(root, 'force-app')] });
        expect(findings.map((finding) => [finding.file, finding.message])).toEqual([
            [
                'force-app/main/default/objects/Thing__c/fields/Forgotten__c.field-meta.xml',
                'Thing__c.Forgotten__c is not readable in the Execution_Loop_Admin permission set, so no user can see it after install'
            ]
        ]);
    });

    it('reads granted fields and knows which fields cannot be listed', () => {
        expect([
            ...readableFields(
                '<fieldPermissions><field>A.B__c</field><readable>true</readable></fieldPermissions><fieldPermissions><field>A.C__c</field><readable>false</readable></fieldPermissions>'
            )
        ]).toEqual(['A.B__c']);
        expect(needsFieldPermission(field('MasterDetail'))).toBe(false);
        expect(needsFieldPermission(field('Text', true))).toBe(false);
        expect(needsFieldPermission(field('Number'))).toBe(true);
    });
});
