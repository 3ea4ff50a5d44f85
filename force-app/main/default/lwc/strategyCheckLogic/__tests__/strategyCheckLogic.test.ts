import { errorText, intervalText, percent, toCalibrationDisplay, toSegmentCards } from 'c/strategyCheckLogic';
import { calibratedCard, checkView, notBetterCard } from '../../../../../test/fixtures/strategyFixtures';

describe('strategy check logic', () => {
    it('words shares, intervals and forecast errors', () => {
        expect(percent(null)).toBe('n/a');
        expect(percent(0.625)).toBe('63 %');
        expect(intervalText({ rate: 0.5, low: 0.3, high: 0.7, count: 20 }, 0.9)).toBe(
            '50 % of 20 (90 % interval 30–70 %)'
        );
        expect(intervalText({ rate: null, low: null, high: null, count: 0 }, 0.9)).toBe('no closed deals');
        expect(errorText(0.123)).toBe('+12 %');
        expect(errorText(-0.2)).toBe('-20 %');
        expect(errorText(null)).toBe('nothing committed');
    });

    it('builds one card per segment with the verdict tone and adherence from the counts', () => {
        const cards = toSegmentCards(checkView());
        expect(cards.map((card) => card.verdictTone)).toEqual(['warning', 'error', 'success', 'neutral']);
        expect(cards[0]!.adherenceText).toBe('58 %');
        expect(cards[0]!.adherenceDetail).toBe(
            '116 of 200 required steps done by their stage; 79 % the quarter before'
        );
        expect(cards[0]!.gatesText).toBe('n/a');
        const withGates = toSegmentCards(
            checkView({
                gatesAvailable: true,
                segments: [{ ...checkView().segments[0]!, gatesDue: 4, gatesDoneOnTime: 3 }]
            })
        );
        expect(withGates[0]!.gatesText).toBe('75 %');
    });

    it('reads the stored evaluation and shows a probability only when calibrated', () => {
        const shown = toCalibrationDisplay(calibratedCard);
        expect(shown.showsProbability).toBe(true);
        expect(shown.reliability.every((bin) => bin.count > 0)).toBe(true);
        const hidden = toCalibrationDisplay(notBetterCard);
        expect(hidden.showsProbability).toBe(false);
        expect(hidden.explanation).toMatch(/not a probability/);
        expect(() => toCalibrationDisplay({ ...calibratedCard, evaluationJson: '{not json' })).toThrow(
            /calibration evaluation/
        );
    });
});
