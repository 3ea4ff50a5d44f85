// Jest stand-in for lightning/uiRecordApi: wire adapters tests can emit into, and jest.fn()s for the imperative calls.
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';

type RecordLike = { fields?: Record<string, { value: unknown; displayValue?: string | null }> };
type FieldRef = string | { fieldApiName: string };

export const getRecord = createLdsTestWireAdapter(jest.fn());

const fieldName = (field: FieldRef): string =>
    typeof field === 'string' ? field.split('.').pop()! : field.fieldApiName;

export const getFieldValue = jest.fn(
    (record: RecordLike | undefined, field: FieldRef) => record?.fields?.[fieldName(field)]?.value
);
export const getFieldDisplayValue = jest.fn(
    (record: RecordLike | undefined, field: FieldRef) => record?.fields?.[fieldName(field)]?.displayValue ?? null
);
export const notifyRecordUpdateAvailable = jest.fn(() => Promise.resolve());
export const updateRecord = jest.fn(() => Promise.resolve({}));
export const createRecord = jest.fn(() => Promise.resolve({}));
export const deleteRecord = jest.fn(() => Promise.resolve());
