import { createElement } from 'lwc';
import StrategyCheck from 'c/strategyCheck';
import getFilterOptions from '@salesforce/apex/StrategyCheckController.getFilterOptions';
import getStrategyCheck from '@salesforce/apex/StrategyCheckController.getStrategyCheck';
import {
    checkView,
    checkViewWithoutVerdicts,
    insufficientCard,
    notBetterCard
} from '../../../../../test/fixtures/strategyFixtures';
import { allTextOf, flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

jest.mock(
    '@salesforce/apex/StrategyCheckController.getFilterOptions',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/StrategyCheckController.getStrategyCheck',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

type WireAdapter = {
    emit: (value: unknown) => void;
    error: (body?: unknown) => void;
    getLastConfig: () => Record<string, unknown>;
};
const optionsAdapter = getFilterOptions as unknown as WireAdapter;
const checkAdapter = getStrategyCheck as unknown as WireAdapter;

const OPTIONS = {
    quarters: [
        { label: '2026-Q4 (to date)', value: '2026-Q4' },
        { label: '2026-Q3', value: '2026-Q3' }
    ],
    scopes: [
        { label: 'My team', value: 'my_team' },
        { label: 'All I may see', value: 'all_visible' }
    ],
    defaultQuarter: '2026-Q3'
};

const root = (element: HTMLElement) => element.shadowRoot!;

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-strategy-check', { is: StrategyCheck });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

async function mountWithView(view = checkView()): Promise<HTMLElement> {
    const element = await mount();
    optionsAdapter.emit(OPTIONS);
    await flushPromises();
    checkAdapter.emit(view);
    await flushPromises();
    return element;
}

// sa11y over the whole tab (four segments with six tiles each, three tables) takes seconds on a shared machine.
jest.setTimeout(30_000);

describe('c-strategy-check', () => {
    afterEach(resetDom);

    it('shows a labelled spinner until the options and the check arrive', async () => {
        const element = await mount();
        const panel = root(element).querySelector('c-state-panel') as HTMLElement & { loading: boolean };
        expect(panel.loading).toBe(true);
        expect(root(element).querySelector('[data-id="segments"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks for the default quarter and my team, then the chosen filters', async () => {
        const element = await mount();
        optionsAdapter.emit(OPTIONS);
        await flushPromises();
        expect(checkAdapter.getLastConfig()).toEqual({ quarter: '2026-Q3', scope: 'my_team' });

        const bar = root(element).querySelector('c-filter-bar')!;
        bar.dispatchEvent(new CustomEvent('filterchange', { detail: { key: 'scope', value: 'all_visible' } }));
        await flushPromises();
        expect(checkAdapter.getLastConfig()).toEqual({ quarter: '2026-Q3', scope: 'all_visible' });
        const panel = root(element).querySelector('c-state-panel') as HTMLElement & { loading: boolean };
        expect(panel.loading).toBe(true);
    });

    it('shows each segment with its verdict, figures, arms with intervals, evidence and next move', async () => {
        const element = await mountWithView();
        const view = checkView();
        const cards = root(element).querySelectorAll('[data-id="segment"]');
        expect(cards).toHaveLength(view.segments.length);
        expect(allTextOf(root(element), '[data-id="verdict"]')).toEqual([
            'Execution drift',
            'Strategy problem',
            'On track',
            'Not enough data'
        ]);
        const drift = cards[0]!;
        expect(textOf(drift, '[data-id="headline"]')).toBe(view.segments[0]!.verdict!.headline);
        expect(textOf(drift, '[data-id="ran-play"]')).toMatch(/^76 % of 37 \(90 % interval \d+–\d+ %\)$/);
        expect(textOf(drift, '[data-id="off-play"]')).toMatch(/^25 % of 36 /);
        expect(textOf(drift, '[data-id="next-move"]')).toMatch(/Keep the strategy/);
        expect(allTextOf(drift, '[data-id="evidence"] li')).toEqual(view.segments[0]!.verdict!.evidence);
        const tiles = drift.querySelectorAll('c-metric-tile') as NodeListOf<
            HTMLElement & { label: string; value: string }
        >;
        const byLabel = Object.fromEntries(Array.from(tiles).map((tile) => [tile.label, tile.value]));
        expect(byLabel).toMatchObject({
            Adherence: '58 %',
            'Gates on time': 'n/a',
            'Win rate': '51 %',
            'Median cycle (won)': '58 days',
            'Slip rate': '22 %',
            'Mean won deal': '42,000'
        });
        await expect(element).toBeAccessible();
    });

    it('shows loop health with n/a where the org lacks the data, and the forecast per manager', async () => {
        const element = await mountWithView();
        const health = root(element).querySelector('[data-id="loop-health"]')!;
        const tiles = health.querySelectorAll('c-metric-tile') as NodeListOf<
            HTMLElement & { label: string; value: string; detail: string }
        >;
        const byLabel = Object.fromEntries(Array.from(tiles).map((tile) => [tile.label, tile]));
        expect(byLabel['Reviews per manager per week']!.value).toBe('0.85');
        expect(byLabel['Decisions per review']!.value).toBe('2.8');
        expect(byLabel['Overdue actions']!.value).toBe('4');
        expect(byLabel['Reps with a monthly focus']!.value).toBe('n/a');
        expect(byLabel['Reps with a monthly focus']!.detail).toMatch(/Rep_Focus__c/);
        expect(byLabel['Call analyses per active deal']!.value).toBe('n/a');

        const rows = root(element).querySelectorAll('[data-id="manager-forecast"] tbody tr');
        expect(Array.from(rows).map((row) => (row.textContent ?? '').replace(/\s+/g, ' ').trim())).toEqual([
            'Morgan Manager500,000400,000-20 %',
            'No manager above in the role hierarchy320,000338,000+6 %'
        ]);
        await expect(element).toBeAccessible();
    });

    it('shows the calibrated model against the baseline with its reliability table', async () => {
        const element = await mountWithView();
        expect(textOf(root(element), '[data-id="calibration-status"]')).toBe('Calibrated');
        expect(textOf(root(element), '[data-id="calibrated-brier"]')).toBe('0.172');
        expect(textOf(root(element), '[data-id="baseline-brier"]')).toBe('0.255');
        expect(textOf(root(element), '[data-id="calibration-minimum"]')).toBe('60 won and 60 lost');
        expect(root(element).querySelectorAll('[data-id="reliability"] tbody tr').length).toBeGreaterThan(3);
        await expect(element).toBeAccessible();
    });

    it('says why no probability is shown when the model is not better than the baseline', async () => {
        const element = await mountWithView(checkView({ calibration: notBetterCard }));
        expect(textOf(root(element), '[data-id="calibration-status"]')).toBe('Not better than the baseline');
        expect(textOf(root(element), '[data-id="calibration-explanation"]')).toMatch(
            /^No win probability is shown: the deal-health score is a health measure, not a probability\. .*worse than the baseline/
        );
        await expect(element).toBeAccessible();
    });

    it('states the minimum history when there is too little', async () => {
        const element = await mountWithView(checkView({ calibration: insufficientCard }));
        expect(textOf(root(element), '[data-id="calibration-status"]')).toBe('Not enough history');
        expect(textOf(root(element), '[data-id="calibration-explanation"]')).toMatch(
            /needs at least 60 won and 60 lost/
        );
        expect(root(element).querySelector('[data-id="calibration-scores"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('keeps the figures and warns when the service gave no verdicts', async () => {
        const element = await mountWithView(checkViewWithoutVerdicts());
        expect(textOf(root(element), '[data-id="verdict-error"]')).toMatch(/did not answer in time/);
        expect(allTextOf(root(element), '[data-id="verdict"]')).toEqual(Array(4).fill('No verdict'));
        expect(root(element).querySelector('[data-id="next-move"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows an empty state that names deals without a playbook', async () => {
        const element = await mountWithView(checkView({ segments: [], unmatchedDeals: 7 }));
        const panel = root(element).querySelector('c-state-panel') as HTMLElement & {
            empty: boolean;
            emptyHint: string;
        };
        expect(panel.empty).toBe(true);
        expect(panel.emptyHint).toMatch(/^7 deals closed but no active playbook matched them/);
        expect(root(element).querySelector('[data-id="segments"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the error of a failed check', async () => {
        const element = await mount();
        optionsAdapter.emit(OPTIONS);
        await flushPromises();
        checkAdapter.error({ message: 'Choose a quarter written like 2026-Q3 (got "x").' });
        await flushPromises();
        const panel = root(element).querySelector('c-state-panel') as HTMLElement & { error: string };
        expect(panel.error).toBe('Choose a quarter written like 2026-Q3 (got "x").');
        expect(root(element).querySelector('[data-id="segments"]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
