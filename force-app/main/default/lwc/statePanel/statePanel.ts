import { LightningElement, api } from 'lwc';

/**
 * The loading, error and empty states of a card, one at a time and in that order of precedence: while `loading`,
 * a labelled spinner; with an `error`, an alert that names it; when `empty`, a short message and an optional hint.
 * It renders nothing otherwise, so the owner shows its content beside it with the same flags.
 */
export default class StatePanel extends LightningElement {
    @api loading = false;
    /** What is loading, read by screen readers ("Loading the pipeline review"). */
    @api loadingLabel = 'Loading';
    @api error: string | null | undefined;
    /** Heading of the error ("The review could not be loaded"); the error text follows it. */
    @api errorHeading = 'Something went wrong';
    @api empty = false;
    @api emptyMessage = 'Nothing to show yet.';
    /** What the user (or their admin) can do about it. */
    @api emptyHint: string | null | undefined;

    get showLoading(): boolean {
        return this.loading;
    }

    get showError(): boolean {
        return !this.loading && Boolean(this.error);
    }

    get showEmpty(): boolean {
        return !this.loading && !this.error && this.empty;
    }
}
