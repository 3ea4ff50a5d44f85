import { createElement } from 'lwc';
import CallInsights from 'c/callInsights';
import getCallInsights from '@salesforce/apex/CallInsightsController.getCallInsights';
import analyzeCall from '@salesforce/apex/CallInsightsController.analyzeCall';
import retryAnalysis from '@salesforce/apex/CallInsightsController.retryAnalysis';
import applyDecisions from '@salesforce/apex/CallInsightsController.applyDecisions';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { analysisView, callResponse } from '../../../../../test/fixtures/callFixtures';
import { allTextOf, captureToasts, flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

jest.mock('@salesforce/apex/CallInsightsController.getCallInsights', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CallInsightsController.analyzeCall', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CallInsightsController.retryAnalysis', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CallInsightsController.applyDecisions', () => ({ default: jest.fn() }), { virtual: true });

const getMock = getCallInsights as unknown as jest.Mock;
const analyzeMock = analyzeCall as unknown as jest.Mock;
const retryMock = retryAnalysis as unknown as jest.Mock;
const applyMock = applyDecisions as unknown as jest.Mock;
const notifyMock = notifyRecordUpdateAvailable as unknown as jest.Mock;

const RECORD_ID = '006000000000001AAA';
const LOGGED_TASK = { recordId: '00T000000000001AAA', source: 'task', label: 'Task: Discovery call · 2026-11-04' };

async function mount(analyses: unknown[] = [], loggedCalls: unknown[] = [LOGGED_TASK]): Promise<HTMLElement> {
    getMock.mockResolvedValue({ loggedCalls, analyses });
    const element = createElement('c-call-insights', { is: CallInsights }) as HTMLElement & { recordId: string };
    element.recordId = RECORD_ID;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const query = <T extends Element = HTMLElement>(element: HTMLElement, selector: string) =>
    root(element).querySelector(selector) as T & { value?: string; disabled?: boolean; click(): void };

function change(target: Element, value: string): void {
    target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function paste(element: HTMLElement, text: string): Promise<void> {
    change(query(element, '[data-id="notes"]'), text);
    await flushPromises();
}

describe('c-call-insights', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('offers pasting or a logged call, and cannot analyse empty notes', async () => {
        const element = await mount();
        expect(getMock).toHaveBeenCalledWith({ opportunityId: RECORD_ID });
        const source = query(element, '[data-id="source"]') as unknown as { options: { label: string }[] };
        expect(source.options.map((option) => option.label)).toEqual([
            'Paste notes or a transcript',
            LOGGED_TASK.label
        ]);
        expect(query(element, '[data-id="analyze"]').disabled).toBe(true);
        await paste(element, 'Dana said the CFO signs off.');
        expect(query(element, '[data-id="analyze"]').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('analyses pasted notes and shows the summary, each proposal with its quote highlighted, and the coaching', async () => {
        analyzeMock.mockResolvedValue(analysisView('transcript-discovery'));
        const element = await mount();
        await paste(element, 'the notes');
        query(element, '[data-id="analyze"]').click();
        await flushPromises();

        expect(analyzeMock).toHaveBeenCalledWith({
            opportunityId: RECORD_ID,
            source: 'pasted_notes',
            sourceRecordId: null,
            text: 'the notes'
        });
        const response = callResponse('transcript-discovery');
        expect(textOf(root(element), '[data-id="summary"]')).toBe(response.summary);
        const rows = root(element).querySelectorAll('[data-id="proposal"]');
        expect(rows).toHaveLength(response.proposals.length);
        const closeDate = root(element).querySelector('[data-field="CloseDate"]')!;
        expect(textOf(closeDate, '[data-id="proposed"]')).toBe('2027-03-31');
        expect(textOf(closeDate, '[data-id="current"]')).toBe('2026-12-31');
        expect(closeDate.querySelector('mark')!.textContent).toBe(
            'We plan to sign by end of Q1 if the security review passes.'
        );
        expect(allTextOf(root(element), '[data-id="covered"] li').length).toBe(response.coaching.stepsCovered.length);
        expect(textOf(root(element), '[data-id="talk"]')).toContain('You spoke 38% of the words');
        await expect(element).toBeAccessible();
    });

    it('analyses a logged call by its record', async () => {
        analyzeMock.mockResolvedValue(analysisView('nothing-for-crm'));
        const element = await mount();
        change(query(element, '[data-id="source"]'), LOGGED_TASK.recordId);
        await flushPromises();
        expect(query(element, '[data-id="notes"]')).toBeNull();
        query(element, '[data-id="analyze"]').click();
        await flushPromises();
        expect(analyzeMock).toHaveBeenCalledWith({
            opportunityId: RECORD_ID,
            source: 'task',
            sourceRecordId: LOGGED_TASK.recordId,
            text: null
        });
        expect(textOf(root(element), '[data-id="no-proposals"]')).toBe('Nothing in this call changes the CRM.');
        // The fixture's stage has steps, so the coaching card lists what was missed instead of an empty note.
        expect(query(element, '[data-id="no-coaching"]')).toBeNull();
        expect(allTextOf(root(element), '[data-id="missed"] li').length).toBe(
            callResponse('nothing-for-crm').coaching.stepsMissed.length
        );
    });

    it('saves only once every proposal is decided, sends each verdict, and refreshes the record', async () => {
        const view = analysisView('transcript-discovery');
        applyMock.mockImplementation(({ decisionsJson }: { decisionsJson: string }) =>
            Promise.resolve({ ...view, analysisStatus: 'reviewed', decisionsJson })
        );
        const element = await mount([view]);
        const toasts = captureToasts(element);
        const fields = callResponse('transcript-discovery').proposals.map((proposal) => proposal.field);
        const save = () => query(element, '[data-id="save"]');
        for (const [index, field] of fields.entries()) {
            expect(save().disabled).toBe(true);
            change(
                root(element).querySelector(`lightning-radio-group[data-field="${field}"]`)!,
                index < 2 ? 'accepted' : 'rejected'
            );
            await flushPromises();
        }
        expect(save().disabled).toBe(false);
        save().click();
        await flushPromises();

        const sent = JSON.parse(applyMock.mock.calls[0][0].decisionsJson) as { field: string; verdict: string }[];
        expect(applyMock.mock.calls[0][0].analysisId).toBe(view.analysisId);
        expect(sent.filter((decision) => decision.verdict === 'accepted').map((decision) => decision.field)).toEqual(
            fields.slice(0, 2)
        );
        expect(sent).toHaveLength(fields.length);
        expect(notifyMock).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
        expect(textOf(root(element), '[data-id="reviewed"]')).toBe(
            `Reviewed: 2 accepted, ${fields.length - 2} rejected.`
        );
        expect(query(element, '[data-id="save"]')).toBeNull();
        expect(toasts[0]).toMatchObject({
            variant: 'success',
            message: `2 update(s) written, ${fields.length - 2} rejected.`
        });
    });

    it('keeps the notes when the service is down and retries them', async () => {
        const pending = analysisView('transcript-discovery', {
            analysisStatus: 'pending_retry',
            resultJson: null,
            extractor: null,
            lastError: 'The Execution Loop service did not answer in time.'
        });
        retryMock.mockResolvedValue(analysisView('transcript-discovery'));
        const element = await mount([pending]);
        expect(textOf(root(element), '[data-id="pending"]')).toContain('Your notes are saved as CA-000001');
        await expect(element).toBeAccessible();
        query(element, '[data-id="retry"]').click();
        await flushPromises();
        expect(retryMock).toHaveBeenCalledWith({ analysisId: pending.analysisId });
        expect(query(element, '[data-id="pending"]')).toBeNull();
        expect(root(element).querySelectorAll('[data-id="proposal"]').length).toBeGreaterThan(0);
    });

    it('shows an Apex error next to the action, and a load error with a way to try again', async () => {
        analyzeMock.mockRejectedValue({
            body: { message: 'The text has 120000 characters; Call Insights reads at most 100000.' }
        });
        const element = await mount();
        await paste(element, 'x');
        query(element, '[data-id="analyze"]').click();
        await flushPromises();
        expect(textOf(root(element), '[data-id="action-error"]')).toContain('reads at most 100000');

        resetDom();
        getMock.mockRejectedValue({ body: { message: 'Insufficient access' } });
        const broken = createElement('c-call-insights', { is: CallInsights }) as HTMLElement & { recordId: string };
        broken.recordId = RECORD_ID;
        document.body.appendChild(broken);
        await flushPromises();
        expect(root(broken).querySelector('c-state-panel')).not.toBeNull();
        expect(query(broken, '[data-id="reload"]')).not.toBeNull();
        await expect(broken).toBeAccessible();
    });
});
