import type { IncomingMessage } from 'node:http';
import { pageRoute } from './pages';
import { WorkbenchStore } from './store';

const store = new WorkbenchStore({ deals: 40 });
const request = (referer?: string) => ({ headers: referer ? { referer } : {} }) as IncomingMessage;
const route = (path: string, referer?: string) => pageRoute(new URL(path, 'http://127.0.0.1'), request(referer), store);

describe('workbench page routes', () => {
    it('serves each page its own HTML (one entry script per page)', () => {
        expect(route('/?page=review&user=x')).toEqual({ kind: 'file', path: '/review.html' });
        expect(route('/?page=record')).toEqual({ kind: 'file', path: '/record.html' });
        expect(route('/')).toEqual({ kind: 'file', path: '/record.html' });
        expect(route('/assets/styles/x.css')).toBeNull();
    });

    it('opens a Lightning record link on the record page, as the user who followed it or the deal owner', () => {
        const deal = store.org.opportunities[0]!;
        expect(route(`/lightning/r/Opportunity/${deal.Id}/view`, 'http://127.0.0.1/?page=review&user=005MGR')).toEqual({
            kind: 'redirect',
            location: `/?page=record&id=${deal.Id}&user=005MGR`
        });
        expect(route(`/lightning/r/Opportunity/${deal.Id}/view`)).toEqual({
            kind: 'redirect',
            location: `/?page=record&id=${deal.Id}&user=${deal.OwnerId}`
        });
        expect(route('/lightning/r/Opportunity/not-an-id!/view')).toBeNull();
    });
});
