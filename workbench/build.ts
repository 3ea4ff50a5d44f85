// Builds the workbench bundle: the real components (the .js `npm run build` compiles from force-app) rendered with
// the real lightning-base-components, plus the local stand-ins for platform modules the open-source base components
// do not ship (Apex, schema, message service, record API, toasts, navigation, record edit form).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { build, transform } from 'esbuild';
import { rollup, type OutputChunk, type Plugin } from 'rollup';
import ts from 'typescript';
import { readCustomLabels } from '../tools/build/custom-labels';
import { iconSubset, workbenchSources } from './icon-subset';
import { inputVariantProblems, UNUSED_INPUT_VARIANTS } from './input-variants';
import { lazyDatepicker } from './lazy-datepicker';
import { dedupeStylesheets } from './shared-stylesheets';

const repoRoot = resolve(__dirname, '..');
const clientDir = join(__dirname, 'client');
export const WORKBENCH_DIST = join(repoRoot, 'dist', 'workbench');
/** One entry per page: each page loads only its own components (the shared code is a common chunk). */
export const WORKBENCH_PAGES = ['record', 'review', 'development', 'strategy'] as const;
/** The folder of the content-hashed scripts: a file there never changes, so it may be cached without revalidation. */
export const HASHED_DIR = 'js';

const BASE_COMPONENTS_DIR = join(repoRoot, 'node_modules', 'lightning-base-components', 'src', 'lightning');

const PLATFORM_STAND_INS: Record<string, string> = {
    '@salesforce/apex': 'apex.ts',
    'lightning/uiRecordApi': 'uiRecordApi.ts',
    'lightning/messageService': 'messageService.ts',
    'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
    'lightning/navigation': 'navigation.ts',
    'lightning/pageReferenceUtils': 'pageReferenceUtils.ts'
};

const STAND_IN_COMPONENTS = ['recordEditForm', 'inputField', 'messages', 'unusedInputVariant'];
const REPLACED_INPUT_VARIANTS = new Set(Object.values(UNUSED_INPUT_VARIANTS));

/** Resolves platform imports to the workbench stand-ins, and scoped imports to small virtual modules. */
function platformStandIns(): Plugin {
    return {
        name: 'execution-loop-platform-stand-ins',
        resolveId(source, importer) {
            // lightning-input's variants no page uses: one empty stand-in (workbench/input-variants.ts).
            if (REPLACED_INPUT_VARIANTS.has(source)) {
                return this.resolve('lightning/unusedInputVariant', importer, { skipSelf: true });
            }
            // Element internals cannot run in synthetic shadow (which Lightning Experience uses); turn the gate off
            // as the platform does there, so lightning-combobox renders.
            if (source === '@salesforce/gate/bc.260.enableComboboxElementInternals') return '\0gate:off';
            if (source in PLATFORM_STAND_INS) return join(clientDir, 'platform', PLATFORM_STAND_INS[source]!);
            // Only the package's own labels (`c.`); the base components' labels resolve as before.
            if (/^@salesforce\/(apex|schema|messageChannel)\/|^@salesforce\/label\/c\./.test(source))
                return `\0${source}`;
            return null;
        },
        load(id) {
            if (id === '\0gate:off') return 'export default { isOpen: () => false };\n';
            if (!id.startsWith('\0@salesforce/')) return null;
            const [, kind, name] = /^\0@salesforce\/(apex|schema|messageChannel|label)\/(.+)$/.exec(id) ?? [];
            if (kind === 'apex') {
                const apexClient = JSON.stringify(join(clientDir, 'platform', 'apexClient.ts'));
                return `import { apexMethod } from ${apexClient};\nexport default apexMethod(${JSON.stringify(name)});\n`;
            }
            if (kind === 'label') {
                // `c.X`: the text of the package's labels file, as the org serves it.
                const labelName = (name ?? '').replace(/^c\./, '');
                const found = readCustomLabels().get(labelName);
                if (!found) throw new Error(`No Custom Label ${labelName} in force-app/main/default/labels`);
                return `export default ${JSON.stringify(found.value)};\n`;
            }
            if (kind === 'schema') {
                const [objectApiName, ...path] = (name ?? '').split('.');
                return `export default ${JSON.stringify({ objectApiName, fieldApiName: path.join('.') })};\n`;
            }
            return `export default ${JSON.stringify(name)};\n`;
        }
    };
}

/** TypeScript → JavaScript for the workbench's own modules, decorators kept for the LWC compiler. */
function stripTypes(): Plugin {
    return {
        name: 'execution-loop-strip-types',
        transform(code, id) {
            const file = id.split('?')[0]!;
            if (!file.endsWith('.ts')) return null;
            const output = ts.transpileModule(code, {
                fileName: file,
                compilerOptions: {
                    target: ts.ScriptTarget.ESNext,
                    module: ts.ModuleKind.ESNext,
                    useDefineForClassFields: true,
                    experimentalDecorators: false,
                    sourceMap: false
                }
            });
            return { code: output.outputText, map: null };
        }
    };
}

function componentModules(): Array<{ name: string; path: string }> {
    const lwcRoot = join(repoRoot, 'force-app', 'main', 'default', 'lwc');
    const modules = readdirSync(lwcRoot).map((name) => {
        const path = join(lwcRoot, name, `${name}.js`);
        if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
        return { name: `c/${name}`, path };
    });
    for (const name of STAND_IN_COMPONENTS) {
        modules.push({ name: `lightning/${name}`, path: join(clientDir, 'modules', 'lightning', name, `${name}.ts`) });
    }
    return modules;
}

