// Starts the product as `npm start` does (scoring service + workbench server on 127.0.0.1, random ports) and a
// headless Chromium (Debian's package, driven by playwright-core) for the real-browser journeys and the UI benchmark.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../service/src/app';
import { WORKBENCH_DIST } from '../workbench/build';
import { TOKEN_HEADER } from '../workbench/twin/request-guard';
import { startStandInServer, type RunningStandIn } from '../workbench/twin/server';
import { WorkbenchStore } from '../workbench/twin/store';
import type { SampleOrg } from '../workbench/sample-org/types';

/** Where the journeys write their screenshots (the README shows them). */
export const SCREENSHOTS = resolve(__dirname, '..', 'docs', 'screenshots');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic'
];

export interface Product {
    store: WorkbenchStore;
    workbench: RunningStandIn;
    serviceUrl: string;
    stopService(): Promise<void>;
    close(): Promise<void>;
}

/** Session tokens of the running workbench servers, by base URL (API calls must send theirs). */
const sessionTokens = new Map<string, string>();

/** `deals` sizes a generated sample org; pass `org` to serve another (e.g. the Maven data set). */
export async function startProduct(deals: number, org?: SampleOrg): Promise<Product> {
    const apiKey = `e2e-${randomBytes(24).toString('hex')}`;
    const service = buildApp({
        settings: { apiKeys: [apiKey], bodyLimitBytes: 5 * 1024 * 1024, rateLimit: { max: 10_000, windowMs: 60_000 } },
        logger: false
    });
    await service.listen({ host: '127.0.0.1', port: 0 });
    const serviceUrl = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
    const store = new WorkbenchStore(org ? { org } : { deals });
    const workbench = await startStandInServer({
        store,
        scoringUrl: serviceUrl,
        apiKey,
        staticDir: WORKBENCH_DIST,
        calloutTimeoutMs: 3000
    });
    sessionTokens.set(workbench.url, workbench.token);
    let serviceOpen = true;
    const stopService = async () => {
        if (serviceOpen) {
            serviceOpen = false;
            await service.close();
        }
    };
    return {
        store,
        workbench,
        serviceUrl,
        stopService,
        close: async () => {
            await stopService();
            await workbench.close();
        }
    };
}

export async function launchBrowser(): Promise<Browser> {
    return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page that fails the test on any uncaught error in the components. */
export async function openPage(browser: Browser, errors: string[]): Promise<Page> {
    // A page of its own context: axe (@axe-core/playwright) needs pages made through browser.newContext().
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    // Closing the browser closes its pages first; the context then goes with the browser, and closing it again
    // rejects (an unhandled rejection that would fail the suite after its tests passed). Nothing is left to close.
    page.on('close', () => {
        context.close().catch(() => undefined);
    });
    return page;
}

export async function apiJson<T>(baseUrl: string, path: string, userId?: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
            'content-type': 'application/json',
            [TOKEN_HEADER]: sessionTokens.get(baseUrl) ?? '',
            ...(userId ? { 'x-workbench-user': userId } : {})
        },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
}

/** What a journey's tests use: the product and browser started once for the file, and this test's page errors. */
export interface Journey {
    product: Product;
    browser: Browser;
    /** Uncaught page errors of the current test (pass it to openPage); each test must end with none. */
    errors: string[];
}

/**
 * Registers a journey's lifecycle in the enclosing describe (or file): `start` and a browser once before the tests,
 * both closed after them, and every test failing on any uncaught page error. Read the fields inside the tests.
 */
export function useJourney(start: () => Promise<Product>): Journey {
    const journey = { errors: [] as string[] } as Journey;
    beforeAll(async () => {
        journey.product = await start();
        journey.browser = await launchBrowser();
    }, 120_000);
    afterAll(async () => {
        await journey.browser?.close();
        await journey.product?.close();
    });
    beforeEach(() => {
        journey.errors = [];
    });
    afterEach(() => {
        expect(journey.errors).toEqual([]);
    });
    return journey;
}

/** Writes docs/screenshots/<name>: the viewport, or the whole page with `fullPage`. */
export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, name), fullPage });
}
