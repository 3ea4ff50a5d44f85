import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatLabel, readCustomLabels } from '../build/custom-labels';
import { checkLabels, LABELS_PATH } from './label-checks';
import { walkFiles } from './project';

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

describe('one message, one place', () => {
    const repoRoot = resolve(__dirname, '..', '..');
    const labels = [...readCustomLabels().values()];
    const isTest = (path: string) => /(_Tests\.cls|\.test\.ts)$/.test(path) || path.includes('__tests__');
    const sources = [
        ...walkFiles(join(repoRoot, 'force-app', 'main'), (path) => /\.(cls|ts)$/.test(path) && !isTest(path)),
        ...walkFiles(join(repoRoot, 'workbench'), (path) => path.endsWith('.ts') && !isTest(path))
    ];

    it('finds the sources it scans', () => {
        expect(labels.length).toBeGreaterThan(0);
        expect(sources.some((path) => path.endsWith('ReviewDecisionService.cls'))).toBe(true);
        expect(readdirSync(join(repoRoot, 'workbench', 'twin')).length).toBeGreaterThan(0);
    });

    // The longest fixed text of each label (between placeholders) must not be written again in code.
    it.each(labels.map((label) => [label.fullName, label.value] as const))(
        '%s is written only in the labels file',
        (_, value) => {
            const fragment = value
                .replace(/''/g, "'")
                .split(/\{\d+\}/)
                .map((part) => part.trim())
                .sort((a, b) => b.length - a.length)[0]!;
            expect(fragment.length).toBeGreaterThanOrEqual(10);
            const copies = sources.filter((path) => readFileSync(path, 'utf8').includes(fragment));
            expect(copies).toEqual([]);
        }
    );
});
