import {
    condensedPath,
    pathSummary,
    type StageView,
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
            evidence: 'Champion is identified'
        });
    });

    it('shows no criterion for steps of a stage the scoring did not evaluate', () => {
        const view = playbookView(CASE);
        const earlier = view.stages.find((stage) => stage.isPast)!;
        expect(stepRows(earlier, null, new Set()).every((row) => row.criterion === null)).toBe(true);
        expect(criteriaByStep(null).size).toBe(0);
    });

    it('says what is needed to advance, or that the stage is done, or that the deal needs scoring', () => {
        const criteria = dealScore(CASE).exitCriteria!;
        expect(advanceSummary(criteria, 'Solutioning')).toEqual({
            ready: false,
            headline: 'To leave Solutioning:',
            items: criteria.stillNeeded.map((need) => ({ key: need.stepKey, text: `${need.title}: ${need.missing}` }))
        });
        expect(advanceSummary({ ...criteria, readyToAdvance: true, stillNeeded: [] }, 'Solutioning')).toMatchObject({
            ready: true,
            headline: 'Every required exit criterion of Solutioning is met: ready to advance.'
        });
        expect(advanceSummary(null, 'Solutioning').headline).toBe(
            'Score the deal to check the exit criteria of this stage.'
        );
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

describe('condensedPath', () => {
    const stage = (index: number, current: number): StageView => ({
        apiName: `S${index}`,
        label: `Stage ${index}`,
        isCurrent: index === current,
        isPast: index < current,
        steps: []
    });
    const stages = (count: number, current: number) => Array.from({ length: count }, (_, i) => stage(i, current));

    it('keeps the current stage and its neighbours, folding the others into counted markers', () => {
        const items = condensedPath(stages(8, 4));
        expect(items.map((item) => item.label)).toEqual(['+3', 'Stage 3', 'Stage 4', 'Stage 5', '+2']);
        expect(items[0]!.title).toBe('3 earlier stages: Stage 0, Stage 1, Stage 2');
        expect(items[4]!.title).toBe('2 later stages: Stage 6, Stage 7');
        expect(items.map((item) => item.ariaCurrent)).toEqual(['false', 'false', 'step', 'false', 'false']);
        expect(items[1]!.className).toContain('slds-is-complete');
        expect(items[2]!.className).toContain('slds-is-current');
        expect(items[3]!.className).toContain('slds-is-incomplete');
        expect(pathSummary(stages(8, 4))).toBe('Stage 5 of 8: Stage 4');
    });

    it('never shows more than five items, whatever the number of stages', () => {
        for (const count of [1, 2, 3, 5, 12, 40]) {
            for (let current = -1; current < count; current++) {
                const items = condensedPath(stages(count, current));
                expect(items.length).toBeLessThanOrEqual(5);
                const shown = items.filter((item) => !item.label.startsWith('+')).length;
                const folded = items
                    .filter((item) => item.label.startsWith('+'))
                    .reduce((sum, item) => sum + Number(item.label.slice(1)), 0);
                expect(shown + folded).toBe(count);
            }
        }
    });

    it('starts at the first stages when the deal is in none of them', () => {
        expect(condensedPath(stages(4, -1)).map((item) => item.label)).toEqual(['Stage 0', 'Stage 1', '+2']);
        expect(pathSummary(stages(4, -1))).toBe('4 stages');
    });
});
