/**
 * The Maven CRM loader: on a small synthetic data set written here (always runs), and on the real public data set
 * when ../shared/datasets holds it (skipped with its reason otherwise, as the data sets' README asks: the project
 * ships no copy of them).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayOf } from '../../sample-org/dates';
import { userList } from '../../twin/records';
import { WorkbenchStore } from '../../twin/store';
import { datasetRootCandidates, resolveDataset } from '../datasets';
import { loadMavenOrg, MAVEN_DATASET } from './load';

const AS_OF = '2026-11-25';

const SYNTHETIC = {
    'sales_pipeline.csv': [
        'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value',
        'W1,Ann Able,GTXPro,Acme,Won,2017-01-02,2017-02-01,4500',
        'W2,Ann Able,MG Special,Acme,Won,2017-01-10,2017-03-01,50',
        'L1,Bo Baker,GTX Basic,Beta,Lost,2017-02-01,2017-02-20,0',
        'E1,Bo Baker,GTX Basic,,Engaging,2017-12-20,,',
        'P1,Cy Cole,MG Special,Beta,Prospecting,,,'
    ],
    'accounts.csv': [
        'account,sector,year_established,revenue,employees,office_location,subsidiary_of',
        'Acme,technolgy,1996,1100.04,2822,United States,',
        'Beta,medical,1999,251.41,495,Kenya,'
    ],
    'products.csv': ['product,series,sales_price', 'GTX Basic,GTX,550', 'GTX Pro,GTX,4821', 'MG Special,MG,55'],
    'sales_teams.csv': [
        'sales_agent,manager,regional_office',
        'Ann Able,Mia Manager,Central',
        'Bo Baker,Mia Manager,Central',
        'Cy Cole,Max Boss,East',
        'Di Idle,Max Boss,East'
    ]
};

function writeDataset(files: Record<string, string[]>): string {
    const folder = mkdtempSync(join(tmpdir(), 'maven-'));
    for (const [file, lines] of Object.entries(files)) writeFileSync(join(folder, file), `${lines.join('\n')}\n`);
    return folder;
}

describe('loadMavenOrg on a synthetic data set', () => {
    let folder: string;
    beforeAll(() => {
        folder = writeDataset(SYNTHETIC);
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('builds the role hierarchy region → manager → reps from the sales teams, with only the agents who own deals', () => {
        const org = loadMavenOrg({ datasetDir: folder, asOf: AS_OF });
        const byName = new Map(org.users.map((user) => [user.Name, user]));
        expect([...byName.keys()].sort()).toEqual(['Ann Able', 'Bo Baker', 'Cy Cole', 'Max Boss', 'Mia Manager']);
        expect(byName.get('Ann Able')!.ManagerId).toBe(byName.get('Mia Manager')!.Id);
        const store = new WorkbenchStore({ org, now: () => new Date(`${AS_OF}T10:00:00Z`) });
        expect(store.teamMembers(byName.get('Mia Manager')!.Id).map((user) => user.Name)).toEqual([
            'Ann Able',
            'Bo Baker'
        ]);
        expect(store.teamMembers(byName.get('Ann Able')!.Id)).toEqual([]);
        const roleNames = org.userRoles.filter((role) => role.ParentRoleId === null).map((role) => role.Name);
        expect(roleNames.sort()).toEqual(['Sales, Central office', 'Sales, East office']);
        expect(userList(store, byName.get('Max Boss')!.Id).users.find((user) => user.name === 'Cy Cole')!.level).toBe(
            'rep'
        );
    });

    it('leaves what the data lacks empty: no activities, contacts, next steps, MEDDPICC, playbooks or slips', () => {
        const org = loadMavenOrg({ datasetDir: folder, asOf: AS_OF });
        expect(org.tasks).toEqual([]);
        expect(org.events).toEqual([]);
        expect(org.contacts).toEqual([]);
        expect(org.opportunityContactRoles).toEqual([]);
        expect(org.playbooks).toEqual([]);
        for (const opportunity of org.opportunities) {
            expect(opportunity.NextStep).toBeNull();
            expect(opportunity.Next_Step_Date__c).toBeNull();
            expect(opportunity.Economic_Buyer_Status__c).toBe('unknown');
            expect(opportunity.Champion_Status__c).toBe('unknown');
            const closeDates = new Set(
                org.opportunityHistory.filter((row) => row.OpportunityId === opportunity.Id).map((row) => row.CloseDate)
            );
            expect(closeDates).toEqual(new Set([opportunity.CloseDate]));
        }
        expect(org.meta.source!.missing.join(' ')).toMatch(/Activities/);
        expect(org.meta.source!.inferred.length).toBeGreaterThan(0);
    });

    it('shifts every date by whole weeks so the export day lands within the week before today', () => {
        const org = loadMavenOrg({ datasetDir: folder, asOf: AS_OF });
        const won = org.opportunities.find((opportunity) => opportunity.Name.includes('(W1)'))!;
        const shift = dayOf(won.CloseDate) - dayOf('2017-02-01');
        expect(shift % 7).toBe(0);
        const exportDay = dayOf('2017-12-21') + shift;
        expect(dayOf(AS_OF) - exportDay).toBeGreaterThanOrEqual(0);
        expect(dayOf(AS_OF) - exportDay).toBeLessThan(7);
        expect(won.CreatedDate.slice(0, 10)).toBe(
            new Date((dayOf('2017-01-02') + shift) * 86_400_000).toISOString().slice(0, 10)
        );
    });

    it('reads amounts from won values and list prices, maps GTXPro to GTX Pro, and keeps deals without an account', () => {
        const org = loadMavenOrg({ datasetDir: folder, asOf: AS_OF });
        const named = (id: string) => org.opportunities.find((opportunity) => opportunity.Name.includes(`(${id})`))!;
        expect(named('W1').Amount).toBe(4500);
        expect(named('W1').Name).toContain('GTX Pro');
        expect(named('L1').Amount).toBe(550);
        expect(named('E1').Amount).toBe(550);
        expect(named('E1').AccountId).toBeNull();
        expect(named('E1').IsClosed).toBe(false);
        expect(named('W1').IsWon).toBe(true);
        expect(org.accounts.find((account) => account.Name === 'Acme')!.Industry).toBe('technology');
        // Open deals get a placeholder close date after the export day, never in the past.
        expect(dayOf(named('E1').CloseDate)).toBeGreaterThanOrEqual(dayOf(AS_OF) - 6);
    });

    it('scores every open deal once, today, with the real engine', () => {
        const org = loadMavenOrg({ datasetDir: folder, asOf: AS_OF });
        const open = org.opportunities
            .filter((opportunity) => !opportunity.IsClosed)
            .map((opportunity) => opportunity.Id);
        expect(org.dealHealthSnapshots.map((snapshot) => snapshot.Opportunity__c).sort()).toEqual(open.sort());
        for (const snapshot of org.dealHealthSnapshots) {
            expect(snapshot.As_Of__c).toBe(AS_OF);
            expect(snapshot.Is_Latest__c).toBe(true);
        }
    });

    it('names the file and the row at fault', () => {
        const broken = writeDataset({
            ...SYNTHETIC,
            'sales_pipeline.csv': [
                ...SYNTHETIC['sales_pipeline.csv'],
                'X9,Ann Able,Hoverboard,Acme,Won,2017-01-02,2017-02-01,1'
            ]
        });
        try {
            expect(() => loadMavenOrg({ datasetDir: broken, asOf: AS_OF })).toThrow(
                'sales_pipeline.csv X9: unknown product "Hoverboard"'
            );
            rmSync(join(broken, 'accounts.csv'));
            expect(() => loadMavenOrg({ datasetDir: broken, asOf: AS_OF })).toThrow(/Cannot read .*accounts\.csv/);
        } finally {
            rmSync(broken, { recursive: true, force: true });
        }
    });
});

describe('resolveDataset', () => {
    it('looks beside the repository and its parents, or where EXECUTION_LOOP_DATASETS points, and says where it looked', () => {
        expect(datasetRootCandidates({}, '/work/wt/i18')).toEqual([
            '/work/wt/shared/datasets',
            '/work/shared/datasets',
            '/shared/datasets'
        ]);
        expect(() => resolveDataset('maven-crm', { EXECUTION_LOOP_DATASETS: '/nonexistent/datasets' })).toThrow(
            'The public data set "maven-crm" was not found. Looked in: /nonexistent/datasets/maven-crm.'
        );
    });
});

const realDataset = datasetRootCandidates()
    .map((root) => join(root, MAVEN_DATASET))
    .find((folder) => existsSync(folder));
const describeReal = realDataset ? describe : describe.skip;

describeReal(
    `loadMavenOrg on the public data set (${realDataset ?? 'absent from ../shared/datasets: skipped'})`,
    () => {
        it('loads 30 reps under 6 managers in 3 regions, 85 accounts and 8,800 deals with their stages', () => {
            const org = loadMavenOrg({ asOf: AS_OF });
            expect(org.users.filter((user) => user.level === 'rep')).toHaveLength(30);
            expect(org.users.filter((user) => user.level === 'manager')).toHaveLength(6);
            expect(org.userRoles.filter((role) => role.ParentRoleId === null)).toHaveLength(3);
            expect(org.accounts).toHaveLength(85);
            expect(org.opportunities).toHaveLength(8800);
            const stages = new Map<string, number>();
            for (const opportunity of org.opportunities) {
                stages.set(opportunity.StageName, (stages.get(opportunity.StageName) ?? 0) + 1);
            }
            expect(Object.fromEntries(stages)).toEqual({ Won: 4238, Lost: 2473, Engaging: 1589, Prospecting: 500 });
            expect(org.opportunities.filter((opportunity) => opportunity.AccountId === null)).toHaveLength(1425);
            expect(org.dealHealthSnapshots).toHaveLength(1589 + 500);
        });
    }
);
