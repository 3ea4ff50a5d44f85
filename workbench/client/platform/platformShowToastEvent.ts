// Local stand-in for the org, workbench only: `lightning/platformShowToastEvent`; the page shell shows the toast.
export class ShowToastEvent extends CustomEvent<Record<string, unknown>> {
    constructor(detail: Record<string, unknown>) {
        super('lightning__showtoast', { detail, bubbles: true, composed: true });
    }
}
