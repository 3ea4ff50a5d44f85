// Local stand-in for the org, workbench only: lightning-input-field for the fields the nudges edit.
import { LightningElement, api } from 'lwc';

const STATUS_OPTIONS = [
    { label: 'Unknown', value: 'unknown' },
    { label: 'Identified', value: 'identified' },
    { label: 'Validated', value: 'validated' }
];

export default class InputField extends LightningElement {
    @api fieldName = '';
    @api value: unknown = null;

    get label(): string {
        return this.fieldName.replace(/__c$/, '').replace(/_/g, ' ');
    }

    get isStatus(): boolean {
        return this.fieldName.endsWith('_Status__c');
    }

    get isDate(): boolean {
        return this.fieldName === 'CloseDate' || this.fieldName.endsWith('Date__c');
    }

    get isText(): boolean {
        return !this.isStatus && !this.isDate;
    }

    get statusOptions() {
        return STATUS_OPTIONS;
    }

    handleChange(event: CustomEvent<{ value: unknown }>): void {
        this.value = event.detail.value;
    }
}
