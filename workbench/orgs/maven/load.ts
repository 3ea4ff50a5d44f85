/**
 * The Maven CRM data set ("CRM Sales Opportunities", 8,800 real opportunities) loaded as a workbench org: the org a
 * company would have after importing it into Salesforce, with nothing added that the data does not hold. It has reps,
 * managers, regional offices, accounts, products, deal stages, engage and close dates and won values; it has no
 * activities, contacts, contact roles, next steps, qualification (MEDDPICC) values or close-date history, so those
 * stay empty. What the loader derives (dates moved to today, amounts of open deals, placeholder close dates) is
 * listed in `meta.source`, which the workbench page shows.
 *
 * The CSV files are read at run time from the shared data sets folder (see ../datasets.ts); nothing of them is
 * copied into the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { contractVersion } from '../../../service/src/contract';
import { MODEL_VERSION } from '../../../service/src/modules/scoring/engine';
import { dayOf, isoDate, isoDateTime } from '../../sample-org/dates';
import { IdFactory, KEY_PREFIXES } from '../../sample-org/ids';
import { FORECAST_API_BY_NAME, loadOrgMetadata, type StageDefinition } from '../../sample-org/metadata';
import { runNightlyScoring } from '../../sample-org/nightly';
import { emptyRecordLists, historyRow, unqualifiedMeddpicc } from '../../sample-org/records';
import { indexSampleOrg } from '../../sample-org/scoring';
import type {
    AccountRecord,
    OpportunityHistoryRecord,
    OpportunityRecord,
    SampleOrg,
    UserRecord,
    UserRoleRecord
} from '../../sample-org/types';
import { resolveDataset } from '../datasets';

export const MAVEN_DATASET = 'maven-crm';
const ID_START = 3_000_000_000;

/** The data set's own sales process: its four stage values, in order. */
export const MAVEN_STAGES: readonly StageDefinition[] = [
    {
        apiName: 'Prospecting',
        sortOrder: 1,
        isClosed: false,
        isWon: false,
        defaultProbability: 10,
        forecastCategoryName: 'Pipeline'
    },
    {
        apiName: 'Engaging',
        sortOrder: 2,
        isClosed: false,
        isWon: false,
        defaultProbability: 50,
        forecastCategoryName: 'Pipeline'
    },
    {
        apiName: 'Won',
        sortOrder: 3,
        isClosed: true,
        isWon: true,
        defaultProbability: 100,
        forecastCategoryName: 'Closed'
    },
    {
        apiName: 'Lost',
        sortOrder: 4,
        isClosed: true,
        isWon: false,
        defaultProbability: 0,
        forecastCategoryName: 'Omitted'
    }
];

/** Product names as the pipeline spells them → as products.csv does (the source's one inconsistency). */
const PRODUCT_ALIASES: Readonly<Record<string, string>> = { GTXPro: 'GTX Pro' };
/** Sector values as the source misspells them → corrected. */
const SECTOR_FIXES: Readonly<Record<string, string>> = { technolgy: 'technology' };

export interface MavenOrgOptions {
    /** Folder holding the four CSV files; defaults to the shared data sets folder. */
    datasetDir?: string;
    /**
     * The org's "today": every date of the data moves by the same whole number of weeks so that the export day (the
     * day after the data's last date) falls on this day or up to six days before it. Defaults to today (UTC).
     */
    asOf?: string;
}

type Row = Record<string, string>;

function readCsv(folder: string, file: string, columns: readonly string[]): Row[] {
    const path = join(folder, file);
    let text: string;
    try {
        text = readFileSync(path, 'utf8');
    } catch (error) {
        throw new Error(`Cannot read ${path}: ${(error as Error).message}`);
    }
    const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Row[];
    const header = rows[0] ? Object.keys(rows[0]) : [];
    const absent = columns.filter((column) => !header.includes(column));
    if (rows.length === 0 || absent.length > 0) {
        throw new Error(`${path}: expected the columns ${columns.join(', ')}; missing ${absent.join(', ') || 'rows'}`);
    }
    return rows;
}

function requireDate(value: string, where: string): number {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || isoDate(dayOf(value)) !== value) {
        throw new Error(`${where}: "${value}" is not a date (YYYY-MM-DD)`);
    }
    return dayOf(value);
}

