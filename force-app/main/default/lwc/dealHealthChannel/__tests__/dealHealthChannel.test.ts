import { publish, subscribe, unsubscribe } from 'lightning/messageService';
import { listenToDeal, tellDeal } from 'c/dealHealthChannel';

const subscribeMock = subscribe as unknown as jest.Mock;

describe('dealHealthChannel', () => {
    afterEach(() => jest.clearAllMocks());

    it('delivers only the messages about the current record, with their kind and payload', () => {
        let recordId = '006000000000001AAA';
        const received: Array<[string, unknown]> = [];
        listenToDeal(
            {},
            () => recordId,
            (kind, payload) => received.push([kind, payload])
        );
        const deliver = subscribeMock.mock.calls[0]![2] as (message: Record<string, unknown>) => void;

        deliver({ recordId: '006000000000001AAA', kind: 'openStep', payload: 'map_stakeholders' });
        deliver({ recordId: '006000000000002AAA', kind: 'openStep', payload: 'other deal' });
        deliver({ recordId: '006000000000001AAA', payload: 'no kind' });
        recordId = '006000000000002AAA';
        deliver({ recordId: '006000000000002AAA', kind: 'scored', payload: 42 });

        expect(received).toEqual([
            ['openStep', 'map_stakeholders'],
            ['scored', 42]
        ]);
    });

    it('stops listening when asked', () => {
        subscribeMock.mockReturnValue('subscription-1');
        listenToDeal(
            {},
            () => undefined,
            () => undefined
        ).stopListening();
        expect(unsubscribe).toHaveBeenCalledWith('subscription-1');
    });

    it('tells the page about a deal on the channel', () => {
        tellDeal('context', '006000000000001AAA', 'progressChanged', 'step_key');
        expect(publish).toHaveBeenCalledWith('context', expect.anything(), {
            recordId: '006000000000001AAA',
            kind: 'progressChanged',
            payload: 'step_key'
        });
    });
});
