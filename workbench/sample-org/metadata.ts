/**
 * The package's configuration as the org would see it, read from the source: the Playbook / Playbook Step custom
 * metadata records and the Execution Loop settings (parsed from the .md-meta.xml files, never duplicated here), plus
 * the standard opportunity stages of a new org, which the package does not ship.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitCriterionSignal, type ScoringConfigOverride } from '../../service/src/contract';
import { label } from '../../tools/build/custom-labels';

export const CUSTOM_METADATA_DIR = resolve(__dirname, '..', '..', 'force-app', 'main', 'default', 'customMetadata');

export interface StageDefinition {
    apiName: string;
    /** 1-based position in the sales process; closed stages come after the open ones. */
    sortOrder: number;
    isClosed: boolean;
    isWon: boolean;
    defaultProbability: number;
    /** ForecastCategoryName (label) the stage defaults to. */
    forecastCategoryName: ForecastCategoryName;
}

export type ForecastCategoryName = 'Pipeline' | 'Best Case' | 'Commit' | 'Closed' | 'Omitted';
/** Opportunity.ForecastCategory API values, as ScoreRequestBuilder maps them. */
export type ForecastCategoryApi = 'Pipeline' | 'BestCase' | 'Forecast' | 'Closed' | 'Omitted';

export const FORECAST_API_BY_NAME: Record<ForecastCategoryName, ForecastCategoryApi> = {
    Pipeline: 'Pipeline',
    'Best Case': 'BestCase',
    Commit: 'Forecast',
    Closed: 'Closed',
    Omitted: 'Omitted'
};

/** The standard OpportunityStage values of a new org, in sales-process order. */
export const STANDARD_STAGES: readonly StageDefinition[] = (
    [
        ['Prospecting', false, false, 10, 'Pipeline'],
        ['Qualification', false, false, 10, 'Pipeline'],
        ['Needs Analysis', false, false, 20, 'Pipeline'],
        ['Value Proposition', false, false, 50, 'Pipeline'],
        ['Id. Decision Makers', false, false, 60, 'Pipeline'],
        ['Perception Analysis', false, false, 70, 'Pipeline'],
        ['Proposal/Price Quote', false, false, 75, 'Pipeline'],
        ['Negotiation/Review', false, false, 90, 'Pipeline'],
        ['Closed Won', true, true, 100, 'Closed'],
        ['Closed Lost', true, false, 0, 'Omitted']
    ] as const
).map(([apiName, isClosed, isWon, defaultProbability, forecastCategoryName], index) => ({
    apiName,
    sortOrder: index + 1,
    isClosed,
    isWon,
    defaultProbability,
    forecastCategoryName
}));

export interface PlaybookStepDefinition {
    stepKey: string;
    playbookKey: string;
    title: string;
    stage: string;
    stepOrder: number;
    isRequired: boolean;
    isGate: boolean;
    exitCriterion: ExitCriterionSignal;
    dueInDays: number | null;
}

export interface PlaybookDefinition {
    playbookKey: string;
    label: string;
    description: string | null;
    isActive: boolean;
    priority: number | null;
    opportunityTypes: string | null;
    industries: string | null;
    recordTypes: string | null;
    minAmount: number | null;
    maxAmount: number | null;
    ownerRole: string | null;
    /** Ordered by stage (sales process), then step order, then key. */
    steps: PlaybookStepDefinition[];
}

export interface OrgMetadata {
    stages: readonly StageDefinition[];
    openStageCount: number;
    playbooks: PlaybookDefinition[];
    settings: Record<string, string | null>;
    stageBenchmarkDays: Record<string, number>;
    scoringConfig: ScoringConfigOverride;
}

interface CustomMetadataRecord {
    type: string;
    developerName: string;
    label: string;
    values: Map<string, string | null>;
}

function decodeXml(text: string): string {
    const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(text);
    if (cdata) return cdata[1]!;
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

export function parseCustomMetadataXml(fileName: string, xml: string): CustomMetadataRecord {
    const match = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\.md-meta\.xml$/.exec(fileName);
    if (!match) throw new Error(`${fileName}: not a custom metadata record file name (Type.Name.md-meta.xml)`);
    const label = /<label>([\s\S]*?)<\/label>/.exec(xml);
    const values = new Map<string, string | null>();
    const valuePattern =
        /<values>\s*<field>([^<]+)<\/field>\s*<value\b([^>]*?)(?:\/>|>([\s\S]*?)<\/value>)\s*<\/values>/g;
    for (let found = valuePattern.exec(xml); found; found = valuePattern.exec(xml)) {
        const attributes = found[2] ?? '';
        const isNil = /xsi:nil\s*=\s*"true"/.test(attributes) || found[3] === undefined;
        values.set(found[1]!.trim(), isNil ? null : decodeXml(found[3]!));
    }
    return { type: match[1]!, developerName: match[2]!, label: label ? decodeXml(label[1]!) : match[2]!, values };
}

function numberOrNull(value: string | null | undefined): number | null {
    if (value === null || value === undefined || value.trim() === '') return null;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) throw new Error(`"${value}" is not a number`);
    return parsed;
}

