import { request } from 'node:http';
import { TEST_API_KEY } from './support/app';
import { FIXTURE_AS_OF, healthyDeal } from './support/deal-factory';
import { spawnServer, waitForListening } from './support/server-process';

describe('graceful shutdown', () => {
    it('finishes an in-flight request after SIGTERM, then exits 0', async () => {
        const server = spawnServer({ SERVICE_API_KEYS: TEST_API_KEY, PORT: '0', LOG_LEVEL: 'info' });
        const baseUrl = await waitForListening(server);
        const body = JSON.stringify({ asOf: FIXTURE_AS_OF, deals: [healthyDeal()] });
        const half = Math.floor(body.length / 2);

        const responsePromise = new Promise<{ status: number; body: string }>((resolve, reject) => {
            const outgoing = request(
                `${baseUrl}/v1/deals/score`,
                {
                    method: 'POST',
                    headers: {
                        authorization: `Bearer ${TEST_API_KEY}`,
                        'content-type': 'application/json',
                        'content-length': Buffer.byteLength(body)
                    }
                },
                (response) => {
                    let text = '';
                    response.on('data', (chunk: Buffer) => (text += chunk.toString()));
                    response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
                }
            );
            outgoing.on('error', reject);
            // Send half the body, signal the server mid-request, then finish the upload.
            outgoing.write(body.slice(0, half), () => {
                setTimeout(() => {
                    server.child.kill('SIGTERM');
                    setTimeout(() => outgoing.end(body.slice(half)), 300);
                }, 100);
            });
        });

        const response = await responsePromise;
        expect(response.status).toBe(200);
        const scored = JSON.parse(response.body) as { results: Array<{ dealId: string }> };
        expect(scored.results[0]!.dealId).toBe(healthyDeal().id);
        expect(await server.exited).toBe(0);
        expect(server.stdout()).toContain('shutting down: draining in-flight requests');
        expect(server.stdout()).toContain('shutdown complete');
    }, 30_000);
});
