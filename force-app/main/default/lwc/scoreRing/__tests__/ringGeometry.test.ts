import { RING_CIRCUMFERENCE, arcDashArray, parseBand, parseScore, ringAssistiveText } from '../ringGeometry';

describe('ringGeometry', () => {
    it('accepts scores from 0 to 100 and rounds them', () => {
        expect(parseScore(0)).toBe(0);
        expect(parseScore(100)).toBe(100);
        expect(parseScore(66.6)).toBe(67);
    });

    it.each([[-0.1], [100.1], [Number.POSITIVE_INFINITY], [Number.NaN], ['50'], [null], [undefined]])(
        'rejects %p as a score',
        (value) => {
            expect(parseScore(value)).toBeNull();
        }
    );

    it('knows exactly the three bands', () => {
        expect(parseBand('healthy')).toBe('healthy');
        expect(parseBand('watch')).toBe('watch');
        expect(parseBand('at_risk')).toBe('at_risk');
        expect(parseBand('At Risk')).toBeNull();
        expect(parseBand('toString')).toBeNull();
    });

    it('splits the circumference between the filled arc and the gap', () => {
        const [filled, gap] = arcDashArray(40).split(' ').map(Number);
        expect(filled! + gap!).toBeCloseTo(RING_CIRCUMFERENCE, 1);
        expect(arcDashArray(0).startsWith('0.00 ')).toBe(true);
    });

    it('reads the score and band for assistive technology', () => {
        expect(ringAssistiveText(12, 'at_risk')).toBe('Deal health 12 out of 100, At risk');
        expect(ringAssistiveText(12, null)).toBe('Deal health 12 out of 100');
    });
});