function textOrNull(value: string | null | undefined): string | null {
    return value === null || value === undefined || value.trim() === '' ? null : value;
}

function requireSetting(settings: Record<string, string | null>, name: string): string {
    const value = settings[name];
    if (value === null || value === undefined || value.trim() === '') {
        throw new Error(`Execution Loop setting "${name}" is missing from ${CUSTOM_METADATA_DIR}`);
    }
    return value.trim();
}

/** `Stage=days;Stage=days`, as ExecutionLoopSettings.stageBenchmarkDays() reads it. */
export function parseStageBenchmarks(raw: string | null | undefined): Record<string, number> {
    const benchmarks: Record<string, number> = {};
    for (const pair of (raw ?? '').split(';')) {
        if (pair.trim() === '') continue;
        const separator = pair.lastIndexOf('=');
        const days = separator > 0 ? Number(pair.slice(separator + 1).trim()) : NaN;
        if (!Number.isInteger(days) || days < 1 || days > 3650) {
            throw new Error(`Stage_Benchmark_Days has the entry "${pair.trim()}"; expected StageApiValue=days`);
        }
        benchmarks[pair.slice(0, separator).trim()] = days;
    }
    return benchmarks;
}

/** The scoring config Apex sends with every request (ExecutionLoopSettings.scoringConfig()). */
export function scoringConfigFromSettings(settings: Record<string, string | null>): ScoringConfigOverride {
    const int = (name: string) => {
        const value = Number(requireSetting(settings, name));
        if (!Number.isInteger(value)) throw new Error(`Execution Loop setting "${name}" must be an integer`);
        return value;
    };
    const decimal = (name: string) => Number(requireSetting(settings, name));
    return {
        weights: {
            qualification: int('Weight_Qualification'),
            engagement: int('Weight_Engagement'),
            momentum: int('Weight_Momentum'),
            hygiene: int('Weight_Hygiene'),
            playbookAdherence: int('Weight_Playbook_Adherence')
        },
        bands: { healthyMin: int('Band_Healthy_Min'), watchMin: int('Band_Watch_Min') },
        thresholds: {
            defaultStageBenchmarkDays: int('Default_Stage_Benchmark_Days'),
            engagedContactDays: int('Engaged_Contact_Days'),
            multiThreadedContacts: int('Multi_Threaded_Contacts'),
            staleActivityDays: int('Stale_Activity_Days'),
            stalledStageRatio: decimal('Stalled_Stage_Ratio'),
            lateStageProgress: decimal('Late_Stage_Progress'),
            maxNudges: int('Max_Nudges')
        }
    };
}

const metadataCache = new Map<string, OrgMetadata>();

/** Reads and validates the package's playbooks and settings (cached per directory). */
export function loadOrgMetadata(directory = CUSTOM_METADATA_DIR): OrgMetadata {
    const cached = metadataCache.get(directory);
    if (cached) return cached;
    const records = readdirSync(directory)
        .filter((file) => file.endsWith('.md-meta.xml'))
        .sort()
        .map((file) => parseCustomMetadataXml(file, readFileSync(join(directory, file), 'utf8')));

    const stageOrder = new Map(STANDARD_STAGES.map((stage) => [stage.apiName, stage.sortOrder]));
    const steps: PlaybookStepDefinition[] = records
        .filter((record) => record.type === 'Playbook_Step')
        .map((record) => {
            const where = `Playbook_Step.${record.developerName}`;
            const stage = textOrNull(record.values.get('Stage__c'));
            if (!stage || !stageOrder.has(stage)) {
                throw new Error(`${where}: Stage__c "${stage}" is not a stage of the sample org`);
            }
            const criterion = ExitCriterionSignal.safeParse(record.values.get('Exit_Criterion__c'));
            if (!criterion.success) throw new Error(`${where}: unknown Exit_Criterion__c`);
            const playbookKey = textOrNull(record.values.get('Playbook__c'));
            if (!playbookKey) throw new Error(`${where}: Playbook__c is empty`);
            const isRequired = record.values.get('Is_Required__c') === 'true';
            const isGate = record.values.get('Is_Gate__c') === 'true';
            if (isGate && !isRequired) throw new Error(`${where}: a gate (Is_Gate__c) must also be required`);
            return {
                stepKey: record.developerName,
                playbookKey,
                title: record.values.get('Title__c') ?? record.label,
                stage,
                stepOrder: numberOrNull(record.values.get('Step_Order__c')) ?? 0,
                isRequired,
                isGate,
                exitCriterion: criterion.data,
                dueInDays: numberOrNull(record.values.get('Due_In_Days__c'))
            };
        });

    const playbooks: PlaybookDefinition[] = records
        .filter((record) => record.type === 'Playbook')
        .map((record) => ({
            playbookKey: record.developerName,
            label: record.label,
            description: textOrNull(record.values.get('Description__c')),
            isActive: record.values.get('Is_Active__c') === 'true',
            priority: numberOrNull(record.values.get('Priority__c')),
            opportunityTypes: textOrNull(record.values.get('Opportunity_Types__c')),
            industries: textOrNull(record.values.get('Industries__c')),
            recordTypes: textOrNull(record.values.get('Record_Types__c')),
            minAmount: numberOrNull(record.values.get('Min_Amount__c')),
            maxAmount: numberOrNull(record.values.get('Max_Amount__c')),
            ownerRole: textOrNull(record.values.get('Owner_Role__c')),
            steps: steps
                .filter((step) => step.playbookKey === record.developerName)
                .sort(
                    (a, b) =>
                        stageOrder.get(a.stage)! - stageOrder.get(b.stage)! ||
                        a.stepOrder - b.stepOrder ||
                        (a.stepKey < b.stepKey ? -1 : a.stepKey > b.stepKey ? 1 : 0)
                )
        }));
    for (const step of steps) {
        if (!playbooks.some((playbook) => playbook.playbookKey === step.playbookKey)) {
            throw new Error(`Playbook_Step.${step.stepKey}: unknown playbook "${step.playbookKey}"`);
        }
    }
    if (playbooks.length === 0) throw new Error(`No Playbook records found in ${directory}`);

    const settings: Record<string, string | null> = {};
    for (const record of records.filter((candidate) => candidate.type === 'Execution_Loop_Setting')) {
        settings[record.developerName] = record.values.get('Value__c') ?? null;
    }
    const metadata: OrgMetadata = {
        stages: STANDARD_STAGES,
        openStageCount: STANDARD_STAGES.filter((stage) => !stage.isClosed).length,
        playbooks,
        settings,
        stageBenchmarkDays: parseStageBenchmarks(settings['Stage_Benchmark_Days']),
        scoringConfig: scoringConfigFromSettings(settings)
    };
    metadataCache.set(directory, metadata);
    return metadata;
}

