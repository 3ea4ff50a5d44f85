// `npm run bench:ui -- [--deals N] [--runs N] [--baseline <git ref>] [--trace]`: in Chromium, on a sample org of
// 10,000 deals, the production build of the workbench:
// - the Pipeline Review board: from navigation until it is interactive: the rows and the totals painted, then a
//   click on a deal (issued in the page at once, queued behind whatever the page is still doing) answered by the side
//   panel, painted. A real click through Playwright follows, timed from its input event (Playwright itself takes
//   ~100-150 ms to resolve, check and dispatch a click, which no user waits for);
// - the Opportunity record page: from navigation until the deal-health score ring is painted.
//
// The times are taken in the page: a watcher installed before any page script checks every animation frame for the
// element (through the components' shadow roots) and notes the time after that frame has painted. (Playwright's own
// waits poll with a back-off of 20, 50, 100, 100 then 500 ms, so an element painted at 300 ms was seen at ~800 ms.)
//
// Each page is measured `--runs` times in a fresh browser profile: the first visit is **cold** (empty cache), the
// third is **warm** (the assets in the HTTP cache and V8's code cache, as for someone who has opened the page
// before). With `--baseline <ref>` the same runs measure that commit's workbench too (built once in the temp folder,
// with this checkout's node_modules linked in), alternately with this one, so machine load hits both alike; the figures are then
// also given as ratios. Each product runs in a process of its own (e2e/serve-product.ts). `--trace` adds a traced
// cold and warm visit per page of this build, summarized by main-thread activity (the files stay in dist/bench-ui/).
// Goal: 300 ms median for both on a 2-core machine. The last line printed is one JSON object.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { TOKEN_HEADER } from '../workbench/twin/request-guard';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';

const GOAL_MS = 300;
const REPO_ROOT = join(__dirname, '..');
const TSX_CLI = require.resolve('tsx/cli');
const TRACE_DIR = join(REPO_ROOT, 'dist', 'bench-ui');
const VIEWPORT = { width: 1280, height: 900 };

/** A running product: this working tree's or a baseline commit's, in its own process. */
interface Variant {
    label: string;
    url: string;
    token: string;
    child: ChildProcess;
    boardUrl: string;
    recordUrl: string;
}

/** What one page visit measured, in ms from navigation start (sizes in kB). */
interface Visit {
    shown: number;
    /** Board only: the rows and totals painted (before the click). */
    rowsShown: number | null;
    /** Board only: a real click on another deal (after the measured one), from its input event to the panel painted. */
    clickToPanel: number | null;
    /** DOMContentLoaded end: the page's module scripts have been fetched, parsed and run. */
    scriptsDone: number;
    firstApexStart: number | null;
    lastApexEnd: number | null;
    /** The longest Server-Timing duration of the page's Apex calls (builds without the header report none). */
    serverMs: number | null;
    jsKb: number;
    jsTransferredKb: number;
    /** Main-thread tasks over 50 ms before the element was shown, summed. */
    longTaskMs: number;
}

type PageName = 'board' | 'record';
type Kind = 'cold' | 'warm';

// ------------------------------------------------------------------------------------------------ the in-page watcher

