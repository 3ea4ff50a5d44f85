// Real-browser journeys through the workbench: the real components, compiled from force-app, rendered with the real
// lightning-base-components and SLDS in Debian's Chromium, against the local stand-in for the org and the real
// scoring service. Run with `npm run test:e2e` (builds first); screenshots go to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiJson, launchBrowser, openPage, startProduct, type Product } from './harness';

const SCREENSHOTS = resolve(__dirname, '..', 'docs', 'screenshots');

interface DealItem {
    id: string;
    name: string;
    ownerId: string;
    isClosed: boolean;
    band: string | null;
}
interface Nudge {
    code: string;
    actionType: string;
}
interface PlaybookView {
    hasPlaybook: boolean;
    stages: Array<{ isCurrent: boolean; steps: Array<{ stepKey: string; status: string }> }>;
}

let product: Product;
let browser: Browser;
let errors: string[];

/** A rep's open deal with open steps in its current stage and at least two nudges, one of them a task. */
async function pickRepDeal(): Promise<{ deal: DealItem; stepKey: string; actCode: string; dismissCode: string }> {
    const base = product.workbench.url;
    const { deals } = await apiJson<{ deals: DealItem[] }>(base, '/api/deals');
    for (const deal of deals.filter((candidate) => !candidate.isClosed && candidate.band !== null)) {
        const playbook = await apiJson<PlaybookView>(base, '/apex/PlaybookController.getPlaybook', deal.ownerId, {
            opportunityId: deal.id
        });
        const step = playbook.stages
            .find((stage) => stage.isCurrent)
            ?.steps.find((candidate) => candidate.status === 'open');
        if (!playbook.hasPlaybook || !step) continue;
        const view = await apiJson<{ nudgesJson: string | null }>(
            base,
            '/apex/NudgeController.getNudges',
            deal.ownerId,
            {
                opportunityId: deal.id
            }
        );
        const nudges = JSON.parse(view.nudgesJson ?? '[]') as Nudge[];
        const shown = nudges.slice(0, 3);
        const act = shown.find((nudge) => nudge.actionType === 'create_task');
        const dismiss = shown.find((nudge) => nudge !== act);
        if (act && dismiss) return { deal, stepKey: step.stepKey, actCode: act.code, dismissCode: dismiss.code };
    }
    throw new Error('The sample org has no rep deal with an open step, a task nudge and another nudge');
}

async function chooseComboboxOption(combobox: Locator, optionLabel: string): Promise<void> {
    await combobox.locator('button, input').first().click();
    await combobox.getByRole('option', { name: optionLabel }).click();
}

/** Sets a base input's value as its picker would (date pickers are locale-formatted text boxes). */
async function setValue(field: Locator, value: string): Promise<void> {
    await field.evaluate((element, newValue) => {
        element.dispatchEvent(new CustomEvent('change', { detail: { value: newValue } }));
    }, value);
}

async function decide(
    page: Page,
    rowIndex: number,
    decision: string,
    fill: (dialog: Locator) => Promise<void> = async () => {}
): Promise<void> {
    const row = page.locator('c-pipeline-review lightning-datatable tbody tr').nth(rowIndex);
    await row.locator('lightning-button-menu button').click();
    await page.getByRole('menuitem', { name: 'Decide' }).click();
    const dialog = page.locator('c-pipeline-review [data-id="decision-editor"]');
    // The dialog host has no box of its own (its content is fixed-position): wait for the dialog itself.
    await dialog.getByRole('dialog').waitFor();
    await dialog
        .locator('lightning-radio-group label')
        .filter({ hasText: new RegExp(`^${decision}$`) })
        .click();
    await fill(dialog);
    await dialog.locator('[data-id="confirm-decision"]').click();
    await dialog.waitFor({ state: 'detached' });
}

async function managerId(): Promise<string> {
    const { users } = await apiJson<{ users: Array<{ id: string; level: string }> }>(
        product.workbench.url,
        '/api/users'
    );
    return users.find((user) => user.level === 'manager')!.id;
}

