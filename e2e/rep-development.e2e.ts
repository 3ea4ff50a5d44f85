// Real-browser journeys of the Rep Development tab (deterministic path: no language model): a manager sets a focus
// from a suggestion and sees it on the trend; a rep runs a practice drill and sees its score.
import { label } from '../workbench/twin/labels';
import { apiJson, openPage, saveScreenshot, startProduct, useJourney } from './harness';

interface Users {
    users: Array<{ id: string; name: string; level: string; openDeals: number }>;
}
interface DevelopmentView {
    developmentJson: string;
}
interface RepDevelopment {
    repId: string;
    name: string;
    suggestedFocus: { skill: string } | null;
}

/** A manager whose team has a rep with a suggested focus (the figures come from the real service). */
async function managerWithSuggestion(): Promise<{ managerId: string; rep: RepDevelopment }> {
    const base = journey.product.workbench.url;
    const { users } = await apiJson<Users>(base, '/api/users');
    for (const manager of users.filter((user) => user.level === 'manager')) {
        const view = await apiJson<DevelopmentView>(base, '/apex/RepDevelopmentController.getDevelopment', manager.id, {
            scope: 'my_team',
            repId: null
        });
        const rep = (JSON.parse(view.developmentJson) as { reps: RepDevelopment[] }).reps.find(
            (candidate) => candidate.suggestedFocus !== null
        );
        if (rep) return { managerId: manager.id, rep };
    }
    throw new Error('No manager in the sample org has a rep with a well-evidenced gap');
}

const journey = useJourney(() => startProduct(400));

describe('Rep Development tab in Chromium', () => {
    it('manager: sets a focus from a suggestion and sees it on the trend', async () => {
        const { managerId, rep } = await managerWithSuggestion();
        const page = await openPage(journey.browser, journey.errors);
        await page.goto(`${journey.product.workbench.url}/?page=development&user=${managerId}`);
        const section = page.locator(`c-rep-development section[data-rep-id="${rep.repId}"]`);
        await section.locator('[data-id="suggested-focus"]').waitFor();
        const withoutFocus = page.locator('c-rep-development [data-id="tile-without-focus"] [data-id="metric-value"]');
        const before = Number((await withoutFocus.textContent())?.trim());
        expect(await page.locator('c-rep-development [data-id="gap-rule"]').textContent()).toMatch(/at least 8 deals/);
        await saveScreenshot(page, 'rep-development.png');
        // Call coaching from the sample org's seeded analysed calls: real values, the events named as calls and steps.
        const callRow = section
            .locator('[data-id="metrics"] tbody tr')
            .filter({ hasText: 'Analysed calls ending with a dated next step' });
        const callCells = (await callRow.locator('td').allTextContents()).map((text) => text.trim());
        expect(callCells[1]).toMatch(/^\d+ deals? · \d+ calls?$/);
        expect(callCells[4]).not.toBe('Not captured in this org');
        const stepsRow = section
            .locator('[data-id="metrics"] tbody tr')
            .filter({ hasText: 'Playbook steps covered on analysed calls' });
        expect((await stepsRow.locator('td').nth(1).textContent())?.trim()).toMatch(/^\d+ deals? · \d+ steps?$/);

        await section.locator('[data-id="set-focus"] button').click();
        const dialog = page.locator('c-rep-development [data-id="focus-editor"]');
        await dialog.getByRole('dialog').waitFor();
        await dialog.locator('textarea').fill('Add a second contact on the deals listed.');
        await dialog.locator('[data-id="save-focus"] button').click();
        await dialog.waitFor({ state: 'detached' });

        await section.locator('[data-id="current-focus"]').waitFor();
        const month = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short' }).format(
            new Date()
        );
        const firstTrendRow = section.locator('[data-id="trend"] tbody tr').first();
        expect((await firstTrendRow.textContent())?.replace(/\s+/g, ' ')).toContain(month);
        expect(await section.locator('[data-id="set-focus"]').count()).toBe(0);
        expect(Number((await withoutFocus.textContent())?.trim())).toBe(before - 1);

        // Persisted: a reload shows the same focus.
        await page.reload();
        await section.locator('[data-id="current-focus"]').waitFor();
    });

    it('rep: runs a practice drill on one of their deals and sees its score', async () => {
        const { users } = await apiJson<Users>(journey.product.workbench.url, '/api/users');
        const rep = users.find((user) => user.level === 'rep' && user.openDeals > 0)!;
        const page = await openPage(journey.browser, journey.errors);
        await page.goto(`${journey.product.workbench.url}/?page=development&user=${rep.id}`);
        const drill = page.locator('c-practice-drill');
        await drill.locator('[data-id="start-drill"] button').waitFor();
        await drill.locator('[data-id="start-drill"] button').click();
        const transcript = drill.locator('[data-id="transcript"] li');
        await transcript.first().waitFor();
        expect(await drill.locator('[data-id="drill-mode"]').textContent()).toContain('Scripted buyer');

        const answers = [
            'Who else would need to be involved, and could we bring in your finance lead?',
            'What does the problem cost you today, and how many hours does it take each week?',
            'Could we meet with the person who approves the budget next Tuesday, and agree a plan with dates to signature?'
        ];
        for (const [index, text] of answers.entries()) {
            await drill.locator('[data-id="answer"] textarea').fill(text);
            await drill.locator('[data-id="send-answer"] button').click();
            if (index < answers.length - 1) await transcript.nth(2 * index + 2).waitFor();
        }
        const score = drill.locator('[data-id="drill-score"] [data-id="metric-value"]');
        await score.waitFor();
        expect((await score.textContent())?.trim()).toMatch(/^\d{1,3} \/ 100$/);
        expect(await drill.locator('[data-id="criteria"] li').count()).toBeGreaterThan(0);
        await drill.locator('[data-id="recent-drills"] li').first().waitFor();
        await saveScreenshot(page, 'practice-drill.png');
    });

    it("manager: after the monthly batch, the tab reads this month's figures as of their day", async () => {
        const base = journey.product.workbench.url;
        const { users } = await apiJson<Users>(base, '/api/users');
        const manager = users.find((user) => user.level === 'manager')!;
        const page = await openPage(journey.browser, journey.errors);
        await page.goto(`${base}/?page=development&user=${manager.id}`);
        await page.locator('c-rep-development [data-id="gap-rule"]').waitFor();
        // Computed on demand: the page does not claim a batch ran.
        expect(await page.locator('c-rep-development [data-id="computed-by"]').count()).toBe(0);

        // The workbench has no scheduler: this runs RepDevelopmentBatch's stand-in now (one service call, org-wide).
        const summary = await apiJson<{ asOf: string; snapshots: number }>(
            base,
            '/api/jobs/rep-development',
            undefined,
            {}
        );
        expect(summary.snapshots).toBeGreaterThan(0);
        await page.reload();
        const computedBy = page.locator('c-rep-development [data-id="computed-by"]');
        await computedBy.waitFor();
        expect(await computedBy.textContent()).toBe(label('DevelopmentComputedByBatch', summary.asOf));
        expect(await page.locator('c-rep-development section[data-rep-id]').count()).toBeGreaterThan(0);
    });
});