/** Runs in the page before its own scripts (an init script): `__benchPainted(path, nth, text)` and the long tasks. */
function installWatcher(): void {
    const bench = window as unknown as {
        __benchPainted: (path: string[], nth?: number, text?: string) => Promise<number>;
        __benchMarks: Record<string, number>;
        __benchLongTasks: Array<{ start: number; duration: number }>;
    };
    const query = (path: string[]): Element[] => {
        let roots: ParentNode[] = [document];
        let found: Element[] = [];
        for (const selector of path) {
            found = roots.flatMap((root) => Array.from(root.querySelectorAll(selector)));
            roots = found.map((element) => element.shadowRoot).filter((root): root is ShadowRoot => root !== null);
        }
        return found;
    };
    bench.__benchPainted = (path, nth = 0, text) =>
        new Promise((resolve) => {
            const check = () => {
                const element = query(path)[nth];
                const box = element?.getBoundingClientRect();
                const matches = text === undefined || (element?.textContent ?? '').includes(text);
                // rAF callbacks run before the frame's style, layout and paint: a task queued now runs after them.
                if (element && box && box.width > 0 && box.height > 0 && matches) {
                    setTimeout(() => resolve(performance.now()), 0);
                } else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
        });
    bench.__benchMarks = {};
    bench.__benchLongTasks = [];
    // When the user's click reached the page (the board's click on a deal; the event's own time stamp).
    window.addEventListener('pointerdown', (event) => (bench.__benchMarks.click = event.timeStamp), { capture: true });
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
            bench.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    const marks: Array<[string, string[], number]> = [
        ['rows', ['c-pipeline-review', 'c-review-board-table', '[data-id="board-row"]'], 1],
        ['totals', ['c-pipeline-review', 'c-metric-tile[data-id="totals"]'], 0],
        ['ring', ['c-deal-health-panel', 'c-score-ring', '[data-id="ring"]'], 0]
    ];
    const isBoard = new URLSearchParams(location.search).get('page') === 'review';
    const painted = marks
        .filter(([name]) => (isBoard ? name !== 'ring' : name === 'ring'))
        .map(([name, path, nth]) => bench.__benchPainted(path, nth).then((at) => (bench.__benchMarks[name] = at)));
    if (isBoard) {
        // Interactive: as soon as the rows and the totals are painted, a click on the second deal, queued as a task
        // (so it waits for whatever the page is still doing), until the side panel shows that deal, painted.
        void Promise.all(painted).then(() =>
            setTimeout(() => {
                const row = query(['c-pipeline-review', 'c-review-board-table', '[data-id="board-row"]'])[1]!;
                const button = row.querySelector<HTMLButtonElement>('button.deal-button')!;
                const name = (button.textContent ?? '').trim();
                button.click();
                void bench
                    .__benchPainted(['c-pipeline-review', 'c-review-deal-panel', '[data-id="panel-title"]'], 0, name)
                    .then((at) => (bench.__benchMarks.interactive = at));
            }, 0)
        );
    }
}

/** The watcher as init-script source; tsx (esbuild) names functions with a `__name` helper the page lacks. */
const WATCHER_SCRIPT = { content: `var __name = (target) => target;\n(${installWatcher.toString()})();` };

async function marks(page: Page, names: string[]): Promise<Record<string, number>> {
    const handle = await page.waitForFunction(
        (wanted) => {
            const found = (window as unknown as { __benchMarks?: Record<string, number> }).__benchMarks ?? {};
            return wanted.every((name) => found[name] !== undefined) ? found : false;
        },
        names,
        { polling: 'raf', timeout: 60_000 }
    );
    return (await handle.jsonValue()) as Record<string, number>;
}

/** Timing facts the page keeps (navigation and resource timing, long tasks) up to `shownAt`. */
async function pageFacts(page: Page, shownAt: number): Promise<Omit<Visit, 'shown' | 'rowsShown' | 'clickToPanel'>> {
    return page.evaluate((until) => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const apex = resources.filter((entry) => new URL(entry.name).pathname.startsWith('/apex/'));
        const scripts = resources.filter((entry) => new URL(entry.name).pathname.endsWith('.js'));
        const serverTimes = apex.flatMap((entry) => entry.serverTiming.map((timing) => timing.duration));
        const longTasks = (window as unknown as { __benchLongTasks: Array<{ start: number; duration: number }> })
            .__benchLongTasks;
        return {
            scriptsDone: navigation.domContentLoadedEventEnd,
            firstApexStart: apex.length ? Math.min(...apex.map((entry) => entry.startTime)) : null,
            lastApexEnd: apex.length ? Math.max(...apex.map((entry) => entry.responseEnd)) : null,
            serverMs: serverTimes.length ? Math.max(...serverTimes) : null,
            jsKb: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0) / 1024,
            jsTransferredKb: scripts.reduce((sum, entry) => sum + entry.transferSize, 0) / 1024,
            longTaskMs: longTasks.filter((task) => task.start < until).reduce((sum, task) => sum + task.duration, 0)
        };
    }, shownAt);
}

