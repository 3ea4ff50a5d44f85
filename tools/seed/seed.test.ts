import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { generateSampleOrg } from '../../workbench/sample-org/generate';
import type { SampleOrg } from '../../workbench/sample-org/types';
import { parseSeedArgs, runSeedCli, UsageError } from './cli';
import { FIELD_ALLOW_LIST, SEED_ORDER, SeedError, type SeedManifest, type SeedObject } from './seed';
import type { OrgAuth } from './sf-org';
import { type CollectionRecord, startStandIn, type StandIn, type StandInOptions } from './fake-salesforce-rest';

const DEALS = 40;
let workDir: string;
let org: SampleOrg;

beforeAll(() => {
    org = generateSampleOrg({ deals: DEALS });
});

beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'seed-test-'));
});

afterEach(() => {
    rmSync(workDir, { recursive: true, force: true });
});

async function withStandIn<T>(options: StandInOptions, run: (standIn: StandIn) => Promise<T>): Promise<T> {
    const standIn = await startStandIn(options);
    try {
        return await run(standIn);
    } finally {
        await standIn.close();
    }
}

function dependencies(standIn: StandIn, resolveOrg = jest.fn()) {
    resolveOrg.mockImplementation((): OrgAuth => ({
        instanceUrl: standIn.url,
        accessToken: 'test',
        username: 'admin@example.com',
        apiVersion: '64.0'
    }));
    return {
        resolveOrg,
        connect: (auth: OrgAuth) =>
            new Connection({ instanceUrl: auth.instanceUrl, accessToken: auth.accessToken, version: '64.0' }),
        log: () => undefined
    };
}

interface CollectionCall {
    allOrNone: boolean;
    records: CollectionRecord[];
}

function collectionCalls(standIn: StandIn): CollectionCall[] {
    return standIn.requests
        .filter((request) => request.method === 'POST')
        .map((request) => {
            expect(request.path).toBe('/services/data/v64.0/composite/sobjects');
            return request.body as CollectionCall;
        });
}

function idsOf(manifest: SeedManifest, object: SeedObject): Map<string, string> {
    return new Map((manifest.created[object] ?? []).map((entry) => [entry.reference, entry.id]));
}

