// Local stand-in for the org, workbench only: lightning-record-edit-form is not in the open-source base
// components. This one loads the record from the stand-in server, lets the slotted lightning-input-field stand-ins
// edit it, saves on a submit button, and fires `success` or `error` like the platform component.
import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { sessionHeaders } from '../../../platform/session';
// The package's own label: the stand-in shows the text the component shows, not a copy of it.
import RECORD_SAVE_FAILED from '@salesforce/label/c.RecordSaveFailed';

interface InputFieldElement extends HTMLElement {
    fieldName: string;
    value: unknown;
}

export default class RecordEditForm extends LightningElement {
    @api objectApiName: string | undefined;
    @api recordId: string | undefined;

    override connectedCallback(): void {
        this.addEventListener('click', (event) => {
            const target = event.target as HTMLElement & { type?: string };
            if (target?.type === 'submit') void this.submit();
        });
        void this.load();
    }

    private fields(): InputFieldElement[] {
        return Array.from(this.querySelectorAll('lightning-input-field')) as InputFieldElement[];
    }

    private async load(): Promise<void> {
        if (!this.recordId) return;
        const response = await fetch(`/api/record/${encodeURIComponent(this.recordId)}`, {
            headers: sessionHeaders()
        });
        if (!response.ok) return;
        const record = (await response.json()) as { fields: Record<string, { value: unknown }> };
        for (const field of this.fields()) field.value = record.fields[field.fieldName]?.value ?? null;
    }

    @api
    async submit(): Promise<void> {
        const fields: Record<string, unknown> = { Id: this.recordId };
        for (const field of this.fields()) fields[field.fieldName] = field.value;
        try {
            const saved = await updateRecord({ fields });
            this.dispatchEvent(new CustomEvent('success', { detail: saved }));
        } catch (error) {
            const message = (error as { body?: { message?: string } })?.body?.message ?? RECORD_SAVE_FAILED;
            this.dispatchEvent(new CustomEvent('error', { detail: { message, detail: message } }));
        }
    }
}
