import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSfdxProject } from './project';
import { checkPermissionSetIntegrity, checkRecordIntegrity } from './record-integrity';

const REPO_ROOT = join(__dirname, '..', '..');
const PERMISSION_SETS = join(REPO_ROOT, 'force-app', 'main', 'default', 'permissionsets');

describe('record integrity of permission sets', () => {
    it('passes the shipped permission sets', () => {
        expect(checkRecordIntegrity(loadSfdxProject(REPO_ROOT))).toEqual([]);
    });

    it.each(['Execution_Loop_Rep', 'Execution_Loop_Manager'])(
        'reports, with file and line, a %s that could edit a snapshot score or a decision (planted defects)',
        (name) => {
            const shipped = readFileSync(join(PERMISSION_SETS, `${name}.permissionset-meta.xml`), 'utf8');
            const planted = shipped
                .replace(
                    /(<editable>)false(<\/editable>\s*<field>Deal_Health_Snapshot__c\.Score__c<\/field>)/,
                    '$1true$2'
                )
                .replace(
                    /(<allowEdit>)false(<\/allowEdit>\s*<allowRead>true<\/allowRead>\s*<modifyAllRecords>false<\/modifyAllRecords>\s*<object>Review_Decision__c<\/object>)/,
                    '$1true$2'
                );
            expect(planted).not.toBe(shipped);
            const file = `force-app/main/default/permissionsets/${name}.permissionset-meta.xml`;
            const findings = checkPermissionSetIntegrity(planted, file);
            const lines = planted.split('\n');
            expect(findings.map((finding) => finding.message)).toEqual([
                'grants allowEdit on Review_Decision__c: decisions are history: created once, never edited or deleted',
                'makes Deal_Health_Snapshot__c.Score__c editable: snapshots are written only by DealHealthSnapshotWriter, so no one can set a score'
            ]);
            for (const finding of findings) {
                expect(finding.file).toBe(file);
                expect(lines[finding.line! - 1]).toMatch(/<(allowEdit|editable)>true</);
            }
        }
    );

    it('checks every permission set but the admin one, whatever its name', () => {
        const root = mkdtempSync(join(tmpdir(), 'record-integrity-'));
        try {
            const dir = join(root, 'force-app', 'main', 'default', 'permissionsets');
            mkdirSync(dir, { recursive: true });
            writeFileSync(
                join(root, 'sfdx-project.json'),
                JSON.stringify({ packageDirectories: [{ path: 'force-app' }] })
            );
            const createsSnapshots =
                '<PermissionSet>\n<objectPermissions>\n<allowCreate>true</allowCreate>\n<object>Deal_Health_Snapshot__c</object>\n</objectPermissions>\n</PermissionSet>';
            writeFileSync(join(dir, 'Execution_Loop_Admin.permissionset-meta.xml'), createsSnapshots);
            writeFileSync(join(dir, 'Sales_Ops.permissionset-meta.xml'), createsSnapshots);
            const findings = checkRecordIntegrity(loadSfdxProject(root));
            expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
                'force-app/main/default/permissionsets/Sales_Ops.permissionset-meta.xml:3 grants allowCreate on Deal_Health_Snapshot__c: snapshots are written only by DealHealthSnapshotWriter, so no one can set a score'
            ]);
        } finally {
            rmSync(root, { recursive: true, force: true });
        }
    });
});
