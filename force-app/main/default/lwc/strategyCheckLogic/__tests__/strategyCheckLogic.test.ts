import {
    errorText,
    intervalText,
    percent,
    toCalibrationDisplay,
    toForecastTiles,
    toLoopHealthTiles,
    toSegmentCards,
    type SegmentCard
} from 'c/strategyCheckLogic';
import { calibratedCard, checkView, notBetterCard } from '../../../../../test/fixtures/strategyFixtures';

const tileOf = (card: SegmentCard, key: string) => card.tiles.find((tile) => tile.key === key)!;

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
        expect(tileOf(cards[0]!, 'adherence')).toEqual({
            key: 'adherence',
            label: 'Adherence',
            value: '58 %',
            detail: '116 of 200 required steps done by their stage; 79 % the quarter before',
            tone: 'warning'
        });
        expect(tileOf(cards[0]!, 'gates').value).toBe('n/a');
        expect(cards[0]!.tiles.map((tile) => tile.label)).toEqual([
            'Adherence',
            'Gates on time',
            'Win rate',
            'Median cycle (won)',
            'Slip rate',
            'Mean won deal'
        ]);
        const withGates = toSegmentCards(
            checkView({
                gatesAvailable: true,
                segments: [{ ...checkView().segments[0]!, gatesDue: 4, gatesDoneOnTime: 3 }]
            })
        );
        expect(tileOf(withGates[0]!, 'gates')).toMatchObject({ value: '75 %', detail: '3 of 4 gates on time' });
        const noGateDue = toSegmentCards(
            checkView({
                gatesAvailable: true,
                segments: [{ ...checkView().segments[0]!, gatesDue: 0, gatesDoneOnTime: 0 }]
            })
        );
        expect(tileOf(noGateDue[0]!, 'gates')).toMatchObject({
            value: 'n/a',
            detail: 'No gate of this play came due in the quarter.'
        });
    });

    it('builds the loop-health and forecast tiles, toned by overdue actions and the size of the forecast error', () => {
        const view = checkView();
        const health = toLoopHealthTiles(view);
        expect(health.map((tile) => [tile.label, tile.value, tile.tone])).toEqual([
            ['Reviews per manager per week', '0.85', 'neutral'],
            ['Decisions per review', '2.8', 'neutral'],
            ['Overdue actions', '4', 'warning'],
            ['Reps with a monthly focus', 'n/a', 'neutral'],
            ['Call analyses per active deal', 'n/a', 'neutral']
        ]);
        const caughtUp = toLoopHealthTiles(
            checkView({
                loopHealth: {
                    ...view.loopHealth,
                    overdueActions: 0,
                    repsWithFocus: 3,
                    focusNote: null,
                    callAnalysesPerActiveDeal: 0.25,
                    callAnalysisNote: null,
                    activeDeals: 40
                }
            })
        );
        expect(caughtUp.map((tile) => [tile.value, tile.tone]).slice(2)).toEqual([
            ['0', 'success'],
            ['3', 'neutral'],
            ['0.25', 'neutral']
        ]);
        expect(caughtUp[4]!.detail).toBe('Over 40 open deals in scope');

        const forecast = toForecastTiles(view);
        expect(forecast.map((tile) => tile.label)).toEqual(['Committed', 'Closed won', 'Forecast error']);
        const toneOf = (errorShare: number | null) =>
            toForecastTiles(checkView({ forecast: { ...view.forecast, errorShare } }))[2]!.tone;
        expect([toneOf(0.1), toneOf(-0.25), toneOf(null)]).toEqual(['success', 'warning', 'neutral']);
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
