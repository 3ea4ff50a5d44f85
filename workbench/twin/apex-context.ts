/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * What every twin controller shares: the calling context (UserInfo and the callout target) and the helpers several
 * Apex controllers have in common (id checks, visibility, user names).
 */
import type { ApexMethods } from '@generated/apex';
import type { OpportunityRecord } from '../sample-org/types';
import { label } from './labels';
import { ApexError, type ApexParams, readId, text } from './params';
import type { ServiceTarget } from './service-client';
import type { StoredSnapshot, WorkbenchStore } from './store';

/** Who is calling and where the named credential points: UserInfo and the callout target of one request. */
export interface ApexContext {
    store: WorkbenchStore;
    /** UserInfo.getUserId(). */
    userId: string;
    scoring: ServiceTarget;
}

export type ApexMethod = (context: ApexContext, params: ApexParams) => unknown;

/** `Class.method` of every @AuraEnabled method, from the declarations generated from the Apex sources. */
export type ApexMethodName = keyof ApexMethods;

/**
 * The named parameters of one Apex method as the twin receives them: the names Apex declares, the values untrusted
 * JSON until read through params.ts. Reading a name the Apex method does not declare is a compile error.
 */
export type ParamsOf<Name extends ApexMethodName> = { readonly [Key in keyof ApexMethods[Name]['params']]?: unknown };

export type ResultOf<Name extends ApexMethodName> = ApexMethods[Name]['returns'];

/** The twin's method table: every @AuraEnabled method, with the Apex result type. */
export type TwinMethods = {
    [Name in ApexMethodName]: (
        context: ApexContext,
        params: ParamsOf<Name>
    ) => ResultOf<Name> | Promise<ResultOf<Name>>;
};

const OPPORTUNITY_PREFIX = '006';
export const DAY_MS = 86_400_000;

export function userName(context: ApexContext, userId: string | null): string | null {
    return userId === null ? null : (context.store.user(userId)?.Name ?? null);
}

/** DealHealthController/NudgeController.requireId: an Opportunity id or 'An opportunity id is required.' */
export function requireOpportunityId(value: unknown): string {
    const id = readId(value, 'opportunityId');
    if (id === null || !id.startsWith(OPPORTUNITY_PREFIX)) throw new ApexError(label('OpportunityIdRequired'));
    return id;
}

export function notVisible(opportunityId: string | null): ApexError {
    return new ApexError(label('OpportunityNotVisible', text(opportunityId)));
}

/** Snapshots of a deal the user can see, newest first (user mode: none for a deal they cannot see). */
export function recentSnapshots(context: ApexContext, opportunityId: string, maxRows: number): StoredSnapshot[] {
    if (!context.store.visibleOpportunity(context.userId, opportunityId)) return [];
    return context.store.snapshotsNewestFirst(opportunityId).slice(0, maxRows);
}

export function requireOpportunity(context: ApexContext, opportunityId: string | null): OpportunityRecord {
    const opportunity = context.store.visibleOpportunity(context.userId, opportunityId);
    if (!opportunity) throw notVisible(opportunityId);
    return opportunity;
}
