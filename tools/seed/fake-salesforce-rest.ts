/**
 * A local HTTP stand-in for the few Salesforce REST endpoints the seed calls: `POST …/composite/sobjects` (sObject
 * Collections create, all or none) and `GET …/query`. It records every request, assigns Salesforce-shaped ids and
 * can fail a chosen record, so the seed is tested end to end through jsforce without an org.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KEY_PREFIXES, toId18 } from '../../workbench/sample-org/ids';

export interface RecordedRequest {
    method: string;
    path: string;
    query: Record<string, string>;
    body: unknown;
}

export interface CollectionRecord {
    attributes: { type: string };
    [field: string]: unknown;
}

export interface InjectedFailure {
    statusCode: string;
    message: string;
    fields?: string[];
}

export interface StandIn {
    url: string;
    requests: RecordedRequest[];
    /** Records the stand-in saved, per sObject type, with the id it assigned. */
    saved: Map<string, { id: string; record: CollectionRecord }[]>;
    runningUserId: string;
    close(): Promise<void>;
}

export interface StandInOptions {
    /** Return an error to fail this record (the whole call then rolls back). */
    failRecord?: (type: string, record: CollectionRecord) => InjectedFailure | null;
}

const API_PATH = /^\/services\/data\/v\d+\.\d+(\/.*)$/;

function readBody(request: IncomingMessage): Promise<string> {
    return new Promise((resolvePromise, reject) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
        request.on('error', reject);
    });
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
    const requests: RecordedRequest[] = [];
    const saved = new Map<string, { id: string; record: CollectionRecord }[]>();
    let counter = 0;
    const nextId = (type: string) => {
        const prefix = (KEY_PREFIXES as Record<string, string>)[type] ?? 'a0Z';
        counter += 1;
        return toId18(`${prefix}Zz0${String(counter).padStart(9, '0')}`);
    };
    const runningUserId = nextId('User');

    const server: Server = createServer((request, response) => {
        void (async () => {
            const url = new URL(request.url ?? '/', 'http://127.0.0.1');
            const raw = await readBody(request);
            let body: unknown = null;
            if (raw !== '') {
                try {
                    body = JSON.parse(raw);
                } catch {
                    body = raw;
                }
            }
            requests.push({
                method: request.method ?? 'GET',
                path: url.pathname,
                query: Object.fromEntries(url.searchParams.entries()),
                body
            });
            const send = (status: number, payload: unknown) => {
                response.writeHead(status, { 'content-type': 'application/json' });
                response.end(JSON.stringify(payload));
            };
            const apiPath = API_PATH.exec(url.pathname)?.[1];
            if (request.headers.authorization !== 'Bearer test') {
                send(401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]);
            } else if (request.method === 'GET' && apiPath === '/query') {
                send(200, {
                    totalSize: 1,
                    done: true,
                    records: [{ attributes: { type: 'User' }, Id: runningUserId }]
                });
            } else if (request.method === 'POST' && apiPath === '/composite/sobjects') {
                const { allOrNone, records } = body as { allOrNone: boolean; records: CollectionRecord[] };
                if (!Array.isArray(records) || records.length > 200) {
                    send(400, [
                        {
                            errorCode: 'EXCEEDED_ID_LIMIT',
                            message: 'record limit reached. cannot submit more than 200 records into this call'
                        }
                    ]);
                    return;
                }
                const failures = records.map((record) => options.failRecord?.(record.attributes.type, record) ?? null);
                const anyFailure = failures.some((failure) => failure !== null);
                if (anyFailure && allOrNone) {
                    send(
                        200,
                        failures.map((failure) => ({
                            success: false,
                            errors: [
                                failure ?? {
                                    statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                                    message:
                                        'Record rolled back because not all records were valid and the request was using AllOrNone header',
                                    fields: []
                                }
                            ]
                        }))
                    );
                    return;
                }
                send(
                    200,
                    records.map((record, index) => {
                        if (failures[index]) return { success: false, errors: [failures[index]] };
                        const id = nextId(record.attributes.type);
                        const list = saved.get(record.attributes.type) ?? [];
                        list.push({ id, record });
                        saved.set(record.attributes.type, list);
                        return { id, success: true, errors: [] };
                    })
                );
            } else {
                send(404, [
                    {
                        errorCode: 'NOT_FOUND',
                        message: `The stand-in does not implement ${request.method} ${url.pathname}`
                    }
                ]);
            }
        })();
    });
    await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        saved,
        runningUserId,
        close: () =>
            new Promise<void>((resolvePromise, reject) =>
                server.close((error) => (error ? reject(error) : resolvePromise()))
            )
    };
}
