import { StoredResultError, errorMessage, parseJsonList, parseJsonObject } from 'c/lwcUtils';

describe('lwcUtils', () => {
    describe('stored JSON', () => {
        it('reads lists and objects, and treats absent as empty', () => {
            expect(parseJsonList('[1,2]', 'risks')).toEqual([1, 2]);
            expect(parseJsonList(null, 'risks')).toEqual([]);
            expect(parseJsonObject('{"stage":"Discovery"}', 'exit criteria')).toEqual({ stage: 'Discovery' });
            expect(parseJsonObject('null', 'exit criteria')).toBeNull();
        });

        it.each([['{'], ['{"a":1}'], ['"text"']])(
            'rejects %p as a list with a message naming what was unreadable',
            (json) => {
                expect(() => parseJsonList(json, 'risks')).toThrow(StoredResultError);
                expect(() => parseJsonList(json, 'risks')).toThrow('The stored risks of this deal');
            }
        );

        it('rejects a list where an object is expected', () => {
            expect(() => parseJsonObject('[]', 'exit criteria')).toThrow('The stored exit criteria of this deal');
        });
    });

    it('reads the message of Apex, UI API and JavaScript errors', () => {
        expect(errorMessage({ body: { message: 'No access' } })).toBe('No access');
        expect(errorMessage({ body: [{ message: 'A' }, { message: 'B' }] })).toBe('A, B');
        expect(errorMessage(new Error('Boom'))).toBe('Boom');
        expect(errorMessage(42)).toBe('Unknown error');
    });
});
