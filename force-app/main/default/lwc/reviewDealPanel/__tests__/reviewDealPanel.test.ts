import { createElement } from 'lwc';
import ReviewDealPanel from 'c/reviewDealPanel';
import { toDisplayRows } from 'c/reviewLogic';
import { boardRow } from '../../../../../test/fixtures/reviewFixtures';
import { allTextOf, flushPromises, resetDom, textOf } from '../../../../../test/jest-utils';

type Panel = HTMLElement & { deal: unknown };

describe('c-review-deal-panel', () => {
    afterEach(() => resetDom());

    it('shows the deal health, risks, changes, next step and decision, and asks to decide', async () => {
        const element = createElement('c-review-deal-panel', { is: ReviewDealPanel }) as Panel;
        const [deal] = toDisplayRows(
            [boardRow({ stage: 'Negotiation/Review', score: 52 })],
            '2026-11-09T15:00:00.000Z',
            [],
            new Map(),
            'USD'
        );
        element.deal = deal;
        const decides: unknown[] = [];
        element.addEventListener('decide', (event) => decides.push((event as CustomEvent).detail));
        document.body.appendChild(element);
        await flushPromises();

        const root = element.shadowRoot!;
        expect(textOf(root, '[data-id="panel-title"]')).toBe('Northwind Traders - Platform Expansion');
        expect(allTextOf(root, '[data-id="panel-risks"] li')).toEqual([
            'Medium The economic buyer has not been validated',
            'Low No activity in 9 days'
        ]);
        expect(allTextOf(root, '[data-id="panel-changes"] li')).toEqual([
            'Stage Proposal/Price Quote → Negotiation/Review',
            'Score 64 → 52 (-12)'
        ]);
        expect(textOf(root, '[data-id="panel-next-step"]')).toBe('Mutual close plan with the CFO');
        expect(textOf(root, '[data-id="panel-decision"]')).toBe('Undecided');
        expect(root.querySelector('[data-id="panel-record-link"]')!.getAttribute('href')).toBe(
            '/lightning/r/Opportunity/006000000000001AAA/view'
        );
        (root.querySelector('[data-id="panel-decide"]') as HTMLElement).click();
        expect(decides).toEqual([{ opportunityId: '006000000000001AAA' }]);
        await expect(element).toBeAccessible();
    });

    it('invites a selection when no deal is selected', async () => {
        const element = createElement('c-review-deal-panel', { is: ReviewDealPanel });
        document.body.appendChild(element);
        await flushPromises();
        expect(textOf(element.shadowRoot!, '[data-id="deal-panel"]')).toBe(
            'Select a deal to see its health, risks and changes here.'
        );
        await expect(element).toBeAccessible();
    });
});