async function visitBoard(page: Page, url: string): Promise<Visit> {
    await page.goto(url, { waitUntil: 'commit' });
    const { rows, interactive } = await marks(page, ['rows', 'totals', 'interactive']);
    // Then a real click (Chromium's input pipeline, through Playwright) on the third deal: its own response time.
    const button = page.locator('c-review-board-table [data-id="board-row"]').nth(2).locator('button.deal-button');
    const name = ((await button.textContent()) ?? '').trim();
    const panel = page.evaluate(
        (text) =>
            (
                window as unknown as { __benchPainted: (p: string[], n: number, t: string) => Promise<number> }
            ).__benchPainted(['c-pipeline-review', 'c-review-deal-panel', '[data-id="panel-title"]'], 0, text),
        name
    );
    await button.click();
    const panelShown = await panel;
    const { click } = await marks(page, ['click']);
    return {
        shown: interactive!,
        rowsShown: rows!,
        clickToPanel: panelShown - click!,
        ...(await pageFacts(page, interactive!))
    };
}

async function visitRecord(page: Page, url: string): Promise<Visit> {
    await page.goto(url, { waitUntil: 'commit' });
    const { ring } = await marks(page, ['ring']);
    return { shown: ring!, rowsShown: null, clickToPanel: null, ...(await pageFacts(page, ring!)) };
}

const VISITS: Record<PageName, (page: Page, url: string) => Promise<Visit>> = {
    board: visitBoard,
    record: visitRecord
};

/** Three visits of one page in a fresh browser profile: the first (cold) and the third (warm) are kept. */
async function measure(variant: Variant, name: PageName): Promise<Record<Kind, Visit>> {
    const profile = mkdtempSync(join(tmpdir(), 'bench-ui-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        viewport: VIEWPORT
    });
    try {
        await context.addInitScript(WATCHER_SCRIPT);
        const page = context.pages()[0] ?? (await context.newPage());
        // The site's renderer is up, as for someone who has the browser open; nothing of the workbench is cached.
        await page.goto(`${variant.url}/bench-ui-blank`);
        const url = name === 'board' ? variant.boardUrl : variant.recordUrl;
        // Between visits the page settles (its idle-time reads done), as when someone reads a page before moving on.
        const cold = await VISITS[name](page, url);
        await page.waitForLoadState('networkidle');
        await VISITS[name](page, url);
        await page.waitForLoadState('networkidle');
        const warm = await VISITS[name](page, url);
        return { cold, warm };
    } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
    }
}

// ------------------------------------------------------------------------------------------------ products

async function apiJson<T>(variant: Pick<Variant, 'url' | 'token'>, path: string): Promise<T> {
    const response = await fetch(`${variant.url}${path}`, { headers: { [TOKEN_HEADER]: variant.token } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
}

/** Starts `tree`'s product (its own harness) in a child process and picks the board's user and the record's deal. */
async function startVariant(label: string, tree: string, deals: number): Promise<Variant> {
    const child = spawn(process.execPath, [TSX_CLI, join('e2e', 'serve-product.ts'), '--deals', String(deals)], {
        cwd: tree,
        stdio: ['pipe', 'pipe', 'inherit']
    });
    const line = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout! });
        lines.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`${label}: the product stopped (exit ${code})`)));
    });
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    const server = { url, token };
    const { users } = await apiJson<{ users: Array<{ id: string; level: string }> }>(server, '/api/users');
    const vp = users.find((user) => user.level === 'vp') ?? users[0]!;
    const { deals: list } = await apiJson<{
        deals: Array<{ id: string; ownerId: string; isClosed: boolean; hasPlaybook: boolean; band: string | null }>;
    }>(server, '/api/deals');
    const deal = list.find((candidate) => !candidate.isClosed && candidate.hasPlaybook && candidate.band !== null);
    if (!deal) throw new Error(`${label}: no open, scored deal with a playbook`);
    return {
        label,
        url,
        token,
        child,
        boardUrl: `${url}/?page=review&user=${vp.id}`,
        recordUrl: `${url}/?page=record&id=${deal.id}&user=${deal.ownerId}`
    };
}