async function screenshot(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, name) });
}

beforeAll(async () => {
    product = await startProduct(120);
    browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
    await browser?.close();
    await product?.close();
});

beforeEach(() => {
    errors = [];
});

afterEach(() => {
    expect(errors).toEqual([]);
});

describe('workbench in Chromium', () => {
    it('rep: reads the score and top risk, marks a step done and sees the deal re-scored, acts on a nudge and dismisses another', async () => {
        const { deal, stepKey, actCode, dismissCode } = await pickRepDeal();
        const page = await openPage(browser, errors);
        await page.goto(`${product.workbench.url}/?page=record&id=${deal.id}&user=${deal.ownerId}`);

        const ring = page.locator('c-score-ring [data-id="ring"]');
        await ring.waitFor();
        expect(await ring.getAttribute('aria-label')).toMatch(/^Deal health \d+ out of 100/);
        const topRisk = page.locator('c-deal-health-panel [data-id="risks"] li').first();
        expect((await topRisk.textContent())?.trim()).toMatch(/^(High|Medium|Low)/);
        await screenshot(page, 'record-page.png');

        const scoredAt = page.locator('c-deal-health-panel [data-id="scored-at"]');
        const scoredBefore = await scoredAt.textContent();
        await page.locator(`c-playbook-steps [data-step-key="${stepKey}"][data-action="done"]`).click();
        await page
            .locator(`c-playbook-steps [data-step="${stepKey}"] .slds-badge`)
            .filter({ hasText: 'Done' })
            .waitFor();
        await page.locator('[data-toast="success"]').filter({ hasText: 'Step saved' }).waitFor();
        // The mark re-scores the deal: a fresh snapshot, and the exit criteria come from it.
        await page.waitForFunction(
            (before) => document.querySelector('c-deal-health-panel [data-id="scored-at"]')?.textContent !== before,
            scoredBefore,
            { timeout: 15_000 }
        );
        await page.locator('c-deal-health-panel [data-id="stale"]').waitFor({ state: 'detached' });

        await page.locator(`c-coaching-nudges [data-code="${actCode}"][data-action="act"]`).click();
        await page.locator(`c-coaching-nudges [data-nudge="${actCode}"]`).waitFor({ state: 'detached' });

        await page.locator(`c-coaching-nudges [data-code="${dismissCode}"][data-action="dismiss"]`).click();
        await chooseComboboxOption(
            page.locator(`c-coaching-nudges [data-dismiss-form="${dismissCode}"] lightning-combobox`),
            'Wrong timing'
        );
        await page.locator('c-coaching-nudges [data-id="confirm-dismiss"]').click();
        await page.locator(`c-coaching-nudges [data-nudge="${dismissCode}"]`).waitFor({ state: 'detached' });

        // Writes persist for the session: a reload shows the step done and both nudges handled.
        await page.reload();
        await page
            .locator(`c-playbook-steps [data-step="${stepKey}"] .slds-badge`)
            .filter({ hasText: 'Done' })
            .waitFor();
        expect(await page.locator(`c-coaching-nudges [data-nudge="${dismissCode}"]`).count()).toBe(0);
        await page.close();
    }, 120_000);

    it('rep: edits the field a nudge names in the record edit form, and the nudge counts as acted', async () => {
        const base = product.workbench.url;
        const { deals } = await apiJson<{ deals: DealItem[] }>(base, '/api/deals');
        let target: { deal: DealItem; code: string } | undefined;
        for (const deal of deals.filter((candidate) => !candidate.isClosed && candidate.band !== null)) {
            const view = await apiJson<{ nudgesJson: string | null }>(
                base,
                '/apex/NudgeController.getNudges',
                deal.ownerId,
                {
                    opportunityId: deal.id
                }
            );
            const nudge = (JSON.parse(view.nudgesJson ?? '[]') as Array<Nudge & { fieldName: string | null }>)
                .slice(0, 3)
                .find(
                    (candidate) =>
                        candidate.actionType === 'update_field' &&
                        /^(metrics|economicBuyer|decisionProcess|paperProcess|competition|champion|decisionCriteria|identifiedPain)$/.test(
                            candidate.fieldName ?? ''
                        )
                );
            if (nudge) {
                target = { deal, code: nudge.code };
                break;
            }
        }
        if (!target) throw new Error('No rep deal with a MEDDPICC field nudge among its top three');
        const page = await openPage(browser, errors);
        await page.goto(`${base}/?page=record&id=${target.deal.id}&user=${target.deal.ownerId}`);
        await page.locator(`c-coaching-nudges [data-code="${target.code}"][data-action="act"]`).click();
        const editor = page.locator('c-coaching-nudges [data-id="field-editor"]');
        await editor.getByRole('dialog').waitFor();
        await chooseComboboxOption(
            editor.locator('lightning-input-field').first().locator('lightning-combobox'),
            'Validated'
        );
        await editor.locator('lightning-button').filter({ hasText: 'Save' }).click();
        await page.locator('[data-toast="success"]').filter({ hasText: 'Field saved' }).waitFor();
        await page.locator(`c-coaching-nudges [data-nudge="${target.code}"]`).waitFor({ state: 'detached' });
        await page.close();
    }, 120_000);

    it('rep: pastes call notes into Call Insights, accepts two proposed updates, rejects the rest, and sees the fields change', async () => {
        const base = product.workbench.url;
        const { deals } = await apiJson<{ deals: DealItem[] }>(base, '/api/deals');
        let deal: DealItem | undefined;
        for (const candidate of deals.filter((item) => !item.isClosed)) {
            const record = await apiJson<{ fields: Record<string, { value: unknown }> }>(
                base,
                `/api/record/${candidate.id}`,
                candidate.ownerId
            );
            if (record.fields.Identified_Pain_Status__c?.value === 'unknown') {
                deal = candidate;
                break;
            }
        }
        if (!deal) throw new Error('No open deal with an unknown pain status');
        const notes = [
            'Dana confirmed the dispatch team rebuilds routes by hand in spreadsheets every morning.',
            'They are also evaluating Globex.',
            'Next step: pricing workshop on Friday.'
        ].join('\n');
        const page = await openPage(browser, errors);
        await page.goto(`${base}/?page=record&id=${deal.id}&user=${deal.ownerId}`);
        const insights = page.locator('c-call-insights');
        await insights.locator('[data-id="notes"]').waitFor();
        await setValue(insights.locator('[data-id="notes"]'), notes);
        await insights.locator('[data-id="analyze"] button').click();
        await insights.locator('[data-id="proposal"]').first().waitFor();
        await expect(insights.locator('[data-id="summary"]').textContent()).resolves.toContain('Rep notes');

        const fields = await insights
            .locator('[data-id="proposal"]')
            .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.field ?? ''));
        const accepted = ['NextStep', 'Next_Step_Date__c'];
        expect(fields).toEqual(expect.arrayContaining([...accepted, 'Identified_Pain_Status__c']));
        for (const field of fields) {
            await insights
                .locator(`[data-id="proposal"][data-field="${field}"] lightning-radio-group label`)
                .filter({ hasText: accepted.includes(field) ? /^Accept$/ : /^Reject$/ })
                .click();
        }
        await insights.locator('[data-id="coaching"]').waitFor();
        await screenshot(page, 'call-insights.png');
        await insights.locator('[data-id="save"] button').click();
        await page.locator('[data-toast="success"]').filter({ hasText: '2 update(s) written' }).waitFor();
        await insights.locator('[data-id="reviewed"]').waitFor();

        // The record page shows the new values; the rejected pain status is unchanged.
        const details = page.locator('[data-id="record-details"]');
        await details.getByText('Next step: pricing workshop on Friday.').waitFor();
        const record = await apiJson<{ fields: Record<string, { value: unknown }> }>(
            base,
            `/api/record/${deal.id}`,
            deal.ownerId
        );
        expect(record.fields.NextStep?.value).toBe('Next step: pricing workshop on Friday.');
        expect(record.fields.Next_Step_Date__c?.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(record.fields.Identified_Pain_Status__c?.value).toBe('unknown');
        await page.close();
    }, 120_000);

    it('manager: opens the board, runs a session with one decision of each kind, and reads the summary', async () => {
        const page = await openPage(browser, errors);
        await page.goto(`${product.workbench.url}/?page=review&user=${await managerId()}`);
        const rows = page.locator('c-pipeline-review lightning-datatable tbody tr');
        await rows.nth(4).waitFor();
        await page.locator('c-pipeline-review [data-id="health-decisions"]').waitFor();
        await screenshot(page, 'review-board.png');

        await page.locator('c-pipeline-review [data-id="start-session"]').click();
        await page.locator('c-pipeline-review [data-id="session-badge"]').waitFor();
        await decide(page, 0, 'Commit');
        await decide(page, 1, 'Push', (dialog) =>
            setValue(dialog.locator('[data-field="newCloseDate"]'), '2099-01-31')
        );
        await decide(page, 2, 'Disqualify', (dialog) =>
            dialog.locator('[data-field="reason"] textarea').fill('No budget this fiscal year')
        );
        await decide(page, 3, 'Action', async (dialog) => {
            await dialog.locator('[data-field="actionText"] input').fill('Book the CFO meeting');
            await setValue(dialog.locator('[data-field="actionDueDate"]'), '2099-01-15');
        });
        await decide(page, 4, 'No change');
        expect(await page.locator('c-pipeline-review [data-id="pending"] li').count()).toBe(5);

        await page.locator('c-pipeline-review [data-id="save-decisions"]').click();
        await page
            .locator('[data-toast="success"]')
            .filter({ hasText: '5 decision(s) saved, 1 task(s) created.' })
            .waitFor();
        await page.locator('c-pipeline-review [data-id="end-session"]').click();
        const summary = page.locator('c-pipeline-review [data-id="session-summary"]');
        await summary.waitFor();
        expect((await summary.locator('[data-id="deals-reviewed"]').textContent())?.trim()).toBe('5');
        expect((await summary.locator('[data-id="tasks-created"]').textContent())?.trim()).toBe('1');
        expect(await page.locator('c-pipeline-review [data-id="zero-decision-warning"]').count()).toBe(0);
        await page.close();
    }, 120_000);

    it('service down: the panel shows the last snapshot with its stale warning, and a review decision still saves', async () => {
        const { deal } = await pickRepDeal();
        await product.stopService();
        const page = await openPage(browser, errors);
        await page.goto(`${product.workbench.url}/?page=record&id=${deal.id}&user=${deal.ownerId}`);
        await page.locator('c-score-ring [data-id="ring"]').waitFor();
        await page.locator('c-deal-health-panel [data-id="refresh"]').click();
        const stale = page.locator('c-deal-health-panel [data-id="stale"]');
        await stale.waitFor();
        expect(await stale.textContent()).toMatch(
            /Score may be out of date\. The Execution Loop service could not be reached\..*Showing the last score from/
        );
        expect(await page.locator('c-score-ring [data-id="ring"]').count()).toBe(1);

        await page.goto(`${product.workbench.url}/?page=review&user=${await managerId()}`);
        await page.locator('c-pipeline-review lightning-datatable tbody tr').first().waitFor();
        await page.locator('c-pipeline-review [data-id="start-session"]').click();
        await page.locator('c-pipeline-review [data-id="session-badge"]').waitFor();
        await decide(page, 0, 'Commit');
        await page.locator('c-pipeline-review [data-id="save-decisions"]').click();
        await page.locator('[data-toast="success"]').filter({ hasText: '1 decision(s) saved' }).waitFor();
        await page.close();
    }, 120_000);
});
