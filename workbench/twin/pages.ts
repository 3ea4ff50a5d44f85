/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. The workbench's page routes: `/?page=review` and `/?page=record` are
 * two pages, each with its own entry script (workbench/build.ts writes review.html and record.html), and a record
 * link as Lightning writes it, `/lightning/r/Opportunity/<id>/view`, opens the record page of that deal.
 */
import type { IncomingMessage } from 'node:http';
import type { WorkbenchStore } from './store';
import { WORKBENCH_PAGES } from '../build';

const RECORD_LINK = /^\/lightning\/r\/Opportunity\/([A-Za-z0-9]{15,18})\/view$/;

export type PageRoute = { kind: 'file'; path: string } | { kind: 'redirect'; location: string };

/** The page a request asks for, or null when it is not a page route (a static asset, an API call). */
export function pageRoute(url: URL, request: IncomingMessage, store: WorkbenchStore): PageRoute | null {
    if (url.pathname === '/' || url.pathname === '/index.html') {
        const page = WORKBENCH_PAGES.find((candidate) => candidate === url.searchParams.get('page')) ?? 'record';
        return { kind: 'file', path: `/${page}.html` };
    }
    const link = RECORD_LINK.exec(url.pathname);
    if (!link) return null;
    const opportunityId = link[1]!;
    // The user who followed the link stays the user (the board's manager), else the deal's owner.
    let userId: string | null = null;
    try {
        userId = new URL(request.headers.referer ?? '').searchParams.get('user');
    } catch {
        userId = null;
    }
    userId ??= store.opportunity(opportunityId)?.OwnerId ?? '';
    const search = new URLSearchParams({ page: 'record', id: opportunityId, user: userId });
    return { kind: 'redirect', location: `/?${search.toString()}` };
}
