/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. Listens on 127.0.0.1; never expose it.
 *
 * The HTTP face of the workbench's org: the components' Apex calls, the record the record wire reads, the pickers'
 * lists, and (optionally) the browser bundle's static files.
 *
 *   POST /apex/<Class>.<method>   JSON body = the named parameters → the Apex JSON; errors 400 `{ body: { message } }`
 *   GET  /api/record/<id>         the Opportunity in UI API shape `{ id, apiName, fields: { X: { value, displayValue } } }`
 *   GET  /api/deals               `{ deals: [...] }` for the deal picker
 *   GET  /api/deals/<id>          one item of that list (the record page's highlights)
 *   GET  /api/users               `{ defaultUserId, currentUserId, today, users: [...] }` for the user picker
 *   GET  /api/health              `{ ok, deals, asOf, today }`
 *   GET  /api/org                 `{ source }`: where the org's records come from, what was inferred, what is missing
 *   POST /api/jobs/rep-development runs the monthly Rep Development batch now (RepDevelopmentBatch; the workbench has
 *                                 no scheduler): this month's snapshots, read by the tab; answers the run's summary
 *   GET  /*                       files of staticDir, when given
 *
 * The running user is the `x-workbench-user: <userId>` header (default: the first manager of the sample org).
 * Every /apex and /api request carries the per-run session token (`x-workbench-token`, injected into index.html) and
 * comes from this site; writes are JSON; only local Host values are served (see request-guard.ts).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { type ApexContext, twinMethod } from './controllers';
import { runMonthlyDevelopmentBatch } from './RepDevelopmentController';
import { ApexError } from './params';
import { dealList, dealListItem, opportunityRecord, userList } from './records';
import { checkApiRequest, checkHost, newSessionToken, RequestRejected, withSessionToken } from './request-guard';
import { pageRoute } from './pages';
import { HASHED_DIR } from '../build';
import type { WorkbenchStore } from './store';

export const USER_HEADER = 'x-workbench-user';
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
const HOST = '127.0.0.1';

export interface StandInServerOptions {
    store: WorkbenchStore;
    /** Base URL of the Execution Loop service (what the named credential points at). */
    scoringUrl: string;
    /** The API key the named credential's external credential sends as `Authorization: Bearer <key>`. */
    apiKey: string;
    /** Serve the browser bundle from here. */
    staticDir?: string;
    /** Callout timeout; defaults to the Callout_Timeout_Ms setting (10 s). */
    calloutTimeoutMs?: number;
    bodyLimitBytes?: number;
    /** The per-run token API calls must send; a fresh random one when not given. */
    sessionToken?: string;
    /** Where unexpected errors are reported (never to the client); default console.error. */
    logError?: (message: string, error: unknown) => void;
}

class HttpError extends Error {
    constructor(
        readonly status: number,
        message: string
    ) {
        super(message);
    }
}

const CONTENT_TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.gif': 'image/gif',
    '.ico': 'image/x-icon',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.txt': 'text/plain; charset=utf-8'
};

function sendJson(response: ServerResponse, status: number, payload: unknown, startedAt?: number): void {
    sendJsonText(
        response,
        JSON.stringify(payload === undefined ? null : payload),
        status,
        // The stand-in's own time for the answer (the page's Resource Timing shows it; `npm run bench:ui` reads it).
        startedAt === undefined ? {} : { 'server-timing': serverTiming(startedAt) }
    );
}

/** JSON already serialized. */
function sendJsonText(
    response: ServerResponse,
    body: string,
    status = 200,
    headers: Record<string, string> = {}
): void {
    response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...headers
    });
    response.end(body);
}

/** `/api/deals` serialized once per index of the store (every deal: megabytes at 10,000 deals). */
const dealListJsonByIndex = new WeakMap<object, string>();

