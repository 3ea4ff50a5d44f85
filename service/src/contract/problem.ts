import { z } from 'zod';

export const ProblemFieldError = z.strictObject({
    /** Where the problem is, e.g. `deals[3].closeDate`; empty for the body as a whole. */
    path: z.string(),
    message: z.string()
});
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

/** RFC 9457 problem details, served as `application/problem+json`. */
export const ProblemDetails = z.strictObject({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(ProblemFieldError).optional()
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

export const HealthResponse = z.strictObject({
    status: z.enum(['ok', 'shutting_down'])
});
