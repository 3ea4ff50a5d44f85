import { createElement } from 'lwc';
import CoachingNudges from 'c/coachingNudges';
import getNudges from '@salesforce/apex/NudgeController.getNudges';
import recordNudgeFeedback from '@salesforce/apex/NudgeController.recordNudgeFeedback';
// The jest stand-in for lightning/navigation (moduleNameMapper), imported by path for its test-only helper.
import { getNavigateCalledWith } from '../../../../../test/jest-mocks/lightning/navigation';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { publish, subscribe } from 'lightning/messageService';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { dealHealthView, dealScore, nudgeView } from '../../../../../test/fixtures/scoringFixtures';
import { allTextOf, captureToasts, flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

jest.mock(
    '@salesforce/apex/NudgeController.getNudges',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/NudgeController.recordNudgeFeedback', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

type WireAdapter = { emit: (value: unknown) => void; error: (body?: unknown) => void };
const nudgesAdapter = getNudges as unknown as WireAdapter;
const feedbackMock = recordNudgeFeedback as unknown as jest.Mock;
const encodeMock = encodeDefaultFieldValues as unknown as jest.Mock;
const subscribeMock = subscribe as unknown as jest.Mock;

const CASE = 'stalled-single-threaded';
const RECORD_ID = dealScore(CASE).dealId;
const MODEL_VERSION = dealScore(CASE).modelVersion;

function mount(maxNudges?: number | string): HTMLElement {
    const element = createElement('c-coaching-nudges', { is: CoachingNudges }) as HTMLElement & {
        recordId: string;
        maxNudges?: number | string;
    };
    element.recordId = RECORD_ID;
    if (maxNudges !== undefined) element.maxNudges = maxNudges;
    document.body.appendChild(element);
    return element;
}

async function mountWith(caseName: Parameters<typeof nudgeView>[0], maxNudges?: number | string): Promise<HTMLElement> {
    const element = mount(maxNudges);
    nudgesAdapter.emit(nudgeView(caseName));
    await flushPromises();
    return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
/** The inline dismiss form (c-reason-form): its confirm button and the error it shows live in its own shadow. */
const dismissForm = (element: HTMLElement) => root(element).querySelector('[data-id="dismiss-form"]')!.shadowRoot!;
const action = (element: HTMLElement, code: string, kind: 'act' | 'dismiss') =>
    root(element).querySelector(`[data-code="${code}"][data-action="${kind}"]`) as HTMLElement & {
        label: string;
        disabled: boolean;
    };
const shownCodes = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll('[data-nudge]')).map((item) => item.getAttribute('data-nudge'));

describe('c-coaching-nudges', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('shows a spinner while loading', async () => {
        const element = mount();
        await flushPromises();
        expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('ranks nudges by expected effect, shows why, and offers one action each (default maximum 3)', async () => {
        const element = await mountWith(CASE);

        expect(shownCodes(element)).toEqual(['unstick_stage', 're_engage_buyer', 'qualify_economic_buyer']);
        expect(allTextOf(root(element), 'h3')[0]).toBe('1. Agree what it takes to leave Solutioning');
        expect(textOf(root(element), '[data-why="unstick_stage"]')).toBe(
            'Why: 64 days in Solutioning vs 20-day benchmark'
        );
        expect(action(element, 'unstick_stage', 'act').label).toBe('Create task');
        expect(action(element, 'qualify_economic_buyer', 'act').label).toBe('Update field');
        await expect(element).toBeAccessible();
    });

    it('honours the "Maximum nudges shown" design attribute', async () => {
        expect(shownCodes(await mountWith(CASE, 5))).toHaveLength(5);
        resetDom();
        expect(shownCodes(await mountWith(CASE, 1))).toEqual(['unstick_stage']);
    });

    it('explains a misconfigured maximum instead of guessing', async () => {
        const element = await mountWith(CASE, 25);
        expect(textOf(root(element), '[data-id="config-error"]')).toBe(
            '"Maximum nudges shown" must be a whole number from 1 to 10; it is "25".'
        );
        expect(shownCodes(element)).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('opens a prefilled new Task and records that the rep acted', async () => {
        feedbackMock.mockResolvedValue('a01000000000001AAA');
        encodeMock.mockReturnValue('encoded-defaults');
        const element = await mountWith(CASE);

        action(element, 'unstick_stage', 'act').click();
        await flushPromises();

        expect(encodeMock).toHaveBeenCalledWith({
            Subject: 'Agree what it takes to leave Solutioning',
            Description: 'Coaching nudge: 64 days in Solutioning vs 20-day benchmark',
            WhatId: RECORD_ID,
            Priority: 'Normal',
            Status: 'Not Started'
        });
        expect(getNavigateCalledWith().pageReference).toEqual({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Task', actionName: 'new' },
            state: { defaultFieldValues: 'encoded-defaults' }
        });
        expect(feedbackMock).toHaveBeenCalledWith({
            opportunityId: RECORD_ID,
            nudgeCode: 'unstick_stage',
            outcome: 'acted',
            reason: null,
            modelVersion: MODEL_VERSION
        });
        expect(shownCodes(element)).not.toContain('unstick_stage');
    });

    it('asks the playbook to open the related step', async () => {
        feedbackMock.mockResolvedValue('a01000000000001AAA');
        const element = await mountWith('healthy', 4);

        action(element, 'complete_playbook_step', 'act').click();
        await flushPromises();

        expect(publish).toHaveBeenCalledWith(undefined, expect.anything(), {
            recordId: RECORD_ID,
            kind: 'openStep',
            payload: 'map_decision_process'
        });
        expect(feedbackMock).toHaveBeenCalledWith(
            expect.objectContaining({ nudgeCode: 'complete_playbook_step', outcome: 'acted' })
        );
    });

    it('edits the named field in a modal with a record edit form, and records the action once saved', async () => {
        feedbackMock.mockResolvedValue('a01000000000001AAA');
        const element = await mountWith(CASE);

        action(element, 'qualify_economic_buyer', 'act').click();
        await flushPromises();
        const dialog = root(element).querySelector('[data-id="field-editor"]')!;
        expect(dialog.shadowRoot!.querySelector('section')!.getAttribute('role')).toBe('dialog');
        expect((dialog as HTMLElement & { heading: string }).heading).toBe(dealScore(CASE).nudges[2]!.title);
        const form = dialog.querySelector('lightning-record-edit-form') as HTMLElement & {
            recordId: string;
            objectApiName: string;
        };
        expect([form.objectApiName, form.recordId]).toEqual(['Opportunity', RECORD_ID]);
        expect(
            Array.from(dialog.querySelectorAll('lightning-input-field')).map(
                (f) => (f as HTMLElement & { fieldName: string }).fieldName
            )
        ).toEqual(['Economic_Buyer_Status__c', 'Economic_Buyer_Evidence__c']);
        await expect(element).toBeAccessible();
        expect(feedbackMock).not.toHaveBeenCalled();

        form.dispatchEvent(new CustomEvent('success', { detail: { id: RECORD_ID } }));
        await flushPromises();

        expect(root(element).querySelector('[data-id="field-editor"]')).toBeNull();
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
        expect(feedbackMock).toHaveBeenCalledWith(
            expect.objectContaining({ nudgeCode: 'qualify_economic_buyer', outcome: 'acted' })
        );
    });

    it('closes the field editor with Escape without recording anything', async () => {
        const element = await mountWith(CASE);
        action(element, 'qualify_economic_buyer', 'act').click();
        await flushPromises();

        root(element)
            .querySelector('[data-id="field-editor"]')!
            .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await flushPromises();

        expect(root(element).querySelector('[data-id="field-editor"]')).toBeNull();
        expect(feedbackMock).not.toHaveBeenCalled();
    });

    it('requires a reason to dismiss, records it, and hides the nudge', async () => {
        feedbackMock.mockResolvedValue('a01000000000001AAA');
        const element = await mountWith(CASE);
        const toasts = captureToasts(element);
        action(element, 're_engage_buyer', 'dismiss').click();
        await flushPromises();

        (dismissForm(element).querySelector('[data-id="confirm"]') as HTMLElement).click();
        await flushPromises();
        expect(textOf(dismissForm(element), '[data-id="error"]')).toBe('Choose why you dismiss this nudge.');
        await expect(element).toBeAccessible();

        root(element)
            .querySelector('lightning-combobox')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: 'other' } }));
        await flushPromises();
        root(element)
            .querySelector('lightning-textarea')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: 'Buyer is on holiday until December' } }));
        (dismissForm(element).querySelector('[data-id="confirm"]') as HTMLElement).click();
        await flushPromises();

        expect(feedbackMock).toHaveBeenCalledWith({
            opportunityId: RECORD_ID,
            nudgeCode: 're_engage_buyer',
            outcome: 'dismissed',
            reason: 'Buyer is on holiday until December',
            modelVersion: MODEL_VERSION
        });
        expect(shownCodes(element)).not.toContain('re_engage_buyer');
        expect(shownCodes(element)).toHaveLength(3);
        expect(toasts).toEqual([expect.objectContaining({ title: 'Nudge dismissed', variant: 'success' })]);
    });

    it('keeps the nudge and shows the error when feedback cannot be saved', async () => {
        feedbackMock.mockRejectedValue({ body: { message: 'Say why this nudge is dismissed.' } });
        const element = await mountWith(CASE);
        const toasts = captureToasts(element);
        action(element, 're_engage_buyer', 'dismiss').click();
        await flushPromises();
        root(element)
            .querySelector('lightning-combobox')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: 'Wrong timing' } }));
        (dismissForm(element).querySelector('[data-id="confirm"]') as HTMLElement).click();
        await flushPromises();

        expect(shownCodes(element)).toContain('re_engage_buyer');
        expect(textOf(dismissForm(element), '[data-id="error"]')).toBe('Say why this nudge is dismissed.');
        expect(toasts).toEqual([
            { title: 'Feedback not saved', message: 'Say why this nudge is dismissed.', variant: 'error' }
        ]);
    });

    it('cancels a dismissal with the Escape key', async () => {
        const element = await mountWith(CASE);
        action(element, 're_engage_buyer', 'dismiss').click();
        await flushPromises();

        root(element)
            .querySelector('[data-dismiss-form="re_engage_buyer"]')!
            .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await flushPromises();

        expect(root(element).querySelector('[data-dismiss-form]')).toBeNull();
        expect(action(element, 're_engage_buyer', 'dismiss')).not.toBeNull();
    });

    it('says when there is nothing to do, and when the deal is not scored yet', async () => {
        const element = mount();
        nudgesAdapter.emit({ ...nudgeView(CASE), nudgesJson: '[]' });
        await flushPromises();
        expect(textOf(root(element), '[data-id="empty"]')).toBe(
            'No coaching nudges right now: nothing stands out on this deal.'
        );
        await expect(element).toBeAccessible();

        nudgesAdapter.emit({ hasSnapshot: false, fieldsByNudgeField: {} });
        await flushPromises();
        expect(textOf(root(element), '[data-id="empty"]')).toBe('Nudges appear once the deal has been scored.');
    });

    it('shows why nudges could not be loaded', async () => {
        const element = mount();
        nudgesAdapter.error({ message: 'Insufficient access to Nudge Feedback' });
        await flushPromises();
        expect(textOf(root(element), '[data-id="load-error"]')).toContain('Insufficient access to Nudge Feedback');
        await expect(element).toBeAccessible();
    });

    it('replaces its nudges with those of a fresh scoring shared by the deal-health panel', async () => {
        const element = await mountWith(CASE);
        const listener = subscribeMock.mock.calls[subscribeMock.mock.calls.length - 1]![2] as (
            message: unknown
        ) => void;

        listener({ recordId: RECORD_ID, kind: 'scored', payload: dealHealthView('brand-new') });
        await flushPromises();

        expect(shownCodes(element)).toEqual(['multi_thread', 'schedule_next_step', 'confirm_amount']);
    });

    it('offers no field editor when the admin has not mapped the field, but still lets the rep dismiss', async () => {
        const element = mount();
        nudgesAdapter.emit({ ...nudgeView(CASE), fieldsByNudgeField: {} });
        await flushPromises();

        const item = root(element).querySelector('[data-nudge="qualify_economic_buyer"]')!;
        expect(item.textContent).toContain('No Opportunity field is mapped for "economicBuyer"');
        expect((action(element, 'qualify_economic_buyer', 'act') as HTMLElement & { disabled: boolean }).disabled).toBe(
            true
        );
        action(element, 'qualify_economic_buyer', 'act').click();
        await flushPromises();
        expect(root(element).querySelector('[data-id="field-editor"]')).toBeNull();
        expect(action(element, 'qualify_economic_buyer', 'dismiss')).not.toBeNull();
    });
});
