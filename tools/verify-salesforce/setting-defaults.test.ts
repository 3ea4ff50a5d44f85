import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENGINE_CONFIG } from '../../service/src/modules/scoring/engine/config';
import { checkSettingDefaults, readApexDefaults, readRecordValue, SERVICE_SETTING_PATHS } from './setting-defaults';
import { loadSfdxProject } from './project';

const record = (value: string) =>
    `<?xml version="1.0" encoding="UTF-8" ?>\n<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><label>x</label><values><field>Description__c</field><value xsi:type="xsd:string">About it</value></values><values><field>Value__c</field><value xsi:type="xsd:string">${value}</value></values></CustomMetadata>`;

const repoRoot = join(__dirname, '..', '..');

describe('setting defaults: one truth across Apex, the shipped records and the service', () => {
    let root: string;
    let base: string;

    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'setting-defaults-'));
        base = join(root, 'force-app', 'main', 'default');
        mkdirSync(join(base, 'classes'), { recursive: true });
        mkdirSync(join(base, 'customMetadata'), { recursive: true });
        writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }));
    });

    afterEach(() => rmSync(root, { recursive: true, force: true }));

    function plant(apexEntries: Record<string, string>, records: Record<string, string>): void {
        const entries = Object.entries(apexEntries)
            .map(([key, value]) => `        '${key}' => '${value}'`)
            .join(',\n');
        writeFileSync(
            join(base, 'classes', 'ExecutionLoopSettings.cls'),
            `public class ExecutionLoopSettings {\n    private static final Map<String, String> DEFAULTS = new Map<String, String>{\n${entries}\n    };\n}\n`
        );
        for (const [key, value] of Object.entries(records)) {
            writeFileSync(join(base, 'customMetadata', `Execution_Loop_Setting.${key}.md-meta.xml`), record(value));
        }
    }

    /** Every service-backed setting at the service's own default, so each test plants exactly one drift. */
    function agreeing(): Record<string, string> {
        return Object.fromEntries(
            Object.entries(SERVICE_SETTING_PATHS).map(([key, path]) => [
                key,
                String(
                    path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], DEFAULT_ENGINE_CONFIG)
                )
            ])
        );
    }

    it('finds nothing when all three agree (numbers compared as numbers)', () => {
        const values = { ...agreeing(), Callout_Timeout_Ms: '10000' };
        plant(values, { ...values, Stalled_Stage_Ratio: '1.50' });
        expect(checkSettingDefaults(loadSfdxProject(root), DEFAULT_ENGINE_CONFIG)).toEqual([]);
    });

    it('names the Apex line when Apex and the shipped record disagree', () => {
        const values = { ...agreeing(), Callout_Timeout_Ms: '10000' };
        plant(values, { ...values, Callout_Timeout_Ms: '12000' });
        const findings = checkSettingDefaults(loadSfdxProject(root), DEFAULT_ENGINE_CONFIG);
        expect(findings).toHaveLength(1);
        expect(findings[0]!.file).toBe('force-app/main/default/classes/ExecutionLoopSettings.cls');
        expect(findings[0]!.line).toBe(3 + Object.keys(values).indexOf('Callout_Timeout_Ms'));
        expect(findings[0]!.message).toContain("default of Callout_Timeout_Ms is '10000' in Apex but '12000'");
    });

    it('names the record when the package and the service disagree', () => {
        const values = { ...agreeing(), Band_Healthy_Min: '75' };
        plant(values, values);
        const findings = checkSettingDefaults(loadSfdxProject(root), DEFAULT_ENGINE_CONFIG);
        expect(findings.map((f) => [f.file, f.message])).toEqual([
            [
                'force-app/main/default/customMetadata/Execution_Loop_Setting.Band_Healthy_Min.md-meta.xml',
                `default of Band_Healthy_Min is '75' in the package but ${DEFAULT_ENGINE_CONFIG.bands.healthyMin} in the service (DEFAULT_ENGINE_CONFIG.bands.healthyMin)`
            ]
        ]);
    });

    it('reports a key that only one side has', () => {
        const values = agreeing();
        plant({ ...values, Only_In_Apex: 'x' }, { ...values, Only_Shipped: 'y' });
        const messages = checkSettingDefaults(loadSfdxProject(root), DEFAULT_ENGINE_CONFIG).map((f) => f.message);
        expect(messages).toEqual([
            'setting Only_Shipped has a record but no default in ExecutionLoopSettings.cls DEFAULTS',
            'setting Only_In_Apex has a default in Apex but no shipped record Execution_Loop_Setting.Only_In_Apex.md-meta.xml'
        ]);
    });

    it('reads the real package without findings', () => {
        expect(checkSettingDefaults(loadSfdxProject(repoRoot), DEFAULT_ENGINE_CONFIG)).toEqual([]);
    });

    it('parses Apex entries and record values', () => {
        expect([
            ...readApexDefaults(
                "Map<String, String> DEFAULTS = new Map<String, String>{\n 'A' => 'x;y',\n 'B' => '1'\n};"
            )
        ]).toEqual([
            ['A', { value: 'x;y', line: 2 }],
            ['B', { value: '1', line: 3 }]
        ]);
        expect(readRecordValue(record('a &amp; b'))).toBe('a & b');
    });
});
