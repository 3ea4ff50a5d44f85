import { createElement } from 'lwc';
import RepDevelopment from 'c/repDevelopment';
import getScopeOptions from '@salesforce/apex/RepDevelopmentController.getScopeOptions';
import getDevelopment from '@salesforce/apex/RepDevelopmentController.getDevelopment';
import setFocus from '@salesforce/apex/RepDevelopmentController.setFocus';
import reviewFocus from '@salesforce/apex/RepDevelopmentController.reviewFocus';
import {
    developmentResult,
    developmentView,
    focus,
    MONTH,
    weakRep
} from '../../../../../test/fixtures/developmentFixtures';
import {
    allTextOf,
    captureToasts,
    flushPromises,
    readableText,
    resetDom,
    textOf
} from '../../../../../test/jest-utils';

jest.mock(
    '@salesforce/apex/RepDevelopmentController.getScopeOptions',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/RepDevelopmentController.getDevelopment', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/RepDevelopmentController.setFocus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RepDevelopmentController.reviewFocus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
    '@salesforce/apex/PracticeController.getDrillOptions',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/PracticeController.startDrill', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PracticeController.answer', () => ({ default: jest.fn() }), { virtual: true });

type WireAdapter = { emit: (value: unknown) => void; error: (body?: unknown) => void };
const optionsAdapter = getScopeOptions as unknown as WireAdapter;
const developmentMock = getDevelopment as unknown as jest.Mock;
const setFocusMock = setFocus as unknown as jest.Mock;
const reviewMock = reviewFocus as unknown as jest.Mock;

// sa11y over five reps' tables takes a few seconds on a busy machine.
jest.setTimeout(30_000);

const OPTIONS = { reps: developmentResult.reps.map((rep) => ({ label: rep.name, value: rep.repId })), hasTeam: true };

