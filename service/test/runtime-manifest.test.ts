import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const SERVICE_ROOT = join(__dirname, '..');

function sourceFiles(directory: string): string[] {
    return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
        const path = join(directory, entry.name);
        if (entry.isDirectory()) return sourceFiles(path);
        return entry.name.endsWith('.ts') ? [path] : [];
    });
}

/** `fastify`, `@fastify/rate-limit` from `@fastify/rate-limit/lib/x`; null for relative and Node built-in imports. */
function packageOf(specifier: string): string | null {
    if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) return null;
    const parts = specifier.split('/');
    return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Packages the shipped code loads at run time (type-only imports are erased and do not count). */
function runtimeImports(): Set<string> {
    const packages = new Set<string>();
    const importPattern = /^\s*(import|export)\s+(?!type\s)[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;
    for (const file of sourceFiles(join(SERVICE_ROOT, 'src'))) {
        for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
            const name = packageOf(match[2] ?? match[3]!);
            if (name !== null) packages.add(name);
        }
    }
    return packages;
}

describe('service runtime manifest (what the image installs)', () => {
    it('declares exactly the packages the service code loads: nothing missing, nothing shipped unused', () => {
        const manifest = JSON.parse(readFileSync(join(SERVICE_ROOT, 'package.json'), 'utf8')) as {
            dependencies?: Record<string, string>;
        };
        const declared = Object.keys(manifest.dependencies ?? {}).sort();
        expect(declared).toEqual([...runtimeImports()].sort());
    });
});
