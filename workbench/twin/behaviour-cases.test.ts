// Replays the shared behaviour cases (force-app/test/behaviour-cases) against the twin; BehaviourCases_Tests.cls
// replays the same files against Apex, so the two cannot drift apart unnoticed.
import { loadBehaviourCases } from '../../tools/build/behaviour-cases';
import { validateFeedback } from './NudgeController';
import { validateDecision } from './PipelineReviewController';
import { validateStepMark } from './PlaybookController';
import { ApexError, readId } from './params';

/** What a validator does with one case: the value it returns, or the message of the ApexError it throws. */
function outcomeOf<T>(run: () => T): { result: T } | { error: string } {
    try {
        return { result: run() };
    } catch (error) {
        if (error instanceof ApexError) return { error: error.message };
        throw error;
    }
}

describe('shared behaviour cases, replayed by the twin', () => {
    const stepMarks = loadBehaviourCases('step-mark-validation');
    it.each(stepMarks.cases.map((testCase) => [testCase.name, testCase] as const))('step mark: %s', (_, testCase) => {
        const outcome = outcomeOf(() => ({ skipReason: validateStepMark(testCase.status, testCase.skipReason) }));
        expect(outcome).toEqual(testCase.error === undefined ? { result: testCase.result } : { error: testCase.error });
    });

    const feedback = loadBehaviourCases('nudge-feedback-validation');
    it.each(feedback.cases.map((testCase) => [testCase.name, testCase] as const))(
        'nudge feedback: %s',
        (_, testCase) => {
            const outcome = outcomeOf(() => ({
                reason: validateFeedback(testCase.nudgeCode, testCase.outcome, testCase.reason).reason
            }));
            expect(outcome).toEqual(
                testCase.error === undefined ? { result: testCase.result } : { error: testCase.error }
            );
        }
    );

    const decisions = loadBehaviourCases('review-decision-validation');
    // Ids arrive as Apex receives them: 15-character ids widened to 18.
    const activeOwners = new Set(decisions.activeOwnerIds.map((id) => readId(id, 'activeOwnerIds')!));
    it.each(decisions.cases.map((testCase) => [testCase.name, testCase] as const))(
        'review decision: %s',
        (_, testCase) => {
            const input = {
                ...testCase.decision,
                opportunityId: readId(testCase.decision.opportunityId, 'opportunityId'),
                actionOwnerId: readId(testCase.decision.actionOwnerId, 'actionOwnerId')
            };
            expect(validateDecision(decisions.dealName, input, activeOwners, decisions.today)).toEqual(
                testCase.problems
            );
        }
    );
});
