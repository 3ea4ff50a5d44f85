/**
 * Loads the sample org into a real (scratch) org through the sObject Collections API (`POST
 * /services/data/vXX.X/composite/sobjects`, all or none per call of at most 200 records), in dependency order,
 * replacing every generated id with the id the org returns. Users and roles are not created: every generated owner
 * maps to the running user, or to an existing user through the owner map.
 *
 * The first failed record stops the run with its object, its generated id and the API's error; a manifest of every
 * record created so far (written after each call) lets a rerun clean up.
 */
import { writeFileSync } from 'node:fs';
import type { Connection } from 'jsforce';
import { MEDDPICC_OPPORTUNITY_FIELDS } from '../../workbench/sample-org/records';
import type { SampleOrg } from '../../workbench/sample-org/types';

export const MAX_COLLECTION_SIZE = 200;

export type SeedObject =
    | 'Account'
    | 'Contact'
    | 'Opportunity'
    | 'OpportunityContactRole'
    | 'Task'
    | 'Event'
    | 'Playbook_Step_Progress__c'
    | 'Deal_Health_Snapshot__c'
    | 'Pipeline_Review__c'
    | 'Review_Decision__c'
    | 'Nudge_Feedback__c';

/** The order records are loaded in: parents before children. */
export const SEED_ORDER: readonly SeedObject[] = [
    'Account',
    'Contact',
    'Opportunity',
    'OpportunityContactRole',
    'Task',
    'Event',
    'Playbook_Step_Progress__c',
    'Deal_Health_Snapshot__c',
    'Pipeline_Review__c',
    'Review_Decision__c',
    'Nudge_Feedback__c'
];

/** Every field the seed may send, per object. Nothing else leaves this machine (no bodies, no descriptions). */
export const FIELD_ALLOW_LIST: Record<SeedObject, readonly string[]> = {
    Account: ['Name', 'Industry', 'Type', 'NumberOfEmployees', 'BillingCountry', 'OwnerId'],
    Contact: ['AccountId', 'FirstName', 'LastName', 'Title', 'OwnerId'],
    Opportunity: [
        'Name',
        'AccountId',
        'OwnerId',
        'Type',
        'StageName',
        'Amount',
        'Probability',
        'CloseDate',
        'ForecastCategoryName',
        'NextStep',
        'Next_Step_Date__c',
        ...MEDDPICC_OPPORTUNITY_FIELDS,
        'Economic_Buyer__c',
        'Champion__c'
    ],
    OpportunityContactRole: ['OpportunityId', 'ContactId', 'Role', 'IsPrimary'],
    Task: ['WhatId', 'WhoId', 'OwnerId', 'Subject', 'TaskSubtype', 'Status', 'Priority', 'ActivityDate'],
    Event: ['WhatId', 'WhoId', 'OwnerId', 'Subject', 'StartDateTime', 'EndDateTime'],
    Playbook_Step_Progress__c: [
        'Opportunity__c',
        'Step_Key__c',
        'Status__c',
        'Skip_Reason__c',
        'Completed_By__c',
        'Completed_At__c',
        'Progress_Key__c'
    ],
    Deal_Health_Snapshot__c: [
        'Opportunity__c',
        'Score__c',
        'Band__c',
        'As_Of__c',
        'Scored_At__c',
        'Scoring_Trigger__c',
        'Model_Version__c',
        'Snapshot_Key__c',
        'Is_Latest__c',
        'Dimensions_Json__c',
        'Risks_Json__c',
        'Exit_Criteria_Json__c',
        'Nudges_Json__c'
    ],
    Pipeline_Review__c: [
        'Name',
        'Manager__c',
        'Scope__c',
        'Scope_Rep__c',
        'Status__c',
        'Started_At__c',
        'Ended_At__c',
        'Deals_Reviewed__c',
        'Filters_Json__c'
    ],
    Review_Decision__c: [
        'Pipeline_Review__c',
        'Opportunity__c',
        'Decision__c',
        'Stage_At_Review__c',
        'Amount_At_Review__c',
        'Close_Date_At_Review__c',
        'Score_At_Review__c',
        'New_Close_Date__c',
        'Disqualify_Reason__c',
        'Action_Text__c',
        'Action_Owner__c',
        'Action_Due_Date__c',
        'Task_Id__c'
    ],
    Nudge_Feedback__c: [
        'Opportunity__c',
        'Nudge_Code__c',
        'Outcome__c',
        'Reason__c',
        'Recorded_At__c',
        'User__c',
        'Model_Version__c'
    ]
};