/**
 * Minifies each output chunk with esbuild (whitespace, identifiers, syntax). It runs on rollup's output, which is
 * plain JavaScript by then: the LWC compiler has already compiled the components.
 */
function minify(): Plugin {
    return {
        name: 'execution-loop-minify',
        async renderChunk(code) {
            const result = await transform(code, {
                minify: true,
                format: 'esm',
                target: 'es2022',
                legalComments: 'none'
            });
            return { code: result.code, map: null };
        }
    };
}

/**
 * The inline script that starts a page's first Apex calls from the HTML (workbench/client/first-requests.ts), so
 * they run on the server while the browser fetches, parses and runs the page's modules.
 */
async function firstRequestsScript(): Promise<string> {
    const result = await build({
        stdin: {
            contents: "import { startFirstRequests } from './first-requests';\nstartFirstRequests();\n",
            resolveDir: clientDir,
            loader: 'ts'
        },
        bundle: true,
        format: 'iife',
        target: 'es2022',
        minify: true,
        write: false,
        legalComments: 'none'
    });
    return result.outputFiles[0]!.text.trim();
}

const DATEPICKER_MODULE = join(BASE_COMPONENTS_DIR, 'datepicker', 'datepicker.js');

/** The pages whose start scripts (entry and static imports, followed through) hold `moduleId`. */
function loadedAtStart(output: ReadonlyArray<OutputChunk | { type: 'asset' }>, moduleId: string): string[] {
    const chunks = new Map(
        output.filter((item): item is OutputChunk => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk])
    );
    const problems: string[] = [];
    for (const entry of [...chunks.values()].filter((chunk) => chunk.isEntry)) {
        const reached = new Set<string>();
        const visit = (fileName: string) => {
            if (reached.has(fileName)) return;
            reached.add(fileName);
            chunks.get(fileName)?.imports.forEach(visit);
        };
        visit(entry.fileName);
        const holder = [...reached].find((fileName) =>
            Object.keys(chunks.get(fileName)?.modules ?? {}).some((id) => id.split('?')[0] === moduleId)
        );
        if (holder) problems.push(`the ${entry.name} page loads ${holder} at start, which holds ${moduleId}`);
    }
    return problems;
}

/**
 * The HTML of one page: the first Apex calls started inline, its entry script, and every chunk it imports
 * preloaded, so they download in parallel.
 */
function pageHtml(template: string, entry: OutputChunk, firstRequests: string): string {
    const preloads = entry.imports.map((file) => `        <link rel="modulepreload" href="/${file}" />`).join('\n');
    return template
        .replace('<!-- first-requests -->', `<script>${firstRequests}</script>`)
        .replace('<!-- preloads -->', preloads)
        .replace('<!-- entry -->', `<script type="module" src="/${entry.fileName}"></script>`);
}

export async function buildWorkbench(outDir = WORKBENCH_DIST): Promise<string> {
    const problems = inputVariantProblems(workbenchSources(repoRoot));
    if (problems.length)
        throw new Error(
            `The workbench build cannot replace lightning-input's unused variants:\n${problems.join('\n')}`
        );
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const bundle = await rollup({
        input: Object.fromEntries(WORKBENCH_PAGES.map((page) => [page, join(clientDir, `${page}.ts`)])),
        plugins: [
            iconSubset({ ownSources: workbenchSources(repoRoot), baseComponentsDir: BASE_COMPONENTS_DIR }),
            platformStandIns(),
            lazyDatepicker(),
            dedupeStylesheets(BASE_COMPONENTS_DIR),
            stripTypes(),
            lwc({
                modules: [...componentModules(), { npm: 'lightning-base-components' }],
                enableDynamicComponents: true
            }),
            replace({
                preventAssignment: true,
                values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' }
            })
        ],
        onwarn(warning, warn) {
            if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
            // The open-source base components compile with template warnings that are theirs, not ours.
            if ((warning.id ?? warning.loc?.file ?? '').includes('lightning-base-components')) return;
            warn(warning);
        }
    });
    const { output } = await bundle.write({
        dir: outDir,
        format: 'esm',
        // Every script is named by its content's hash under /js/, which the server caches for good (immutable).
        entryFileNames: `${HASHED_DIR}/[name]-[hash].js`,
        chunkFileNames: `${HASHED_DIR}/[name]-[hash].js`,
        plugins: [minify()]
    });
    await bundle.close();
    const lazyProblems = loadedAtStart(output, DATEPICKER_MODULE);
    if (lazyProblems.length)
        throw new Error(`The date picker must load only when a date input renders:\n${lazyProblems.join('\n')}`);
    const template = readFileSync(join(__dirname, 'index.html'), 'utf8');
    const firstRequests = await firstRequestsScript();
    for (const page of WORKBENCH_PAGES) {
        const entry = output.find(
            (item): item is OutputChunk => item.type === 'chunk' && item.isEntry && item.name === page
        );
        if (!entry) throw new Error(`The workbench build made no entry for the ${page} page`);
        writeFileSync(join(outDir, `${page}.html`), pageHtml(template, entry, firstRequests));
    }
    cpSync(join(__dirname, 'workbench.css'), join(outDir, 'workbench.css'));
    const designSystem = join(repoRoot, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
    cpSync(join(designSystem, 'styles'), join(outDir, 'assets', 'styles'), { recursive: true });
    cpSync(join(designSystem, 'icons'), join(outDir, 'assets', 'icons'), { recursive: true });
    return outDir;
}

if (require.main === module) {
    const started = Date.now();
    buildWorkbench()
        .then((outDir) => console.log(`Workbench built in ${Date.now() - started} ms: ${outDir}`))
        .catch((error: unknown) => {
            console.error(error);
            process.exitCode = 1;
        });
}