/** The baseline commit's tree in the temp folder, with this checkout's node_modules linked in, built once. */
function baselineTree(ref: string): { tree: string; label: string } {
    const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: REPO_ROOT })
        .toString()
        .trim();
    const tree = join(tmpdir(), 'execution-loop-ui-baseline', commit);
    const built = join(tree, '.bench-ui-built');
    if (!existsSync(built)) {
        console.log(`Building the baseline ${ref} (${commit.slice(0, 8)}) in ${tree} ...`);
        rmSync(tree, { recursive: true, force: true });
        mkdirSync(tree, { recursive: true });
        const archive = execFileSync('git', ['archive', '--format=tar', commit], {
            cwd: REPO_ROOT,
            maxBuffer: 512 * 1024 * 1024
        });
        execFileSync('tar', ['-x', '-C', tree], { input: archive, maxBuffer: 512 * 1024 * 1024 });
        symlinkSync(join(REPO_ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
        for (const script of ['build', 'build:workbench']) {
            execFileSync('npm', ['run', script], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
        }
        writeFileSync(built, `${new Date().toISOString()}\n`);
    }
    cpSync(join(__dirname, 'serve-product.ts'), join(tree, 'e2e', 'serve-product.ts'));
    return { tree, label: `baseline ${ref} (${commit.slice(0, 8)})` };
}

// ------------------------------------------------------------------------------------------------ trace (--trace)

interface TraceEvent {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    pid: number;
    tid: number;
    args?: { name?: string };
}

const TRACE_CATEGORIES: Array<[string, RegExp]> = [
    ['compile', /^(v8\.compile|v8\.produce|v8\.deserialize|V8\.Compile|v8\.parse)/i],
    ['module evaluation', /^v8\.evaluateModule/],
    ['script', /^(v8\.|EvaluateScript|FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|V8\.)/],
    ['style', /^(UpdateLayoutTree|ParseAuthorStyleSheet|RecalculateStyles)/],
    ['layout', /^(Layout|UpdateLayout)/],
    ['paint', /^(PrePaint|Paint|Layerize|Commit|UpdateLayer)/],
    ['html', /^(ParseHTML|DocumentLoader|HTMLDocumentParser|DecodedDataDocumentParser)/],
    ['gc', /GC/]
];

/** Main-thread time by kind, counting only what each task runs directly (nested events are not counted twice). */
function summarizeTrace(file: string, until: number): string {
    const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    const renderer = events.find(
        (event) =>
            event.name === 'thread_name' &&
            event.args?.name === 'CrRendererMain' &&
            events.some((other) => other.pid === event.pid && other.name === 'EvaluateScript')
    );
    if (!renderer) return 'no renderer main thread in the trace';
    const main = events
        .filter((event) => event.pid === renderer.pid && event.tid === renderer.tid && event.ph === 'X')
        .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const start = events.find((event) => event.name === 'navigationStart' && event.pid === renderer.pid)?.ts;
    const origin = start ?? main[0]!.ts;
    const totals = new Map<string, number>();
    const stack: TraceEvent[] = [];
    for (const event of main) {
        if ((event.ts - origin) / 1000 > until) break;
        while (stack.length && stack[stack.length - 1]!.ts + (stack[stack.length - 1]!.dur ?? 0) <= event.ts)
            stack.pop();
        const parent = stack[stack.length - 1];
        if (parent && /RunTask$/.test(parent.name)) {
            const kind = TRACE_CATEGORIES.find(([, pattern]) => pattern.test(event.name))?.[0] ?? 'other';
            totals.set(kind, (totals.get(kind) ?? 0) + (event.dur ?? 0) / 1000);
        }
        stack.push(event);
    }
    return [...totals]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, ms]) => `${kind} ${Math.round(ms)}`)
        .join(', ');
}

