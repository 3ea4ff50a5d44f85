/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. Never deployed, never used against a real org.
 *
 * The session store behind the workbench's Apex stand-in: the embedded sample org (generated once, scored by the real
 * engine) plus every write the components make while the server runs (step progress, nudge feedback, reviews and
 * their decisions, Tasks, opportunity changes, new snapshots). Writes live in memory for the server's lifetime, so a
 * page reload shows them; a restart starts from the sample org again.
 *
 * Sharing is modelled the way a default org with a Private opportunity model and the role hierarchy behaves: a user
 * sees (and can edit) the deals they own and the deals owned by users in roles below theirs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSampleOrg, IdFactory, indexSampleOrg, type SampleOrgIndex } from '../sample-org';
import type { KeyedObject } from '../sample-org/ids';
import { dayOf, isoDate } from '../sample-org/dates';
import {
    CUSTOM_METADATA_DIR,
    FORECAST_API_BY_NAME,
    loadOrgMetadata,
    parseCustomMetadataXml
} from '../sample-org/metadata';
import type {
    DealHealthSnapshotRecord,
    OpportunityRecord,
    SampleOrg,
    TaskRecord,
    UserRecord
} from '../sample-org/types';

export const DEFAULT_WORKBENCH_DEALS = 400;
/** ExecutionLoopSettings defaults, used when the package's setting records leave a value out. */
const DEFAULT_TREND_LENGTH = 8;
const DEFAULT_CALLOUT_TIMEOUT_MS = 10_000;
/** Ids minted by the workbench count up from here, far above the sample org's, so they never collide. */
const WORKBENCH_ID_START = 10_000_000_000_000;

export interface WorkbenchStoreOptions {
    /** The org to serve (e.g. a data set loaded by workbench/orgs); defaults to a generated sample org. */
    org?: SampleOrg;
    /** Deals in the sample org (default 400). */
    deals?: number;
    seed?: number;
    /** The sample org's as-of date; defaults to today (UTC) by the clock, so the latest nightly scoring is today's. */
    asOf?: string;
    /** The clock (Datetime.now() / Date.today()); defaults to the system clock. */
    now?: () => Date;
}

/** A Task as the workbench keeps it: the sample org's fields plus the description review actions carry. */
export type StoredTask = TaskRecord & { Description?: string | null };

/** Snapshot records may be scored on demand by the workbench. */
export type StoredSnapshot = DealHealthSnapshotRecord;

export class WorkbenchStore {
    readonly org: SampleOrg;
    /** Playbook_Step__mdt.Guidance__c by step key (the sample org leaves guidance out; PlaybookSelector reads it). */
    readonly guidanceByStep: ReadonlyMap<string, string | null>;
    readonly settings: Readonly<Record<string, string | null>>;
    readonly defaultUserId: string;
    /** Opportunity.LastModifiedDate (the sample org has none: derived from creation and history, then kept here). */
    private readonly lastModifiedById = new Map<string, string>();
    /** Review_Decision__c.CreatedDate (the sample org's decisions were made during their review). */
    private readonly decisionCreatedById = new Map<string, string>();
    private readonly ids = new IdFactory(WORKBENCH_ID_START);
    private readonly clock: () => Date;
    private cachedIndex: SampleOrgIndex | null = null;
    /** The snapshot flagged Is_Latest__c per deal, over the current index (rebuilt after a write). */
    private latestById: Map<string, StoredSnapshot> | null = null;
    /** Owners whose records each user can see (users and roles are never written, so this stays valid). */
    private readonly accessibleOwners = new Map<string, ReadonlySet<string>>();
    private readonly userById: Map<string, UserRecord>;
    /** Opportunities are updated in place and never added, so this map stays valid across writes. */
    private readonly opportunityById: Map<string, OpportunityRecord>;
    private readonly subordinateRoles = new Map<string, Set<string>>();

    constructor(options: WorkbenchStoreOptions = {}) {
        this.clock = options.now ?? (() => new Date());
        const asOf = options.asOf ?? this.clock().toISOString().slice(0, 10);
        this.org =
            options.org ??
            generateSampleOrg({
                deals: options.deals ?? DEFAULT_WORKBENCH_DEALS,
                asOf,
                ...(options.seed === undefined ? {} : { seed: options.seed })
            });
        this.settings = loadOrgMetadata().settings;
        this.guidanceByStep = readGuidance();
        this.userById = new Map(this.org.users.map((user) => [user.Id, user]));
        this.opportunityById = new Map(this.org.opportunities.map((opportunity) => [opportunity.Id, opportunity]));
        const firstManager = this.org.users.find((user) => user.level === 'manager') ?? this.org.users[0];
        if (!firstManager) throw new Error('The sample org has no users');
        this.defaultUserId = firstManager.Id;

        const index = this.index();
        for (const opportunity of this.org.opportunities) {
            const history = index.historyByOpportunity.get(opportunity.Id) ?? [];
            const last = history[history.length - 1]?.CreatedDate;
            this.lastModifiedById.set(
                opportunity.Id,
                last !== undefined && last > opportunity.CreatedDate ? last : opportunity.CreatedDate
            );
        }
        const reviewById = new Map(this.org.pipelineReviews.map((review) => [review.Id, review]));
        for (const decision of this.org.reviewDecisions) {
            const review = reviewById.get(decision.Pipeline_Review__c);
            this.decisionCreatedById.set(decision.Id, review?.Ended_At__c ?? review?.Started_At__c ?? asOf);
        }
    }