async function mount(options = OPTIONS): Promise<HTMLElement> {
    const element = createElement('c-rep-development', { is: RepDevelopment });
    document.body.appendChild(element);
    optionsAdapter.emit(options);
    await flushPromises();
    return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const repSection = (element: HTMLElement, repId: string) =>
    root(element).querySelector(`section[data-rep-id="${repId}"]`) as HTMLElement;

describe('c-rep-development', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it("loads the team's figures and shows the gap, its rule, sample sizes and the suggested focus with its deals", async () => {
        developmentMock.mockResolvedValue(developmentView());
        const element = await mount();
        expect(developmentMock).toHaveBeenCalledWith({ scope: 'my_team', repId: null });
        expect(textOf(root(element), '[data-id="gap-rule"]')).toMatch(/at least 8 deals/);
        const weak = repSection(element, weakRep.repId);
        expect(textOf(weak, '[data-id="suggested-focus"]')).toMatch(/Suggested focus: Multi-threading/);
        expect(allTextOf(weak, '[data-id="suggested-focus"] li')).toHaveLength(10);
        const rows = allTextOf(weak, '[data-id="metrics"] tbody tr');
        expect(rows.find((row) => row.startsWith('Open deals single-threaded'))).toMatch(/75% 20 deals 20% .* Gap:/);
        expect(textOf(root(element), '[data-id="tile-without-focus"]')).toMatch(/5/);
        expect(textOf(root(element), '[data-id="tile-never-reviewed"]')).toMatch(/1/);
        await expect(element).toBeAccessible();
    });

    it("sets this month's focus from the suggestion, then reloads", async () => {
        developmentMock.mockResolvedValue(developmentView());
        setFocusMock.mockResolvedValue(focus({ repId: weakRep.repId, month: MONTH }));
        const element = await mount();
        const toasts = captureToasts(element);
        (repSection(element, weakRep.repId).querySelector('[data-id="set-focus"]') as HTMLElement).click();
        await flushPromises();
        const editor = root(element).querySelector('[data-id="focus-editor"]') as HTMLElement;
        expect(readableText(editor)).toMatch(/Baseline 75% → target 48%/);
        editor
            .querySelector('lightning-textarea')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: ' Add IT on the top deals ' } }));
        await expect(element).toBeAccessible();
        developmentMock.mockResolvedValue(
            developmentView({
                focuses: [focus(), focus({ id: 'a0A9', repId: weakRep.repId, repName: weakRep.name, month: MONTH })]
            })
        );
        (root(element).querySelector('[data-id="save-focus"]') as HTMLElement).click();
        await flushPromises();
        expect(setFocusMock).toHaveBeenCalledWith({
            repId: weakRep.repId,
            skill: 'multi_threading',
            metric: 'single_threaded',
            baseline: weakRep.suggestedFocus!.baseline,
            target: weakRep.suggestedFocus!.target,
            notes: 'Add IT on the top deals'
        });
        expect(toasts[0]).toMatchObject({ title: 'Focus set', variant: 'success' });
        expect(developmentMock).toHaveBeenCalledTimes(2);
        const weak = repSection(element, weakRep.repId);
        expect(weak.querySelector('[data-id="set-focus"]')).toBeNull();
        expect(textOf(weak, '[data-id="current-focus"]')).toMatch(/Multi-threading/);
        expect(allTextOf(weak, '[data-id="trend"] tbody tr')[0]).toMatch(/^Nov 2026 Multi-threading/);
    });

    it('keeps the editor open with the reason when saving fails', async () => {
        developmentMock.mockResolvedValue(developmentView());
        setFocusMock.mockRejectedValue({ body: { message: 'Rep 1 already has a focus this month.' } });
        const element = await mount();
        (repSection(element, weakRep.repId).querySelector('[data-id="set-focus"]') as HTMLElement).click();
        await flushPromises();
        (root(element).querySelector('[data-id="save-focus"]') as HTMLElement).click();
        await flushPromises();
        expect(textOf(root(element), '[data-id="focus-editor"] [role="alert"]')).toBe(
            'Rep 1 already has a focus this month.'
        );
    });

    it("reviews last month's focus with the outcome the figures suggest", async () => {
        developmentMock.mockResolvedValue(developmentView());
        reviewMock.mockResolvedValue(focus({ status: 'reviewed', outcome: 'reached', result: 0.19 }));
        const element = await mount();
        const rep2 = developmentResult.reps[1]!;
        (repSection(element, rep2.repId).querySelector('[data-id="review-focus"]') as HTMLElement).click();
        await flushPromises();
        expect(textOf(root(element), '[data-id="review-editor"]')).toMatch(/baseline 45%, target 30%, now 19%/);
        await expect(element).toBeAccessible();
        (root(element).querySelector('[data-id="save-review"]') as HTMLElement).click();
        await flushPromises();
        expect(reviewMock).toHaveBeenCalledWith({
            focusId: 'a0A000000000001AAA',
            outcome: 'reached',
            result: rep2.metrics.find((figure) => figure.metric === 'single_threaded')!.value,
            notes: null
        });
    });

    it('shows a rep their own figures and the practice drill, without focus setting', async () => {
        developmentMock.mockResolvedValue(
            developmentView({
                canSetFocus: false,
                developmentJson: JSON.stringify({ ...developmentResult, reps: [weakRep] }),
                dataNotes: ['No stage history in this data: stage age is unknown.']
            })
        );
        const element = await mount({ reps: [], hasTeam: false });
        expect(developmentMock).toHaveBeenCalledWith({ scope: 'me', repId: null });
        expect(root(element).querySelector('[data-id="set-focus"]')).toBeNull();
        expect(root(element).querySelector('c-practice-drill')).not.toBeNull();
        expect(textOf(root(element), '[data-id="data-notes"]')).toMatch(/No stage history/);
        await expect(element).toBeAccessible();
    });

    it('says when the figures come from the monthly batch, and shows call coaching with its sample sizes', async () => {
        developmentMock.mockResolvedValue(
            developmentView({ computedBy: 'monthly_batch', computedAt: '2026-11-01T04:02:00.000Z', asOf: '2026-11-01' })
        );
        const element = await mount();
        expect(textOf(root(element), '[data-id="computed-by"]')).toBe(
            'As of 2026-11-01, computed by the monthly batch.'
        );
        const rows = allTextOf(repSection(element, weakRep.repId), '[data-id="metrics"] tbody tr');
        const figure = weakRep.metrics.find((entry) => entry.metric === 'call_next_step_dated')!;
        // One analysed call per deal in the fixture: the value, then the sample size in deals.
        expect(rows.find((row) => row.startsWith('Analysed calls ending with a dated next step'))).toContain(
            `${Math.round(figure.value! * 100)}% ${figure.sampleSize} deals`
        );
        await expect(element).toBeAccessible();
    });

    it('says nothing about the batch for figures computed on demand, and marks uncaptured call coaching', async () => {
        const uncaptured = {
            ...weakRep,
            metrics: weakRep.metrics.map((entry) =>
                entry.metric.startsWith('call_')
                    ? { ...entry, captured: false, value: null, sampleSize: 0, eventCount: 0, interval: null }
                    : entry
            )
        };
        developmentMock.mockResolvedValue(
            developmentView({
                computedBy: 'on_demand',
                developmentJson: JSON.stringify({ ...developmentResult, reps: [uncaptured] })
            })
        );
        const element = await mount();
        expect(root(element).querySelector('[data-id="computed-by"]')).toBeNull();
        const rows = allTextOf(repSection(element, weakRep.repId), '[data-id="metrics"] tbody tr');
        expect(rows.find((row) => row.startsWith('Playbook steps covered on analysed calls'))).toMatch(
            /Not captured in this org/
        );
    });

    it('says why when the figures cannot be loaded', async () => {
        developmentMock.mockRejectedValue({ body: { message: 'The Execution Loop service could not be reached.' } });
        const element = await mount();
        expect(textOf(root(element), 'c-state-panel')).toMatch(/could not be reached/);
        await expect(element).toBeAccessible();
    });
});
