import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lazyDatepickerScript, lazyDatepickerTemplate } from './lazy-datepicker';

const inputDir = join(__dirname, '..', 'node_modules', 'lightning-base-components', 'src', 'lightning', 'input');

describe('lightning-input loads its datepicker when a date input first renders (workbench build)', () => {
    it("renders the installed lightning-input's datepicker as a dynamic component", () => {
        const html = lazyDatepickerTemplate(readFileSync(join(inputDir, 'input.html'), 'utf8'));
        expect(html).not.toContain('lightning-datepicker');
        const dynamic = /<lwc:component lwc:is=\{lazyDatepicker\}[^>]*>\s*<\/lwc:component>/.exec(html);
        expect(dynamic?.[0]).toContain('onchange={handleChange}');
    });

    it('gives the installed lightning-input a getter that imports the datepicker', () => {
        const code = lazyDatepickerScript(readFileSync(join(inputDir, 'input.js'), 'utf8'));
        expect(code).toMatch(/get lazyDatepicker\(\) \{[\s\S]*?import\('lightning\/datepicker'\)/);
        // Fetched ahead on an idle moment after load, not at start.
        expect(code).toMatch(/addEventListener\('load', preloadDatepicker/);
    });

    it('fails the build when lightning-input no longer has the shape the rewrite expects', () => {
        expect(() =>
            lazyDatepickerTemplate('<template><lightning-input-date></lightning-input-date></template>')
        ).toThrow(/expected one "<lightning-datepicker" in input\.html, found 0/);
        expect(() => lazyDatepickerScript('export default class Input extends LightningElement {}')).toThrow(/found 0/);
    });
});
