// Declarations for platform modules that neither `lwc` nor `@salesforce/lightning-types` ship.
// They describe the documented public API only; the jest mocks in force-app/test/jest-mocks implement it.
import '@salesforce/lightning-types';

declare module '@salesforce/apex/*' {
    /** An Apex method exposed with @AuraEnabled. Params are the method's named arguments. */
    const apexMethod: (params?: Record<string, unknown>) => Promise<unknown>;
    export default apexMethod;
}

declare module '@salesforce/apex' {
    /** Re-runs a wired Apex adapter; takes the whole value the wire delivered (not just `.data`). */
    export function refreshApex(wiredValue: unknown): Promise<void>;
    export function getSObjectValue(record: object, field: string | FieldId): unknown;
}

declare module '@salesforce/schema/*' {
    const fieldOrObject: FieldId & ObjectId;
    export default fieldOrObject;
}

declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

declare module '@salesforce/messageChannel/*' {
    const channel: { readonly __messageChannel: unique symbol };
    export default channel;
}

declare module 'lightning/uiRecordApi' {
    export interface FieldValue {
        value: unknown;
        displayValue: string | null;
    }
    export interface RecordRepresentation {
        id: string;
        apiName: string;
        fields: Record<string, FieldValue>;
        lastModifiedDate?: string;
        systemModstamp?: string;
    }
    export interface RecordInput {
        apiName?: string;
        fields: Record<string, unknown>;
    }
    export const getRecord: (config: {
        recordId?: string;
        fields?: Array<FieldId | string>;
        optionalFields?: Array<FieldId | string>;
    }) => Promise<RecordRepresentation>;
    export function getFieldValue(record: RecordRepresentation | undefined, field: FieldId | string): unknown;
    export function getFieldDisplayValue(
        record: RecordRepresentation | undefined,
        field: FieldId | string
    ): string | null;
    export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
    export function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
    export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
    export function deleteRecord(recordId: string): Promise<void>;
}

declare module 'lightning/navigation' {
    import type { LightningElement } from 'lwc';
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    // A mixin's base constructor must accept any arguments (TypeScript's mixin pattern requires `any[]`).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Constructor<T> = new (...args: any[]) => T;
    export interface NavigationMixinApi {
        [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
        [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
    }
    export const NavigationMixin: {
        <T extends Constructor<LightningElement>>(base: T): T & Constructor<NavigationMixinApi>;
        readonly Navigate: unique symbol;
        readonly GenerateUrl: unique symbol;
    };
    export const CurrentPageReference: (config?: Record<string, unknown>) => Promise<PageReference>;
}

declare module 'lightning/platformShowToastEvent' {
    export type ToastVariant = 'info' | 'success' | 'warning' | 'error';
    export interface ShowToastEventDetail {
        title: string;
        message?: string;
        messageData?: unknown[];
        variant?: ToastVariant;
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
        constructor(detail: ShowToastEventDetail);
    }
}

declare global {
    interface FieldId {
        readonly fieldApiName: string;
        readonly objectApiName: string;
    }
    interface ObjectId {
        readonly objectApiName: string;
    }
}
