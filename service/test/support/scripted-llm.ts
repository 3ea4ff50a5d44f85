import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply of the local model: assistant text, or an HTTP error status. */
export type ScriptedReply = { content: string } | { status: number };

export interface ScriptedLlm {
    baseURL: string;
    /** Request bodies received, in order. */
    requests: Array<{ model: string; messages: Array<{ role: string; content: string }>; response_format?: unknown }>;
    close(): Promise<void>;
}

function readJson(request: IncomingMessage): Promise<unknown> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        request.on('error', reject);
    });
}

/**
 * A local OpenAI-compatible chat-completions server on 127.0.0.1 that answers from a script, for tests of the real
 * openai SDK. Never any other address.
 */
export async function startScriptedLlm(replies: ScriptedReply[]): Promise<ScriptedLlm> {
    const requests: ScriptedLlm['requests'] = [];
    let next = 0;
    const server: Server = createServer((request, response) => {
        void readJson(request).then((body) => {
            requests.push(body as ScriptedLlm['requests'][number]);
            const reply = replies[Math.min(next, replies.length - 1)];
            next += 1;
            if (!reply || request.url !== '/v1/chat/completions') {
                response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"no"}}');
                return;
            }
            if ('status' in reply) {
                response
                    .writeHead(reply.status, { 'content-type': 'application/json' })
                    .end(
                        JSON.stringify({ error: { message: `scripted failure ${reply.status}`, type: 'server_error' } })
                    );
                return;
            }
            response.writeHead(200, { 'content-type': 'application/json' }).end(
                JSON.stringify({
                    id: `chatcmpl-${next}`,
                    object: 'chat.completion',
                    created: 1_764_000_000,
                    model: (body as { model: string }).model,
                    choices: [
                        {
                            index: 0,
                            message: { role: 'assistant', content: reply.content, refusal: null },
                            finish_reason: 'stop',
                            logprobs: null
                        }
                    ],
                    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 }
                })
            );
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        baseURL: `http://127.0.0.1:${port}/v1`,
        requests,
        close: () => new Promise((resolve) => server.close(() => resolve()))
    };
}
