// Setting defaults are defined once: the described Execution Loop Setting records the package ships
// (customMetadata/Execution_Loop_Setting.*). Two copies exist for good reasons and are checked against them here:
// Apex's DEFAULTS map (a fresh org or a deleted record must still work) and the service's engine defaults (a request
// without a config override). Any disagreement, or a key one side has and the other lacks, is a finding.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from './findings';
import { toProjectPath, type SfdxProject } from './project';

export const SETTINGS_CLASS = 'ExecutionLoopSettings.cls';
const RECORD_PREFIX = 'Execution_Loop_Setting.';
const RECORD_SUFFIX = '.md-meta.xml';

/**
 * Setting key → path of the service's engine default it must equal (`DEFAULT_ENGINE_CONFIG`). Settings that only
 * Apex reads (timeouts, batch size, field mapping) are not listed.
 */
export const SERVICE_SETTING_PATHS: Readonly<Record<string, string>> = {
    Band_Healthy_Min: 'bands.healthyMin',
    Band_Watch_Min: 'bands.watchMin',
    Weight_Qualification: 'weights.qualification',
    Weight_Engagement: 'weights.engagement',
    Weight_Momentum: 'weights.momentum',
    Weight_Hygiene: 'weights.hygiene',
    Weight_Playbook_Adherence: 'weights.playbookAdherence',
    Default_Stage_Benchmark_Days: 'thresholds.defaultStageBenchmarkDays',
    Engaged_Contact_Days: 'thresholds.engagedContactDays',
    Multi_Threaded_Contacts: 'thresholds.multiThreadedContacts',
    Stale_Activity_Days: 'thresholds.staleActivityDays',
    Stalled_Stage_Ratio: 'thresholds.stalledStageRatio',
    Late_Stage_Progress: 'thresholds.lateStageProgress',
    Max_Nudges: 'thresholds.maxNudges'
};

export interface ApexDefault {
    value: string;
    line: number;
}

/** The `'Key' => 'Value'` entries of the DEFAULTS map, with their lines. */
export function readApexDefaults(source: string): Map<string, ApexDefault> {
    const defaults = new Map<string, ApexDefault>();
    const start = source.search(/Map<String,\s*String>\s+DEFAULTS\s*=/);
    if (start < 0) return defaults;
    const end = source.indexOf('};', start);
    const body = source.slice(start, end < 0 ? undefined : end);
    const firstLine = source.slice(0, start).split('\n').length;
    body.split('\n').forEach((text, index) => {
        const entry = /'([A-Za-z0-9_]+)'\s*=>\s*'((?:[^'\\]|\\.)*)'/.exec(text);
        if (entry) defaults.set(entry[1]!, { value: entry[2]!.replace(/\\'/g, "'"), line: firstLine + index });
    });
    return defaults;
}

/** The Value__c of one setting record, or null when it has none. */
export function readRecordValue(xml: string): string | null {
    for (const block of xml.matchAll(/<values>([\s\S]*?)<\/values>/g)) {
        const body = block[1] ?? '';
        if (/<field>\s*Value__c\s*<\/field>/.test(body)) {
            const value = /<value[^>]*>([\s\S]*?)<\/value>/.exec(body);
            return value ? decodeXml(value[1]!) : null;
        }
    }
    return null;
}

function decodeXml(text: string): string {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

function sameValue(a: string, b: string): boolean {
    if (a === b) return true;
    const numberA = Number(a);
    const numberB = Number(b);
    return a.trim() !== '' && b.trim() !== '' && Number.isFinite(numberA) && numberA === numberB;
}

function valueAt(config: unknown, path: string): unknown {
    return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], config);
}

export function checkSettingDefaults(project: SfdxProject, serviceDefaults: unknown): Finding[] {
    const findings: Finding[] = [];
    const report = (file: string, message: string, line?: number) =>
        findings.push({ step: 'contracts', file, ...(line === undefined ? {} : { line }), message });
    for (const dir of project.packageDirectories) {
        const base = join(dir, 'main', 'default');
        const classFile = join(base, 'classes', SETTINGS_CLASS);
        const recordsDir = join(base, 'customMetadata');
        if (!existsSync(classFile)) continue;
        const apexFile = toProjectPath(project, classFile);
        const apexDefaults = readApexDefaults(readFileSync(classFile, 'utf8'));
        if (apexDefaults.size === 0) {
            report(apexFile, 'no DEFAULTS map found: every setting needs its default in Apex');
            continue;
        }
        const records = new Map<string, { file: string; value: string | null }>();
        if (existsSync(recordsDir)) {
            for (const name of readdirSync(recordsDir)) {
                if (!name.startsWith(RECORD_PREFIX) || !name.endsWith(RECORD_SUFFIX)) continue;
                const key = name.slice(RECORD_PREFIX.length, -RECORD_SUFFIX.length);
                const file = join(recordsDir, name);
                records.set(key, {
                    file: toProjectPath(project, file),
                    value: readRecordValue(readFileSync(file, 'utf8'))
                });
            }
        }
        for (const [key, record] of records) {
            const apex = apexDefaults.get(key);
            if (!apex) {
                report(record.file, `setting ${key} has a record but no default in ${SETTINGS_CLASS} DEFAULTS`);
            } else if (record.value === null) {
                report(
                    record.file,
                    `setting ${key} has no Value__c; its shipped default is ${SETTINGS_CLASS}'s '${apex.value}'`
                );
            } else if (!sameValue(apex.value, record.value)) {
                report(
                    apexFile,
                    `default of ${key} is '${apex.value}' in Apex but '${record.value}' in its shipped record (${record.file})`,
                    apex.line
                );
            }
        }
        for (const [key, apex] of apexDefaults) {
            if (!records.has(key)) {
                report(
                    apexFile,
                    `setting ${key} has a default in Apex but no shipped record ${RECORD_PREFIX}${key}${RECORD_SUFFIX}`,
                    apex.line
                );
            }
        }
        for (const [key, path] of Object.entries(SERVICE_SETTING_PATHS)) {
            const shipped = records.get(key)?.value ?? apexDefaults.get(key)?.value;
            const service = valueAt(serviceDefaults, path);
            if (shipped === undefined || shipped === null) {
                report(
                    apexFile,
                    `setting ${key} (service default ${path}) is neither in Apex DEFAULTS nor shipped as a record`
                );
            } else if (typeof service !== 'number' && typeof service !== 'string') {
                report(records.get(key)?.file ?? apexFile, `the service has no default at ${path} for setting ${key}`);
            } else if (!sameValue(String(service), shipped)) {
                report(
                    records.get(key)?.file ?? apexFile,
                    `default of ${key} is '${shipped}' in the package but ${String(service)} in the service (DEFAULT_ENGINE_CONFIG.${path})`
                );
            }
        }
    }
    return findings;
}
