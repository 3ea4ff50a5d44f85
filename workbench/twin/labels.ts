/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * `String.format(System.Label.X, args)` for the twin: the messages come from the package's Custom Labels file, the
 * same text Apex shows, so no message is written twice. verify:salesforce fails on a name the file lacks.
 */
import { formatLabel, readCustomLabels, type CustomLabel } from '../../tools/build/custom-labels';

let labels: Map<string, CustomLabel> | undefined;

export function label(name: string, ...args: Array<string | number | null | undefined>): string {
    labels ??= readCustomLabels();
    const found = labels.get(name);
    if (!found) throw new Error(`No Custom Label ${name} in force-app/main/default/labels`);
    return formatLabel(found.value, args);
}
