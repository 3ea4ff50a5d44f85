import { createElement } from 'lwc';
import MetricTile from 'c/metricTile';
import { flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

type MetricTileElement = HTMLElement & { label: string; value: unknown; detail: string | null; tone: string };

async function mount(props: Partial<MetricTileElement>): Promise<MetricTileElement> {
    const element = createElement('c-metric-tile', { is: MetricTile }) as MetricTileElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

describe('c-metric-tile', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('shows the label, the value and the detail, toned by its edge', async () => {
        const element = await mount({
            label: 'Stuck deals',
            value: 4,
            detail: 'same stage through 3 reviews',
            tone: 'warning'
        });
        const root = element.shadowRoot!;
        expect(textOf(root, '[data-id="metric-label"]')).toBe('Stuck deals');
        expect(textOf(root, '[data-id="metric-value"]')).toBe('4');
        expect(textOf(root, '[data-id="metric-detail"]')).toBe('same stage through 3 reviews');
        expect(root.querySelector('[data-id="metric-tile"]')!.className).toContain('metric-tile_warning');
        await expect(element).toBeAccessible();
    });

    it('shows a dash for a missing value, no detail line without detail, and an unknown tone as neutral', async () => {
        const element = await mount({ label: 'Win rate', value: null, tone: 'purple' });
        const root = element.shadowRoot!;
        expect(textOf(root, '[data-id="metric-value"]')).toBe('—');
        expect(root.querySelector('[data-id="metric-detail"]')).toBeNull();
        expect(root.querySelector('[data-id="metric-tile"]')!.className).toContain('metric-tile_neutral');
    });

    it('shows zero as a figure, not as missing', async () => {
        const element = await mount({ label: 'Overdue actions', value: 0 });
        expect(textOf(element.shadowRoot!, '[data-id="metric-value"]')).toBe('0');
    });
});
