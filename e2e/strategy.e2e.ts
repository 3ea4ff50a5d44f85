// The leader's journey through the Strategy Check tab in Chromium: the real strategyCheck component over the org twin,
// with verdicts and the calibration fit from the real Execution Loop service. Writes docs/screenshots/strategy-check.png.
import { apiJson, openPage, saveScreenshot, startProduct, useJourney } from './harness';

const VERDICT_LABELS = ['Execution drift', 'Strategy problem', 'On track', 'Not enough data'];
const STATUS_LABELS = ['Calibrated', 'Not better than the baseline', 'Not enough history'];

// Enough deals that the quarter to date has closed deals in both playbooks.
const journey = useJourney(() => startProduct(1200));

describe('Strategy Check tab in Chromium', () => {
    it('leader: opens the tab, reads a verdict with its evidence and next move, and the calibration card', async () => {
        const { users } = await apiJson<{ users: Array<{ id: string; level: string }> }>(
            journey.product.workbench.url,
            '/api/users'
        );
        const vp = users.find((user) => user.level === 'vp')!;
        const page = await openPage(journey.browser, journey.errors);
        await page.goto(`${journey.product.workbench.url}/?page=strategy&user=${vp.id}`);

        const firstSegment = page.locator('c-strategy-check [data-id="segment"]').first();
        await firstSegment.waitFor({ timeout: 60_000 });
        const verdict = (await firstSegment.locator('[data-id="verdict"]').textContent())?.trim();
        expect(VERDICT_LABELS).toContain(verdict);
        expect((await firstSegment.locator('[data-id="headline"]').textContent())?.trim().length).toBeGreaterThan(20);
        expect(await firstSegment.locator('[data-id="evidence"] li').count()).toBeGreaterThanOrEqual(3);
        expect((await firstSegment.locator('[data-id="next-move"]').textContent())?.trim().length).toBeGreaterThan(20);
        expect(await firstSegment.locator('[data-id="ran-play"]').textContent()).toMatch(/of \d+|no closed deals/);

        const status = (await page.locator('c-strategy-check [data-id="calibration-status"]').textContent())?.trim();
        expect(STATUS_LABELS).toContain(status);
        const explanation = await page.locator('c-strategy-check [data-id="calibration-explanation"]').textContent();
        if (status === 'Calibrated') {
            expect(explanation).toMatch(/beat the baseline/);
            expect(await page.locator('c-strategy-check [data-id="reliability"] tbody tr').count()).toBeGreaterThan(0);
        } else {
            expect(explanation).toMatch(/^No win probability is shown/);
        }
        expect(await page.locator('c-strategy-check [data-id="loop-health"] c-metric-tile').count()).toBe(5);
        // The sample org's seeded analysed calls: a real figure, not n/a or zero.
        const callTile = page
            .locator('c-strategy-check [data-id="loop-health"] c-metric-tile')
            .filter({ hasText: 'Call analyses per active deal' });
        const perDeal = (await callTile.locator('[data-id="metric-value"]').textContent())?.trim() ?? '';
        expect(Number(perDeal)).toBeGreaterThan(0);

        await saveScreenshot(page, 'strategy-check.png', true);
    });
});