function dealListJson(store: WorkbenchStore): string {
    const index = store.index();
    let json = dealListJsonByIndex.get(index);
    if (json === undefined) {
        json = JSON.stringify({ deals: dealList(store) });
        dealListJsonByIndex.set(index, json);
    }
    return json;
}

/** `Server-Timing` of a request that started at `startedAt` (performance.now()): the work and the JSON serializing. */
function serverTiming(startedAt: number): string {
    return `twin;dur=${(performance.now() - startedAt).toFixed(1)}`;
}

/** Content-hashed scripts never change under their name; everything else is revalidated with its ETag. */
function staticCacheHeaders(relative: string, info: { size: number; mtimeMs: number }): Record<string, string> {
    if (relative.startsWith(`/${HASHED_DIR}/`)) return { 'cache-control': 'public, max-age=31536000, immutable' };
    return {
        'cache-control': 'no-cache',
        etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
    };
}

/** The error shape LWC sees from an AuraHandledException (and, for the other routes, the same shape). */
function sendError(response: ServerResponse, status: number, message: string): void {
    sendJson(response, status, { body: { message } });
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
    return new Promise((resolveBody, reject) => {
        const declared = Number(request.headers['content-length']);
        if (Number.isFinite(declared) && declared > limit) {
            reject(new HttpError(413, `The request body is larger than ${limit} bytes.`));
            return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let failed = false;
        request.on('data', (chunk: Buffer) => {
            if (failed) return;
            size += chunk.length;
            if (size > limit) {
                failed = true;
                reject(new HttpError(413, `The request body is larger than ${limit} bytes.`));
                return;
            }
            chunks.push(chunk);
        });
        request.on('end', () => {
            if (!failed) resolveBody(Buffer.concat(chunks).toString('utf8'));
        });
        request.on('error', (error) => {
            if (!failed) reject(error);
        });
    });
}

function parseParams(body: string): Record<string, unknown> {
    if (body.trim() === '') return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(body);
    } catch {
        throw new HttpError(400, 'The request body is not valid JSON.');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new HttpError(400, 'The request body must be a JSON object of the named parameters.');
    }
    return parsed as Record<string, unknown>;
}

function runningUser(store: WorkbenchStore, request: IncomingMessage): string {
    const header = request.headers[USER_HEADER];
    const value = (Array.isArray(header) ? header[0] : header)?.trim();
    if (!value) return store.defaultUserId;
    if (!store.user(value)) {
        throw new HttpError(400, `Unknown workbench user "${value}"; GET /api/users lists them.`);
    }
    return value;
}

async function serveStatic(
    staticDir: string,
    pathname: string,
    request: IncomingMessage,
    response: ServerResponse,
    sessionToken: string
): Promise<boolean> {
    const root = resolve(staticDir);
    let relative: string;
    try {
        relative = decodeURIComponent(pathname);
    } catch {
        return false;
    }
    if (relative.includes('\0')) return false;
    let file = resolve(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) return false;
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return false;
    if (extname(file).toLowerCase() === '.html') {
        // The page gets this run's session token; it is never framed by another site.
        const html = withSessionToken(await readFile(file, 'utf8'), sessionToken);
        response.writeHead(200, {
            'content-type': CONTENT_TYPES['.html']!,
            'content-length': Buffer.byteLength(html),
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
            'x-frame-options': 'DENY',
            'content-security-policy': "frame-ancestors 'none'"
        });
        response.end(request.method === 'HEAD' ? undefined : html);
        return true;
    }
    const caching = staticCacheHeaders(relative, info);
    if (caching.etag !== undefined && request.headers['if-none-match'] === caching.etag) {
        response.writeHead(304, caching);
        response.end();
        return true;
    }
    response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        ...caching,
        'x-content-type-options': 'nosniff'
    });
    if (request.method === 'HEAD') {
        response.end();
        return true;
    }
    await new Promise<void>((done) => {
        const stream = createReadStream(file);
        stream.on('error', () => {
            response.destroy();
            done();
        });
        stream.on('end', () => done());
        stream.pipe(response);
    });
    return true;
}