/** Traces the first (cold) and the third (warm) visit of each page in one browser profile. */
async function traceVisits(variant: Variant): Promise<void> {
    mkdirSync(TRACE_DIR, { recursive: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
        for (const name of ['board', 'record'] as const) {
            const context = await browser.newContext({ viewport: VIEWPORT });
            await context.addInitScript(WATCHER_SCRIPT);
            const page = await context.newPage();
            await page.goto(`${variant.url}/bench-ui-blank`);
            const url = name === 'board' ? variant.boardUrl : variant.recordUrl;
            for (const [visitNumber, kind] of [
                [1, 'cold'],
                [2, null],
                [3, 'warm']
            ] as const) {
                if (visitNumber > 1) await page.waitForLoadState('networkidle');
                if (kind === null) {
                    await VISITS[name](page, url);
                    continue;
                }
                const file = join(TRACE_DIR, `${name}-${kind}.trace.json`);
                await browser.startTracing(page, {
                    path: file,
                    categories: [
                        'devtools.timeline',
                        'disabled-by-default-devtools.timeline',
                        'v8.execute',
                        'v8',
                        'loading'
                    ]
                });
                const visit = await VISITS[name](page, url);
                await browser.stopTracing();
                console.log(
                    `trace ${name} visit ${visitNumber} (${kind}, ${Math.round(visit.shown)} ms under tracing): ` +
                        `main thread ms until shown: ${summarizeTrace(file, visit.shown)} (${file})`
                );
            }
            await context.close();
        }
    } finally {
        await browser.close();
    }
}

// ------------------------------------------------------------------------------------------------ report

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianOf(visits: readonly Visit[], pick: (visit: Visit) => number | null): number | null {
    const values = visits.map(pick).filter((value): value is number => value !== null);
    return values.length ? Math.round(median(values)) : null;
}

function breakdown(visits: readonly Visit[]): string {
    const ms = (value: number | null) => (value === null ? 'n/a' : `${value}`);
    const rows = medianOf(visits, (visit) => visit.rowsShown);
    return [
        `scripts done ${ms(medianOf(visits, (visit) => visit.scriptsDone))}`,
        `Apex ${ms(medianOf(visits, (visit) => visit.firstApexStart))}→${ms(medianOf(visits, (visit) => visit.lastApexEnd))}`,
        `server ${ms(medianOf(visits, (visit) => visit.serverMs))}`,
        ...(rows === null
            ? []
            : [
                  `rows painted ${rows}`,
                  `a later real click→panel painted ${ms(medianOf(visits, (visit) => visit.clickToPanel))}`
              ]),
        `long tasks ${ms(medianOf(visits, (visit) => visit.longTaskMs))}`,
        `JS ${ms(medianOf(visits, (visit) => visit.jsKb))} kB (${ms(medianOf(visits, (visit) => visit.jsTransferredKb))} kB transferred)`
    ].join(', ');
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            deals: { type: 'string' },
            runs: { type: 'string' },
            baseline: { type: 'string' },
            trace: { type: 'boolean' }
        }
    });
    const deals = Number(values.deals ?? 10_000);
    const runs = Number(values.runs ?? 5);
    if (!Number.isInteger(deals) || deals < 1 || !Number.isInteger(runs) || runs < 1) {
        throw new Error('--deals and --runs take positive whole numbers');
    }
    const baseline = values.baseline === undefined ? null : baselineTree(values.baseline);
    const setupStarted = Date.now();
    const variants = await Promise.all([
        startVariant('this build', REPO_ROOT, deals),
        ...(baseline ? [startVariant(baseline.label, baseline.tree, deals)] : [])
    ]);
    console.log(`Sample orgs of ${deals} deals ready in ${Date.now() - setupStarted} ms`);
    const results = new Map<string, Record<PageName, Record<Kind, Visit[]>>>(
        variants.map((variant) => [variant.label, { board: { cold: [], warm: [] }, record: { cold: [], warm: [] } }])
    );
    const loads: number[] = [];
    try {
        // One unmeasured round per product: its server has answered each page once (JIT, lazily built indexes).
        for (const variant of variants) for (const name of ['board', 'record'] as const) await measure(variant, name);
        for (let run = 1; run <= runs; run++) {
            // Alternate the order, so neither build always goes first after a pause.
            const ordered = run % 2 === 1 ? variants : [...variants].reverse();
            for (const variant of ordered) {
                for (const name of ['board', 'record'] as const) {
                    loads.push(loadavg()[0]!);
                    const { cold, warm } = await measure(variant, name);
                    results.get(variant.label)![name].cold.push(cold);
                    results.get(variant.label)![name].warm.push(warm);
                    console.log(
                        `run ${run} ${variant.label} ${name}: cold ${Math.round(cold.shown)} ms, warm ${Math.round(warm.shown)} ms` +
                            ` (load ${loadavg()[0]!.toFixed(1)})`
                    );
                }
            }
        }
        if (values.trace) await traceVisits(variants[0]!);
    } finally {
        for (const variant of variants) variant.child.kill('SIGTERM');
    }

    const load = median(loads);
    console.log(
        `\nLoad average (1 min) during the runs: median ${load.toFixed(1)} on ${runs} runs; goal ${GOAL_MS} ms`
    );
    const summary: Record<string, unknown> = { deals, runs, goalMs: GOAL_MS, loadAverage: Number(load.toFixed(1)) };
    const labels = { board: 'Board over 10,000 deals interactive', record: 'Record page score ring painted' };
    for (const variant of variants) {
        const figures: Record<string, number> = {};
        for (const name of ['board', 'record'] as const) {
            for (const kind of ['cold', 'warm'] as const) {
                const visits = results.get(variant.label)![name][kind];
                const shown = visits.map((visit) => visit.shown);
                figures[`${name}${kind === 'cold' ? 'Cold' : 'Warm'}MsMedian`] = Math.round(median(shown));
                figures[`${name}${kind === 'cold' ? 'Cold' : 'Warm'}MsMax`] = Math.round(Math.max(...shown));
                console.log(
                    `${variant.label}: ${labels[name].replace('10,000', deals.toLocaleString('en-US'))}, ${kind}: ` +
                        `${Math.round(median(shown))} ms median, ${Math.round(Math.max(...shown))} max` +
                        `\n    breakdown (medians, ms from navigation): ${breakdown(visits)}`
                );
            }
        }
        summary[variant.label === 'this build' ? 'thisBuild' : 'baseline'] = figures;
    }
    if (variants.length === 2) {
        const [current, base] = variants.map((variant) => results.get(variant.label)!);
        const ratios: Record<string, number> = {};
        for (const name of ['board', 'record'] as const) {
            for (const kind of ['cold', 'warm'] as const) {
                const ratio =
                    median(current![name][kind].map((visit) => visit.shown)) /
                    median(base![name][kind].map((visit) => visit.shown));
                ratios[`${name}${kind === 'cold' ? 'Cold' : 'Warm'}`] = Number(ratio.toFixed(2));
            }
        }
        console.log(
            `this build / ${variants[1]!.label} (medians): ` +
                Object.entries(ratios)
                    .map(([key, ratio]) => `${key} ${ratio}`)
                    .join(', ')
        );
        summary.ratios = ratios;
        summary.baselineRef = variants[1]!.label;
    }
    console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
