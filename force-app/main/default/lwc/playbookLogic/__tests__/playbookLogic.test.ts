import type { ExitCriteria } from '@contract';
import {
    advanceSummary,
    criteriaByStep,
    currentStage,
    findStep,
    skipReasonProblem,
    stepRows,
    withStepStatus
} from 'c/playbookLogic';
import { dealScore, playbookView } from '../../../../../test/fixtures/scoringFixtures';

const CASE = 'stalled-single-threaded';

describe('playbookLogic', () => {
    it('changes one step without touching the original view (optimistic update and rollback)', () => {
        const before = playbookView(CASE);
        const after = withStepStatus(before, 'validate_champion', 'skipped', 'Champion left the company', 'You');

        expect(findStep(after, 'validate_champion')!.step).toMatchObject({
            status: 'skipped',
            skipReason: 'Champion left the company',
            completedByName: 'You'
        });
        expect(findStep(before, 'validate_champion')!.step.status).toBe('open');
        expect(after.stages.filter((stage, index) => stage !== before.stages[index]).length).toBe(before.stages.length);
    });

    it('clears the reason and marker when a step is reopened', () => {
        const skipped = withStepStatus(playbookView(CASE), 'validate_champion', 'skipped', 'No champion yet', 'You');
        expect(
            findStep(withStepStatus(skipped, 'validate_champion', 'open', null, 'You'), 'validate_champion')!.step
        ).toMatchObject({
            status: 'open',
            skipReason: null,
            completedByName: null
        });
    });

    it('refuses to change a step the playbook does not have', () => {
        expect(() => withStepStatus(playbookView(CASE), 'nope', 'done', null, 'You')).toThrow(
            '"nope" is not a step of this playbook.'
        );
    });

    it('builds the current stage rows with met and unmet criteria and guidance state', () => {
        const view = playbookView(CASE);
        const rows = stepRows(currentStage(view)!, dealScore(CASE).exitCriteria, new Set(['identify_economic_buyer']));

        expect(rows.map((row) => [row.stepKey, row.statusLabel, row.criterion?.label, row.ariaExpanded])).toEqual([
            ['validate_champion', 'To do', 'Exit criterion not met', 'false'],
            ['identify_economic_buyer', 'To do', 'Exit criterion not met', 'true'],
            ['capture_decision_criteria', 'To do', 'Exit criterion not met', 'false'],
            ...rows.slice(3).map((row) => [row.stepKey, row.statusLabel, row.criterion?.label, 'false'])
        ]);
        expect(rows[0]!.criterion).toMatchObject({
            isMet: false,
            iconName: 'utility:close',
            evidence: 'Champion identified, not validated yet'
        });
    });

    it('shows no criterion for steps of a stage the scoring did not evaluate', () => {
        const view = playbookView(CASE);
        const earlier = view.stages.find((stage) => stage.isPast)!;
        expect(stepRows(earlier, null, new Set()).every((row) => row.criterion === null)).toBe(true);
        expect(criteriaByStep(null).size).toBe(0);
    });

    it('says every reason the deal is not ready, or that it is ready, or that the deal needs scoring', () => {
        const criteria = dealScore(CASE).exitCriteria!;
        expect(advanceSummary(criteria, 'Solutioning')).toEqual({
            ready: false,
            headline: 'Not ready to leave Solutioning:',
            items: [
                { key: 'exit_criterion:validate_champion', text: 'Test the champion: Champion must be validated' },
                {
                    key: 'exit_criterion:identify_economic_buyer',
                    text: 'Identify the economic buyer: Economic buyer must be identified'
                },
                {
                    key: 'exit_criterion:capture_decision_criteria',
                    text: 'Capture decision criteria: Decision criteria must be identified'
                },
                { key: 'high_risk:stalled_in_stage', text: 'The deal has stalled in Solutioning' }
            ]
        });
        expect(
            advanceSummary({ ...criteria, readyToAdvance: true, stillNeeded: [], blockers: [] }, 'Solutioning')
        ).toMatchObject({
            ready: true,
            headline:
                'Every gate and required exit criterion of Solutioning is met and no high risk is open: ready to advance.'
        });
        expect(advanceSummary(null, 'Solutioning').headline).toBe(
            'Score the deal to check the exit criteria of this stage.'
        );
    });

    it('names a gate the deal left behind first among the reasons', () => {
        const items = advanceSummary(dealScore('gate-not-passed').exitCriteria, 'Contracting').items;
        expect(items[0]).toEqual({
            key: 'gate:security_review',
            text: 'Gate not passed: "Pass the security review" was due in Negotiation, which the deal has left'
        });
    });

    it('lists the unmet criteria of a result stored before readiness had blockers', () => {
        const { blockers: _ignored, ...stored } = dealScore(CASE).exitCriteria!;
        const items = advanceSummary(stored as ExitCriteria, 'Solutioning').items;
        expect(items.map((item) => item.key)).toEqual([
            'validate_champion',
            'identify_economic_buyer',
            'capture_decision_criteria'
        ]);
    });

    it.each([
        ['', 'Say why this step is skipped.'],
        ['   ', 'Say why this step is skipped.'],
        ['x'.repeat(256), 'Keep the reason under 255 characters.'],
        ['Buyer has their own process', null]
    ])('validates the skip reason %#', (reason, problem) => {
        expect(skipReasonProblem(reason)).toBe(problem);
    });
});
