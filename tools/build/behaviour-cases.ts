// Shared behaviour cases (force-app/test/behaviour-cases/*.json): input → the expected result or error message of
// one Apex behaviour. The workbench twin's tests replay them against the twin; the Apex tests (BehaviourCases_Tests)
// replay the same files, embedded by `npm run build:fixtures` in the test-only static resource.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const BEHAVIOUR_CASES_DIR = resolve(__dirname, '..', '..', 'force-app', 'test', 'behaviour-cases');

const nullableText = z.string().nullable();
/** Either the expected result or the expected error message, never both. */
const outcome = <Result extends z.ZodType>(result: Result) =>
    z.union([
        z.strictObject({ result, error: z.undefined().optional() }),
        z.strictObject({ error: z.string().min(1), result: z.undefined().optional() })
    ]);

export const StepMarkCases = z.strictObject({
    about: z.string(),
    cases: z.array(
        z
            .strictObject({ name: z.string(), status: nullableText, skipReason: nullableText })
            .and(outcome(z.strictObject({ skipReason: nullableText })))
    )
});

export const NudgeFeedbackCases = z.strictObject({
    about: z.string(),
    cases: z.array(
        z
            .strictObject({ name: z.string(), nudgeCode: nullableText, outcome: nullableText, reason: nullableText })
            .and(outcome(z.strictObject({ reason: nullableText })))
    )
});

const isoDay = z.iso.date();
export const ReviewDecisionCases = z.strictObject({
    about: z.string(),
    today: isoDay,
    dealName: z.string(),
    activeOwnerIds: z.array(z.string()),
    cases: z.array(
        z.strictObject({
            name: z.string(),
            decision: z.strictObject({
                opportunityId: nullableText,
                decision: nullableText,
                newCloseDate: isoDay.nullable(),
                reason: nullableText,
                actionText: nullableText,
                actionOwnerId: nullableText,
                actionDueDate: isoDay.nullable()
            }),
            problems: z.array(z.string())
        })
    )
});

const SCHEMAS = {
    'step-mark-validation': StepMarkCases,
    'nudge-feedback-validation': NudgeFeedbackCases,
    'review-decision-validation': ReviewDecisionCases
} as const;

export type BehaviourName = keyof typeof SCHEMAS;

/** One behaviour's cases, validated: a malformed file fails with its name and the path of the bad value. */
export function loadBehaviourCases<Name extends BehaviourName>(
    name: Name,
    directory = BEHAVIOUR_CASES_DIR
): z.infer<(typeof SCHEMAS)[Name]> {
    const file = join(directory, `${name}.json`);
    const parsed = SCHEMAS[name].safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    return parsed.data as z.infer<(typeof SCHEMAS)[Name]>;
}

/** Every behaviour file, validated, keyed by name (what the static resource carries). */
export function loadAllBehaviourCases(directory = BEHAVIOUR_CASES_DIR): Record<string, unknown> {
    const files = readdirSync(directory).filter((file) => file.endsWith('.json'));
    const unknown = files.map((file) => file.replace(/\.json$/, '')).filter((name) => !(name in SCHEMAS));
    if (unknown.length > 0) {
        throw new Error(
            `${directory}: no schema for behaviour case file(s) ${unknown.join(', ')}; add one to tools/build/behaviour-cases.ts`
        );
    }
    return Object.fromEntries(
        (Object.keys(SCHEMAS) as BehaviourName[]).map((name) => [name, loadBehaviourCases(name, directory)])
    );
}
