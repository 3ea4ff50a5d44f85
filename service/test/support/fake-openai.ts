import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scripted OpenAI-compatible server on 127.0.0.1 for the real `openai` SDK: each request to
 * /v1/chat/completions takes the next scripted answer (the last one repeats) and is recorded.
 */
export type ScriptedAnswer =
    | { kind: 'completion'; content: string; promptTokens?: number; completionTokens?: number }
    | { kind: 'status'; status: number; retryAfterMs?: number }
    | { kind: 'hang' };

export interface ChatRequestBody {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
}

export interface FakeOpenAi {
    baseURL: string;
    requests: ChatRequestBody[];
    script(answers: ScriptedAnswer[]): void;
    close(): Promise<void>;
}

export const completion = (value: unknown, tokens = { promptTokens: 812, completionTokens: 143 }): ScriptedAnswer => ({
    kind: 'completion',
    content: typeof value === 'string' ? value : JSON.stringify(value),
    ...tokens
});

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
    let answers: ScriptedAnswer[] = [];
    let served = 0;
    const requests: ChatRequestBody[] = [];
    const hanging = new Set<ServerResponse>();

    const handle = (request: IncomingMessage, response: ServerResponse, raw: string) => {
        if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
            response.writeHead(404).end();
            return;
        }
        requests.push(JSON.parse(raw) as ChatRequestBody);
        const answer = answers[Math.min(served, answers.length - 1)];
        served++;
        if (!answer || answer.kind === 'hang') {
            hanging.add(response);
            return;
        }
        if (answer.kind === 'status') {
            response.writeHead(answer.status, {
                'content-type': 'application/json',
                ...(answer.retryAfterMs !== undefined ? { 'retry-after-ms': String(answer.retryAfterMs) } : {})
            });
            response.end(JSON.stringify({ error: { message: `scripted ${answer.status}`, type: 'scripted' } }));
            return;
        }
        const body = JSON.parse(raw) as ChatRequestBody;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
            JSON.stringify({
                id: `chatcmpl-${served}`,
                object: 'chat.completion',
                created: 1_790_000_000,
                model: body.model,
                choices: [
                    {
                        index: 0,
                        message: { role: 'assistant', content: answer.content, refusal: null },
                        finish_reason: 'stop',
                        logprobs: null
                    }
                ],
                usage: {
                    prompt_tokens: answer.promptTokens ?? 0,
                    completion_tokens: answer.completionTokens ?? 0,
                    total_tokens: (answer.promptTokens ?? 0) + (answer.completionTokens ?? 0)
                }
            })
        );
    };

    const server: Server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        baseURL: `http://127.0.0.1:${port}/v1`,
        requests,
        script(next) {
            answers = next;
            served = 0;
            requests.length = 0;
        },
        async close() {
            for (const response of hanging) response.destroy();
            server.closeAllConnections();
            await new Promise<void>((resolve) => server.close(() => resolve()));
        }
    };
}