    // ------------------------------------------------------------------ clock and ids

    /** Datetime.now() as Apex serializes it: ISO 8601 with milliseconds and Z. */
    nowIso(): string {
        return this.clock().toISOString();
    }

    nowMs(): number {
        return this.clock().getTime();
    }

    /** Date.today() (UTC), `YYYY-MM-DD`. */
    today(): string {
        return this.nowIso().slice(0, 10);
    }

    /** `YYYY-MM-DD` `days` after today. */
    todayPlus(days: number): string {
        return isoDate(dayOf(this.today()) + days);
    }

    newId(object: KeyedObject): string {
        return this.ids.next(object);
    }

    // ------------------------------------------------------------------ settings

    setting(name: string): string | null {
        const value = this.settings[name];
        return value === undefined || value === null || value.trim() === '' ? null : value.trim();
    }

    trendLength(): number {
        const value = Number(this.setting('Snapshot_Trend_Length'));
        return Number.isInteger(value) && value >= 2 && value <= 30 ? value : DEFAULT_TREND_LENGTH;
    }

    calloutTimeoutMs(): number {
        const value = Number(this.setting('Callout_Timeout_Ms'));
        return Number.isInteger(value) && value >= 1000 && value <= 120_000 ? value : DEFAULT_CALLOUT_TIMEOUT_MS;
    }

    // ------------------------------------------------------------------ reads

    /** Lookups over the current records, rebuilt after a write (the sample org's own index, not a copy of it). */
    index(): SampleOrgIndex {
        if (this.cachedIndex === null) this.cachedIndex = indexSampleOrg(this.org);
        return this.cachedIndex;
    }

    /** Call after every write, so the next read sees it. */
    changed(): void {
        this.cachedIndex = null;
        this.latestById = null;
    }

    user(userId: string): UserRecord | undefined {
        return this.userById.get(userId);
    }

    opportunity(opportunityId: string): OpportunityRecord | undefined {
        return this.opportunityById.get(opportunityId);
    }

    lastModifiedDate(opportunityId: string): string | null {
        return this.lastModifiedById.get(opportunityId) ?? null;
    }

    decisionCreatedDate(decisionId: string): string {
        return this.decisionCreatedById.get(decisionId) ?? this.org.meta.asOf;
    }

    /** Snapshots of a deal, newest Scored_At__c first (DealHealthSnapshotSelector.selectRecent). */
    snapshotsNewestFirst(opportunityId: string): StoredSnapshot[] {
        return [...(this.index().snapshotsByOpportunity.get(opportunityId) ?? [])].sort((a, b) =>
            a.Scored_At__c < b.Scored_At__c ? 1 : a.Scored_At__c > b.Scored_At__c ? -1 : 0
        );
    }

    /** The snapshot flagged Is_Latest__c, if any. */
    latestSnapshot(opportunityId: string): StoredSnapshot | undefined {
        if (this.latestById === null) {
            const latest = new Map<string, StoredSnapshot>();
            for (const [id, snapshots] of this.index().snapshotsByOpportunity) {
                const flagged = snapshots.find((snapshot) => snapshot.Is_Latest__c);
                if (flagged) latest.set(id, flagged);
            }
            this.latestById = latest;
        }
        return this.latestById.get(opportunityId);
    }

    /**
     * Opportunity.LastStageChangeDate as the platform keeps it: when the stage last changed after creation; null when
     * it never changed.
     */
    lastStageChangeDate(opportunityId: string): string | null {
        const history = this.index().historyByOpportunity.get(opportunityId) ?? [];
        let changedAt: string | null = null;
        for (let position = 1; position < history.length; position++) {
            if (history[position]!.StageName !== history[position - 1]!.StageName) {
                changedAt = history[position]!.CreatedDate;
            }
        }
        return changedAt;
    }

    // ------------------------------------------------------------------ roles and sharing

    /** Every role below the given one, at any depth (RoleHierarchy.subordinatesOf). */
    subordinateRoleIds(roleId: string | null): ReadonlySet<string> {
        if (roleId === null) return new Set();
        const cached = this.subordinateRoles.get(roleId);
        if (cached) return cached;
        const children = new Map<string, string[]>();
        for (const role of this.org.userRoles) {
            if (role.ParentRoleId === null) continue;
            const list = children.get(role.ParentRoleId) ?? [];
            list.push(role.Id);
            children.set(role.ParentRoleId, list);
        }
        const below = new Set<string>();
        let frontier = [roleId];
        while (frontier.length > 0) {
            const next: string[] = [];
            for (const parent of frontier) {
                for (const child of children.get(parent) ?? []) {
                    if (child !== roleId && !below.has(child)) {
                        below.add(child);
                        next.push(child);
                    }
                }
            }
            frontier = next;
        }
        this.subordinateRoles.set(roleId, below);
        return below;
    }