type FieldValue = string | number | boolean | null;
type Payload = Record<string, FieldValue>;

export interface PreparedRecord {
    /** The generator's id of the record (its reference in errors and in the manifest). */
    reference: string;
    build(resolve: Resolver): Payload;
}

export interface Resolver {
    /** The org id of a record created earlier in the run. */
    id(generatedId: string): string;
    idOrNull(generatedId: string | null): string | null;
    /** The org user a generated owner maps to. */
    user(generatedUserId: string): string;
    userOrNull(generatedUserId: string | null): string | null;
}

function pick(record: object, fields: readonly string[]): Payload {
    const source = record as Record<string, unknown>;
    const payload: Payload = {};
    for (const field of fields) {
        const value = source[field];
        if (value === undefined) continue;
        payload[field] = value as FieldValue;
    }
    return payload;
}

/** The records of each object, as payload builders that resolve references when their turn comes. */
export function prepareRecords(org: SampleOrg): Record<SeedObject, PreparedRecord[]> {
    const allow = FIELD_ALLOW_LIST;
    return {
        Account: org.accounts.map((record) => ({
            reference: record.Id,
            build: (resolve) => ({ ...pick(record, allow.Account), OwnerId: resolve.user(record.OwnerId) })
        })),
        Contact: org.contacts.map((record) => ({
            reference: record.Id,
            build: (resolve) => ({
                ...pick(record, allow.Contact),
                AccountId: resolve.id(record.AccountId),
                OwnerId: resolve.user(record.OwnerId)
            })
        })),
        Opportunity: org.opportunities.map((record) => ({
            reference: record.Id,
            build: (resolve) => ({
                ...pick(record, allow.Opportunity),
                AccountId: resolve.idOrNull(record.AccountId),
                OwnerId: resolve.user(record.OwnerId),
                Economic_Buyer__c: resolve.idOrNull(record.Economic_Buyer__c),
                Champion__c: resolve.idOrNull(record.Champion__c)
            })
        })),
        OpportunityContactRole: org.opportunityContactRoles.map((record) => ({
            reference: record.Id,
            build: (resolve) => ({
                ...pick(record, allow.OpportunityContactRole),
                OpportunityId: resolve.id(record.OpportunityId),
                ContactId: resolve.id(record.ContactId)
            })
        })),
        Task: org.tasks.map((record) => ({
            reference: record.Id,
            build: (resolve) => ({
                ...pick(record, allow.Task),
                WhatId: resolve.id(record.WhatId),
                WhoId: resolve.idOrNull(record.WhoId),
                OwnerId: resolve.user(record.OwnerId)
            })
        })),
        Event: org.events.map((record) => ({
            reference: record.Id,
            build: (resolve) => ({
                ...pick(record, allow.Event),
                WhatId: resolve.id(record.WhatId),
                WhoId: resolve.idOrNull(record.WhoId),
                OwnerId: resolve.user(record.OwnerId)
            })
        })),
        Playbook_Step_Progress__c: org.playbookStepProgress.map((record) => ({
            reference: record.Id,
            build: (resolve) => {
                const opportunityId = resolve.id(record.Opportunity__c);
                return {
                    ...pick(record, allow.Playbook_Step_Progress__c),
                    Opportunity__c: opportunityId,
                    Completed_By__c: resolve.user(record.Completed_By__c),
                    Progress_Key__c: `${opportunityId}:${record.Step_Key__c}`
                };
            }
        })),
        Deal_Health_Snapshot__c: org.dealHealthSnapshots.map((record) => ({
            reference: record.Id,
            build: (resolve) => {
                const opportunityId = resolve.id(record.Opportunity__c);
                return {
                    ...pick(record, allow.Deal_Health_Snapshot__c),
                    Opportunity__c: opportunityId,
                    Snapshot_Key__c: `${opportunityId}:${record.As_Of__c}:${record.Scoring_Trigger__c}`,
                    // The org stores the scoring result as JSON text; dealId inside is not part of it.
                    Dimensions_Json__c: JSON.stringify(record.dimensions),
                    Risks_Json__c: JSON.stringify(record.risks),
                    Exit_Criteria_Json__c: JSON.stringify(record.exitCriteria),
                    Nudges_Json__c: JSON.stringify(record.nudges)
                };
            }
        })),
        Pipeline_Review__c: org.pipelineReviews.map((record) => ({
            reference: record.Id,
            build: (resolve) => ({
                ...pick(record, allow.Pipeline_Review__c),
                Manager__c: resolve.user(record.Manager__c),
                Scope_Rep__c: resolve.userOrNull(record.Scope_Rep__c)
            })
        })),
        Review_Decision__c: org.reviewDecisions.map((record) => ({
            reference: record.Id,
            build: (resolve) => ({
                ...pick(record, allow.Review_Decision__c),
                Pipeline_Review__c: resolve.id(record.Pipeline_Review__c),
                Opportunity__c: resolve.id(record.Opportunity__c),
                Action_Owner__c: resolve.userOrNull(record.Action_Owner__c),
                Task_Id__c: resolve.idOrNull(record.Task_Id__c)
            })
        })),
        Nudge_Feedback__c: org.nudgeFeedback.map((record) => ({
            reference: record.Id,
            build: (resolve) => ({
                ...pick(record, allow.Nudge_Feedback__c),
                Opportunity__c: resolve.id(record.Opportunity__c),
                User__c: resolve.user(record.User__c)
            })
        }))
    };
}

