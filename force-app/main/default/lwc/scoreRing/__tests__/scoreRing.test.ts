import { createElement } from 'lwc';
import ScoreRing from 'c/scoreRing';

type ScoreRingElement = HTMLElement & { score: unknown; band: unknown };

function mount(score: unknown, band?: unknown): ScoreRingElement {
    const element = createElement('c-score-ring', { is: ScoreRing }) as ScoreRingElement;
    element.score = score;
    element.band = band;
    document.body.appendChild(element);
    return element;
}

describe('c-score-ring', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('draws the score with its band and tells a screen reader both', async () => {
        const element = mount(72, 'healthy');

        const ring = element.shadowRoot!.querySelector('[data-id="ring"]')!;
        expect(ring.getAttribute('aria-label')).toBe('Deal health 72 out of 100, Healthy');
        expect(ring.querySelector('text')!.textContent!.trim()).toBe('72');
        const badge = element.shadowRoot!.querySelector('[data-id="band"]') as HTMLElement & { label: string };
        expect(badge.label).toBe('Healthy');
        expect(badge.classList).toContain('slds-theme_success');
        await expect(element).toBeAccessible();
    });

    it('fills the arc in proportion to the score', () => {
        const element = mount(25, 'at_risk');

        const arc = element.shadowRoot!.querySelector('.ring-arc')!;
        const [filled, rest] = arc.getAttribute('stroke-dasharray')!.split(' ').map(Number);
        expect(filled! / (filled! + rest!)).toBeCloseTo(0.25, 3);
        expect(arc.classList).toContain('ring-arc_at_risk');
    });

    it('re-renders when the score changes', async () => {
        const element = mount(40, 'watch');
        element.score = 90;
        element.band = 'healthy';
        await Promise.resolve();

        const ring = element.shadowRoot!.querySelector('[data-id="ring"]')!;
        expect(ring.getAttribute('aria-label')).toBe('Deal health 90 out of 100, Healthy');
    });

    it.each([[undefined], [null], [-1], [101], [Number.NaN], ['72']])(
        'shows "not scored" instead of a ring for an invalid score (%p)',
        async (score) => {
            const element = mount(score, 'healthy');

            expect(element.shadowRoot!.querySelector('[data-id="ring"]')).toBeNull();
            expect(element.shadowRoot!.querySelector('[data-id="no-score"]')!.textContent).toBe('Not scored yet');
            await expect(element).toBeAccessible();
        }
    );

    it('shows the score without a badge when the band is unknown', () => {
        const element = mount(55, 'excellent');

        expect(element.shadowRoot!.querySelector('[data-id="band"]')).toBeNull();
        expect(element.shadowRoot!.querySelector('[data-id="ring"]')!.getAttribute('aria-label')).toBe(
            'Deal health 55 out of 100'
        );
    });
});