describe('seed against a local stand-in', () => {
    it('loads every object in dependency order, in chunks of at most 200, with remapped references', async () => {
        await withStandIn({}, async (standIn) => {
            const manifestPath = join(workDir, 'manifest.json');
            const manifest = (await runSeedCli(
                ['--target-org', 'scratch', '--deals', String(DEALS), '--manifest', manifestPath],
                dependencies(standIn)
            ))!;

            expect(standIn.requests[0]).toMatchObject({ method: 'GET', path: '/services/data/v64.0/query' });
            expect(standIn.requests[0]!.query['q']).toBe(
                "SELECT Id FROM User WHERE Username = 'admin@example.com' LIMIT 1"
            );
            const calls = collectionCalls(standIn);
            expect(standIn.requests).toHaveLength(calls.length + 1);

            // Order: each object's calls together, objects in SEED_ORDER.
            const typeSequence = calls.map((call) => {
                const types = new Set(call.records.map((record) => record.attributes.type));
                expect(types.size).toBe(1);
                return [...types][0] as SeedObject;
            });
            const objectOrder = typeSequence.filter((type, index) => type !== typeSequence[index - 1]);
            expect(objectOrder).toEqual(SEED_ORDER);

            // Chunks: all or none, never above 200, and at least one object needed more than one call.
            for (const call of calls) {
                expect(call.allOrNone).toBe(true);
                expect(call.records.length).toBeGreaterThan(0);
                expect(call.records.length).toBeLessThanOrEqual(200);
            }
            expect(typeSequence.length).toBeGreaterThan(objectOrder.length);

            // Fields: only the allow-list per object; no bodies or descriptions.
            for (const call of calls) {
                for (const record of call.records) {
                    const allowed = new Set(['attributes', ...FIELD_ALLOW_LIST[record.attributes.type as SeedObject]]);
                    for (const field of Object.keys(record)) expect(allowed).toContain(field);
                    expect(record).not.toHaveProperty('Description');
                    expect(record).not.toHaveProperty('Body');
                }
            }

            // Counts and manifest.
            expect(manifest.status).toBe('complete');
            expect(manifest.counts).toMatchObject({
                Account: org.accounts.length,
                Opportunity: DEALS,
                Deal_Health_Snapshot__c: org.dealHealthSnapshots.length,
                Review_Decision__c: org.reviewDecisions.length
            });
            expect(JSON.parse(readFileSync(manifestPath, 'utf8'))).toEqual(manifest);
            for (const object of SEED_ORDER) {
                expect(manifest.created[object]!.map((entry) => entry.id)).toEqual(
                    (standIn.saved.get(object) ?? []).map((entry) => entry.id)
                );
            }

            // References: each child carries the id the stand-in returned for its generated parent.
            const accounts = idsOf(manifest, 'Account');
            const contacts = idsOf(manifest, 'Contact');
            const deals = idsOf(manifest, 'Opportunity');
            const tasks = idsOf(manifest, 'Task');
            const reviews = idsOf(manifest, 'Pipeline_Review__c');
            const saved = (object: SeedObject) => standIn.saved.get(object)!.map((entry) => entry.record);
            saved('Contact').forEach((record, index) => {
                expect(record['AccountId']).toBe(accounts.get(org.contacts[index]!.AccountId));
                expect(record['OwnerId']).toBe(standIn.runningUserId);
            });
            saved('Opportunity').forEach((record, index) => {
                const generated = org.opportunities[index]!;
                expect(record['AccountId']).toBe(accounts.get(generated.AccountId!));
                expect(record['Economic_Buyer__c']).toBe(
                    generated.Economic_Buyer__c ? contacts.get(generated.Economic_Buyer__c) : undefined
                );
                expect(record['OwnerId']).toBe(standIn.runningUserId);
            });
            saved('OpportunityContactRole').forEach((record, index) => {
                expect(record['OpportunityId']).toBe(deals.get(org.opportunityContactRoles[index]!.OpportunityId));
                expect(record['ContactId']).toBe(contacts.get(org.opportunityContactRoles[index]!.ContactId));
            });
            saved('Task').forEach((record, index) => {
                expect(record['WhatId']).toBe(deals.get(org.tasks[index]!.WhatId));
            });
            saved('Deal_Health_Snapshot__c').forEach((record, index) => {
                const generated = org.dealHealthSnapshots[index]!;
                const dealId = deals.get(generated.Opportunity__c)!;
                expect(record['Opportunity__c']).toBe(dealId);
                expect(record['Snapshot_Key__c']).toBe(`${dealId}:${generated.As_Of__c}:nightly`);
                expect(JSON.parse(record['Risks_Json__c'] as string)).toEqual(generated.risks);
            });
            saved('Playbook_Step_Progress__c').forEach((record) => {
                expect(record['Progress_Key__c']).toBe(
                    `${String(record['Opportunity__c'])}:${String(record['Step_Key__c'])}`
                );
                expect([...deals.values()]).toContain(record['Opportunity__c']);
            });
            saved('Review_Decision__c').forEach((record, index) => {
                const generated = org.reviewDecisions[index]!;
                expect(record['Pipeline_Review__c']).toBe(reviews.get(generated.Pipeline_Review__c));
                expect(record['Opportunity__c']).toBe(deals.get(generated.Opportunity__c));
                expect(record['Task_Id__c']).toBe(generated.Task_Id__c ? tasks.get(generated.Task_Id__c) : undefined);
            });
            const actionTasks = saved('Review_Decision__c').filter((record) => record['Decision__c'] === 'action');
            expect(actionTasks.length).toBeGreaterThan(0);
            saved('Nudge_Feedback__c').forEach((record) => {
                expect([...deals.values()]).toContain(record['Opportunity__c']);
                expect(record['User__c']).toBe(standIn.runningUserId);
            });
        });
    });

    it('maps owners through --owner-map', async () => {
        await withStandIn({}, async (standIn) => {
            const rep = org.users.find(
                (user) => user.level === 'rep' && org.opportunities.some((deal) => deal.OwnerId === user.Id)
            )!;
            const mapped = '005000000000042AAA';
            const ownerMap = join(workDir, 'owners.json');
            writeFileSync(ownerMap, JSON.stringify({ [rep.Username]: mapped }));
            await runSeedCli(
                [
                    '--target-org',
                    'scratch',
                    '--deals',
                    String(DEALS),
                    '--owner-map',
                    ownerMap,
                    '--manifest',
                    join(workDir, 'm.json')
                ],
                dependencies(standIn)
            );
            const owners = standIn.saved.get('Opportunity')!.map((entry) => entry.record['OwnerId']);
            org.opportunities.forEach((deal, index) => {
                expect(owners[index]).toBe(deal.OwnerId === rep.Id ? mapped : standIn.runningUserId);
            });
        });
    });

    it('stops at the first failed record, names it, and lists what was created', async () => {
        const failing = org.opportunities[27]!;
        const failRecord = (type: string, record: CollectionRecord) =>
            type === 'Opportunity' && record['Name'] === failing.Name && record['CloseDate'] === failing.CloseDate
                ? { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Amount is too high', fields: ['Amount'] }
                : null;
        await withStandIn({ failRecord }, async (standIn) => {
            const manifestPath = join(workDir, 'manifest.json');
            const run = runSeedCli(
                ['--target-org', 'scratch', '--deals', String(DEALS), '--manifest', manifestPath],
                dependencies(standIn)
            );
            await expect(run).rejects.toThrow(SeedError);
            const error = (await run.catch((caught: unknown) => caught)) as SeedError;
            expect(error.object).toBe('Opportunity');
            expect(error.reference).toBe(failing.Id);
            expect(error.message).toContain(
                `Opportunity record ${failing.Id}: FIELD_CUSTOM_VALIDATION_EXCEPTION: Amount is too high [Amount]`
            );
            expect(error.message).toContain(manifestPath);

            const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as SeedManifest;
            expect(manifest.status).toBe('failed');
            expect(manifest.error).toContain(failing.Id);
            expect(manifest.created.Account).toHaveLength(org.accounts.length);
            expect(manifest.created.Contact).toHaveLength(org.contacts.length);
            expect(manifest.created.Opportunity).toEqual([]);
            expect(manifest.created.OpportunityContactRole).toBeUndefined();
            // Nothing was sent after the failing call.
            const lastCall = collectionCalls(standIn).at(-1)!;
            expect(lastCall.records[0]!.attributes.type).toBe('Opportunity');
            expect(standIn.saved.get('Opportunity')).toBeUndefined();
        });
    });

    it('sends nothing on --dry-run', async () => {
        await withStandIn({}, async (standIn) => {
            const deps = dependencies(standIn);
            const manifest = (await runSeedCli(['--target-org', 'scratch', '--deals', '20', '--dry-run'], deps))!;
            expect(standIn.requests).toEqual([]);
            expect(deps.resolveOrg).not.toHaveBeenCalled();
            expect(manifest.status).toBe('dry_run');
            expect(manifest.counts.Opportunity).toBe(20);
            expect(manifest.created).toEqual({});
            expect(existsSync(join(process.cwd(), 'seed-manifest-scratch.json'))).toBe(false);
        });
    });
});

describe('seed arguments', () => {
    it('validates flags', () => {
        expect(parseSeedArgs(['--target-org', 'x'])).toMatchObject({ targetOrg: 'x', deals: 400, dryRun: false });
        expect(parseSeedArgs(['--dry-run'])).toMatchObject({ targetOrg: null, dryRun: true });
        expect(() => parseSeedArgs([])).toThrow(new UsageError('--target-org is required (or use --dry-run)'));
        expect(() => parseSeedArgs(['--target-org', 'x', '--deals', 'ten'])).toThrow(/--deals must be an integer/);
        expect(() => parseSeedArgs(['--target-org', 'x', '--deals', '60000'])).toThrow(/from 1 to 50000/);
        expect(() => parseSeedArgs(['--target-org', 'x', '--force'])).toThrow(UsageError);
    });
});
