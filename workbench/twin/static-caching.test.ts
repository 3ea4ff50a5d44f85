import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HASHED_DIR } from '../build';
import { TOKEN_HEADER } from './request-guard';
import { startStandInServer, type RunningStandIn } from './server';
import { WorkbenchStore } from './store';

describe('workbench server: caching and timing', () => {
    let running: RunningStandIn;
    let dealId: string;
    beforeAll(async () => {
        const staticDir = mkdtempSync(join(tmpdir(), 'workbench-cache-'));
        mkdirSync(join(staticDir, HASHED_DIR));
        writeFileSync(join(staticDir, HASHED_DIR, 'review-AbC123xy.js'), 'export {};\n');
        writeFileSync(join(staticDir, 'workbench.css'), 'body { margin: 0; }\n');
        const store = new WorkbenchStore({ deals: 5 });
        dealId = store.org.opportunities[0]!.Id;
        running = await startStandInServer({
            store,
            scoringUrl: 'http://127.0.0.1:9',
            apiKey: 'k'.repeat(40),
            staticDir
        });
    });
    afterAll(() => running.close());

    it('caches content-hashed scripts for good: their name changes with their content', async () => {
        const response = await fetch(`${running.url}/${HASHED_DIR}/review-AbC123xy.js`);
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(response.headers.get('etag')).toBeNull();
    });

    it('revalidates other files by ETag, answering 304 without a body while they are unchanged', async () => {
        const first = await fetch(`${running.url}/workbench.css`);
        expect(first.status).toBe(200);
        expect(first.headers.get('cache-control')).toBe('no-cache');
        const etag = first.headers.get('etag');
        expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
        const again = await fetch(`${running.url}/workbench.css`, { headers: { 'if-none-match': etag! } });
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
        const stale = await fetch(`${running.url}/workbench.css`, { headers: { 'if-none-match': 'W/"0-0"' } });
        expect(stale.status).toBe(200);
        expect(await stale.text()).toBe('body { margin: 0; }\n');
    });

    it('reports its own time for an Apex answer in Server-Timing', async () => {
        const response = await fetch(`${running.url}/apex/PlaybookController.getPlaybook`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [TOKEN_HEADER]: running.token },
            body: JSON.stringify({ opportunityId: dealId })
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('server-timing')).toMatch(/^twin;dur=\d+\.\d$/);
    });
});
