import { createElement } from 'lwc';
import DealHealthPanel from 'c/dealHealthPanel';
import getDealHealth from '@salesforce/apex/DealHealthController.getDealHealth';
import rescoreDeal from '@salesforce/apex/DealHealthController.rescoreDeal';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { publish, subscribe } from 'lightning/messageService';
import { dealHealthView, dealScore, unscoredView } from '../../../../../test/fixtures/scoringFixtures';
import { allTextOf, captureToasts, flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

jest.mock(
    '@salesforce/apex/DealHealthController.getDealHealth',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/DealHealthController.rescoreDeal', () => ({ default: jest.fn() }), { virtual: true });

type WireAdapter = { emit: (value: unknown) => void; error: (body?: unknown) => void };
const dealHealthAdapter = getDealHealth as unknown as WireAdapter;
const recordAdapter = getRecord as unknown as WireAdapter;
const rescoreMock = rescoreDeal as unknown as jest.Mock;

const RECORD_ID = dealScore('healthy').dealId;
const SCORED_AT = '2026-11-16T08:00:00.000Z';

function recordModifiedAt(iso: string) {
    return { fields: { LastModifiedDate: { value: iso, displayValue: null } } };
}

/** The panel over the stored scoring of this case, on a deal not edited since (no automatic rescore). */
async function mountScored(
    caseName: Parameters<typeof dealHealthView>[0],
    overrides: Parameters<typeof dealHealthView>[1] = {}
): Promise<HTMLElement> {
    const element = mount();
    recordAdapter.emit(recordModifiedAt('2026-11-15T10:00:00.000Z'));
    dealHealthAdapter.emit(dealHealthView(caseName, { scoredAt: SCORED_AT, ...overrides }));
    await flushPromises();
    return element;
}

function mount(): HTMLElement {
    const element = createElement('c-deal-health-panel', { is: DealHealthPanel }) as HTMLElement & { recordId: string };
    element.recordId = RECORD_ID;
    document.body.appendChild(element);
    return element;
}

describe('c-deal-health-panel', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('shows a spinner until the stored result arrives', async () => {
        const element = mount();
        await flushPromises();

        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('explains a healthy score: ring, every dimension with its lines, and no outdated rescore', async () => {
        const element = await mountScored('healthy', { trend: [61, 66, 72] });

        const root = element.shadowRoot!;
        const ring = root.querySelector('c-score-ring') as HTMLElement & { score: number; band: string };
        expect(ring.score).toBe(dealScore('healthy').score);
        expect(ring.band).toBe('healthy');
        // Points on explained checks, never presented as a probability.
        expect(textOf(root, '[data-id="score-meaning"]')).toBe(
            'Health points earned on the checks below, not a chance of winning.'
        );
        const summaries = allTextOf(root, '[data-id="dimensions"] summary');
        expect(summaries).toHaveLength(5);
        expect(summaries[0]).toMatch(/^Qualification\s*\d+ of 35$/);
        // Every signal is on screen, and the points shown add up to the score.
        const points = allTextOf(root, '[data-id="signals"] li span.points').map((text) =>
            Number(text.split(' of ')[0]!.replace('−', '-'))
        );
        expect(points.reduce((sum, value) => sum + value, 0)).toBe(dealScore('healthy').score);
        expect((root.querySelector('details[data-id="engagement"]') as HTMLDetailsElement).open).toBe(false);
        expect(root.querySelector('[data-id="band-cap"]')).toBeNull();
        expect(root.querySelector('[data-id="trend"]')!.getAttribute('aria-label')).toBe(
            'Score trend over the last 3 scorings, oldest first: 61, 66, 72. Up 11 points since 61.'
        );
        expect(rescoreMock).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('lists what lowers a stalled, single-threaded deal with evidence, and its risks high first', async () => {
        const element = await mountScored('stalled-single-threaded');

        const root = element.shadowRoot!;
        const momentum = allTextOf(root, 'details[data-id="momentum"] [data-id="signals"] li');
        expect(momentum[1]).toContain('−12 Stage age beyond benchmark');
        expect(momentum[1]).toContain('64 days in Solutioning vs 20-day benchmark (3.2×)');
        expect((root.querySelector('details[data-id="momentum"]') as HTMLDetailsElement).open).toBe(true);
        const severities = allTextOf(root, '[data-id="risks"] li span:first-child');
        const expectedOrder = [...severities].sort(
            (a, b) => ['High', 'Medium', 'Low'].indexOf(a) - ['High', 'Medium', 'Low'].indexOf(b)
        );
        expect(severities).toEqual(expectedOrder);
        expect(severities[0]).toBe('High');
        await expect(element).toBeAccessible();
    });

    it('says where the band is shown which high risk caps it', async () => {
        const element = await mountScored('gate-not-passed');

        const root = element.shadowRoot!;
        expect((root.querySelector('c-score-ring') as HTMLElement & { band: string }).band).toBe('watch');
        expect(textOf(root, '[data-id="band-cap"]')).toContain(
            'Watch although the score is in the healthy range: a high risk caps the band (Gate not passed:'
        );
        await expect(element).toBeAccessible();
    });

    it('offers to score a deal that was never scored, and scores it on request', async () => {
        rescoreMock.mockResolvedValue(dealHealthView('brand-new'));
        const element = mount();
        dealHealthAdapter.emit(unscoredView(RECORD_ID));
        await flushPromises();

        expect(textOf(element.shadowRoot!, '[data-id="empty"]')).toContain('This deal has not been scored yet.');
        await expect(element).toBeAccessible();

        (element.shadowRoot!.querySelector('[data-id="empty"] lightning-button') as HTMLElement).click();
        await flushPromises();

        expect(rescoreMock).toHaveBeenCalledWith({ opportunityId: RECORD_ID });
        expect(element.shadowRoot!.querySelector('c-score-ring')).not.toBeNull();
    });

    it('re-scores once when the deal changed after its last scoring, and shares the result', async () => {
        const fresh = dealHealthView('close-date-slipped', { scoredAt: '2026-11-16T12:00:00.000Z' });
        rescoreMock.mockResolvedValue(fresh);
        const element = mount();
        dealHealthAdapter.emit(dealHealthView('healthy', { scoredAt: SCORED_AT }));
        recordAdapter.emit(recordModifiedAt('2026-11-16T09:30:00.000Z'));
        await flushPromises();

        expect(rescoreMock).toHaveBeenCalledTimes(1);
        expect(publish).toHaveBeenCalledWith(undefined, expect.anything(), {
            recordId: RECORD_ID,
            kind: 'scored',
            payload: fresh
        });
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
        const ring = element.shadowRoot!.querySelector('c-score-ring') as HTMLElement & { score: number };
        expect(ring.score).toBe(dealScore('close-date-slipped').score);
    });

    it('re-scores when the rep edits the stage or close date while the page is open', async () => {
        rescoreMock.mockResolvedValue(dealHealthView('healthy'));
        const element = mount();
        dealHealthAdapter.emit(dealHealthView('healthy', { scoredAt: SCORED_AT }));
        recordAdapter.emit(recordModifiedAt('2026-11-15T10:00:00.000Z'));
        await flushPromises();
        expect(rescoreMock).not.toHaveBeenCalled();

        recordAdapter.emit(recordModifiedAt('2026-11-16T10:05:00.000Z'));
        await flushPromises();

        expect(rescoreMock).toHaveBeenCalledTimes(1);
        expect(element.shadowRoot!.querySelector('[data-id="stale"]')).toBeNull();
    });

    it('shows the last snapshot with a stale warning and the reason when the service is down', async () => {
        const stale = dealHealthView('healthy', {
            isStale: true,
            staleReason:
                'The Execution Loop service did not answer in time. Showing the last score from 16/11/2026 08:00.'
        });
        rescoreMock.mockResolvedValue(stale);
        const element = mount();
        const toasts = captureToasts(element);
        dealHealthAdapter.emit(dealHealthView('healthy', { scoredAt: SCORED_AT }));
        recordAdapter.emit(recordModifiedAt('2026-11-15T10:00:00.000Z'));
        await flushPromises();

        (element.shadowRoot!.querySelector('[data-id="refresh"]') as HTMLElement).click();
        await flushPromises();

        expect(textOf(element.shadowRoot!, '[data-id="stale"]')).toContain(
            'The Execution Loop service did not answer in time.'
        );
        expect(element.shadowRoot!.querySelector('c-score-ring')).not.toBeNull();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'warning', title: 'Score not refreshed' })]);
        expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('keeps the current result and shows an error toast when rescoring fails', async () => {
        rescoreMock.mockRejectedValue({ body: { message: 'You do not have access to do this.' } });
        const element = mount();
        const toasts = captureToasts(element);
        dealHealthAdapter.emit(dealHealthView('healthy', { scoredAt: SCORED_AT }));
        recordAdapter.emit(recordModifiedAt('2026-11-15T10:00:00.000Z'));
        await flushPromises();

        (element.shadowRoot!.querySelector('[data-id="refresh"]') as HTMLElement).click();
        await flushPromises();

        expect(toasts).toEqual([
            { title: 'Could not score the deal', message: 'You do not have access to do this.', variant: 'error' }
        ]);
        expect((element.shadowRoot!.querySelector('c-score-ring') as HTMLElement & { score: number }).score).toBe(
            dealScore('healthy').score
        );
    });

    it('re-scores when the playbook reports a step change on this deal, and only this deal', async () => {
        rescoreMock.mockResolvedValue(dealHealthView('healthy'));
        mount();
        dealHealthAdapter.emit(dealHealthView('healthy', { scoredAt: SCORED_AT }));
        recordAdapter.emit(recordModifiedAt('2026-11-15T10:00:00.000Z'));
        await flushPromises();
        const subscribeMock = subscribe as unknown as jest.Mock;
        const listener = subscribeMock.mock.calls[subscribeMock.mock.calls.length - 1]![2] as (
            message: unknown
        ) => void;

        listener({ recordId: '006000000000000AAA', kind: 'progressChanged', payload: 'x' });
        await flushPromises();
        expect(rescoreMock).not.toHaveBeenCalled();

        listener({ recordId: RECORD_ID, kind: 'progressChanged', payload: 'validate_champion' });
        await flushPromises();
        expect(rescoreMock).toHaveBeenCalledWith({ opportunityId: RECORD_ID });
    });

    it('shows why the stored result could not be loaded', async () => {
        const element = mount();
        dealHealthAdapter.error({ message: 'Insufficient access to Deal Health Snapshot' });
        await flushPromises();

        expect(textOf(element.shadowRoot!, '[data-id="load-error"]')).toContain(
            'Insufficient access to Deal Health Snapshot'
        );
        await expect(element).toBeAccessible();
    });

    it('reports a stored result it cannot read instead of showing empty bars', async () => {
        const element = mount();
        dealHealthAdapter.emit({ ...dealHealthView('healthy'), dimensionsJson: '{not json' });
        await flushPromises();

        expect(textOf(element.shadowRoot!, '[data-id="result-error"]')).toContain('dimensions of this deal');
        expect(element.shadowRoot!.querySelectorAll('[data-id="dimensions"] li')).toHaveLength(0);
    });

    it('exposes every action as a focusable button with a name', async () => {
        const element = mount();
        dealHealthAdapter.emit(dealHealthView('healthy'));
        await flushPromises();

        const refresh = element.shadowRoot!.querySelector('[data-id="refresh"]') as HTMLElement & {
            alternativeText: string;
            disabled: boolean;
        };
        expect(refresh.alternativeText).toBe('Refresh score');
        expect(refresh.disabled).toBeFalsy();
    });
});
