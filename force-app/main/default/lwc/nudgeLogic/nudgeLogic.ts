// Plain logic of the coaching nudges: ranking, the one action each nudge offers, the prefilled Task, and the
// dismissal reasons. No DOM, so it is unit-tested on its own.
import type { NudgeService } from '@generated/apex';
import type { Nudge } from '@contract';

/** NudgeService.NudgeView, generated from the Apex class (types/generated/apex.d.ts). */
export type NudgeView = NudgeService.NudgeView;

export const DEFAULT_MAX_NUDGES = 3;
export const MAX_NUDGES_LIMIT = 10;

/** The design attribute "Maximum nudges shown": a whole number from 1 to 10; blank means the default. */
export function parseMaxNudges(value: unknown): { value: number } | { error: string } {
    if (value === undefined || value === null || value === '') return { value: DEFAULT_MAX_NUDGES };
    const parsed = typeof value === 'number' ? value : Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > MAX_NUDGES_LIMIT) {
        return {
            error: `"Maximum nudges shown" must be a whole number from 1 to ${MAX_NUDGES_LIMIT}; it is "${String(value)}".`
        };
    }
    return { value: parsed };
}

export type NudgeActionKind = 'create_task' | 'complete_step' | 'update_field';

export interface NudgeRow extends Nudge {
    rank: number;
    actionLabel: string;
    actionIcon: string;
    /** The Opportunity fields the rep edits for an update_field nudge. */
    fields: string[];
    /** Why the action cannot be offered (for example an unmapped field); the nudge can still be dismissed. */
    actionProblem: string | null;
    canAct: boolean;
    headingId: string;
}

const ACTION_LABELS: Record<NudgeActionKind, string> = {
    create_task: 'Create task',
    complete_step: 'Open playbook step',
    update_field: 'Update field'
};

const ACTION_ICONS: Record<NudgeActionKind, string> = {
    create_task: 'utility:task',
    complete_step: 'utility:steps',
    update_field: 'utility:edit'
};

function actionProblem(nudge: Nudge, fields: string[]): string | null {
    if (nudge.actionType === 'update_field' && fields.length === 0) {
        return `No Opportunity field is mapped for "${nudge.fieldName ?? 'unknown'}"; an admin can map it in the Execution Loop settings.`;
    }
    if (nudge.actionType === 'complete_step' && !nudge.stepKey) {
        return 'The playbook step for this nudge is not known.';
    }
    return null;
}

/**
 * Nudges in the service's order, at most `max`, minus the handled ones. The service ranks them (an open gate first,
 * then by expected effect), so the component does not re-sort: a gate worth few points still comes first.
 */
export function rankNudges(
    nudges: Nudge[],
    max: number,
    fieldsByNudgeField: Record<string, string[]>,
    handledCodes: ReadonlySet<string>
): NudgeRow[] {
    return nudges
        .filter((nudge) => !handledCodes.has(nudge.code))
        .slice(0, max)
        .map((nudge, position) => {
            const fields = nudge.fieldName ? (fieldsByNudgeField[nudge.fieldName] ?? []) : [];
            const problem = actionProblem(nudge, fields);
            return {
                ...nudge,
                rank: position + 1,
                actionLabel: ACTION_LABELS[nudge.actionType],
                actionIcon: ACTION_ICONS[nudge.actionType],
                fields,
                actionProblem: problem,
                canAct: problem === null,
                headingId: `nudge-${nudge.code}`
            };
        });
}

/** Default field values of the Task a create_task nudge opens (the rep reviews them before saving). */
export function taskDefaults(nudge: Nudge, opportunityId: string): Record<string, string> {
    return {
        Subject: nudge.title.slice(0, 255),
        Description: `Coaching nudge: ${nudge.why}`,
        WhatId: opportunityId,
        Priority: 'Normal',
        Status: 'Not Started'
    };
}

export const DISMISS_REASONS: Array<{ label: string; value: string }> = [
    { label: 'Already done', value: 'Already done' },
    { label: 'Not relevant to this deal', value: 'Not relevant to this deal' },
    { label: 'Wrong timing', value: 'Wrong timing' },
    { label: 'The data behind it is wrong', value: 'The data behind it is wrong' },
    { label: 'Other (say why)', value: 'other' }
];

/** The reason saved with a dismissal, or the problem that stops it. */
export function dismissReason(
    choice: string | null | undefined,
    detail: string | null | undefined
): { reason: string } | { error: string } {
    if (!choice) return { error: 'Choose why you dismiss this nudge.' };
    if (choice === 'other') {
        const text = (detail ?? '').trim();
        if (!text) return { error: 'Say why you dismiss this nudge.' };
        if (text.length > 255) return { error: 'Keep the reason under 255 characters.' };
        return { reason: text };
    }
    return { reason: choice };
}
