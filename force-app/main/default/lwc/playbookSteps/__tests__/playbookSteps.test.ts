import { createElement } from 'lwc';
import PlaybookSteps from 'c/playbookSteps';
import getPlaybook from '@salesforce/apex/PlaybookController.getPlaybook';
import markStep from '@salesforce/apex/PlaybookController.markStep';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { publish, subscribe } from 'lightning/messageService';
import { dealHealthView, dealScore, playbookView } from '../../../../../test/fixtures/scoringFixtures';
import { allTextOf, captureToasts, flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

jest.mock(
    '@salesforce/apex/PlaybookController.getPlaybook',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('@salesforce/apex/PlaybookController.markStep', () => ({ default: jest.fn() }), { virtual: true });

type WireAdapter = { emit: (value: unknown) => void; error: (body?: unknown) => void };
const playbookAdapter = getPlaybook as unknown as WireAdapter;
const markStepMock = markStep as unknown as jest.Mock;
const subscribeMock = subscribe as unknown as jest.Mock;

const CASE = 'stalled-single-threaded';
const RECORD_ID = dealScore(CASE).dealId;

function mount(): HTMLElement {
    const element = createElement('c-playbook-steps', { is: PlaybookSteps }) as HTMLElement & { recordId: string };
    element.recordId = RECORD_ID;
    document.body.appendChild(element);
    return element;
}

async function mountWithPlaybook(): Promise<HTMLElement> {
    const element = mount();
    playbookAdapter.emit(playbookView(CASE));
    await flushPromises();
    return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
/** The inline skip form (c-reason-form): its confirm button and the error it shows live in its own shadow. */
const skipForm = (element: HTMLElement) => root(element).querySelector('[data-id="skip-form"]')!.shadowRoot!;
const button = (element: HTMLElement, stepKey: string, action: string) =>
    root(element).querySelector(`[data-step-key="${stepKey}"][data-action="${action}"]`) as HTMLElement & {
        disabled: boolean;
    };
const badgeOf = (element: HTMLElement, stepKey: string) =>
    textOf(root(element), `[data-step="${stepKey}"] .slds-badge`);
/** The listener the component registered on the Deal Health Updates channel. */
const channelListener = () =>
    subscribeMock.mock.calls[subscribeMock.mock.calls.length - 1]![2] as (message: unknown) => void;

describe('c-playbook-steps', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('shows a spinner while the playbook loads', async () => {
        const element = mount();
        await flushPromises();
        expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('names the play, why it matched, the stage path and the current stage steps with their exit criteria', async () => {
        const element = await mountWithPlaybook();

        expect(textOf(root(element), '[data-id="why"]')).toBe(
            'Matched on type "New Customer", amount 120,000 within 25,000 and below 250,000.'
        );
        const stages = playbookView(CASE).stages;
        const current = stages.findIndex((stage) => stage.isCurrent);
        expect(textOf(root(element), '[aria-current="step"] .slds-path__title')).toBe('Solutioning');
        expect(textOf(root(element), '[data-id="path-summary"]')).toBe(
            `Stage ${current + 1} of ${stages.length}: Solutioning`
        );
        expect(root(element).querySelectorAll('section')).toHaveLength(1);
        expect(textOf(root(element), 'section h3')).toBe('Solutioning');
        expect(textOf(root(element), '[data-criterion="validate_champion"]')).toBe(
            'Exit criterion not met: Champion identified, not validated yet'
        );
        await expect(element).toBeAccessible();
    });

    it('states plainly every reason the deal is not ready to advance, high risks included', async () => {
        const element = await mountWithPlaybook();

        expect(textOf(root(element), '[data-id="advance"] p')).toBe('Not ready to leave Solutioning:');
        expect(allTextOf(root(element), '[data-id="advance"] li')).toEqual(
            dealScore(CASE).exitCriteria!.blockers.map((blocker) => blocker.message)
        );
        expect(allTextOf(root(element), '[data-id="advance"] li')).toContain('The deal has stalled in Solutioning');
    });

    it('shows a friendly empty state with a hint for the admin when no playbook matches', async () => {
        const element = mount();
        playbookAdapter.emit({
            hasPlaybook: false,
            adminHint: 'No active playbook matches this deal. An admin can add one in Setup.',
            currentStage: 'Prospecting',
            stages: []
        });
        await flushPromises();

        expect(textOf(root(element), '[data-id="empty"]')).toContain('No playbook applies to this deal yet.');
        expect(textOf(root(element), '[data-id="empty"]')).toContain('An admin can add one in Setup.');
        await expect(element).toBeAccessible();
    });

    it('shows why the playbook could not be loaded', async () => {
        const element = mount();
        playbookAdapter.error({ message: 'Opportunity was not found or is not visible to you.' });
        await flushPromises();

        expect(textOf(root(element), '[data-id="load-error"]')).toContain('not visible to you');
        await expect(element).toBeAccessible();
    });

    it('expands and collapses a step guidance with a real button', async () => {
        const element = await mountWithPlaybook();
        const toggle = root(element).querySelector('[data-toggle="validate_champion"]') as HTMLButtonElement;
        expect(toggle.tagName).toBe('BUTTON');
        expect(toggle.getAttribute('aria-expanded')).toBe('false');

        toggle.click();
        await flushPromises();
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        const guidance = root(element).querySelector(
            '[data-guidance="validate_champion"] lightning-formatted-text'
        ) as HTMLElement & {
            value: string;
        };
        expect(guidance.value).toBe('How to test the champion.');
        expect(root(element).querySelector('[data-guidance="validate_champion"]')!.id).toContain(
            'guidance-validate_champion'
        );
        await expect(element).toBeAccessible();

        toggle.click();
        await flushPromises();
        expect(root(element).querySelector('[data-guidance="validate_champion"]')).toBeNull();
    });

    it('marks a step done at once, saves it through Apex, and refreshes', async () => {
        let resolveSave: (value: unknown) => void = () => undefined;
        markStepMock.mockReturnValue(new Promise((resolve) => (resolveSave = resolve)));
        const element = await mountWithPlaybook();
        const toasts = captureToasts(element);

        button(element, 'validate_champion', 'done').click();
        await Promise.resolve();
        await Promise.resolve();
        expect(badgeOf(element, 'validate_champion')).toBe('Done');
        expect(markStepMock).toHaveBeenCalledWith({
            opportunityId: RECORD_ID,
            stepKey: 'validate_champion',
            status: 'done',
            skipReason: null
        });

        resolveSave({ stepKey: 'validate_champion', status: 'done' });
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success', title: 'Step saved' })]);
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
        expect(refreshApex).toHaveBeenCalled();
        expect(publish).toHaveBeenCalledWith(undefined, expect.anything(), {
            recordId: RECORD_ID,
            kind: 'progressChanged',
            payload: 'validate_champion'
        });
    });

    it('rolls the step back and explains why when the save fails', async () => {
        markStepMock.mockRejectedValue({ body: { message: 'insufficient access rights on cross-reference id' } });
        const element = await mountWithPlaybook();
        const toasts = captureToasts(element);

        button(element, 'identify_economic_buyer', 'not_applicable').click();
        await flushPromises();

        expect(badgeOf(element, 'identify_economic_buyer')).toBe('To do');
        expect(toasts).toEqual([
            { title: 'Step not saved', message: 'insufficient access rights on cross-reference id', variant: 'error' }
        ]);
        expect(refreshApex).not.toHaveBeenCalled();
    });

    it('asks for a reason before skipping a step, then saves the skip with it', async () => {
        markStepMock.mockResolvedValue({});
        const element = await mountWithPlaybook();
        button(element, 'capture_decision_criteria', 'skip').click();
        await flushPromises();

        (skipForm(element).querySelector('[data-id="confirm"]') as HTMLElement).click();
        await flushPromises();
        expect(textOf(skipForm(element), '[data-id="error"]')).toBe('Say why this step is skipped.');
        expect(markStepMock).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();

        const reason = root(element).querySelector('lightning-textarea')!;
        reason.dispatchEvent(new CustomEvent('change', { detail: { value: '  Buyer uses the RFP scorecard  ' } }));
        (skipForm(element).querySelector('[data-id="confirm"]') as HTMLElement).click();
        await flushPromises();

        expect(markStepMock).toHaveBeenCalledWith({
            opportunityId: RECORD_ID,
            stepKey: 'capture_decision_criteria',
            status: 'skipped',
            skipReason: 'Buyer uses the RFP scorecard'
        });
        expect(badgeOf(element, 'capture_decision_criteria')).toBe('Skipped');
    });

    it('closes the skip form with the Escape key without saving', async () => {
        const element = await mountWithPlaybook();
        button(element, 'capture_decision_criteria', 'skip').click();
        await flushPromises();

        root(element)
            .querySelector('[data-skip-form="capture_decision_criteria"]')!
            .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await flushPromises();

        expect(root(element).querySelector('[data-skip-form]')).toBeNull();
        expect(markStepMock).not.toHaveBeenCalled();
    });

    it('reopens a step that was marked', async () => {
        markStepMock.mockResolvedValue({});
        const element = mount();
        const view = playbookView(CASE);
        view.stages.find((stage) => stage.isCurrent)!.steps[0]!.status = 'done';
        playbookAdapter.emit(view);
        await flushPromises();
        const stepKey = view.stages.find((stage) => stage.isCurrent)!.steps[0]!.stepKey!;

        button(element, stepKey, 'reopen').click();
        await flushPromises();

        expect(markStepMock).toHaveBeenCalledWith({
            opportunityId: RECORD_ID,
            stepKey,
            status: 'open',
            skipReason: null
        });
        expect(badgeOf(element, stepKey)).toBe('To do');
    });

    it('takes fresh exit criteria from the deal-health panel without another server call', async () => {
        const element = await mountWithPlaybook();
        const rescored = dealHealthView(CASE);
        const criteria = JSON.parse(rescored.exitCriteriaJson!);
        criteria.criteria[0].isMet = true;
        criteria.criteria[0].evidence = 'Champion validated by the CFO on 2026-11-16';
        rescored.exitCriteriaJson = JSON.stringify(criteria);

        channelListener()({ recordId: RECORD_ID, kind: 'scored', payload: rescored });
        await flushPromises();

        expect(textOf(root(element), '[data-criterion="validate_champion"]')).toBe(
            'Exit criterion met: Champion validated by the CFO on 2026-11-16'
        );
        channelListener()({ recordId: '006000000000000AAA', kind: 'scored', payload: dealHealthView('healthy') });
        await flushPromises();
        expect(textOf(root(element), '[data-criterion="validate_champion"]')).toContain(
            'Champion validated by the CFO'
        );
    });

    it('opens the step a coaching nudge points to, in an earlier stage too', async () => {
        const element = await mountWithPlaybook();

        channelListener()({ recordId: RECORD_ID, kind: 'openStep', payload: 'map_stakeholders' });
        await flushPromises();

        expect(root(element).querySelectorAll('section').length).toBeGreaterThan(1);
        expect(root(element).querySelector('[data-guidance="map_stakeholders"]')).not.toBeNull();
    });

    it('shows every stage on request', async () => {
        const element = await mountWithPlaybook();
        (root(element).querySelector('[data-id="toggle-stages"]') as HTMLElement).click();
        await flushPromises();

        expect(allTextOf(root(element), 'section h3')).toEqual(playbookView(CASE).stages.map((stage) => stage.label));
        await expect(element).toBeAccessible();
    });
});
