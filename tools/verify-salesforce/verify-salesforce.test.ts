// Proves every step of `verify:salesforce` can fail: defects are planted in a temporary copy of the project and the
// real CLI must report each with its file and line, while the correct code planted beside them stays clean.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildContractJsonSchemas } from '../../service/src/contract';
import { resolvePointer, type JsonSchema } from './contract-checks';

const repoRoot = resolve(__dirname, '..', '..');
const classesDir = 'force-app/main/default/classes';
const lwcDir = 'force-app/main/default/lwc';

const APEX_META =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>64.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n';
const LWC_META =
    '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>64.0</apiVersion>\n    <isExposed>false</isExposed>\n</LightningComponentBundle>\n';

let project: string;

function write(relativePath: string, content: string): void {
    const path = join(project, relativePath);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
}

function writeApexClass(name: string, source: string): void {
    write(`${classesDir}/${name}.cls`, source);
    write(`${classesDir}/${name}.cls-meta.xml`, APEX_META);
}

/** A component whose TypeScript source is also its compiled JavaScript (no types used). */
function writeComponent(name: string, source: string): void {
    write(`${lwcDir}/${name}/${name}.ts`, source);
    write(`${lwcDir}/${name}/${name}.js`, source);
    write(`${lwcDir}/${name}/${name}.html`, '<template><p>{label}</p></template>\n');
    write(`${lwcDir}/${name}/${name}.js-meta.xml`, LWC_META);
}

const apexTypeFor = (schema: JsonSchema): string => {
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
    if (type === 'integer') return 'Integer';
    if (type === 'number') return 'Decimal';
    if (type === 'boolean') return 'Boolean';
    if (type === 'array') return 'List<Object>';
    if (type === 'string' || schema.enum) return 'String';
    return 'Object';
};

/** An Apex DTO mirroring the score request's top level, generated from the contract itself, minus `omit`. */
function dtoSource(className: string, omit?: string): { source: string; omitted: string; lineOfClass: number } {
    const schemas = buildContractJsonSchemas() as Record<string, JsonSchema>;
    const properties = Object.entries(resolvePointer(schemas.scoreRequest!, '').properties ?? {});
    const omitted = omit ?? properties[0]![0];
    const lines = [
        `public with sharing class ${className} {`,
        '    /**',
        '     * Mirrors the score request.',
        '     * @contract scoreRequest#',
        '     */',
        '    public class Request {',
        ...properties
            .filter(([name]) => omit === undefined || name !== omitted)
            .map(([name, schema]) => `        public ${apexTypeFor(schema)} ${name};`),
        '    }',
        '}'
    ];
    return { source: `${lines.join('\n')}\n`, omitted, lineOfClass: 6 };
}

