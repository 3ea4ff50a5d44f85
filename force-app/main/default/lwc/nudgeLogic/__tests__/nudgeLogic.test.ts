import { DEFAULT_MAX_NUDGES, dismissReason, parseMaxNudges, rankNudges, taskDefaults } from 'c/nudgeLogic';
import { DEFAULT_NUDGE_FIELDS, dealScore } from '../../../../../test/fixtures/scoringFixtures';

const nudges = dealScore('late-stage-no-economic-buyer').nudges;

describe('nudgeLogic', () => {
    it.each([
        [undefined, { value: DEFAULT_MAX_NUDGES }],
        ['', { value: DEFAULT_MAX_NUDGES }],
        [1, { value: 1 }],
        ['10', { value: 10 }],
        [0, { error: '"Maximum nudges shown" must be a whole number from 1 to 10; it is "0".' }],
        [2.5, { error: '"Maximum nudges shown" must be a whole number from 1 to 10; it is "2.5".' }],
        ['many', { error: '"Maximum nudges shown" must be a whole number from 1 to 10; it is "many".' }]
    ])('reads the maximum %p', (value, expected) => {
        expect(parseMaxNudges(value)).toEqual(expected);
    });

    it("keeps the service's ranking, a gate worth few points first, and numbers the rows", () => {
        const rows = rankNudges(nudges, 10, DEFAULT_NUDGE_FIELDS, new Set());
        expect(rows.map((row) => [row.rank, row.code, row.stepKey])).toEqual([
            [1, 'complete_playbook_step', 'security_review'],
            [2, 'qualify_economic_buyer', null],
            [3, 'multi_thread', null],
            [4, 'qualify_decision_process', null],
            [5, 'qualify_paper_process', null]
        ]);
        expect(rows[0]!.expectedImpact).toBeLessThan(rows[1]!.expectedImpact);
    });

    it('leaves out handled nudges before applying the maximum', () => {
        const rows = rankNudges(nudges, 2, DEFAULT_NUDGE_FIELDS, new Set(['qualify_economic_buyer']));
        expect(rows.map((row) => row.code)).toEqual(['complete_playbook_step', 'multi_thread']);
    });

    it('gives each nudge its one action, with the fields to edit for update_field', () => {
        const [step, economicBuyer, multiThread] = rankNudges(nudges, 5, DEFAULT_NUDGE_FIELDS, new Set());
        expect(economicBuyer).toMatchObject({
            actionLabel: 'Update field',
            fields: ['Economic_Buyer_Status__c', 'Economic_Buyer_Evidence__c'],
            canAct: true
        });
        expect(multiThread).toMatchObject({ actionLabel: 'Create task', fields: [], canAct: true });
        expect(step).toMatchObject({ actionLabel: 'Open playbook step', stepKey: 'security_review', canAct: true });
    });

    it('cannot offer a field edit for an unmapped field, or a step without a key', () => {
        const [economicBuyer] = rankNudges([nudges[1]!], 1, {}, new Set());
        expect(economicBuyer!.canAct).toBe(false);
        expect(economicBuyer!.actionProblem).toContain('No Opportunity field is mapped for "economicBuyer"');
        const [stepless] = rankNudges([{ ...nudges[0]!, stepKey: null }], 1, DEFAULT_NUDGE_FIELDS, new Set());
        expect(stepless!.actionProblem).toBe('The playbook step for this nudge is not known.');
    });

    it('prefills the Task from the nudge', () => {
        expect(taskDefaults({ ...nudges[1]!, title: 'x'.repeat(300) }, '006000000000001AAA')).toEqual({
            Subject: 'x'.repeat(255),
            Description: `Coaching nudge: ${nudges[1]!.why}`,
            WhatId: '006000000000001AAA',
            Priority: 'Normal',
            Status: 'Not Started'
        });
    });

    it.each([
        [null, '', { error: 'Choose why you dismiss this nudge.' }],
        ['Wrong timing', '', { reason: 'Wrong timing' }],
        ['other', '   ', { error: 'Say why you dismiss this nudge.' }],
        ['other', ' Champion left ', { reason: 'Champion left' }],
        ['other', 'y'.repeat(256), { error: 'Keep the reason under 255 characters.' }]
    ])('turns the dismissal choice %p into a reason or a problem', (choice, detail, expected) => {
        expect(dismissReason(choice, detail)).toEqual(expected);
    });
});
