import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatLabel, label, labelText, readCustomLabels } from '../build/custom-labels';
import { checkLabels, LABELS_PATH } from './label-checks';

const LABELS = `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    <labels>
        <fullName>Known</fullName>
        <categories>ExecutionLoop</categories>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>A label that exists</shortDescription>
        <value>{0}: it is known.</value>
    </labels>
</CustomLabels>
`;

describe('checkLabels on planted label uses', () => {
    let root: string;
    const write = (path: string, text: string) => {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
    };

    beforeAll(() => {
        root = mkdtempSync(join(tmpdir(), 'labels-planted-'));
        write(LABELS_PATH, LABELS);
        write(
            'force-app/main/default/classes/Planted.cls',
            [
                'public with sharing class Planted {',
                '    // System.Label.InAComment is not a use',
                "    String known = String.format(System.Label.Known, new List<Object>{ 'x' });",
                '    String missing = System.Label.Missing_One;',
                '}'
            ].join('\n')
        );
        write(
            'force-app/main/default/lwc/planted/planted.ts',
            "import KNOWN from '@salesforce/label/c.Known';\nimport GONE from '@salesforce/label/c.Gone';\n"
        );
        write('workbench/twin/Planted.ts', "label('Known', 'x');\nthrow new Error(label('Absent'));\n");
    });

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('reports each label the labels file lacks, with file, line and column, and nothing else', () => {
        const findings = checkLabels(root, [join(root, 'force-app')]);
        expect(
            findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`).sort()
        ).toEqual([
            `force-app/main/default/classes/Planted.cls:4:29 Custom Label 'Missing_One' is not in ${LABELS_PATH}`,
            `force-app/main/default/lwc/planted/planted.ts:2:19 Custom Label 'Gone' is not in ${LABELS_PATH}`,
            `workbench/twin/Planted.ts:2:17 Custom Label 'Absent' is not in ${LABELS_PATH}`
        ]);
    });
});

describe('formatLabel (Apex String.format)', () => {
    it.each([
        ['{0}: it is known.', ['Acme'], 'Acme: it is known.'],
        ["{0}: unknown decision ''{1}''.", ['Acme', 'maybe'], "Acme: unknown decision 'maybe'."],
        ['Unknown step status "{0}".', [null], 'Unknown step status "null".'],
        ["'{0}' stays literal", ['x'], '{0} stays literal'],
        ['limited to {0} characters', [255], 'limited to 255 characters']
    ])('%s', (template, args, expected) => {
        expect(formatLabel(template, args)).toBe(expected);
    });
});

describe('the labels file', () => {
    const labels = [...readCustomLabels().values()];

    // Apex reads a label without placeholders as it is and formats one with placeholders (String.format, where a
    // single quote starts a quoted section): a lone quote in a formatted label would vanish in the org.
    it.each(labels.map((label) => [label.fullName, label.value] as const))(
        '%s reads the same in Apex and the twin',
        (name, value) => {
            const formatted = /\{\d+\}/.test(value);
            if (formatted) expect(value.replace(/''/g, '')).not.toContain("'");
            else expect(value).not.toContain("''");
            expect(
                label(name, ...(formatted ? ['x', 'y', 'z', 'w'].slice(0, placeholderCount(value)) : []))
            ).not.toMatch(/\{\d+\}/);
        }
    );

    it('refuses a label called without the arguments it needs, or with arguments it does not take', () => {
        expect(() => labelText('Limited to {0} characters.', [])).toThrow('needs arguments');
        expect(() => labelText('Say why.', ['x'])).toThrow('takes no arguments');
        expect(labelText("The deal's data.", [])).toBe("The deal's data.");
    });
});

function placeholderCount(value: string): number {
    return Math.max(...[...value.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1]) + 1));
}