function runVerify(): { status: number | null; output: string } {
    const run = spawnSync(
        process.execPath,
        [require.resolve('tsx/cli'), join(repoRoot, 'tools/verify-salesforce/cli.ts'), '--root', project],
        {
            cwd: repoRoot,
            encoding: 'utf8',
            maxBuffer: 32 * 1024 * 1024
        }
    );
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('verify:salesforce on planted defects', () => {
    let result: { status: number | null; output: string };
    let omittedProperty: string;

    beforeAll(() => {
        project = mkdtempSync(join(tmpdir(), 'verify-planted-'));
        cpSync(join(repoRoot, 'sfdx-project.json'), join(project, 'sfdx-project.json'));
        // The package directories, and the definition file sfdx-project.json names (the sfdx-project step reads it).
        for (const packageDir of ['force-app', 'unpackaged', 'config']) {
            if (!existsSync(join(repoRoot, packageDir))) continue;
            cpSync(join(repoRoot, packageDir), join(project, packageDir), {
                recursive: true,
                filter: (source) => !source.includes('__tests__')
            });
        }

        // The workbench twin, which the seam check reads beside the package.
        cpSync(join(repoRoot, 'workbench', 'twin'), join(project, 'workbench', 'twin'), {
            recursive: true,
            filter: (source) => !source.endsWith('.test.ts')
        });
        const tablePath = join(project, 'workbench', 'twin', 'controllers.ts');
        const table = readFileSync(tablePath, 'utf8');
        const tableStart = 'export const APEX_METHODS: Readonly<TwinMethods> = {\n';
        expect(table).toContain(tableStart);
        writeFileSync(
            tablePath,
            table.replace(
                tableStart,
                `${tableStart}    'PlantedGoodController.getGreeting': PlantedGoodController.getGreeting,\n    'PlantedSeamController.getWelcome': PlantedSeamController.getWelcome,\n`
            )
        );
        write(
            'workbench/twin/PlantedGoodController.ts',
            'export const PlantedGoodController = {\n    getGreeting(context: unknown, params: { recordId?: unknown }) {\n        return `Hello ${String(params.recordId)}`;\n    }\n};\n'
        );

        // Correct code: must produce no finding.
        writeApexClass(
            'PlantedGoodController',
            [
                'public with sharing class PlantedGoodController {',
                '    @AuraEnabled(cacheable=true)',
                '    public static String getGreeting(Id recordId) {',
                "        Opportunity deal = new Opportunity(Metrics_Status__c = 'validated', Next_Step_Date__c = Date.today());",
                "        return 'Hello ' + recordId + deal.Metrics_Status__c + deal.Economic_Buyer__r?.Name;",
                '    }',
                '}',
                ''
            ].join('\n')
        );
        writeComponent(
            'plantedGood',
            [
                "import { LightningElement, api, wire } from 'lwc';",
                "import getGreeting from '@salesforce/apex/PlantedGoodController.getGreeting';",
                "import STAGE_FIELD from '@salesforce/schema/Opportunity.StageName';",
                "import ACCOUNT_NAME_FIELD from '@salesforce/schema/Opportunity.Account.Name';",
                "import METRICS_FIELD from '@salesforce/schema/Opportunity.Metrics_Status__c';",
                'export default class PlantedGood extends LightningElement {',
                '    @api recordId;',
                '    fields = [STAGE_FIELD, ACCOUNT_NAME_FIELD, METRICS_FIELD];',
                "    @wire(getGreeting, { recordId: '$recordId' }) greeting;",
                "    label = 'ok';",
                '}',
                ''
            ].join('\n')
        );
        writeApexClass('PlantedCompleteDto', dtoSource('PlantedCompleteDto').source);

        // Defect 1 (apex-typecheck): a String assigned to an Integer, line 3.
        writeApexClass(
            'PlantedWrongType',
            [
                'public with sharing class PlantedWrongType {',
                '    public static Integer count() {',
                "        Integer total = 'many';",
                '        return total;',
                '    }',
                '}',
                ''
            ].join('\n')
        );
        // Defect 1b (apex-typecheck): a misspelt custom field on a standard object the package extends, line 4.
        writeApexClass(
            'PlantedUnknownField',
            [
                'public with sharing class PlantedUnknownField {',
                '    public static void mark(Opportunity deal) {',
                "        deal.Metrics_Status__c = 'validated';",
                "        deal.Metrics_Statsu__c = 'validated';",
                '    }',
                '}',
                ''
            ].join('\n')
        );
        // Defect 2 (contracts): imports of an Apex method that does not exist (line 2), a wired method that is not
        // cacheable (line 3), and a schema field that does not exist (line 4).
        writeApexClass(
            'PlantedMutatingController',
            [
                'public with sharing class PlantedMutatingController {',
                '    @AuraEnabled',
                '    public static void save() {',
                '    }',
                '}',
                ''
            ].join('\n')
        );
        writeComponent(
            'plantedBroken',
            [
                "import { LightningElement, wire } from 'lwc';",
                "import getNothing from '@salesforce/apex/PlantedGoodController.getNothing';",
                "import save from '@salesforce/apex/PlantedMutatingController.save';",
                "import MISSING_FIELD from '@salesforce/schema/Opportunity.No_Such_Field__c';",
                'export default class PlantedBroken extends LightningElement {',
                '    fields = [MISSING_FIELD];',
                '    @wire(save) saved;',
                '    load() { return getNothing(); }',
                "    label = 'broken';",
                '}',
                ''
            ].join('\n')
        );
        // Defect 3 (contracts): a DTO missing one property of the contract.
        const incomplete = dtoSource('PlantedIncompleteDto', undefined);
        omittedProperty = incomplete.omitted;
        writeApexClass('PlantedIncompleteDto', dtoSource('PlantedIncompleteDto', omittedProperty).source);
        // Defect 4 (code-analyzer): SOQL built by string concatenation, executed on line 4.
        writeApexClass(
            'PlantedSoqlInjection',
            [
                'public with sharing class PlantedSoqlInjection {',
                '    public static List<Account> byName(String name) {',
                "        String soql = 'SELECT Id FROM Account WHERE Name = \\'' + name + '\\'';",
                '        return Database.query(soql);',
                '    }',
                '}',
                ''
            ].join('\n')
        );
        // Defect 5 (apex-parse): a syntax error on line 2.
        writeApexClass(
            'PlantedSyntaxError',
            ['public with sharing class PlantedSyntaxError {', '    public void broken( {', '}', ''].join('\n')
        );

        // Defect 6 (contracts, the seam): a component passes a parameter Apex does not declare (line 7, column 26)
        // and imports a method the twin lacks (line 3); the twin reads a parameter Apex does not declare (line 3).
        writeApexClass(
            'PlantedSeamController',
            [
                'public with sharing class PlantedSeamController {',
                '    @AuraEnabled',
                "    public static String getWelcome(Id recordId) { return 'Welcome ' + recordId; }",
                '    @AuraEnabled',
                "    public static String getFarewell(Id recordId) { return 'Bye ' + recordId; }",
                '}',
                ''
            ].join('\n')
        );
        writeComponent(
            'plantedSeam',
            [
                "import { LightningElement, api } from 'lwc';",
                "import getWelcome from '@salesforce/apex/PlantedSeamController.getWelcome';",
                "import getFarewell from '@salesforce/apex/PlantedSeamController.getFarewell';",
                'export default class PlantedSeam extends LightningElement {',
                '    @api recordId;',
                "    label = 'seam';",
                '    load() { return getWelcome({ recordID: this.recordId }).then(() => getFarewell({ recordId: this.recordId })); }',
                '}',
                ''
            ].join('\n')
        );
        write(
            'workbench/twin/PlantedSeamController.ts',
            'export const PlantedSeamController = {\n    getWelcome(context: unknown, params: { dealId?: unknown }) {\n        return `Welcome ${String(params.dealId)}`;\n    }\n};\n'
        );

        // Defect 7 (contracts): a Custom Label used in Apex that the labels file lacks, line 3.
        writeApexClass(
            'PlantedMissingLabel',
            [
                'public with sharing class PlantedMissingLabel {',
                '    public static String message() {',
                '        return System.Label.No_Such_Label;',
                '    }',
                '}',
                ''
            ].join('\n')
        );

        // Defect 8 (contracts): user-facing messages written as literals, in Apex (line 3) and in the twin (line 1).
        writeApexClass(
            'PlantedLiteralMessage',
            [
                'public with sharing class PlantedLiteralMessage {',
                '    public static void refuse() {',
                "        throw new AuraHandledException('Choose a deal first.');",
                '    }',
                '}',
                ''
            ].join('\n')
        );
        write('workbench/twin/PlantedLiteralMessage.ts', "throw new ApexError('Choose a deal first.');\n");

        result = runVerify();
        if (process.env.DEBUG_VERIFY) console.log(result.output);
    }, 180_000);

    afterAll(() => {
        rmSync(project, { recursive: true, force: true });
    });

    it('fails the command', () => {
        expect(result.status).toBe(1);
    });

    it('reports an Apex type error with file and line (apex-ls)', () => {
        expect(result.output).toMatch(
            /force-app\/main\/default\/classes\/PlantedWrongType\.cls:3:\d+ +\[apex-typecheck\] Incompatible types in assignment/
        );
    });

    it('reports a misspelt field on a standard object the package extends with fields', () => {
        expect(result.output).toMatch(
            /PlantedUnknownField\.cls:4:\d+ +\[apex-typecheck\] Unknown field 'Metrics_Statsu__c' on SObject 'Schema\.Opportunity'/
        );
        expect(result.output).not.toMatch(/PlantedUnknownField\.cls:3:/);
    });

    it('reports an Apex syntax error with file and line (apex-parser)', () => {
        expect(result.output).toMatch(
            /force-app\/main\/default\/classes\/PlantedSyntaxError\.cls:2:\d+ +\[apex-parse\]/
        );
    });

    it('reports an import of a non-existent Apex method at the import line', () => {
        expect(result.output).toContain(
            "force-app/main/default/lwc/plantedBroken/plantedBroken.ts:2  [contracts] @salesforce/apex/PlantedGoodController.getNothing: class PlantedGoodController has no method 'getNothing'"
        );
    });

    it('reports a wired Apex method that is not cacheable', () => {
        expect(result.output).toContain(
            'plantedBroken.ts:3  [contracts] @salesforce/apex/PlantedMutatingController.save: PlantedMutatingController.save is used with @wire but is not @AuraEnabled(cacheable=true)'
        );
    });

    it('reports a schema import of a field that neither the platform nor force-app defines', () => {
        expect(result.output).toMatch(
            /plantedBroken\.ts:4 +\[contracts\] @salesforce\/schema\/Opportunity\.No_Such_Field__c does not resolve: Unknown field/
        );
    });

    it('reports a DTO field missing against the JSON Schema of the zod contract', () => {
        expect(result.output).toContain(
            `force-app/main/default/classes/PlantedIncompleteDto.cls:6  [contracts] PlantedIncompleteDto.Request (@contract scoreRequest#): missing property '${omittedProperty}' of the contract`
        );
    });

    it('reports SOQL built by string concatenation (Code Analyzer, PMD security rules)', () => {
        expect(result.output).toMatch(
            /force-app\/main\/default\/classes\/PlantedSoqlInjection\.cls:4:\d+ +\[code-analyzer\] .*\(pmd:ApexSOQLInjection, severity 1\)/
        );
    });

    it('reports a component passing a parameter the Apex method does not declare, at the parameter', () => {
        expect(result.output).toContain(
            "force-app/main/default/lwc/plantedSeam/plantedSeam.ts:7:34  [contracts] passes 'recordID' to PlantedSeamController.getWelcome, which takes recordId"
        );
    });

    it('reports an imported Apex method the workbench twin does not implement, at the import', () => {
        expect(result.output).toContain(
            'force-app/main/default/lwc/plantedSeam/plantedSeam.ts:3  [contracts] imports PlantedSeamController.getFarewell, which the workbench twin does not implement'
        );
    });

    it('reports a twin implementing an Apex method with other parameter names, in the twin', () => {
        expect(result.output).toContain(
            "workbench/twin/PlantedSeamController.ts:3:41  [contracts] the twin of PlantedSeamController.getWelcome reads parameter 'dealId', which Apex declares as recordId"
        );
        expect(result.output).toContain(
            "workbench/twin/PlantedSeamController.ts:2:5  [contracts] the twin of PlantedSeamController.getWelcome never reads parameter 'recordId' that Apex declares"
        );
    });

    it('reports a Custom Label used in Apex but absent from the labels file', () => {
        expect(result.output).toContain(
            "force-app/main/default/classes/PlantedMissingLabel.cls:3:23  [contracts] Custom Label 'No_Such_Label' is not in force-app/main/default/labels/CustomLabels.labels-meta.xml"
        );
    });

    it('reports a user-facing message written as a literal, in Apex and in the twin', () => {
        expect(result.output).toContain(
            'force-app/main/default/classes/PlantedLiteralMessage.cls:3:40  [contracts] a user-facing message written as a literal ("Choose a deal first."): make it a Custom Label and read System.Label'
        );
        expect(result.output).toContain(
            'workbench/twin/PlantedLiteralMessage.ts:1:21  [contracts] the twin writes a message itself ("Choose a deal first."): take it from the labels file with label(...)'
        );
    });

    it('raises nothing against the correct code planted beside the defects', () => {
        expect(result.output).not.toMatch(
            /PlantedGoodController\.(cls|ts)|plantedGood\.ts|PlantedCompleteDto\.cls|workbench\/twin\/(DealHealth|Playbook|Nudge|PipelineReview)Controller/
        );
    });

    it('checks the project and its metadata against the CLI and the Metadata API types, clean here', () => {
        expect(result.output).toMatch(/^ok {3}sfdx-project: 2 package directories, not a git work tree/m);
        expect(result.output).toMatch(/^ok {3}metadata-schema: \d+ metadata file\(s\)/m);
    });
});
