import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCustomLabels, type CustomLabel } from '../build/custom-labels';
import { checkMessages, isSentence, labelSignature, messageSources, UNCHECKABLE_LABELS } from './message-checks';

const LABELS: CustomLabel[] = [
    { fullName: 'DealGone', shortDescription: 'x', value: 'The deal {0} was not found or is not visible to you.' },
    { fullName: 'ScopeMine', shortDescription: 'x', value: 'My deals' }
];

const AURA_ERRORS = [
    'public inherited sharing class AuraErrors {',
    '    private static Boolean isWrittenForUsers(Exception error) {',
    '        return error instanceof IllegalArgumentException ||',
    '            error instanceof PlantedService.PlantedException;',
    '    }',
    '}'
].join('\n');

describe('checkMessages on planted messages', () => {
    let root: string;
    const write = (path: string, text: string) => {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
    };
    const findings = () =>
        checkMessages(messageSources(root, [join(root, 'force-app')]), LABELS).map(
            (finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule}`
        );

    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'messages-planted-'));
        write('force-app/main/default/classes/AuraErrors.cls', AURA_ERRORS);
    });

    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('passes code that takes every message from the labels', () => {
        write(
            'force-app/main/default/classes/PlantedService.cls',
            [
                'public with sharing class PlantedService {',
                '    public void check(Id dealId, List<String> names) {',
                "        // 'The deal was not found or is not visible to you.' in a comment is not a copy",
                '        throw new PlantedException(String.format(System.Label.DealGone, new List<Object>{ dealId }));',
                '    }',
                '    public void join(List<String> names) {',
                "        throw new PlantedException(String.join(names, ', '));",
                '    }',
                '    public void log(Exception error) {',
                "        System.debug(LoggingLevel.ERROR, 'Execution Loop error, see the stack trace: ' + error);",
                '    }',
                '}'
            ].join('\n')
        );
        write(
            'workbench/twin/Planted.ts',
            "throw new ApexError(label('DealGone', dealId));\nproblems.push(label('ScopeMine'));\n"
        );
        write(
            'force-app/main/default/lwc/planted/planted.ts',
            "import MINE from '@salesforce/label/c.ScopeMine';\nexport const scopes = [{ label: MINE, value: 'me' }];\n"
        );
        expect(findings()).toEqual([]);
    });

    it("(a) reports a label's text written again in Apex, a component, its template or the workbench", () => {
        write(
            'force-app/main/default/classes/Copy.cls',
            "public class Copy {\n    String m = 'The deal ' + id + ' was not found or is not visible to you.';\n}\n"
        );
        write(
            'force-app/main/default/lwc/planted/planted.ts',
            "export const scopes = [{ label: 'My deals', value: 'me' }];\n"
        );
        write('force-app/main/default/lwc/planted/planted.html', '<template>\n    <p>My deals</p>\n</template>\n');
        write(
            'workbench/sample-org/copy.ts',
            'export const text = `The deal ${id} was not found or is not visible to you.`;\n'
        );
        expect(findings().sort()).toEqual([
            'force-app/main/default/classes/Copy.cls:2:35 label-copy',
            'force-app/main/default/lwc/planted/planted.html:2:8 label-copy',
            'force-app/main/default/lwc/planted/planted.ts:1:33 label-copy',
            'workbench/sample-org/copy.ts:1:35 label-copy'
        ]);
    });

    it('(b) reports Apex that gives a user-facing exception a literal, or holds a sentence as a literal', () => {
        write(
            'force-app/main/default/classes/PlantedService.cls',
            [
                'public with sharing class PlantedService {',
                '    public void check(String stage) {',
                "        throw new PlantedException('Unknown stage ' + stage);",
                '    }',
                '    public void scope() {',
                "        throw new AuraHandledException('Pick a scope');",
                '    }',
                '    public String hint() {',
                "        return 'Ask your admin for a playbook.';",
                '    }',
                '    public void internal(String key) {',
                "        throw new InternalException('bad key ' + key);",
                '    }',
                '}'
            ].join('\n')
        );
        write(
            'force-app/main/default/classes/PlantedFactory.cls',
            "@IsTest\npublic class PlantedFactory {\n    String m = 'A factory runs only in tests, so this is fine.';\n}\n"
        );
        expect(findings()).toEqual([
            'force-app/main/default/classes/PlantedService.cls:3:36 apex-literal-message',
            'force-app/main/default/classes/PlantedService.cls:6:40 apex-literal-message',
            'force-app/main/default/classes/PlantedService.cls:9:16 apex-literal-message'
        ]);
    });

    it('(c) reports the twin writing a message itself rather than taking it from the labels file', () => {
        write(
            'workbench/twin/Planted.ts',
            [
                "throw new ApexError('Choose a rep');",
                'problems.push(`${name}: needs an owner`);',
                "const note = 'This org records no activities yet.';",
                "throw new ApexError(label('DealGone', dealId));"
            ].join('\n')
        );
        expect(findings()).toEqual([
            'workbench/twin/Planted.ts:1:21 twin-literal-message',
            'workbench/twin/Planted.ts:2:22 twin-literal-message',
            'workbench/twin/Planted.ts:3:14 twin-literal-message'
        ]);
    });
});

describe('the message rules', () => {
    it.each([
        ['Say why this step is skipped.', true],
        ['Choose the scope: ', true],
        ['SELECT Id FROM Opportunity', false],
        ['my team', false],
        ['PMD.ExcessivePublicCount, PMD.TooManyFields', false]
    ])('isSentence(%j) is %s', (text, expected) => {
        expect(isSentence(text)).toBe(expected);
    });

    it('can check every label of the package by its text, except the ones listed with a reason', () => {
        const labels = [...readCustomLabels().values()];
        const unchecked = labels.filter((label) => labelSignature(label) === null).map((label) => label.fullName);
        expect(unchecked.sort()).toEqual(Object.keys(UNCHECKABLE_LABELS).sort());
    });
});
