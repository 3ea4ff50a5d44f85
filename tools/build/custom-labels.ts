// The package's Custom Labels (force-app/main/default/labels/CustomLabels.labels-meta.xml), read outside the org: the
// workbench twin formats its messages from them as Apex does (`String.format(System.Label.X, args)`), and
// verify:salesforce checks that every label the code names exists.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export const LABELS_FILE = resolve(
    __dirname,
    '..',
    '..',
    'force-app',
    'main',
    'default',
    'labels',
    'CustomLabels.labels-meta.xml'
);

export interface CustomLabel {
    fullName: string;
    value: string;
    shortDescription: string;
}

/** Every label of a CustomLabels file by name; a label without a name or value is an error naming it. */
export function readCustomLabels(file = LABELS_FILE): Map<string, CustomLabel> {
    const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false, trimValues: false });
    const document = parser.parse(readFileSync(file, 'utf8')) as {
        CustomLabels?: { labels?: Array<Record<string, unknown>> };
    };
    const labels = new Map<string, CustomLabel>();
    for (const [index, raw] of (document.CustomLabels?.labels ?? []).entries()) {
        const { fullName, value, shortDescription } = raw;
        if (typeof fullName !== 'string' || typeof value !== 'string' || typeof shortDescription !== 'string') {
            throw new Error(`${file}: label #${index + 1} needs fullName, value and shortDescription`);
        }
        labels.set(fullName, { fullName, value, shortDescription });
    }
    return labels;
}

/**
 * Apex `String.format(template, args)`: Java MessageFormat, as far as labels use it. `{n}` is the nth argument
 * (null prints as `null`), `''` is one quote, and text between single quotes is literal.
 */
export function formatLabel(template: string, args: ReadonlyArray<string | number | null | undefined>): string {
    let output = '';
    for (let position = 0; position < template.length; position++) {
        const character = template[position]!;
        if (character === "'") {
            const end = template.indexOf("'", position + 1);
            if (end === position + 1) {
                output += "'";
            } else {
                output += template.slice(position + 1, end === -1 ? template.length : end);
            }
            position = end === -1 ? template.length : end;
        } else if (character === '{') {
            const match = /^\{(\d+)\}/.exec(template.slice(position));
            if (!match) throw new Error(`Unsupported placeholder in label "${template}" at ${position}`);
            const value = args[Number(match[1])];
            output += value === null || value === undefined ? 'null' : String(value);
            position += match[0].length - 1;
        } else {
            output += character;
        }
    }
    return output;
}
