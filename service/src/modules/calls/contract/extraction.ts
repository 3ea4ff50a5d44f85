import { z } from 'zod';
import { RiskKind } from './call-analysis';

/**
 * What an extractor returns before the guards: both the deterministic and the LLM extractor produce this shape, and
 * the LLM's structured output is generated from it (strict mode: every key required, `.nullable()` instead of
 * `.optional()`, no refinements or transforms). Quotes carry no offsets: the guards find each one in the input and
 * drop whatever is not there verbatim. Field names are plain strings on purpose, so an off-list field the model
 * invents reaches the guard (and is counted) instead of failing the whole answer.
 */
export const ExtractedProposal = z.strictObject({
    field: z.string().describe('API name of one of the allowed fields'),
    proposedValue: z.string().describe('New value; picklists: exactly one allowed value; dates: YYYY-MM-DD'),
    quotes: z.array(z.string()).describe('Verbatim excerpts of the call text that justify the value'),
    confidence: z.number().describe('0 to 1')
});
export type ExtractedProposal = z.infer<typeof ExtractedProposal>;

export const CallExtraction = z.strictObject({
    summary: z.string().describe('Two or three sentences: who, what was learned, what happens next'),
    proposals: z.array(ExtractedProposal),
    nextSteps: z.array(
        z.strictObject({
            description: z.string(),
            owner: z.string().nullable(),
            dueDate: z.string().nullable().describe('YYYY-MM-DD, resolved against asOf in the org time zone'),
            quote: z.string()
        })
    ),
    risks: z.array(z.strictObject({ kind: RiskKind, description: z.string(), quote: z.string() })),
    stepsCovered: z.array(z.strictObject({ stepKey: z.string(), quote: z.string() })),
    questionsToAsk: z.array(z.string())
});
export type CallExtraction = z.infer<typeof CallExtraction>;