export interface ManifestEntry {
    reference: string;
    id: string;
}

export interface SeedManifest {
    instanceUrl: string | null;
    status: 'in_progress' | 'complete' | 'failed' | 'dry_run';
    seed: number;
    deals: number;
    asOf: string;
    /** Created records per object, in creation order. Delete in the reverse of SEED_ORDER to clean up. */
    created: Partial<Record<SeedObject, ManifestEntry[]>>;
    counts: Partial<Record<SeedObject, number>>;
    error: string | null;
}

export class SeedError extends Error {
    constructor(
        message: string,
        readonly object: SeedObject,
        readonly reference: string | null,
        readonly manifest: SeedManifest
    ) {
        super(message);
        this.name = 'SeedError';
    }
}

export interface SeedOptions {
    org: SampleOrg;
    /** Null for a dry run without an org. */
    connection: Connection | null;
    /** Org user every generated owner maps to when the owner map does not name it. */
    defaultOwnerId: string | null;
    /** Generated user id or username → org user id. */
    ownerMap?: Record<string, string>;
    dryRun?: boolean;
    manifestPath?: string | null;
    chunkSize?: number;
    log?: (line: string) => void;
}

interface ApiSaveError {
    statusCode?: string;
    errorCode?: string;
    message?: string;
    fields?: string[];
}

interface ApiSaveResult {
    id?: string;
    success?: boolean;
    errors?: ApiSaveError[];
}

const ROLLED_BACK = 'ALL_OR_NONE_OPERATION_ROLLED_BACK';

function describeErrors(errors: readonly ApiSaveError[] | undefined): string {
    if (!errors || errors.length === 0) return 'no error detail returned';
    return errors
        .map((error) => {
            const code = error.statusCode ?? error.errorCode ?? 'ERROR';
            const fields = error.fields && error.fields.length > 0 ? ` [${error.fields.join(', ')}]` : '';
            return `${code}: ${error.message ?? ''}${fields}`;
        })
        .join('; ');
}

