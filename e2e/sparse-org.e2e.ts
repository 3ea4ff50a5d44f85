// The sparse org in Chromium: the public Maven CRM data set loaded as an org (no activities, contacts, next steps or
// MEDDPICC). What its rep and manager see: scores that say what is not recorded instead of flagging every deal, and
// the org notice listing what was inferred and what is missing. Screenshots go to docs/screenshots/maven-*.png.
// Skipped, with the reason in its title, where ../shared/datasets does not hold the data set (the project ships none).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { datasetRootCandidates } from '../workbench/orgs/datasets';
import { loadMavenOrg, MAVEN_DATASET } from '../workbench/orgs/maven/load';
import { apiJson, openPage, saveScreenshot, startProduct, useJourney } from './harness';

const dataset = datasetRootCandidates()
    .map((root) => join(root, MAVEN_DATASET))
    .find((folder) => existsSync(folder));
const describeWithData = dataset ? describe : describe.skip;

interface DealItem {
    id: string;
    ownerId: string;
    isClosed: boolean;
    band: string | null;
}

describeWithData(`the Maven CRM data set as an org (${dataset ?? 'absent from ../shared/datasets: skipped'})`, () => {
    const journey = useJourney(() => startProduct(0, loadMavenOrg({ asOf: new Date().toISOString().slice(0, 10) })));

    it('rep: the panel says what this org does not record instead of calling the deal at risk for it', async () => {
        const { deals } = await apiJson<{ deals: DealItem[] }>(journey.product.workbench.url, '/api/deals');
        const deal = deals.find((candidate) => !candidate.isClosed && candidate.band !== null)!;
        const page = await openPage(journey.browser, journey.errors);
        await page.goto(`${journey.product.workbench.url}/?page=record&id=${deal.id}&user=${deal.ownerId}`);

        await page.locator('c-score-ring [data-id="ring"]').waitFor();
        const panel = page.locator('c-deal-health-panel');
        await expect(panel.locator('[data-id="score-meaning"]').textContent()).resolves.toContain(
            'not a chance of winning'
        );
        const lines = (await panel.locator('[data-id="signals"] li').allTextContents()).join('\n');
        expect(lines).toContain('Recent buyer engagement: not recorded in this org');
        expect(lines).toContain('Activities are not logged on opportunities in this org, so engagement is not scored');
        const risks = (await panel.locator('[data-id="risks"] li').allTextContents()).join('\n');
        for (const unrecorded of ['gone quiet', 'No buyer contacts', 'No economic buyer', 'No dated next step']) {
            expect(risks).not.toContain(unrecorded);
        }
        // The org notice (collapsed) lists what is missing and what the loader inferred.
        const notice = page.locator('[data-id="org-source"]');
        await expect(notice.textContent()).resolves.toContain('Maven CRM data set');
        await expect(notice.textContent()).resolves.toContain('Activities (tasks, events, emails): none are logged.');
        await saveScreenshot(page, 'maven-record-page.png');
    });

    it('manager: the board ranks the team by what the org records, with no risk from what it does not', async () => {
        const { users } = await apiJson<{ users: Array<{ id: string; level: string }> }>(
            journey.product.workbench.url,
            '/api/users'
        );
        const manager = users.find((user) => user.level === 'manager')!;
        const page = await openPage(journey.browser, journey.errors);
        await page.goto(`${journey.product.workbench.url}/?page=review&user=${manager.id}`);
        const rows = page.locator('c-pipeline-review c-review-board-table [data-id="board-row"]');
        await rows.first().waitFor();
        const topRisks = (await rows.allTextContents()).join('\n');
        for (const unrecorded of ['gone quiet', 'No buyer contacts', 'No economic buyer', 'No dated next step']) {
            expect(topRisks).not.toContain(unrecorded);
        }
        await saveScreenshot(page, 'maven-review-board.png');
    });
});
