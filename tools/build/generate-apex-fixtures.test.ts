import { collectFixtureCases } from './generate-apex-fixtures';

describe('Apex fixture resource', () => {
    it('keys score cases by name and the other operations as <operation>.<case>, without the 200-deal batch', () => {
        const cases = collectFixtureCases();
        const names = Object.keys(cases);
        expect(names).toEqual(expect.arrayContaining(['healthy', 'strategy.four-verdicts', 'calibration.calibrated']));
        expect(names).not.toContain('batch-200');
        expect(names.filter((name) => name.startsWith('score.'))).toEqual([]);
        const strategy = cases['strategy.four-verdicts']!.response as { segments: unknown[] };
        expect(strategy.segments).toHaveLength(4);
    });
});
