// Custom Labels named by the code must exist in the package's labels file: `System.Label.X` in Apex,
// `@salesforce/label/c.X` in components and the workbench client, `label('X', ...)` in the workbench twin and sample org.
// Reported with file, line and column.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCustomLabels } from '../build/custom-labels';
import type { Finding } from './findings';
import { walkFiles } from './project';

export const LABELS_PATH = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';

export interface LabelUse {
    name: string;
    file: string;
    line: number;
    column: number;
}

const PATTERNS: Array<{ accept: (path: string) => boolean; pattern: RegExp }> = [
    { accept: (path) => path.endsWith('.cls') || path.endsWith('.trigger'), pattern: /\bLabel\.([A-Za-z]\w*)/g },
    { accept: (path) => path.endsWith('.ts'), pattern: /@salesforce\/label\/c\.(\w+)/g },
    { accept: (path) => path.endsWith('.ts'), pattern: /\blabel\(\s*'(\w+)'/g }
];

/** Every label name the source text uses; lines that are comments are skipped. */
export function labelUses(file: string, source: string): LabelUse[] {
    const uses: LabelUse[] = [];
    const lines = source.split('\n');
    for (const { accept, pattern } of PATTERNS) {
        if (!accept(file)) continue;
        lines.forEach((text, index) => {
            const trimmed = text.trim();
            if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return;
            for (const match of text.matchAll(pattern)) {
                uses.push({ name: match[1]!, file, line: index + 1, column: match.index + 1 });
            }
        });
    }
    return uses;
}

/** The label uses of the package's Apex and components and of the workbench twin that the labels file lacks. */
export function checkLabels(root: string, packageDirectories: readonly string[]): Finding[] {
    const labelsFile = join(root, LABELS_PATH);
    const known = existsSync(labelsFile) ? new Set(readCustomLabels(labelsFile).keys()) : new Set<string>();
    const sources = [
        ...packageDirectories.flatMap((dir) =>
            walkFiles(
                dir,
                (path) => /\.(cls|trigger)$/.test(path) || (/[\\/]lwc[\\/]/.test(path) && path.endsWith('.ts'))
            )
        ),
        ...walkFiles(join(root, 'workbench'), (path) => path.endsWith('.ts') && !path.endsWith('.test.ts'))
    ];
    const findings: Finding[] = [];
    for (const path of sources) {
        const display = path
            .slice(root.length + 1)
            .split('\\')
            .join('/');
        for (const use of labelUses(display, readFileSync(path, 'utf8'))) {
            if (known.has(use.name)) continue;
            findings.push({
                step: 'contracts',
                file: use.file,
                line: use.line,
                column: use.column,
                message: `Custom Label '${use.name}' is not in ${LABELS_PATH}`
            });
        }
    }
    return findings;
}