/** Loads the data set; returns the manifest (status `complete` or `dry_run`), throws SeedError on the first failure. */
export async function seedOrg(options: SeedOptions): Promise<SeedManifest> {
    const { org, connection } = options;
    const dryRun = options.dryRun ?? false;
    const chunkSize = options.chunkSize ?? MAX_COLLECTION_SIZE;
    const log = options.log ?? (() => undefined);
    if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_COLLECTION_SIZE) {
        throw new RangeError(`chunkSize must be from 1 to ${MAX_COLLECTION_SIZE}`);
    }
    if (!dryRun && (connection === null || options.defaultOwnerId === null)) {
        throw new Error('A connection and a default owner are required unless it is a dry run');
    }

    const usersByKey = new Map<string, string>();
    for (const user of org.users) {
        usersByKey.set(user.Id, user.Id);
        usersByKey.set(user.Username.toLowerCase(), user.Id);
    }
    const ownerByGeneratedId = new Map<string, string>();
    for (const [key, target] of Object.entries(options.ownerMap ?? {})) {
        const generated = usersByKey.get(key) ?? usersByKey.get(key.toLowerCase());
        if (!generated) throw new Error(`Owner map: "${key}" is neither a generated user id nor a username`);
        if (!/^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(target)) {
            throw new Error(`Owner map: "${key}" maps to "${target}", which is not a User id (005…)`);
        }
        ownerByGeneratedId.set(generated, target);
    }

    const orgIds = new Map<string, string>();
    const manifest: SeedManifest = {
        instanceUrl: connection?.instanceUrl ?? null,
        status: dryRun ? 'dry_run' : 'in_progress',
        seed: org.meta.seed,
        deals: org.meta.dealCount,
        asOf: org.meta.asOf,
        created: {},
        counts: {},
        error: null
    };
    const saveManifest = () => {
        if (options.manifestPath) writeFileSync(options.manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    };
    const resolver: Resolver = {
        id: (generatedId) => {
            const id = orgIds.get(generatedId);
            if (id === undefined) throw new Error(`no org id for ${generatedId}: its record was not created first`);
            return id;
        },
        idOrNull: (generatedId) => (generatedId === null ? null : resolver.id(generatedId)),
        user: (generatedUserId) => {
            if (!usersByKey.has(generatedUserId)) throw new Error(`unknown generated user ${generatedUserId}`);
            return ownerByGeneratedId.get(generatedUserId) ?? options.defaultOwnerId ?? generatedUserId;
        },
        userOrNull: (generatedUserId) => (generatedUserId === null ? null : resolver.user(generatedUserId))
    };

    const prepared = prepareRecords(org);
    for (const object of SEED_ORDER) {
        const records = prepared[object];
        manifest.counts[object] = records.length;
        if (records.length === 0) continue;
        const created: ManifestEntry[] = [];
        if (!dryRun) manifest.created[object] = created;
        for (let start = 0; start < records.length; start += chunkSize) {
            const chunk = records.slice(start, start + chunkSize);
            const payloads: Payload[] = [];
            for (const record of chunk) {
                let payload: Payload;
                try {
                    payload = record.build(resolver);
                } catch (error) {
                    throw fail(object, record.reference, (error as Error).message);
                }
                // Null means "no value" on insert: leave it out rather than send it.
                for (const key of Object.keys(payload)) if (payload[key] === null) delete payload[key];
                payloads.push(payload);
            }
            if (dryRun) {
                // Stand-in ids so children resolve their parents; nothing is sent.
                for (const record of chunk) orgIds.set(record.reference, record.reference);
                continue;
            }
            let results: ApiSaveResult[];
            try {
                results = await connection!.create(object, payloads, { allOrNone: true });
            } catch (error) {
                throw fail(
                    object,
                    chunk[0]!.reference,
                    `the collections call for records ${start + 1}-${start + chunk.length} failed: ${(error as Error).message}`
                );
            }
            if (!Array.isArray(results) || results.length !== chunk.length) {
                throw fail(
                    object,
                    chunk[0]!.reference,
                    `expected ${chunk.length} results, got ${JSON.stringify(results)}`
                );
            }
            const failedIndex = firstFailure(results);
            if (failedIndex >= 0) {
                throw fail(object, chunk[failedIndex]!.reference, describeErrors(results[failedIndex]!.errors));
            }
            results.forEach((result, index) => {
                orgIds.set(chunk[index]!.reference, result.id!);
                created.push({ reference: chunk[index]!.reference, id: result.id! });
            });
            saveManifest();
        }
        log(`${dryRun ? 'Would create' : 'Created'} ${records.length} ${object}`);
    }
    if (!dryRun) manifest.status = 'complete';
    saveManifest();
    return manifest;

    function fail(object: SeedObject, reference: string, detail: string): SeedError {
        manifest.status = 'failed';
        manifest.error = `${object} ${reference}: ${detail}`;
        saveManifest();
        const createdTotal = Object.values(manifest.created).reduce((sum, entries) => sum + entries.length, 0);
        return new SeedError(
            `Seeding stopped at ${object} record ${reference}: ${detail}. ` +
                `Nothing of that call was saved (all or none); ${createdTotal} records created before it` +
                (options.manifestPath ? ` are listed in ${options.manifestPath}.` : '.'),
            object,
            reference,
            manifest
        );
    }
}

/** The failing record of an all-or-none call: the one whose error is not the roll-back of the others. */
function firstFailure(results: readonly ApiSaveResult[]): number {
    let rolledBack = -1;
    for (let index = 0; index < results.length; index++) {
        const result = results[index]!;
        if (result.success) continue;
        const codes = (result.errors ?? []).map((error) => error.statusCode ?? error.errorCode);
        if (codes.some((code) => code !== ROLLED_BACK)) return index;
        if (rolledBack < 0) rolledBack = index;
    }
    return rolledBack;
}
