// Jest stand-in for lightning/platformShowToastEvent: a plain CustomEvent named as the platform names it.
export const ShowToastEventName = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<Record<string, unknown>> {
    constructor(detail: Record<string, unknown>) {
        super(ShowToastEventName, { composed: true, cancelable: true, bubbles: true, detail });
    }
}
