import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedStylesheets } from './shared-stylesheets';

describe('identical base-component stylesheets bundled once (workbench build)', () => {
    let root: string;
    beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'shared-stylesheets-'))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const stylesheet = (path: string, text: string) => {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
        return join(root, path);
    };

    it('resolves every copy of a stylesheet to the first in sorted order, and leaves stylesheets that differ alone', () => {
        const first = stylesheet('combobox/form-element.slds.css', '.slds-form-element { margin: 0; }');
        const copy = stylesheet('input/form-element.slds.css', '.slds-form-element { margin: 0; }');
        const otherCopy = stylesheet('textarea/form-element.slds.css', '.slds-form-element { margin: 0; }');
        const differs = stylesheet('select/form-element.slds.css', '.slds-form-element { margin: 1px; }');
        stylesheet('input/input.js', '.slds-form-element { margin: 0; }');

        const canonical = sharedStylesheets(root);

        expect(Object.fromEntries(canonical)).toEqual({ [copy]: first, [otherCopy]: first });
        expect(canonical.has(differs)).toBe(false);
    });
});
