// Local stand-in for the org, workbench only: `@salesforce/apex` (refreshApex).
export { refreshApex } from './apexClient';

export function getSObjectValue(record: Record<string, unknown>, field: string | { fieldApiName: string }): unknown {
    const path = typeof field === 'string' ? field : field.fieldApiName;
    return path
        .split('.')
        .reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], record);
}
