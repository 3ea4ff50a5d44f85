// lightning-input renders each type through its own component (toggle, checkbox, radio, file, color, time and
// date-time pickers), and imports them all. The workbench pages use only text and date inputs, so the workbench
// build replaces the other variants with one empty stand-in (lightning/unusedInputVariant), which throws if rendered.
// This module says which variants those are, and fails the build if a template asks for one of their types.
import { readFileSync } from 'node:fs';

/** lightning-input type → the base component that renders it; every one here is replaced in the workbench build. */
export const UNUSED_INPUT_VARIANTS: Record<string, string> = {
    toggle: 'lightning/primitiveInputToggle',
    checkbox: 'lightning/primitiveInputCheckbox',
    'checkbox-button': 'lightning/primitiveInputCheckboxButton',
    radio: 'lightning/primitiveInputRadio',
    file: 'lightning/primitiveInputFile',
    color: 'lightning/primitiveInputColor',
    time: 'lightning/timepicker',
    datetime: 'lightning/datetimepicker',
    'datetime-local': 'lightning/datetimepicker'
};

/** `<lightning-input ... type="x"` or `type={x}` in a template (attributes may span lines). */
const INPUT_TYPE = /<lightning-input\s[^>]*?\btype=(?:"([^"]*)"|\{([^}]*)\})/g;

/** Problems with the templates' lightning-input types: a replaced type, or a type bound to a property. */
export function inputVariantProblems(templates: readonly string[]): string[] {
    const problems: string[] = [];
    for (const file of templates.filter((path) => path.endsWith('.html'))) {
        for (const match of readFileSync(file, 'utf8').matchAll(INPUT_TYPE)) {
            if (match[2] !== undefined)
                problems.push(`${file}: lightning-input type={${match[2]}} cannot be checked by the workbench build`);
            else if (match[1]! in UNUSED_INPUT_VARIANTS)
                problems.push(`${file}: lightning-input type="${match[1]}" is replaced in the workbench build`);
        }
    }
    return problems;
}
