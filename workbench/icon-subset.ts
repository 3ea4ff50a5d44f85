// The workbench build's icon libraries hold only the icons the bundle names. lightning-base-components ships each
// icon category (utility, standard, action, doctype, custom, and their right-to-left twins) as one module holding
// every icon's template (~650 kB for utility or standard), and `lightning-primitive-icon` imports a whole category
// for its first icon. This plugin replaces each category's template table with one that imports only the icons
// named in the code the workbench can reach: our components and stand-ins, and the base components they use
// (followed through their imports and tags). Nothing is left to chance:
// - a name our code uses that no library holds fails the build;
// - after bundling, every icon name written in the bundle must be in the subset, or the build fails;
// - an icon asked for at run time that the subset lacks (a name built from pieces, which no scan can see) throws
//   instead of rendering blank, so the journeys, which fail on any page error, catch it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'rollup';

const CATEGORIES = ['utility', 'standard', 'action', 'doctype', 'custom'] as const;
type Category = (typeof CATEGORIES)[number];
/** `utility:close`, as written in templates and code (a quoted literal or an attribute value). */
const ICON_NAME = /\b(utility|standard|action|doctype|custom):([a-zA-Z0-9_]+)\b/g;
/** `lightning/x` in an import, a dynamic import or a string. */
const LIGHTNING_MODULE = /['"]lightning\/([a-zA-Z0-9]+)['"]/g;
/** `<lightning-primitive-input-file` in a template. */
const LIGHTNING_TAG = /<lightning-([a-z0-9-]+)/g;
/** The folders of the icon libraries themselves, which name every icon and are not what the bundle uses. */
const ICON_LIBRARY_FOLDER = /^iconSvgTemplates/;
/** The templates table a library's entry imports (`iconSvgTemplatesUtility.js` → `./buildTemplates/templates`). */
const LIBRARY_ENTRY =
    /[\\/]iconSvgTemplates(Utility|Standard|Action|Doctype|Custom)(Rtl)?[\\/]iconSvgTemplates\w+\.js$/;
const SUBSET_FILE = 'templates.subset.js';

export type IconName = `${Category}:${string}`;

function camelCase(tag: string): string {
    return tag.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function sourceFiles(folder: string, include: (file: string) => boolean): string[] {
    if (!existsSync(folder)) return [];
    return readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        if (statSync(path).isDirectory())
            return name.startsWith('__') || name === 'node_modules' ? [] : sourceFiles(path, include);
        return include(path) ? [path] : [];
    });
}

function iconNamesIn(text: string): IconName[] {
    return [...text.matchAll(ICON_NAME)].map((match) => `${match[1]}:${match[2]}` as IconName);
}

/** Every icon each category's full library holds, read from its templates table. */
export function libraryIcons(baseComponentsDir: string): Map<Category, Set<string>> {
    const icons = new Map<Category, Set<string>>();
    for (const category of CATEGORIES) {
        const folder = `iconSvgTemplates${category[0]!.toUpperCase()}${category.slice(1)}`;
        const table = readFileSync(join(baseComponentsDir, folder, 'buildTemplates', 'templates.js'), 'utf8');
        const names = [...table.matchAll(/from '\.\/[a-z]+\/([a-zA-Z0-9_]+)\.html'/g)].map((match) => match[1]!);
        icons.set(category, new Set(names));
    }
    return icons;
}

/**
 * The icons the workbench can name: those in `ownSources` (our components' and stand-ins' .ts and .html), and those in
 * every base component they reach, following `lightning/x` imports and `<lightning-x>` tags from folder to folder.
 * A base component's folder is read whole, so a branch the pages never take still counts (more icons, never fewer).
 */
export function reachableIcons(
    ownSources: readonly string[],
    baseComponentsDir: string
): { own: Set<IconName>; all: Set<IconName> } {
    const own = new Set<IconName>();
    const all = new Set<IconName>();
    const seen = new Set<string>();
    const queue: string[] = [];
    const follow = (text: string) => {
        for (const match of text.matchAll(LIGHTNING_MODULE)) queue.push(match[1]!);
        for (const match of text.matchAll(LIGHTNING_TAG)) queue.push(camelCase(match[1]!));
    };
    for (const file of ownSources) {
        const text = readFileSync(file, 'utf8');
        for (const name of iconNamesIn(text)) {
            own.add(name);
            all.add(name);
        }
        follow(text);
    }
    while (queue.length) {
        const component = queue.pop()!;
        if (seen.has(component) || ICON_LIBRARY_FOLDER.test(component)) continue;
        seen.add(component);
        for (const file of sourceFiles(join(baseComponentsDir, component), (path) => /\.(js|html)$/.test(path))) {
            const text = readFileSync(file, 'utf8');
            for (const name of iconNamesIn(text)) all.add(name);
            follow(text);
        }
    }
    return { own, all };
}

