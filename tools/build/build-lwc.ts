// `npm run build:lwc`: compiles each component's TypeScript to the JavaScript beside it, file by file, with the
// options of tsconfig.lwc.json. Per-file transpilation emits exactly the component files (type-only imports, such
// as the service contract's types, are erased and never emitted); `npm run typecheck` does the type checking.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { isComponentSource, walkFiles } from '../verify-salesforce/project';

const repoRoot = resolve(__dirname, '..', '..');

function lwcCompilerOptions(): ts.CompilerOptions {
    const configPath = join(repoRoot, 'tsconfig.lwc.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(
        configPath,
        {},
        {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
                throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
            }
        }
    );
    if (!parsed) throw new Error(`Cannot read ${configPath}`);
    return parsed.options;
}

/** Compiles every component source under `lwcRoot`, writing `<file>.js` into `outDir` (default: beside it). */
export function buildComponents(
    lwcRoot: string,
    outFile: (source: string) => string = (s) => s.replace(/\.ts$/, '.js')
): string[] {
    const options = lwcCompilerOptions();
    const written: string[] = [];
    for (const source of walkFiles(lwcRoot, isComponentSource)) {
        const output = ts.transpileModule(readFileSync(source, 'utf8'), {
            compilerOptions: options,
            fileName: source,
            reportDiagnostics: true
        });
        const errors = (output.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
        if (errors.length > 0) {
            const text = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n');
            throw new Error(`${source}: ${text}`);
        }
        const target = outFile(source);
        writeFileSync(target, output.outputText);
        written.push(target);
    }
    return written;
}

if (require.main === module) {
    const written = buildComponents(join(repoRoot, 'force-app'));
    console.log(`Compiled ${written.length} component module(s).`);
}
