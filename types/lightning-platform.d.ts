// Declarations for platform modules that neither `lwc` nor `@salesforce/lightning-types` ship.
// They describe the documented public API only; the jest mocks in force-app/test/jest-mocks implement it.
/// <reference types="@salesforce/lightning-types" />
// A script (no top-level import or export), so each `declare module` below is an ambient module declaration.

// `@salesforce/apex/Class.method` modules are generated from the Apex sources into types/generated/apex.d.ts
// (tools/build/generate-apex-types.ts), so an unknown method or a wrong parameter is a compile error.

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
    import type { WireAdapterConstructor } from 'lwc';
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
    /** Wire adapter: `@wire(getRecord, { recordId, fields })` delivers `{ data?: RecordRepresentation, error? }`. */
    export const getRecord: WireAdapterConstructor;
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
    import type { LightningElement, WireAdapterConstructor } from 'lwc';
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
    export const CurrentPageReference: WireAdapterConstructor;
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

interface FieldId {
    readonly fieldApiName: string;
    readonly objectApiName: string;
}
interface ObjectId {
    readonly objectApiName: string;
}

declare module 'lightning/messageService' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface MessageSubscription {
        readonly __subscription: unique symbol;
    }
    export const MessageContext: WireAdapterConstructor;
    export const APPLICATION_SCOPE: symbol;
    export function publish(messageContext: unknown, channel: unknown, message: Record<string, unknown>): void;
    export function subscribe(
        messageContext: unknown,
        channel: unknown,
        listener: (message: Record<string, unknown>) => void,
        options?: { scope?: symbol }
    ): MessageSubscription;
    export function unsubscribe(subscription: MessageSubscription): void;
}

declare module 'lightning/pageReferenceUtils' {
    export function encodeDefaultFieldValues(values: Record<string, unknown>): string;
    export function decodeDefaultFieldValues(encoded: string): Record<string, string>;
}

declare module '@salesforce/sfdx-lwc-jest' {
    export {
        createApexTestWireAdapter,
        createLdsTestWireAdapter,
        createTestWireAdapter
    } from '@salesforce/wire-service-jest-util';
}
