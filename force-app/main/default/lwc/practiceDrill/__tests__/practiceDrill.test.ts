import { createElement } from 'lwc';
import PracticeDrill from 'c/practiceDrill';
import getDrillOptions from '@salesforce/apex/PracticeController.getDrillOptions';
import startDrill from '@salesforce/apex/PracticeController.startDrill';
import answer from '@salesforce/apex/PracticeController.answer';
import { drillOptions, openedSession, scoredSession } from '../../../../../test/fixtures/developmentFixtures';
import { allTextOf, flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

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
const optionsAdapter = getDrillOptions as unknown as WireAdapter;
const startMock = startDrill as unknown as jest.Mock;
const answerMock = answer as unknown as jest.Mock;

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-practice-drill', { is: PracticeDrill });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const click = (element: HTMLElement, id: string) =>
    (root(element).querySelector(`[data-id="${id}"]`) as HTMLElement).click();

describe('c-practice-drill', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('starts on the focus skill and the first deal, shows the buyer, and scores the last answer', async () => {
        const element = await mount();
        optionsAdapter.emit(drillOptions);
        await flushPromises();
        expect(textOf(root(element), '[data-id="focus-text"]')).toBe(
            'Your focus this month: Reaching the economic buyer.'
        );
        await expect(element).toBeAccessible();
        startMock.mockResolvedValue(openedSession);
        click(element, 'start-drill');
        await flushPromises();
        expect(startMock).toHaveBeenCalledWith({ opportunityId: '006000000000001AAA', skill: 'economic_buyer_access' });
        expect(allTextOf(root(element), '[data-id="transcript"] li')[0]).toMatch(/^Buyer I am the VP Operations/);
        expect(textOf(root(element), '[data-id="drill-mode"]')).toBe('Scripted buyer (no language model).');
        await expect(element).toBeAccessible();

        root(element)
            .querySelector('[data-id="answer"]')!
            .dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Could we meet the person who approves the budget?' } })
            );
        answerMock.mockResolvedValue(scoredSession);
        click(element, 'send-answer');
        await flushPromises();
        expect(answerMock).toHaveBeenCalledWith({
            sessionId: openedSession.sessionId,
            answer: 'Could we meet the person who approves the budget?'
        });
        expect(textOf(root(element), '[data-id="drill-score"]')).toMatch(/75 \/ 100 3 of 4 criteria met/);
        expect(allTextOf(root(element), '[data-id="criteria"] li')[0]).toMatch(/^Met: Asked: What must be true/);
        await expect(element).toBeAccessible();
    });

    it('refuses an empty answer without calling Apex', async () => {
        const element = await mount();
        optionsAdapter.emit(drillOptions);
        await flushPromises();
        startMock.mockResolvedValue(openedSession);
        click(element, 'start-drill');
        await flushPromises();
        click(element, 'send-answer');
        await flushPromises();
        expect(answerMock).not.toHaveBeenCalled();
        expect(textOf(root(element), '[data-id="drill-error"]')).toBe('Write your answer to the buyer first.');
    });

    it('shows why a drill cannot start, and the empty state without deals', async () => {
        const element = await mount();
        optionsAdapter.emit(drillOptions);
        await flushPromises();
        startMock.mockRejectedValue({ body: { message: 'Northwind renewal has no contact roles with a title.' } });
        click(element, 'start-drill');
        await flushPromises();
        expect(textOf(root(element), '[data-id="drill-error"]')).toMatch(/no contact roles/);
        optionsAdapter.emit({ ...drillOptions, deals: [] });
        await flushPromises();
        expect(textOf(root(element), 'c-state-panel')).toBe('You have no open deals to practise on.');
        await expect(element).toBeAccessible();
    });
});
