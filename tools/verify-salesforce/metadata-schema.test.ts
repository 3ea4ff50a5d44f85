// Proves the metadata-schema and sfdx-project steps can fail: defects are planted in a temporary git copy of the
// project and the real CLI must report each with its file and line, while correct metadata beside them stays clean.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkMetadataFile } from './metadata-schema';
import { loadMetadataTypeModel } from './metadata-types';
import { checkSettings } from './project-checks';

const repoRoot = resolve(__dirname, '..', '..');
const defaultDir = 'force-app/main/default';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

let project: string;

function write(relativePath: string, lines: string[]): void {
    const path = join(project, relativePath);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, `${lines.join('\n')}\n`);
}

function permissionSet(description: string): string[] {
    return [
        XML_HEAD,
        `<PermissionSet ${NS}>`,
        `    <description>${description}</description>`,
        '    <hasActivationRequired>false</hasActivationRequired>',
        '    <label>Planted</label>',
        '</PermissionSet>'
    ];
}

function git(...args: string[]): void {
    const run = spawnSync('git', ['-C', project, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
}

describe('metadata-schema and sfdx-project on planted defects', () => {
    let output: string;
    let status: number | null;
    let projectJsonLineOfGenerated: number;

    beforeAll(() => {
        project = mkdtempSync(join(tmpdir(), 'verify-metadata-'));
        for (const entry of ['sfdx-project.json', '.forceignore', 'force-app', 'unpackaged', 'config']) {
            if (!existsSync(join(repoRoot, entry))) continue;
            cpSync(join(repoRoot, entry), join(project, entry), {
                recursive: true,
                filter: (source) => !source.includes('__tests__')
            });
        }

        // Correct metadata: must produce no finding. 255 characters is the limit itself.
        write(`${defaultDir}/permissionsets/Planted_Good.permissionset-meta.xml`, permissionSet('d'.repeat(255)));
        write(`${defaultDir}/applications/Planted_Good_App.app-meta.xml`, [
            XML_HEAD,
            `<CustomApplication ${NS}>`,
            '    <formFactors>Large</formFactors>',
            '    <isNavPersonalizationDisabled>false</isNavPersonalizationDisabled>',
            '    <label>Planted Good App</label>',
            '    <navType>Standard</navType>',
            '    <uiType>Lightning</uiType>',
            '</CustomApplication>'
        ]);

        // Defect 1: an element CustomApplication does not have, line 4.
        write(`${defaultDir}/applications/Planted_Unknown_Element.app-meta.xml`, [
            XML_HEAD,
            `<CustomApplication ${NS}>`,
            '    <formFactors>Large</formFactors>',
            '    <isNavAutomaticallyPersonalized>true</isNavAutomaticallyPersonalized>',
            '    <label>Planted</label>',
            '    <navType>Standard</navType>',
            '    <uiType>Lightning</uiType>',
            '</CustomApplication>'
        ]);
        // Defect 2: a field type that is not a FieldType value, line 5.
        write(`${defaultDir}/objects/Opportunity/fields/Planted_Enum__c.field-meta.xml`, [
            XML_HEAD,
            `<CustomField ${NS}>`,
            '    <fullName>Planted_Enum__c</fullName>',
            '    <label>Planted</label>',
            '    <type>Textual</type>',
            '</CustomField>'
        ]);
        // Defect 3: a permission set description of 256 characters, line 3.
        write(`${defaultDir}/permissionsets/Planted_Long.permissionset-meta.xml`, permissionSet('d'.repeat(256)));

        // Defect 4: a package directory that exists here only as git-ignored output, so a fresh clone lacks it.
        const projectJson = JSON.parse(readFileSync(join(project, 'sfdx-project.json'), 'utf8')) as {
            packageDirectories: Array<{ path: string; default?: boolean }>;
        };
        projectJson.packageDirectories.push({ path: 'generated-only', default: false });
        const projectText = `${JSON.stringify(projectJson, null, 2)}\n`;
        writeFileSync(join(project, 'sfdx-project.json'), projectText);
        projectJsonLineOfGenerated = projectText.split('\n').findIndex((line) => line.includes('"generated-only"')) + 1;
        write('generated-only/main/default/staticresources/Generated.resource-meta.xml', [
            XML_HEAD,
            `<StaticResource ${NS}>`,
            '    <cacheControl>Private</cacheControl>',
            '    <contentType>application/json</contentType>',
            '</StaticResource>'
        ]);
        write('generated-only/main/default/staticresources/Generated.json', ['{}']);
        writeFileSync(join(project, '.gitignore'), 'generated-only/\n');
        git('init', '--quiet');
        git('add', '-A');

        const run = spawnSync(
            process.execPath,
            [
                require.resolve('tsx/cli'),
                join(repoRoot, 'tools/verify-salesforce/cli.ts'),
                '--root',
                project,
                '--only',
                'sfdx-project,metadata-schema'
            ],
            { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }
        );
        output = `${run.stdout}\n${run.stderr}`;
        status = run.status;
        if (process.env.DEBUG_VERIFY) console.log(output);
    }, 120_000);

    afterAll(() => {
        rmSync(project, { recursive: true, force: true });
    });

    it('fails the command', () => {
        expect(status).toBe(1);
    });

    it('reports an element that is not a field of its metadata type, with file and line', () => {
        expect(output).toContain(
            `${defaultDir}/applications/Planted_Unknown_Element.app-meta.xml:4:5  [metadata-schema] Element <isNavAutomaticallyPersonalized> is not a field of CustomApplication`
        );
    });

    it('reports a value outside the enum of its type, with file and line', () => {
        expect(output).toMatch(
            /objects\/Opportunity\/fields\/Planted_Enum__c\.field-meta\.xml:5:5 {2}\[metadata-schema\] 'Textual' is not a valid FieldType for <type>; valid: .*Text/
        );
    });

    it('reports a 256-character permission set description, with file and line', () => {
        expect(output).toContain(
            `${defaultDir}/permissionsets/Planted_Long.permissionset-meta.xml:3:5  [metadata-schema] <description> of PermissionSet is 256 characters`
        );
    });

    it('reports a package directory a fresh clone would not have, at its line in sfdx-project.json', () => {
        expect(output).toContain(
            `sfdx-project.json:${projectJsonLineOfGenerated}  [sfdx-project] in a fresh clone (only the files git tracks) the CLI stops with MissingPackageDirectoryError: The path "generated-only"`
        );
    });

    it('raises nothing against the correct metadata planted beside the defects, or the project itself', () => {
        expect(output).not.toMatch(/Planted_Good|Planted_Good_App/);
        const findings = output.split('\n').filter((line) => /\[(metadata-schema|sfdx-project)\]/.test(line));
        expect(findings).toHaveLength(4);
    });
});

describe('checkMetadataFile', () => {
    const model = loadMetadataTypeModel();
    const check = (xml: string[]) =>
        checkMetadataFile(model, 'x.permissionset-meta.xml', 'x.permissionset-meta.xml', xml.join('\n')).map(
            (finding) => `${finding.line}:${finding.column} ${finding.message}`
        );

    it('reports an element at the wrong nesting level, a repeated single element and a bad boolean', () => {
        expect(
            check([
                XML_HEAD,
                `<PermissionSet ${NS}>`,
                '    <label>One</label>',
                '    <label>Two</label>',
                '    <hasActivationRequired>yes</hasActivationRequired>',
                '    <classAccesses>',
                '        <apexClass>Foo</apexClass>',
                '        <enabled>true</enabled>',
                '        <label>Nested</label>',
                '    </classAccesses>',
                '</PermissionSet>'
            ])
        ).toEqual([
            '4:5 <label> may appear only once in PermissionSet',
            "5:5 <hasActivationRequired> must be true or false, not 'yes'",
            '9:9 Element <label> is not a field of PermissionSetApexClassAccess in the Metadata API types; a deploy fails with "Element label invalid at this location in type PermissionSetApexClassAccess"'
        ]);
    });

    it('reports a missing required element and an unknown root type', () => {
        expect(check([XML_HEAD, `<PermissionSet ${NS}>`, '</PermissionSet>'])).toEqual([
            '2:1 PermissionSet <PermissionSet> lacks the required <label>'
        ]);
        expect(check([XML_HEAD, `<PermissionSetz ${NS}>`, '</PermissionSetz>'])).toEqual([
            '2:1 <PermissionSetz> is not a metadata type of the Metadata API'
        ]);
    });

    it('reports XML that is not well formed', () => {
        expect(check([XML_HEAD, `<PermissionSet ${NS}>`, '    <label>x</lable>', '</PermissionSet>'])[0]).toMatch(
            /^3:\d+ not well-formed XML/
        );
    });
});

describe('checkSettings (scratch org and package build definitions)', () => {
    it('accepts the settings types and fields of the Metadata API', () => {
        expect(
            checkSettings({
                opportunitySettings: { enableOpportunityFieldHistoryTracking: true },
                apexSettings: { enableDisableParallelApexTesting: true }
            })
        ).toEqual([]);
    });

    it('reports an unknown settings type, an unknown field and a value of the wrong type', () => {
        expect(
            checkSettings({
                opportunitySetting: { enableOpportunityFieldHistoryTracking: true },
                opportunitySettings: { enableFieldHistory: true, enableOpportunityFieldHistoryTracking: 'yes' }
            })
        ).toEqual([
            'settings.opportunitySetting: OpportunitySetting is not a settings type of the Metadata API',
            'settings.opportunitySettings.enableFieldHistory: not a field of OpportunitySettings',
            'settings.opportunitySettings.enableOpportunityFieldHistoryTracking: must be true or false'
        ]);
    });
});
