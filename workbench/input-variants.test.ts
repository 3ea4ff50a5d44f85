import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workbenchSources } from './icon-subset';
import { inputVariantProblems } from './input-variants';

describe('lightning-input variants replaced in the workbench build', () => {
    let root: string;
    beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'input-variants-'))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const template = (name: string, text: string) => {
        const file = join(root, name);
        writeFileSync(file, text);
        return file;
    };

    it('accepts text and date inputs, and inputs without a type', () => {
        const file = template(
            'ok.html',
            '<template><lightning-input\n    type="date"\n    label="Due"></lightning-input><lightning-input label="Action"></lightning-input></template>'
        );
        expect(inputVariantProblems([file])).toEqual([]);
    });

    it('names a template that asks for a replaced type, or binds the type to a property', () => {
        const toggle = template(
            'toggle.html',
            '<template><lightning-input label="On" type="toggle"></lightning-input>'
        );
        const bound = template('bound.html', '<template><lightning-input type={kind}></lightning-input>');
        expect(inputVariantProblems([toggle, bound])).toEqual([
            `${toggle}: lightning-input type="toggle" is replaced in the workbench build`,
            `${bound}: lightning-input type={kind} cannot be checked by the workbench build`
        ]);
    });

    it('finds no problem in the real components and stand-ins', () => {
        expect(inputVariantProblems(workbenchSources(join(__dirname, '..')))).toEqual([]);
    });
});
