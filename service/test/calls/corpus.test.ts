import { evaluate } from '../../tools/eval-calls';
import { CORPUS } from './corpus';

describe('labelled call corpus', () => {
    it('has at least 30 varied calls', () => {
        expect(CORPUS.length).toBeGreaterThanOrEqual(30);
        expect(new Set(CORPUS.map((call) => call.kind))).toEqual(
            new Set(['terse-notes', 'notes', 'transcript', 'nothing', 'optimistic-rep', 'relative-dates', 'injection'])
        );
        expect(new Set(CORPUS.map((call) => call.name)).size).toBe(CORPUS.length);
    });

    it('deterministic extractor keeps its precision and recall (regression floor, figures in service/README.md)', async () => {
        const { micro, fields } = await evaluate('deterministic');
        expect(micro.precision).toBeGreaterThanOrEqual(0.95);
        expect(micro.recall).toBeGreaterThanOrEqual(0.85);
        // Every labelled field is found at least sometimes, and no field is mostly wrong.
        for (const score of fields) {
            expect(score.truePositives).toBeGreaterThan(0);
            expect(score.precision ?? 1).toBeGreaterThanOrEqual(0.8);
        }
    });
});
