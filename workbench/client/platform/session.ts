// The workbench session: the running user (from the URL) and the per-run token the server put into index.html.
// Every call to the workbench server sends both; the server refuses API calls without the token.

export function currentUserId(): string {
    return new URLSearchParams(window.location.search).get('user') ?? '';
}

export function sessionToken(): string {
    return document.querySelector('meta[name="workbench-token"]')?.getAttribute('content') ?? '';
}

/** Headers for a call to the workbench server. */
export function sessionHeaders(): Record<string, string> {
    return { 'x-workbench-user': currentUserId(), 'x-workbench-token': sessionToken() };
}
