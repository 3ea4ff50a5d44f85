import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iconSubset, workbenchSources, reachableIcons, subsetModule } from './icon-subset';

const REPO_ROOT = join(__dirname, '..');
const BASE_COMPONENTS = join(REPO_ROOT, 'node_modules', 'lightning-base-components', 'src', 'lightning');

/** A miniature lightning-base-components tree: two libraries and three components, one reached only by its tag. */
function fakeBaseComponents(root: string): string {
    const write = (path: string, text: string) => {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
    };
    for (const [category, icons] of [
        ['Utility', ['close', 'down', 'upload']],
        ['Standard', ['account']],
        ['Action', []],
        ['Doctype', []],
        ['Custom', []]
    ] as const) {
        const lower = category.toLowerCase();
        write(
            `iconSvgTemplates${category}/buildTemplates/templates.js`,
            icons.map((icon) => `import { default as ${lower}_${icon} } from './${lower}/${icon}.html';`).join('\n')
        );
    }
    write('combobox/combobox.js', "import Base from 'lightning/baseCombobox';\nconst icon = 'utility:down';");
    write(
        'baseCombobox/baseCombobox.html',
        '<template><lightning-primitive-icon></lightning-primitive-icon></template>'
    );
    write('primitiveIcon/primitiveIcon.js', "const fallback = 'standard:account';");
    write('inputFile/inputFile.js', "const icon = 'utility:upload';");
    return root;
}

describe('the workbench icon subset', () => {
    let root: string;
    let own: string;
    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'icon-subset-'));
        fakeBaseComponents(join(root, 'lightning'));
        own = join(root, 'own.html');
        writeFileSync(
            own,
            '<template><lightning-combobox></lightning-combobox><lightning-icon icon-name="utility:close">'
        );
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('keeps the icons our code names and those of the base components it reaches, through imports and tags', () => {
        const { own: ownNames, all } = reachableIcons([own], join(root, 'lightning'));
        expect([...ownNames]).toEqual(['utility:close']);
        // inputFile is never reached, so its upload icon is left out.
        expect([...all].sort()).toEqual(['standard:account', 'utility:close', 'utility:down']);
    });

    it('fails the build when our code names an icon no library holds', () => {
        writeFileSync(own, '<template><lightning-icon icon-name="utility:guidance_center">');
        expect(() => iconSubset({ ownSources: [own], baseComponentsDir: join(root, 'lightning') })).toThrow(
            'No icon library holds utility:guidance_center'
        );
    });

    it('throws, instead of rendering blank, when an icon the subset lacks is asked for', () => {
        const module = subsetModule('utility', ['close']);
        expect(module).toContain("import utility_close from './utility/close.html';");
        // Run the module's table with a stand-in template in place of the import.
        const body = module.replace(/^import .*$/gm, '').replace('export default ', 'return ');
        const templates = new Function('utility_close', body)('close-template') as Record<string, unknown>;
        expect(templates.utility_close).toBe('close-template');
        expect(() => templates.utility_down).toThrow('The workbench build has no icon utility:down');
        // Other reads (an awaited library is asked for `then`) answer as a plain object would.
        expect(templates.then).toBeUndefined();
    });

    it('covers every icon the real components and workbench name, each held by a library', () => {
        const { own: ownNames, all } = reachableIcons(workbenchSources(REPO_ROOT), BASE_COMPONENTS);
        expect(ownNames.size).toBeGreaterThan(5);
        for (const name of ownNames) expect(all).toContain(name);
        expect(() =>
            iconSubset({ ownSources: workbenchSources(REPO_ROOT), baseComponentsDir: BASE_COMPONENTS })
        ).not.toThrow();
    });
});