/** The module that replaces one category's templates table: only `names`, and a loud failure for any other. */
export function subsetModule(category: Category, names: readonly string[]): string {
    const sorted = [...names].sort();
    const imports = sorted.map((name) => `import ${category}_${name} from './${category}/${name}.html';`);
    return [
        ...imports,
        `const templates = { ${sorted.map((name) => `${category}_${name}`).join(', ')} };`,
        // Only this category's keys: the library object is also awaited (`then`) and read by the LWC engine.
        `const prefix = ${JSON.stringify(`${category}_`)};`,
        'export default new Proxy(templates, {',
        '    get(target, key) {',
        '        if (typeof key === "string" && key.startsWith(prefix) && !(key in target)) {',
        '            throw new Error(`The workbench build has no icon ' +
            category +
            ':${key.slice(prefix.length)}: name it as a literal in a component (workbench/icon-subset.ts)`);',
        '        }',
        '        return target[key];',
        '    }',
        '});',
        ''
    ].join('\n');
}

/** Our sources that can name icons or lightning-input types: the components and the workbench client (not tests). */
export function workbenchSources(repoRoot: string): string[] {
    const isSource = (path: string) => /\.(ts|html)$/.test(path) && !/\.test\.ts$/.test(path);
    return [
        ...sourceFiles(join(repoRoot, 'force-app', 'main', 'default', 'lwc'), isSource),
        ...sourceFiles(join(repoRoot, 'workbench', 'client'), isSource)
    ];
}

export function iconSubset(options: { ownSources: readonly string[]; baseComponentsDir: string }): Plugin {
    const library = libraryIcons(options.baseComponentsDir);
    const { own, all } = reachableIcons(options.ownSources, options.baseComponentsDir);
    const missing = [...own].filter((name) => {
        const [category, icon] = name.split(':') as [Category, string];
        return !library.get(category)!.has(icon);
    });
    if (missing.length) {
        throw new Error(`No icon library holds ${missing.join(', ')} (named in the components or the workbench)`);
    }
    // Names the base components write that no library holds (text that merely looks like one) are left out.
    const included = new Map<Category, string[]>(CATEGORIES.map((category) => [category, []]));
    for (const name of all) {
        const [category, icon] = name.split(':') as [Category, string];
        if (library.get(category)!.has(icon)) included.get(category)!.push(icon);
    }
    return {
        name: 'execution-loop-icon-subset',
        resolveId(source, importer) {
            if (source !== './buildTemplates/templates' || !importer || !LIBRARY_ENTRY.test(importer)) return null;
            return join(importer, '..', 'buildTemplates', SUBSET_FILE);
        },
        load(id) {
            if (!id.endsWith(SUBSET_FILE)) return null;
            const category = /iconSvgTemplates(Utility|Standard|Action|Doctype|Custom)/.exec(id)![1]!.toLowerCase();
            return subsetModule(category as Category, included.get(category as Category)!);
        },
        generateBundle(_options, bundle) {
            // The scan above must cover every icon name the bundle holds, or an icon would be missing at run time.
            const uncovered = new Set<string>();
            for (const item of Object.values(bundle)) {
                if (item.type !== 'chunk') continue;
                for (const name of iconNamesIn(item.code)) {
                    const [category, icon] = name.split(':') as [Category, string];
                    if (library.get(category)!.has(icon) && !included.get(category)!.includes(icon))
                        uncovered.add(name);
                }
            }
            if (uncovered.size) {
                this.error(`The bundle names icons its icon libraries lack: ${[...uncovered].sort().join(', ')}`);
            }
        }
    };
}

/** How many icons each category keeps (for the build's log and its tests). */
export function subsetSizes(ownSources: readonly string[], baseComponentsDir: string): Record<Category, number> {
    const library = libraryIcons(baseComponentsDir);
    const { all } = reachableIcons(ownSources, baseComponentsDir);
    const sizes = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
    for (const name of all) {
        const [category, icon] = name.split(':') as [Category, string];
        if (library.get(category)!.has(icon)) sizes[category]++;
    }
    return sizes;
}
