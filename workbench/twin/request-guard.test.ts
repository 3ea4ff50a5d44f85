import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskSecret, startBanner } from '../start-banner';
import { TOKEN_HEADER, TOKEN_META_PLACEHOLDER } from './request-guard';
import { startStandInServer, type RunningStandIn } from './server';
import { WorkbenchStore } from './store';

/** Raw HTTP (fetch would not let a test set Host or Sec-Fetch-Site). */
function send(
    baseUrl: string,
    init: { method?: string; path: string; headers?: Record<string, string>; body?: string }
): Promise<{ status: number; body: string }> {
    const url = new URL(baseUrl);
    return new Promise((resolve, reject) => {
        const outgoing = httpRequest(
            {
                host: url.hostname,
                port: url.port,
                method: init.method ?? 'GET',
                path: init.path,
                headers: init.headers
            },
            (response) => {
                let body = '';
                response.on('data', (chunk: Buffer) => (body += chunk.toString()));
                response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
            }
        );
        outgoing.on('error', reject);
        outgoing.end(init.body);
    });
}

describe('workbench request guard', () => {
    let running: RunningStandIn;
    let store: WorkbenchStore;
    let dealId: string;
    beforeAll(async () => {
        const staticDir = mkdtempSync(join(tmpdir(), 'workbench-guard-'));
        // One page per workbench page (workbench/build.ts writes them from index.html); `/` serves the record page.
        for (const page of ['index', 'record']) {
            writeFileSync(join(staticDir, `${page}.html`), `<html><head>${TOKEN_META_PLACEHOLDER}</head></html>`);
        }
        store = new WorkbenchStore({ deals: 5 });
        dealId = store.org.opportunities[0]!.Id;
        running = await startStandInServer({
            store,
            scoringUrl: 'http://127.0.0.1:9',
            apiKey: 'k'.repeat(40),
            staticDir
        });
    });
    afterAll(() => running.close());

    const host = () => new URL(running.url).host;
    const apiHeaders = (extra: Record<string, string> = {}) => ({
        host: host(),
        'content-type': 'application/json',
        [TOKEN_HEADER]: running.token,
        ...extra
    });
    const callApex = (headers: Record<string, string>, body = JSON.stringify({ opportunityId: dealId })) =>
        send(running.url, { method: 'POST', path: '/apex/PlaybookController.getPlaybook', headers, body });

    it('serves a same-site call with the session token', async () => {
        expect((await callApex(apiHeaders())).status).toBe(200);
        expect((await send(running.url, { path: '/api/deals', headers: apiHeaders() })).status).toBe(200);
    });

    it.each([['evil.example:3200'], ['127.0.0.1.evil.example'], ['localhost.evil.example:80']])(
        'refuses the foreign Host %s (DNS rebinding)',
        async (foreignHost) => {
            const response = await send(running.url, {
                path: '/api/deals',
                headers: apiHeaders({ host: foreignHost })
            });
            expect(response.status).toBe(421);
            const page = await send(running.url, { path: '/index.html', headers: { host: foreignHost } });
            expect(page.status).toBe(421);
        }
    );

    it('refuses a write that is not JSON (a cross-site form or text/plain fetch)', async () => {
        const response = await callApex(apiHeaders({ 'content-type': 'text/plain' }));
        expect(response.status).toBe(415);
    });

    it('refuses cross-site Origin and Sec-Fetch-Site', async () => {
        expect((await callApex(apiHeaders({ origin: 'https://evil.example' }))).status).toBe(403);
        expect((await callApex(apiHeaders({ origin: 'null' }))).status).toBe(403);
        expect((await callApex(apiHeaders({ 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
        expect((await callApex(apiHeaders({ 'sec-fetch-site': 'same-site' }))).status).toBe(403);
        expect(
            (await callApex(apiHeaders({ origin: `http://${host()}`, 'sec-fetch-site': 'same-origin' }))).status
        ).toBe(200);
    });

    it('refuses API calls without the session token, or with another run’s', async () => {
        const { [TOKEN_HEADER]: _token, ...withoutToken } = apiHeaders();
        expect((await callApex(withoutToken)).status).toBe(403);
        expect((await callApex(apiHeaders({ [TOKEN_HEADER]: 'another-run-token' }))).status).toBe(403);
        expect((await send(running.url, { path: '/api/deals', headers: withoutToken })).status).toBe(403);
    });

    it('hands the session token only to the page it serves, which no other site may frame', async () => {
        const page = await send(running.url, { path: '/', headers: { host: host() } });
        expect(page.status).toBe(200);
        expect(page.body).toContain(`<meta name="workbench-token" content="${running.token}" />`);
        // The shipped page has the tag the server fills in; without it the client could not call the API at all.
        expect(readFileSync(join(__dirname, '..', 'index.html'), 'utf8')).toContain(TOKEN_META_PLACEHOLDER);
        const other = await startStandInServer({ store, scoringUrl: 'http://127.0.0.1:9', apiKey: 'k'.repeat(40) });
        expect(other.token).not.toBe(running.token);
        await other.close();
    });
});

describe('npm start banner', () => {
    it('never prints the API key in full', () => {
        const apiKey = `local-${'ab12'.repeat(12)}`;
        const banner = startBanner({
            serviceUrl: 'http://127.0.0.1:3100',
            workbenchUrl: 'http://127.0.0.1:3200',
            orgDescription: 'generated sample org, 400 deals',
            apiKey
        }).join('\n');
        expect(banner).not.toContain(apiKey);
        expect(banner).toContain(maskSecret(apiKey));
        expect(maskSecret(apiKey)).toBe(`local-…12 (${apiKey.length} characters)`);
    });
});
