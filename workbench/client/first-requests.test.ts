import { canonicalJson, firstRequests, preloadKey } from './first-requests';

const search = (query: string) => new URLSearchParams(query);

describe("a page's first Apex calls, started from its HTML", () => {
    it("the board: loadBoard with the board's first query (every filter at its default, a page of 50)", () => {
        expect(firstRequests(search('page=review&user=005A'))).toEqual([
            {
                method: 'PipelineReviewController.loadBoard',
                params: {
                    query: {
                        scope: null,
                        repId: null,
                        closeQuarter: null,
                        stage: null,
                        forecastCategory: null,
                        band: null,
                        pageSize: 50,
                        cursorRisk: null,
                        cursorId: null
                    }
                }
            }
        ]);
    });

    it("the record page: each component's read of the deal", () => {
        expect(firstRequests(search('page=record&id=006A&user=005A'))).toEqual(
            [
                'DealHealthController.getDealHealth',
                'PlaybookController.getPlaybook',
                'NudgeController.getNudges',
                'CallInsightsController.getCallInsights'
            ].map((method) => ({ method, params: { opportunityId: '006A' } }))
        );
        // `/` serves the record page.
        expect(firstRequests(search('id=006A&user=005A'))).toHaveLength(4);
    });

    it('nothing while the page still has to pick the user or the deal, nor for the other pages', () => {
        expect(firstRequests(search('page=review'))).toEqual([]);
        expect(firstRequests(search('page=record&user=005A'))).toEqual([]);
        expect(firstRequests(search('page=development&user=005A'))).toEqual([]);
        expect(firstRequests(search('page=strategy&user=005A'))).toEqual([]);
    });

    it('matches a call whatever the order of its parameters, and only the same values', () => {
        expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
            '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}'
        );
        expect(preloadKey('A.m', { x: 1, y: 2 })).toBe(preloadKey('A.m', { y: 2, x: 1 }));
        expect(preloadKey('A.m', { x: 1 })).not.toBe(preloadKey('A.m', { x: 2 }));
        expect(preloadKey('A.m', { x: 1 })).not.toBe(preloadKey('B.m', { x: 1 }));
        expect(preloadKey('A.m', undefined)).toBe(preloadKey('A.m', {}));
    });
});