const APEX_ROUTE = /^\/apex\/([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)$/;
const RECORD_ROUTE = /^\/api\/record\/([^/]+)$/;
const MONTHLY_BATCH_ROUTE = '/api/jobs/rep-development';
const DEAL_ROUTE = /^\/api\/deals\/([^/]+)$/;

/** The stand-in as a Node HTTP server (not yet listening; see startStandInServer). */
const QUALIFICATION_STATUSES = new Set(['unknown', 'identified', 'validated']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a record PATCH body: the nudge-editable Opportunity fields only, each of the right kind. */
export function editableFields(body: string): Record<string, string | null> {
    let parsed: unknown;
    try {
        parsed = JSON.parse(body);
    } catch {
        throw new HttpError(400, 'The body is not JSON.');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new HttpError(400, 'Send an object of fields.');
    const fields: Record<string, string | null> = {};
    for (const [name, raw] of Object.entries(parsed as Record<string, unknown>)) {
        const value = raw === '' || raw === undefined ? null : raw;
        if (value !== null && typeof value !== 'string') throw new HttpError(400, `${name}: expected text.`);
        if (/_Status__c$/.test(name)) {
            if (value !== null && !QUALIFICATION_STATUSES.has(value)) {
                throw new HttpError(400, `${name}: bad value for restricted picklist field: ${value}`);
            }
        } else if (name === 'CloseDate' || name === 'Next_Step_Date__c') {
            if (value !== null && !ISO_DATE.test(value))
                throw new HttpError(400, `${name}: expected a date YYYY-MM-DD.`);
            if (name === 'CloseDate' && value === null)
                throw new HttpError(400, 'Required fields are missing: [CloseDate]');
        } else if (/_Evidence__c$/.test(name) || name === 'NextStep') {
            if (value !== null && value.length > 255)
                throw new HttpError(400, `${name}: data value too large (max length=255).`);
        } else {
            throw new HttpError(400, `${name} cannot be edited in the workbench.`);
        }
        fields[name] = value;
    }
    return fields;
}

export function createStandInServer(options: StandInServerOptions): Server {
    const { store } = options;
    const sessionToken = options.sessionToken ?? newSessionToken();
    const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
    const logError = options.logError ?? ((message, error) => console.error(message, error));

    async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        const { pathname } = url;
        const method = request.method ?? 'GET';
        checkHost(request);
        if (pathname.startsWith('/apex/') || pathname.startsWith('/api/')) checkApiRequest(request, sessionToken);

        const apex = APEX_ROUTE.exec(pathname);
        if (apex || pathname.startsWith('/apex/')) {
            if (method !== 'POST') throw new HttpError(405, 'Apex methods are called with POST.');
            const apexMethod = apex ? twinMethod(apex[1]!) : undefined;
            if (!apexMethod)
                throw new HttpError(404, `No Apex method ${pathname.slice('/apex/'.length)} in the stand-in.`);
            const startedAt = performance.now();
            const userId = runningUser(store, request);
            const params = parseParams(await readBody(request, limit));
            const context: ApexContext = {
                store,
                userId,
                scoring: {
                    url: options.scoringUrl,
                    apiKey: options.apiKey,
                    ...(options.calloutTimeoutMs === undefined ? {} : { timeoutMs: options.calloutTimeoutMs })
                }
            };
            sendJson(response, 200, await apexMethod(context, params), startedAt);
            return;
        }

        if (pathname.startsWith('/api/')) {
            const userId = runningUser(store, request);
            const record = RECORD_ROUTE.exec(pathname);
            if (record && method === 'PATCH') {
                // The record edit form stand-in: only the fields coaching nudges edit, validated like the org would.
                const opportunityId = decodeURIComponent(record[1]!);
                if (!store.visibleOpportunity(userId, opportunityId))
                    throw new HttpError(404, 'The requested resource does not exist');
                store.updateEditableFields(opportunityId, editableFields(await readBody(request, limit)));
                sendJson(response, 200, opportunityRecord(store, userId, opportunityId));
                return;
            }
            if (pathname === MONTHLY_BATCH_ROUTE && method === 'POST') {
                sendJson(
                    response,
                    200,
                    await runMonthlyDevelopmentBatch(store, { url: options.scoringUrl, apiKey: options.apiKey })
                );
                return;
            }
            if (method !== 'GET' && method !== 'HEAD')
                throw new HttpError(
                    405,
                    'The workbench API reads with GET; only a record PATCH and the monthly batch run write.'
                );
            if (record) {
                const representation = opportunityRecord(store, userId, decodeURIComponent(record[1]!));
                if (!representation) throw new HttpError(404, 'The requested resource does not exist');
                sendJson(response, 200, representation);
            } else if (pathname === '/api/deals') {
                sendJsonText(response, dealListJson(store));
            } else if (DEAL_ROUTE.test(pathname)) {
                const id = decodeURIComponent(DEAL_ROUTE.exec(pathname)![1]!);
                const opportunity = store.opportunity(id);
                if (!opportunity) throw new HttpError(404, `No deal ${id} in the sample org.`);
                sendJson(response, 200, dealListItem(store, opportunity));
            } else if (pathname === '/api/users') {
                sendJson(response, 200, userList(store, userId));
            } else if (pathname === '/api/org') {
                sendJson(response, 200, { source: store.org.meta.source ?? null });
            } else if (pathname === '/api/health') {
                sendJson(response, 200, {
                    ok: true,
                    deals: store.org.opportunities.length,
                    asOf: store.org.meta.asOf,
                    today: store.today()
                });
            } else {
                throw new HttpError(404, `No workbench API at ${pathname}.`);
            }
            return;
        }

        if (options.staticDir && (method === 'GET' || method === 'HEAD')) {
            const page = pageRoute(url, request, store);
            if (page?.kind === 'redirect') {
                response.writeHead(302, { location: page.location });
                response.end();
                return;
            }
            if (await serveStatic(options.staticDir, page?.path ?? pathname, request, response, sessionToken)) return;
        }
        throw new HttpError(404, `Nothing at ${pathname}.`);
    }

    return createServer((request, response) => {
        handle(request, response).catch((error: unknown) => {
            if (response.headersSent) {
                response.destroy();
                return;
            }
            if (error instanceof ApexError) {
                sendError(response, 400, error.message);
            } else if (error instanceof RequestRejected) {
                // A rejected request's body is never read: close rather than drain it.
                response.setHeader('connection', 'close');
                sendError(response, error.status, error.message);
            } else if (error instanceof HttpError) {
                if (error.status === 413) response.setHeader('connection', 'close');
                sendError(response, error.status, error.message);
            } else {
                logError(`Workbench stand-in: ${request.method} ${request.url} failed`, error);
                sendError(response, 500, 'The workbench stand-in failed; its console has the details.');
            }
        });
    });
}

export interface RunningStandIn {
    server: Server;
    /** http://127.0.0.1:<port> */
    url: string;
    /** The session token API calls must send as x-workbench-token. */
    token: string;
    close(): Promise<void>;
}

/** Creates the stand-in and listens on 127.0.0.1 (port 0: any free port). */
export async function startStandInServer(options: StandInServerOptions & { port?: number }): Promise<RunningStandIn> {
    const token = options.sessionToken ?? newSessionToken();
    const server = createStandInServer({ ...options, sessionToken: token });
    await new Promise<void>((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, HOST, () => {
            server.off('error', reject);
            resolveListen();
        });
    });
    const { port } = server.address() as AddressInfo;
    return {
        server,
        url: `http://${HOST}:${port}`,
        token,
        close: () =>
            new Promise<void>((resolveClose, reject) => {
                server.close((error) => (error ? reject(error) : resolveClose()));
                server.closeAllConnections();
            })
    };
}