    /** Active users in the roles below the user's role, by name (PipelineReviewService.teamMembers). */
    teamMembers(userId: string): UserRecord[] {
        const roles = this.subordinateRoleIds(this.user(userId)?.UserRoleId ?? null);
        return this.org.users
            .filter((user) => user.IsActive && roles.has(user.UserRoleId))
            .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
    }

    /** The owners whose records the user can see: the user and the users in roles below theirs (canAccessOwnedBy). */
    accessibleOwnerIds(userId: string): ReadonlySet<string> {
        const cached = this.accessibleOwners.get(userId);
        if (cached) return cached;
        const below = this.subordinateRoleIds(this.user(userId)?.UserRoleId ?? null);
        const owners = new Set([
            userId,
            ...this.org.users.filter((user) => below.has(user.UserRoleId)).map((user) => user.Id)
        ]);
        this.accessibleOwners.set(userId, owners);
        return owners;
    }

    /** Record access through ownership or the role hierarchy (read and edit alike, as for an owner). */
    canAccessOwnedBy(userId: string, ownerId: string): boolean {
        if (userId === ownerId) return true;
        const owner = this.user(ownerId);
        if (!owner) return false;
        return this.subordinateRoleIds(this.user(userId)?.UserRoleId ?? null).has(owner.UserRoleId);
    }

    /** The opportunity when the user can see it (user mode), else undefined. */
    visibleOpportunity(userId: string, opportunityId: string | null): OpportunityRecord | undefined {
        if (opportunityId === null) return undefined;
        const opportunity = this.opportunity(opportunityId);
        return opportunity && this.canAccessOwnedBy(userId, opportunity.OwnerId) ? opportunity : undefined;
    }

    // ------------------------------------------------------------------ writes

    /** Applies field changes to an opportunity as the platform would: history row, LastModifiedDate. */
    updateOpportunity(
        opportunityId: string,
        fields: Partial<Pick<OpportunityRecord, 'StageName' | 'CloseDate' | 'ForecastCategoryName'>>
    ): void {
        const opportunity = this.opportunity(opportunityId);
        if (!opportunity) throw new Error(`Unknown opportunity ${opportunityId}`);
        if (fields.StageName !== undefined && fields.StageName !== opportunity.StageName) {
            const stage = this.org.stages.find((candidate) => candidate.apiName === fields.StageName);
            if (!stage) throw new Error(`Unknown stage ${fields.StageName}`);
            opportunity.StageName = stage.apiName;
            opportunity.Probability = stage.defaultProbability;
            opportunity.IsClosed = stage.isClosed;
            opportunity.IsWon = stage.isWon;
            // The platform moves the forecast category with the stage.
            opportunity.ForecastCategoryName = stage.forecastCategoryName;
        }
        if (fields.CloseDate !== undefined) opportunity.CloseDate = fields.CloseDate;
        if (fields.ForecastCategoryName !== undefined) opportunity.ForecastCategoryName = fields.ForecastCategoryName;
        opportunity.ForecastCategory = FORECAST_API_BY_NAME[opportunity.ForecastCategoryName];
        const now = this.nowIso();
        this.org.opportunityHistory.push({
            Id: this.newId('OpportunityHistory'),
            OpportunityId: opportunity.Id,
            CreatedDate: now,
            StageName: opportunity.StageName,
            CloseDate: opportunity.CloseDate,
            Amount: opportunity.Amount,
            ForecastCategory: opportunity.ForecastCategory
        });
        this.lastModifiedById.set(opportunity.Id, now);
        this.changed();
    }

    /**
     * Saves fields a rep edits from a coaching nudge (the record edit form): the MEDDPICC statuses and evidence,
     * the next step and its date, and the close date. Values were validated by the caller.
     */
    updateEditableFields(opportunityId: string, fields: Record<string, string | null>): void {
        const opportunity = this.opportunity(opportunityId);
        if (!opportunity) throw new Error(`Unknown opportunity ${opportunityId}`);
        const { CloseDate: closeDate, ...others } = fields;
        Object.assign(opportunity as unknown as Record<string, unknown>, others);
        if (closeDate !== undefined && closeDate !== null) {
            this.updateOpportunity(opportunityId, { CloseDate: closeDate });
            return;
        }
        this.lastModifiedById.set(opportunity.Id, this.nowIso());
        this.changed();
    }

    recordDecisionCreated(decisionId: string, createdAt: string): void {
        this.decisionCreatedById.set(decisionId, createdAt);
    }
}

/** Guidance__c of every Playbook_Step record in the package's custom metadata. */
function readGuidance(): Map<string, string | null> {
    const guidance = new Map<string, string | null>();
    for (const file of readdirSync(CUSTOM_METADATA_DIR)) {
        if (!file.startsWith('Playbook_Step.') || !file.endsWith('.md-meta.xml')) continue;
        const record = parseCustomMetadataXml(file, readFileSync(join(CUSTOM_METADATA_DIR, file), 'utf8'));
        guidance.set(record.developerName, record.values.get('Guidance__c') ?? null);
    }
    return guidance;
}