export interface PlaybookMatch {
    playbook: PlaybookDefinition;
    reason: string;
}

function formatAmount(amount: number): string {
    const [whole, fraction] = String(Math.round(amount * 100) / 100).split('.');
    const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return fraction ? `${grouped}.${fraction}` : grouped;
}

function listRuleMatches(rule: string | null, value: string | null, noun: string, reasons: string[]): boolean {
    if (rule === null || rule.trim() === '') return true;
    if (value === null || value.trim() === '') return false;
    for (const allowed of rule.split(';')) {
        if (allowed.trim().toLowerCase() === value.trim().toLowerCase()) {
            reasons.push(label('PlaybookMatchedRule', noun, value));
            return true;
        }
    }
    return false;
}

/** The rules that matched, in words; null when a rule excludes the deal (PlaybookMatcher.matchReasons). */
function matchReasons(
    playbook: PlaybookDefinition,
    deal: { type: string | null; industry: string | null; recordType: string | null; amount: number | null }
): string[] | null {
    if (!playbook.isActive) return null;
    const reasons: string[] = [];
    if (!listRuleMatches(playbook.opportunityTypes, deal.type, label('PlaybookRuleType'), reasons)) return null;
    if (!listRuleMatches(playbook.industries, deal.industry, label('PlaybookRuleIndustry'), reasons)) return null;
    if (!listRuleMatches(playbook.recordTypes, deal.recordType, label('PlaybookRuleRecordType'), reasons)) return null;
    if (playbook.minAmount !== null || playbook.maxAmount !== null) {
        const amount = deal.amount;
        if (
            amount === null ||
            (playbook.minAmount !== null && amount < playbook.minAmount) ||
            (playbook.maxAmount !== null && amount >= playbook.maxAmount)
        ) {
            return null;
        }
        const low = playbook.minAmount === null ? '0' : formatAmount(playbook.minAmount);
        const high =
            playbook.maxAmount === null
                ? label('PlaybookNoUpperLimit')
                : label('PlaybookBelowAmount', formatAmount(playbook.maxAmount));
        reasons.push(label('PlaybookMatchedAmount', formatAmount(amount), low, high));
    }
    return reasons;
}

/** The best matching active playbook, lowest priority number first, as PlaybookMatcher picks it. */
export function matchPlaybook(
    playbooks: readonly PlaybookDefinition[],
    deal: { type: string | null; industry: string | null; recordType: string | null; amount: number | null }
): PlaybookMatch | null {
    let best: PlaybookDefinition | null = null;
    let bestReasons: string[] = [];
    for (const candidate of playbooks) {
        const reasons = matchReasons(candidate, deal);
        if (reasons === null) continue;
        const priority = candidate.priority ?? 999;
        const bestPriority = best === null ? 0 : (best.priority ?? 999);
        if (
            best === null ||
            priority < bestPriority ||
            (priority === bestPriority && candidate.playbookKey < best.playbookKey)
        ) {
            best = candidate;
            bestReasons = reasons;
        }
    }
    if (best === null) return null;
    return {
        playbook: best,
        reason:
            bestReasons.length === 0
                ? label('PlaybookMatchesEveryDeal')
                : label('PlaybookMatchedOn', bestReasons.join(', '))
    };
}
