// Local stand-in for the org, workbench only: `@salesforce/apex/Class.method` imports resolve here. Each method is
// callable imperatively and usable with @wire, like on the platform; both go to the stand-in server over HTTP.

import { PRELOADS_GLOBAL, preloadKey, type PreloadedResponse } from '../first-requests';
import { sessionHeaders } from './session';

type Params = Record<string, unknown> | undefined;
type DataCallback = (value: { data?: unknown; error?: unknown }) => void;

/** Wire adapters by the value they last emitted, so refreshApex(value) can fetch again. */
const adaptersByValue = new WeakMap<object, ApexWireAdapter>();

/**
 * The page's first call of this method with these parameters, when the HTML already started it
 * (workbench/client/first-requests.ts). Each started call answers once: a later call (a refresh) goes out anew.
 */
function takeFirstRequest(method: string, params: Params): Promise<PreloadedResponse> | undefined {
    const started = (window as unknown as Record<string, unknown>)[PRELOADS_GLOBAL] as
        Map<string, Promise<PreloadedResponse>> | undefined;
    const key = preloadKey(method, params);
    const response = started?.get(key);
    started?.delete(key);
    return response;
}

async function postApex(method: string, params: Params): Promise<PreloadedResponse> {
    const response = await fetch(`/apex/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...sessionHeaders() },
        body: JSON.stringify(params ?? {})
    });
    return { ok: response.ok, status: response.status, text: await response.text() };
}

export async function callApex(method: string, params: Params): Promise<unknown> {
    const response = await (takeFirstRequest(method, params) ?? postApex(method, params));
    let payload: unknown;
    try {
        payload = JSON.parse(response.text);
    } catch {
        payload = { body: { message: `HTTP ${response.status}` } };
    }
    if (!response.ok) throw payload;
    return payload;
}

class ApexWireAdapter {
    private config: Params;
    private connected = false;

    constructor(
        private readonly method: string,
        private readonly emit: DataCallback
    ) {}

    update(config: Params): void {
        this.config = config;
        if (this.connected) void this.fetch();
    }

    connect(): void {
        this.connected = true;
        if (this.config !== undefined) void this.fetch();
    }

    disconnect(): void {
        this.connected = false;
    }

    async fetch(): Promise<void> {
        // A reactive parameter that is still undefined means "not ready", as on the platform.
        if (this.config && Object.values(this.config).some((value) => value === undefined)) return;
        let value: { data?: unknown; error?: unknown };
        try {
            value = { data: await callApex(this.method, this.config), error: undefined };
        } catch (error) {
            value = { data: undefined, error };
        }
        adaptersByValue.set(value, this);
        this.emit(value);
    }
}

export function apexMethod(method: string) {
    const imperative = (params?: Params) => callApex(method, params);
    return Object.assign(imperative, {
        adapter: class extends ApexWireAdapter {
            constructor(emit: DataCallback) {
                super(method, emit);
            }
        }
    });
}

export function refreshApex(wiredValue: unknown): Promise<void> {
    const adapter = wiredValue && typeof wiredValue === 'object' ? adaptersByValue.get(wiredValue) : undefined;
    return adapter ? adapter.fetch() : Promise.resolve();
}
