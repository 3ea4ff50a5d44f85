/**
 * Request checks of the workbench server. It listens on loopback and holds throwaway data, but a page on any site open
 * in the same browser can still reach it: a text/plain POST needs no CORS preflight (CSRF), and a hostile DNS name
 * that resolves to 127.0.0.1 makes the browser treat the workbench as that site (DNS rebinding). So:
 *
 * - only local `Host` values are served (defeats rebinding: the browser sends the attacker's name);
 * - API calls must not come from another site (`Origin`, `Sec-Fetch-Site`) and must carry the per-run session token,
 *   which only a page served by this server can read (it is injected into index.html);
 * - writes must be JSON, which a cross-site form or a no-cors fetch cannot send without a preflight.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-workbench-token';
/** The tag in index.html that the server fills with the session token; the client reads it from there. */
export const TOKEN_META_PLACEHOLDER = '<meta name="workbench-token" content="" />';

const LOCAL_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SAME_SITE_FETCHES = new Set(['same-origin', 'none']);

export class RequestRejected extends Error {
    constructor(
        readonly status: number,
        message: string
    ) {
        super(message);
    }
}

export function newSessionToken(): string {
    return randomBytes(32).toString('base64url');
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** `127.0.0.1:3200` → `127.0.0.1`; `[::1]:3200` → `[::1]`; null when the value is not host[:port]. */
function hostnameOf(hostHeader: string): string | null {
    const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(hostHeader.trim());
    return match ? match[1]!.toLowerCase() : null;
}

/** Every request: the Host must name this machine. */
export function checkHost(request: IncomingMessage): void {
    const host = single(request.headers.host);
    const hostname = host === undefined ? null : hostnameOf(host);
    if (hostname === null || !LOCAL_HOSTNAMES.has(hostname)) {
        throw new RequestRejected(421, 'The workbench answers only to 127.0.0.1, localhost or [::1].');
    }
}

/** API requests (/apex, /api): same site only, with the session token; writes as JSON. */
export function checkApiRequest(request: IncomingMessage, sessionToken: string): void {
    const origin = single(request.headers.origin);
    if (origin !== undefined) {
        let originHost: string | null;
        try {
            originHost = new URL(origin).host;
        } catch {
            originHost = null;
        }
        if (originHost === null || originHost !== single(request.headers.host)) {
            throw new RequestRejected(403, 'Cross-site requests are not accepted.');
        }
    }
    const fetchSite = single(request.headers['sec-fetch-site']);
    if (fetchSite !== undefined && !SAME_SITE_FETCHES.has(fetchSite)) {
        throw new RequestRejected(403, 'Cross-site requests are not accepted.');
    }
    const presented = Buffer.from(single(request.headers[TOKEN_HEADER]) ?? '', 'utf8');
    const expected = Buffer.from(sessionToken, 'utf8');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
        throw new RequestRejected(403, `Send the workbench session token (from index.html) as ${TOKEN_HEADER}.`);
    }
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
        const contentType = single(request.headers['content-type']) ?? '';
        if (!/^application\/json\s*(;|$)/i.test(contentType)) {
            throw new RequestRejected(415, 'Send the body as application/json.');
        }
    }
}

/** index.html with the session token filled in. */
export function withSessionToken(html: string, sessionToken: string): string {
    return html.replace(TOKEN_META_PLACEHOLDER, `<meta name="workbench-token" content="${sessionToken}" />`);
}
