// The Apex calls each workbench page's components make first, started from the page's HTML (an inline script the
// build writes into record.html and review.html) before the page's modules have been fetched, parsed and run. The
// Apex stand-in (platform/apexClient.ts) then answers a component's call from the request already under way when
// the method and the parameters are the same; any other call goes out as usual. It is still one round trip per
// component: the call is only made earlier. The journeys count the /apex requests of a page, so a declaration here
// that no longer matches what a component sends shows up there as a second call.

/** One Apex call: `Class.method` and its named parameters, as the component passes them. */
export interface FirstRequest {
    method: string;
    params: Record<string, unknown>;
}

/** The board's first query (c/pipelineReview `query` with every filter at its default). */
const BOARD_FIRST_QUERY = {
    scope: null,
    repId: null,
    closeQuarter: null,
    stage: null,
    forecastCategory: null,
    band: null,
    pageSize: 50,
    cursorRisk: null,
    cursorId: null
};

/** The record page's components, each reading the deal by `opportunityId`. */
const RECORD_COMPONENT_METHODS = [
    'DealHealthController.getDealHealth',
    'PlaybookController.getPlaybook',
    'NudgeController.getNudges',
    'CallInsightsController.getCallInsights'
];

/**
 * The first Apex calls of the page a URL opens. None without a user (the shell first picks one and reloads) or, on
 * the record page, without a deal id (the page first picks the deal).
 */
export function firstRequests(search: URLSearchParams): FirstRequest[] {
    if (!search.get('user')) return [];
    const page = search.get('page') ?? 'record';
    if (page === 'review')
        return [{ method: 'PipelineReviewController.loadBoard', params: { query: BOARD_FIRST_QUERY } }];
    const opportunityId = search.get('id');
    if (page === 'record' && opportunityId) {
        return RECORD_COMPONENT_METHODS.map((method) => ({ method, params: { opportunityId } }));
    }
    return [];
}

/** JSON with object keys sorted at every depth, so two parameter objects match whatever their key order. */
export function canonicalJson(value: unknown): string {
    return JSON.stringify(value, (_key, item: unknown) =>
        item !== null && typeof item === 'object' && !Array.isArray(item)
            ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
            : item
    );
}

/** A response read to its end: the stand-in's callers need the status and the body text. */
export interface PreloadedResponse {
    ok: boolean;
    status: number;
    text: string;
}

/** Where the inline script leaves its requests for the Apex stand-in, keyed `method canonical-params`. */
export const PRELOADS_GLOBAL = '__workbenchFirstRequests';

export function preloadKey(method: string, params: unknown): string {
    return `${method} ${canonicalJson(params ?? {})}`;
}

/** Runs in the inline script: starts the page's first Apex calls with the session's headers. */
export function startFirstRequests(): void {
    const token = document.querySelector('meta[name="workbench-token"]')?.getAttribute('content') ?? '';
    const search = new URLSearchParams(window.location.search);
    const started = new Map<string, Promise<PreloadedResponse>>();
    for (const { method, params } of firstRequests(search)) {
        const response = fetch(`/apex/${method}`, {
            method: 'POST',
            headers: {
                'Content-Type': 'application/json',
                'x-workbench-user': search.get('user') ?? '',
                'x-workbench-token': token
            },
            body: JSON.stringify(params)
        }).then(async (answer) => ({ ok: answer.ok, status: answer.status, text: await answer.text() }));
        // A failed request is reported to the component that takes it; until then it is not an unhandled rejection.
        response.catch(() => undefined);
        started.set(preloadKey(method, params), response);
    }
    (window as unknown as Record<string, unknown>)[PRELOADS_GLOBAL] = started;
}
