// The package's Custom Labels (force-app/main/default/labels/CustomLabels.labels-meta.xml), read outside the org: the
// workbench twin formats its messages from them as Apex does (`String.format(System.Label.X, args)`), and
// verify:salesforce checks that every label the code names exists.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { formatLabel } from '../../force-app/main/default/lwc/lwcUtils/lwcUtils';

export { formatLabel };

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

let cachedLabels: Map<string, CustomLabel> | undefined;

/**
 * The text of one Custom Label of the package, as Apex reads it: `System.Label.X` without arguments, and
 * `String.format(System.Label.X, args)` with them. The workbench twin and the sample org take every message from here.
 */
export function label(name: string, ...args: Array<string | number | null | undefined>): string {
    cachedLabels ??= readCustomLabels();
    const found = cachedLabels.get(name);
    if (!found) throw new Error(`No Custom Label ${name} in force-app/main/default/labels`);
    return labelText(found.value, args, name);
}

/**
 * A label's value with its arguments: formatted like `String.format` when the value has placeholders (it must then
 * get arguments), the value as it is otherwise (Apex reads such a label without String.format, so a quote is a quote).
 */
export function labelText(
    value: string,
    args: ReadonlyArray<string | number | null | undefined>,
    name = value
): string {
    const hasPlaceholders = /\{\d+\}/.test(value);
    if (hasPlaceholders !== args.length > 0) {
        throw new Error(`Custom Label ${name} ${hasPlaceholders ? 'needs arguments' : 'takes no arguments'}`);
    }
    return hasPlaceholders ? formatLabel(value, args) : value;
}
