// Proves the TypeScript → LWC chain: the build config compiles every component source, keeps decorators as
// written, and the LWC compiler (the same one the platform runs) accepts every emitted file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { transformSync } from '@lwc/compiler';
import { isComponentSource, walkFiles } from '../verify-salesforce/project';
import { buildComponents } from './build-lwc';

const repoRoot = resolve(__dirname, '..', '..');
const lwcRoot = join(repoRoot, 'force-app', 'main', 'default', 'lwc');

describe('npm run build:lwc (tools/build/build-lwc.ts with tsconfig.lwc.json)', () => {
    let outDir: string;
    const sources = walkFiles(lwcRoot, isComponentSource);

    beforeAll(() => {
        outDir = mkdtempSync(join(tmpdir(), 'lwc-build-'));
        buildComponents(lwcRoot, (source) => {
            const target = join(outDir, relative(lwcRoot, source)).replace(/\.ts$/, '.js');
            mkdirSync(dirname(target), { recursive: true });
            return target;
        });
    }, 120_000);

    afterAll(() => rmSync(outDir, { recursive: true, force: true }));

    it('finds the component sources', () => {
        expect(sources.length).toBeGreaterThan(0);
    });

    it('emits a .js for every component .ts, with decorators preserved', () => {
        for (const source of sources) {
            const emitted = join(outDir, relative(lwcRoot, source)).replace(/\.ts$/, '.js');
            expect(existsSync(emitted)).toBe(true);
            const decoratorsInSource = (readFileSync(source, 'utf8').match(/^\s*@(api|wire|track)\b/gm) ?? []).length;
            const decoratorsEmitted = (readFileSync(emitted, 'utf8').match(/^\s*@(api|wire|track)\b/gm) ?? []).length;
            expect(decoratorsEmitted).toBe(decoratorsInSource);
        }
    });

    it('passes the LWC compiler for every emitted module', () => {
        for (const source of sources) {
            const emitted = join(outDir, relative(lwcRoot, source)).replace(/\.ts$/, '.js');
            const componentName = basename(dirname(source));
            const result = transformSync(readFileSync(emitted, 'utf8'), basename(emitted), {
                name: componentName,
                namespace: 'c'
            });
            // A UI component's main module must come out as a registered LightningElement; logic modules just compile.
            const isUiComponent =
                basename(source, '.ts') === componentName && existsSync(source.replace(/\.ts$/, '.html'));
            if (isUiComponent) {
                expect(result.code).toContain('registerComponent');
                expect(result.code).toContain('registerDecorators');
            } else {
                expect(result.code.length).toBeGreaterThan(0);
            }
        }
    });
});

describe('tsconfig paths', () => {
    it('map every component folder as c/<name>, so imports between components are type-checked', () => {
        const config = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.base.json'), 'utf8')) as {
            compilerOptions: { paths: Record<string, string[]> };
        };
        const components = walkFiles(lwcRoot, isComponentSource)
            .filter((file) => basename(file, '.ts') === basename(dirname(file)))
            .map((file) => basename(dirname(file)));
        for (const name of components) {
            expect(config.compilerOptions.paths[`c/${name}`]).toEqual([`./force-app/main/default/lwc/${name}/${name}`]);
        }
    });
});
