// lightning-base-components ship each component with its own copy of the SLDS stylesheets it uses (form-element,
// input-text, button-icon, spinner, listbox, icon...): the same file, byte for byte, in many component folders. Bundled
// as they are, each copy is a module of its own, so a page carried form-element.slds.css (31 kB) six times. The
// workbench build resolves every copy to one file of the same content (the first path in sorted order), so each
// stylesheet is bundled once. The LWC compiler turns a stylesheet into a function of the component's scoping token,
// given at run time, so components sharing that function get exactly the styles their own copy gave them.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'rollup';

/** Every .css file under `dir` that has an identical copy elsewhere there → the copy all of them resolve to. */
export function sharedStylesheets(dir: string): Map<string, string> {
    const byContent = new Map<string, string[]>();
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.css')).sort();
    for (const file of files) {
        const path = join(dir, file);
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
        byContent.set(hash, [...(byContent.get(hash) ?? []), path]);
    }
    const canonical = new Map<string, string>();
    for (const paths of byContent.values()) {
        for (const path of paths.slice(1)) canonical.set(path, paths[0]!);
    }
    return canonical;
}

/** The rollup plugin: a relative stylesheet import inside `dir` resolves to the one copy of its content. */
export function dedupeStylesheets(dir: string): Plugin {
    const canonical = sharedStylesheets(dir);
    return {
        name: 'execution-loop-dedupe-stylesheets',
        resolveId(source, importer) {
            if (!importer || !source.startsWith('.') || !source.endsWith('.css')) return null;
            const importerPath = importer.split('?')[0]!;
            if (!importerPath.startsWith(dir)) return null;
            return canonical.get(resolve(dirname(importerPath), source)) ?? null;
        }
    };
}
