import type { PlaybookStep } from '../../../contract';
import { evaluateStep } from './exit-criteria';
import type { DealFacts } from './facts';

/** A gate of the current or an earlier stage that is not passed yet. */
export interface OpenGate {
    readonly step: PlaybookStep;
    /** The deal already left the gate's stage without passing it. */
    readonly isPastStage: boolean;
    /** In words a rep can act on, naming the step by its label. */
    readonly message: string;
    readonly evidence: string;
}

/**
 * Gates up to the current stage that are not passed. A gate is passed when its criterion is met (data-backed criteria
 * read the data, the others need the step marked done) or it is marked not applicable; "skipped" does not pass it.
 */
export function findOpenGates(facts: DealFacts): OpenGate[] {
    const open: OpenGate[] = [];
    if (facts.deal.stage.isClosed) return open;
    for (const step of facts.gatesSoFar) {
        const verdict = evaluateStep(facts, step);
        if (verdict.isMet) continue;
        const isPastStage = step.stageOrder < facts.deal.stage.stageOrder;
        open.push({
            step,
            isPastStage,
            message: isPastStage
                ? `Gate not passed: "${step.title}" was due in ${step.stage}, which the deal has left`
                : `Gate: "${step.title}" must be passed before the deal leaves ${step.stage}`,
            evidence: `${step.title} (${step.stage}): ${verdict.evidence.toLowerCase()}`
        });
    }
    return open;
}
