// Local stand-in for the org, workbench only: `lightning/uiRecordApi` reads records from the stand-in server.
import { sessionHeaders } from './session';

type FieldRef = string | { fieldApiName: string; objectApiName?: string };
interface RecordRepresentation {
    id: string;
    apiName: string;
    fields: Record<string, { value: unknown; displayValue: string | null }>;
}

const liveAdapters = new Set<RecordWireAdapter>();

class RecordWireAdapter {
    private recordId: string | undefined;
    private connected = false;

    constructor(private readonly emit: (value: { data?: RecordRepresentation; error?: unknown }) => void) {}

    update(config: { recordId?: string }): void {
        this.recordId = config.recordId;
        if (this.connected) void this.fetch();
    }

    connect(): void {
        this.connected = true;
        liveAdapters.add(this);
        void this.fetch();
    }

    disconnect(): void {
        this.connected = false;
        liveAdapters.delete(this);
    }

    matches(recordId: string): boolean {
        return this.recordId === recordId;
    }

    async fetch(): Promise<void> {
        if (!this.recordId) return;
        try {
            const response = await fetch(`/api/record/${encodeURIComponent(this.recordId)}`, {
                headers: sessionHeaders()
            });
            if (!response.ok) throw await response.json();
            this.emit({ data: (await response.json()) as RecordRepresentation, error: undefined });
        } catch (error) {
            this.emit({ data: undefined, error });
        }
    }
}

export const getRecord = RecordWireAdapter;

const fieldName = (field: FieldRef): string =>
    typeof field === 'string' ? field.slice(field.indexOf('.') + 1) : field.fieldApiName;

export function getFieldValue(record: RecordRepresentation | undefined, field: FieldRef): unknown {
    return record?.fields[fieldName(field)]?.value;
}

export function getFieldDisplayValue(record: RecordRepresentation | undefined, field: FieldRef): string | null {
    return record?.fields[fieldName(field)]?.displayValue ?? null;
}

/** Re-reads the records on the page, as the platform refreshes standard components after a write. */
export async function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void> {
    const ids = new Set(items.map((item) => item.recordId));
    await Promise.all(
        [...liveAdapters].filter((adapter) => [...ids].some((id) => adapter.matches(id))).map((a) => a.fetch())
    );
    window.dispatchEvent(new CustomEvent('workbench:recordupdated', { detail: [...ids] }));
}

/** Saves fields through the stand-in server (used by the workbench's lightning-record-edit-form stand-in). */
export async function updateRecord(recordInput: { fields: Record<string, unknown> }): Promise<RecordRepresentation> {
    const { Id: id, ...fields } = recordInput.fields;
    const response = await fetch(`/api/record/${encodeURIComponent(String(id))}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', ...sessionHeaders() },
        body: JSON.stringify(fields)
    });
    if (!response.ok) throw await response.json();
    return (await response.json()) as RecordRepresentation;
}