function requireNumber(value: string, where: string): number {
    const number = Number(value);
    if (value === '' || !Number.isFinite(number) || number < 0)
        throw new Error(`${where}: "${value}" is not an amount`);
    return number;
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    if (sorted.length === 0) throw new Error('median of nothing');
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

function developerName(text: string): string {
    return text.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** Loads the data set as an org. Throws a clear error when a file is absent or a row breaks the data set's shape. */
export function loadMavenOrg(options: MavenOrgOptions = {}): SampleOrg {
    const folder = options.datasetDir ?? resolveDataset(MAVEN_DATASET);
    const pipeline = readCsv(folder, 'sales_pipeline.csv', [
        'opportunity_id',
        'sales_agent',
        'product',
        'account',
        'deal_stage',
        'engage_date',
        'close_date',
        'close_value'
    ]);
    const accountsCsv = readCsv(folder, 'accounts.csv', ['account', 'sector', 'employees', 'office_location']);
    const productsCsv = readCsv(folder, 'products.csv', ['product', 'sales_price']);
    const teamsCsv = readCsv(folder, 'sales_teams.csv', ['sales_agent', 'manager', 'regional_office']);

    const stageByName = new Map(MAVEN_STAGES.map((stage) => [stage.apiName, stage]));
    const priceByProduct = new Map(
        productsCsv.map((row) => [row.product!, requireNumber(row.sales_price!, `products.csv ${row.product}`)])
    );
    const teamByAgent = new Map(teamsCsv.map((row) => [row.sales_agent!, row]));

    // Dates: the export day is the day after the last date in the data; shift by whole weeks (weekdays stay) to today.
    let lastDay = -Infinity;
    for (const row of pipeline) {
        for (const column of ['engage_date', 'close_date'] as const) {
            if (row[column])
                lastDay = Math.max(
                    lastDay,
                    requireDate(row[column], `sales_pipeline.csv ${row.opportunity_id} ${column}`)
                );
        }
    }
    if (!Number.isFinite(lastDay)) throw new Error('sales_pipeline.csv has no dates');
    const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
    const asOfDay = requireDate(asOf, 'asOf');
    const exportDay = lastDay + 1;
    const shift = Math.floor((asOfDay - exportDay) / 7) * 7;
    const shifted = (value: string, where: string) => requireDate(value, where) + shift;

    // Placeholder close date of open deals: Salesforce requires one and the data has none.
    const wonCycles = pipeline
        .filter((row) => row.deal_stage === 'Won')
        .map(
            (row) =>
                requireDate(row.close_date!, row.opportunity_id!) - requireDate(row.engage_date!, row.opportunity_id!)
        );
    const medianWonCycle = median(wonCycles);
    const exportMonthEnd = (() => {
        const date = new Date((exportDay + shift) * 86_400_000);
        return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / 86_400_000;
    })();

    const ids = new IdFactory(ID_START);
    const metadata = loadOrgMetadata();
    const org: SampleOrg = {
        meta: {
            generator: 'maven-crm loader',
            formatVersion: 1,
            seed: 0,
            asOf,
            dealCount: pipeline.length,
            contractVersion,
            modelVersion: MODEL_VERSION,
            snapshotDates: [asOf],
            keyPrefixes: { ...KEY_PREFIXES },
            source: {
                key: 'maven',
                label: 'Maven CRM data set (public, real opportunities)',
                description:
                    'The public "CRM Sales Opportunities" data set (Maven Analytics) as an org would hold it after an import: ' +
                    'reps, managers and regional offices, accounts, products, stages, engage and close dates, won values. ' +
                    'It logs no activities and has no contacts, next steps or qualification fields.',
                inferred: [
                    `Dates moved by ${shift} days (whole weeks) so that the export day, ${isoDate(exportDay)}, is ${isoDate(exportDay + shift)}.`,
                    'Role hierarchy: regional office → manager → reps, from the sales teams file (no one heads a region in the data).',
                    `Created date: the engage date; Prospecting deals carry no date, so they are taken as created on the data's last day (${isoDate(lastDay + shift)}).`,
                    `Close date of open deals: the data has none and Salesforce requires one, so it is the engage date plus the median won cycle (${medianWonCycle} days), and at least the end of the export month.`,
                    'Amount: the won value for won deals; the product list price for open and lost deals (the data sets lost values to 0 and leaves open ones empty).',
                    'Stage history: the move to Engaging on the engage date and to Won or Lost on the close date.',
                    'Account owner: the rep with the most deals on the account.'
                ],
                missing: [
                    'Activities (tasks, events, emails): none are logged.',
                    'Contacts and contact roles: none.',
                    'Next steps and their dates: none.',
                    'Qualification (MEDDPICC) fields: all unknown.',
                    'Close-date changes: no history, so no slip can be seen.',
                    'Playbooks: the shipped plays name the standard stages, which this org does not use, so no play applies.',
                    'Forecast categories: the stage defaults only.',
                    `Accounts of ${pipeline.filter((row) => !row.account).length} deals.`
                ]
            }
        },
        stages: MAVEN_STAGES.map((stage) => ({ ...stage })),
        playbooks: [],
        scoringConfig: metadata.scoringConfig,
        dataProfile: null,
        stageBenchmarkDays: Object.fromEntries(
            Object.entries(metadata.stageBenchmarkDays).filter(([stage]) => stageByName.has(stage))
        ),
        ...emptyRecordLists()
    };

    // Users and roles: the agents who own deals, their managers, and a role per regional office.
    const agents = [...new Set(pipeline.map((row) => row.sales_agent!))].sort();
    const regionRoles = new Map<string, UserRoleRecord>();
    const managerUsers = new Map<string, UserRecord>();
    const repRoleByManager = new Map<string, UserRoleRecord>();
    const userByAgent = new Map<string, UserRecord>();
    const role = (name: string, parent: string | null): UserRoleRecord => {
        const record = {
            Id: ids.next('UserRole'),
            Name: name,
            DeveloperName: developerName(name),
            ParentRoleId: parent
        };
        org.userRoles.push(record);
        return record;
    };
    const user = (
        fullName: string,
        title: string,
        roleId: string,
        managerId: string | null,
        level: UserRecord['level']
    ) => {
        const [first, ...rest] = fullName.split(' ');
        const last = rest.join(' ') || first!;
        const record: UserRecord = {
            Id: ids.next('User'),
            FirstName: first!,
            LastName: last,
            Name: fullName,
            Username: `${fullName.replace(/\s+/g, '.')}@maven-crm.example`.toLowerCase(),
            Alias: `${first!.slice(0, 1)}${last.slice(0, 4)}`.toLowerCase(),
            Title: title,
            UserRoleId: roleId,
            ManagerId: managerId,
            IsActive: true,
            level,
            segment: null
        };
        org.users.push(record);
        return record;
    };
    for (const agent of agents) {
        const team = teamByAgent.get(agent);
        if (!team) throw new Error(`sales_pipeline.csv: the sales agent "${agent}" is not in sales_teams.csv`);
        const region = team.regional_office!;
        let regionRole = regionRoles.get(region);
        if (!regionRole) {
            regionRole = role(`Sales, ${region} office`, null);
            regionRoles.set(region, regionRole);
        }
        let manager = managerUsers.get(team.manager!);
        if (!manager) {
            const managerRole = role(`Sales Manager, ${team.manager}`, regionRole.Id);
            manager = user(team.manager!, `Sales Manager, ${region}`, managerRole.Id, null, 'manager');
            managerUsers.set(team.manager!, manager);
            repRoleByManager.set(team.manager!, role(`Sales Rep, team of ${team.manager}`, managerRole.Id));
        }
        userByAgent.set(
            agent,
            user(agent, `Sales Rep, ${region}`, repRoleByManager.get(team.manager!)!.Id, manager.Id, 'rep')
        );
    }

    // Accounts, owned by the rep with the most deals on them.
    const dealsByAccountAgent = new Map<string, Map<string, number>>();
    for (const row of pipeline) {
        if (!row.account) continue;
        const counts = dealsByAccountAgent.get(row.account) ?? new Map<string, number>();
        counts.set(row.sales_agent!, (counts.get(row.sales_agent!) ?? 0) + 1);
        dealsByAccountAgent.set(row.account, counts);
    }
    const accountIdByName = new Map<string, string>();
    for (const row of accountsCsv) {
        const counts = [...(dealsByAccountAgent.get(row.account!) ?? new Map<string, number>())].sort(
            (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)
        );
        const owner = counts[0] ? userByAgent.get(counts[0][0])! : [...managerUsers.values()][0]!;
        const account: AccountRecord = {
            Id: ids.next('Account'),
            Name: row.account!,
            Industry: SECTOR_FIXES[row.sector!] ?? row.sector!,
            Type: null,
            NumberOfEmployees: requireNumber(row.employees!, `accounts.csv ${row.account} employees`),
            BillingCountry: row.office_location!,
            OwnerId: owner.Id,
            segment: null
        };
        org.accounts.push(account);
        accountIdByName.set(account.Name, account.Id);
    }

    // Opportunities and their stage history.
    for (const row of pipeline) {
        const where = `sales_pipeline.csv ${row.opportunity_id}`;
        const stage = stageByName.get(row.deal_stage!);
        if (!stage) throw new Error(`${where}: unknown stage "${row.deal_stage}"`);
        const product = PRODUCT_ALIASES[row.product!] ?? row.product!;
        const listPrice = priceByProduct.get(product);
        if (listPrice === undefined) throw new Error(`${where}: unknown product "${row.product}"`);
        let accountId: string | null = null;
        if (row.account) {
            accountId = accountIdByName.get(row.account) ?? null;
            if (accountId === null) throw new Error(`${where}: unknown account "${row.account}"`);
        }
        const engageDay = row.engage_date ? shifted(row.engage_date, `${where} engage_date`) : null;
        if (engageDay === null && stage.apiName !== 'Prospecting') throw new Error(`${where}: no engage date`);
        const createdDay = engageDay ?? lastDay + shift;
        let closeDay: number;
        let amount: number;
        if (stage.isClosed) {
            if (!row.close_date) throw new Error(`${where}: a ${stage.apiName} deal without a close date`);
            closeDay = shifted(row.close_date, `${where} close_date`);
            amount = stage.isWon ? requireNumber(row.close_value!, `${where} close_value`) : listPrice;
        } else {
            closeDay = Math.max(createdDay + medianWonCycle, exportMonthEnd);
            amount = listPrice;
        }
        const owner = userByAgent.get(row.sales_agent!)!;
        const opportunity: OpportunityRecord = {
            Id: ids.next('Opportunity'),
            Name: `${row.account || 'No account'} – ${product} (${row.opportunity_id})`.slice(0, 120),
            AccountId: accountId,
            OwnerId: owner.Id,
            Type: null,
            StageName: stage.apiName,
            Amount: amount,
            Probability: stage.defaultProbability,
            CloseDate: isoDate(closeDay),
            ForecastCategoryName: stage.forecastCategoryName,
            NextStep: null,
            Next_Step_Date__c: null,
            ...unqualifiedMeddpicc(),
            Economic_Buyer__c: null,
            Champion__c: null,
            ForecastCategory: FORECAST_API_BY_NAME[stage.forecastCategoryName],
            IsClosed: stage.isClosed,
            IsWon: stage.isWon,
            CreatedDate: isoDateTime(createdDay, 9),
            LastActivityDate: null,
            archetype: { strength: 'mixed', designedRisks: [] }
        };
        org.opportunities.push(opportunity);
        const history = (day: number, stageName: string): OpportunityHistoryRecord =>
            historyRow(ids, opportunity.Id, isoDateTime(day, 9), {
                StageName: stageName,
                CloseDate: opportunity.CloseDate,
                Amount: amount,
                ForecastCategory: FORECAST_API_BY_NAME[stageByName.get(stageName)!.forecastCategoryName]
            });
        org.opportunityHistory.push(history(createdDay, engageDay === null ? 'Prospecting' : 'Engaging'));
        if (stage.isClosed) org.opportunityHistory.push(history(closeDay, stage.apiName));
    }

    // Today's nightly run over every open deal, as the batch would.
    runNightlyScoring(org, indexSampleOrg(org), ids, org.meta.asOf, true);
    return org;
}
