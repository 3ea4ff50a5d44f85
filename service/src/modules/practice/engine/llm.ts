// The optional language model: it plays the buyer and judges the criteria. Configured only by the environment
// (OPENAI_API_KEY, OPENAI_MODEL, optionally OPENAI_BASE_URL for any OpenAI-compatible server); without it the
// scripted drill runs. Timeout and retries are explicit: the SDK's defaults (10 minutes, 2 retries) would hold the
// Apex callout far past its own limit.
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { PracticeTurn, PracticeTurnRequest } from '../contract/practice';
import type { Criterion } from './criteria';
import type { LlmSettings } from '../../../shared/llm-settings';

/** What the model returns when it judges: one verdict per criterion key. */
export const LlmVerdicts = z.object({
    verdicts: z.array(z.object({ key: z.string(), met: z.boolean(), evidence: z.string() }))
});
export type LlmVerdicts = z.infer<typeof LlmVerdicts>;

export interface PracticeModel {
    buyerTurn(request: PracticeTurnRequest): Promise<string>;
    judge(request: PracticeTurnRequest, criteria: readonly Criterion[]): Promise<LlmVerdicts>;
}

function personaPrompt(request: PracticeTurnRequest): string {
    const { persona } = request;
    const risks = persona.risks.map((risk) => `- ${risk.message}`).join('\n') || '- none recorded';
    return [
        `You are a buyer in a sales role-play. Stay in character; answer in at most three sentences.`,
        `You are the ${persona.buyerTitles[0]} at ${persona.accountName}${persona.industry ? ` (${persona.industry})` : ''}.`,
        `Other people involved on your side: ${persona.buyerTitles.slice(1).join(', ') || 'none the seller knows of'}.`,
        `The deal is at the stage "${persona.stage}". Its open risks, which you raise as objections:\n${risks}`,
        `The seller is practising: ${request.step.title}. Be realistic: push back, but reward good questions.`
    ].join('\n');
}

function chatHistory(transcript: readonly PracticeTurn[]) {
    // The model plays the buyer, so the buyer's turns are the assistant's.
    return transcript.map((turn) => ({
        role: turn.role === 'buyer' ? ('assistant' as const) : ('user' as const),
        content: turn.text
    }));
}

export function createPracticeModel(settings: LlmSettings): PracticeModel {
    const client = new OpenAI({
        apiKey: settings.apiKey,
        timeout: settings.timeoutMs,
        // A drill turn is interactive: no retries, the scripted buyer answers at once if the model fails.
        maxRetries: 0,
        ...(settings.baseURL ? { baseURL: settings.baseURL } : {})
    });
    return {
        async buyerTurn(request) {
            const completion = await client.chat.completions.create({
                model: settings.model,
                temperature: 0.7,
                messages: [
                    { role: 'system', content: personaPrompt(request) },
                    ...(request.transcript.length === 0
                        ? [{ role: 'user' as const, content: 'Open the conversation as the buyer.' }]
                        : chatHistory(request.transcript))
                ]
            });
            const text = completion.choices[0]?.message.content?.trim();
            if (!text) throw new Error('the model returned no buyer turn');
            return text.slice(0, 2000);
        },
        async judge(request, criteria) {
            const completion = await client.chat.completions.parse({
                model: settings.model,
                temperature: 0,
                messages: [
                    {
                        role: 'system',
                        content:
                            'You score a sales role-play. For each criterion, answer met true or false for the ' +
                            "seller's turns only, and quote the seller's words as evidence (or say what is missing)."
                    },
                    {
                        role: 'user',
                        content: JSON.stringify({
                            criteria: criteria.map(({ key, text }) => ({ key, text })),
                            transcript: request.transcript
                        })
                    }
                ],
                response_format: zodResponseFormat(LlmVerdicts, 'verdicts')
            });
            const parsed = completion.choices[0]?.message.parsed;
            if (!parsed) throw new Error('the model returned no verdicts');
            return parsed;
        }
    };
}
