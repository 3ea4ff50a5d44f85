/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * The workbench's non-Apex reads: the Opportunity record the record wire (`getRecord`) needs, in UI API shape, and
 * the deal and user lists of the page shell's pickers.
 */
import { playbookMatchFor } from '../sample-org/scoring';
import type { OpportunityRecord } from '../sample-org/types';
import { formatDatetime } from './DealHealthController';
import type { WorkbenchStore } from './store';

export interface FieldValue {
    value: string | number | boolean | null;
    displayValue: string | null;
}

/** The UI API record representation (the parts a component reads). */
export interface RecordRepresentation {
    apiName: 'Opportunity';
    id: string;
    recordTypeId: null;
    lastModifiedDate: string | null;
    systemModstamp: string | null;
    childRelationships: Record<string, never>;
    fields: Record<string, FieldValue>;
}

const CURRENCY = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function dateDisplay(isoDay: string | null): string | null {
    if (isoDay === null) return null;
    return `${Number(isoDay.slice(5, 7))}/${Number(isoDay.slice(8, 10))}/${isoDay.slice(0, 4)}`;
}

/** Fields served for an Opportunity: its standard fields and the package's custom fields. */
const PICKLIST_FIELDS = new Set(['StageName', 'ForecastCategoryName', 'Type']);
const DATE_FIELDS = new Set(['CloseDate', 'Next_Step_Date__c', 'LastActivityDate']);
const DATETIME_FIELDS = new Set(['CreatedDate', 'LastModifiedDate']);
const CURRENCY_FIELDS = new Set(['Amount']);
/** Generator-only properties of the sample org, not Opportunity fields. */
const NOT_FIELDS = new Set(['archetype']);

/** The Opportunity as `getRecord` returns it, or undefined when the user cannot see it. */
export function opportunityRecord(
    store: WorkbenchStore,
    userId: string,
    opportunityId: string
): RecordRepresentation | undefined {
    const opportunity = store.visibleOpportunity(userId, opportunityId);
    if (!opportunity) return undefined;
    const lastModified = store.lastModifiedDate(opportunity.Id);
    const values: Record<string, unknown> = {
        ...opportunity,
        LastModifiedDate: lastModified,
        SystemModstamp: lastModified,
        LastStageChangeDate: store.lastStageChangeDate(opportunity.Id)
    };
    const fields: Record<string, FieldValue> = {};
    for (const [name, raw] of Object.entries(values)) {
        if (NOT_FIELDS.has(name)) continue;
        const value = raw === undefined ? null : (raw as FieldValue['value']);
        let displayValue: string | null = null;
        if (value !== null) {
            if (PICKLIST_FIELDS.has(name)) displayValue = String(value);
            else if (DATE_FIELDS.has(name)) displayValue = dateDisplay(String(value));
            else if (DATETIME_FIELDS.has(name)) displayValue = formatDatetime(String(value));
            else if (CURRENCY_FIELDS.has(name)) displayValue = CURRENCY.format(Number(value));
        }
        fields[name] = { value, displayValue };
    }
    return {
        apiName: 'Opportunity',
        id: opportunity.Id,
        recordTypeId: null,
        lastModifiedDate: lastModified,
        systemModstamp: lastModified,
        childRelationships: {},
        fields
    };
}

export interface DealListItem {
    id: string;
    name: string;
    accountId: string | null;
    accountName: string | null;
    ownerId: string;
    ownerName: string | null;
    stage: string;
    amount: number | null;
    closeDate: string;
    isClosed: boolean;
    score: number | null;
    band: string | null;
    /** A play with steps matches the deal, so the playbook component has something to show. */
    hasPlaybook: boolean;
}

/** The list per index: a write makes a new index (WorkbenchStore.changed), so the list is rebuilt only then. */
const dealListByIndex = new WeakMap<object, DealListItem[]>();

/** Every deal of the sample org for the deal picker (a workbench list, not an org read: no sharing applied). */
export function dealList(store: WorkbenchStore): DealListItem[] {
    const index = store.index();
    const cached = dealListByIndex.get(index);
    if (cached) return cached;
    const list = buildDealList(store);
    dealListByIndex.set(index, list);
    return list;
}

/** One deal of that list (the record page's highlights), without building the whole list. */
export function dealListItem(store: WorkbenchStore, opportunity: OpportunityRecord): DealListItem {
    const index = store.index();
    const latest = store.latestSnapshot(opportunity.Id);
    return {
        id: opportunity.Id,
        name: opportunity.Name,
        accountId: opportunity.AccountId,
        accountName: (opportunity.AccountId && index.accountById.get(opportunity.AccountId)?.Name) ?? null,
        ownerId: opportunity.OwnerId,
        ownerName: store.user(opportunity.OwnerId)?.Name ?? null,
        stage: opportunity.StageName,
        amount: opportunity.Amount,
        closeDate: opportunity.CloseDate,
        isClosed: opportunity.IsClosed,
        score: latest?.Score__c ?? null,
        band: latest?.Band__c ?? null,
        hasPlaybook: (playbookMatchFor(index, opportunity, opportunity.Amount)?.playbook.steps.length ?? 0) > 0
    };
}

function buildDealList(store: WorkbenchStore): DealListItem[] {
    return store.org.opportunities
        .map((opportunity) => dealListItem(store, opportunity))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
}

export interface UserListItem {
    id: string;
    name: string;
    title: string;
    /** vp and manager have a team below them; rep owns deals. */
    level: 'vp' | 'manager' | 'rep';
    roleName: string | null;
    managerId: string | null;
    /** Team members (the managed reps, or everyone below the VP). */
    teamIds: string[];
    openDeals: number;
}

export interface UserList {
    defaultUserId: string;
    currentUserId: string;
    /** Date.today() of the stand-in (UTC). */
    today: string;
    users: UserListItem[];
}

export function userList(store: WorkbenchStore, currentUserId: string): UserList {
    const roleName = new Map(store.org.userRoles.map((role) => [role.Id, role.Name]));
    const openDeals = new Map<string, number>();
    for (const opportunity of store.org.opportunities) {
        if (!opportunity.IsClosed) openDeals.set(opportunity.OwnerId, (openDeals.get(opportunity.OwnerId) ?? 0) + 1);
    }
    const order = { vp: 0, manager: 1, rep: 2 } as const;
    return {
        defaultUserId: store.defaultUserId,
        currentUserId,
        today: store.today(),
        users: store.org.users
            .map((user) => ({
                id: user.Id,
                name: user.Name,
                title: user.Title,
                level: user.level,
                roleName: roleName.get(user.UserRoleId) ?? null,
                managerId: user.ManagerId,
                teamIds: store.teamMembers(user.Id).map((member) => member.Id),
                openDeals: openDeals.get(user.Id) ?? 0
            }))
            .sort((a, b) => order[a.level] - order[b.level] || (a.name < b.name ? -1 : 1))
    };
}
