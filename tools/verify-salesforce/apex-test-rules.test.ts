import { checkRunningUserSetup } from './apex-test-rules';

const setup = (annotation: string) =>
    [
        annotation,
        'private class Some_Tests {',
        '    @TestSetup',
        '    static void setup() {',
        '        User admin = TestDataFactory.grantToRunningUser(TestDataFactory.ADMIN_PERMISSION_SETS);',
        '    }',
        '}'
    ].join('\n');

describe('checkRunningUserSetup', () => {
    it('reports a parallel test class that grants permission sets to the running user, at the call', () => {
        expect(checkRunningUserSetup([{ file: 'Some_Tests.cls', source: setup('@IsTest') }])).toEqual([
            expect.objectContaining({ file: 'Some_Tests.cls', line: 5, step: 'contracts' })
        ]);
        expect(checkRunningUserSetup([{ file: 'a.cls', source: setup('@IsTest(IsParallel=true)') }])).toHaveLength(1);
    });

    it('accepts the class marked not parallel, and classes that create their own users', () => {
        expect(checkRunningUserSetup([{ file: 'a.cls', source: setup('@IsTest(isParallel = false)') }])).toEqual([]);
        expect(
            checkRunningUserSetup([
                { file: 'b.cls', source: '@IsTest\nprivate class B { User u = TestDataFactory.createRep(); }' }
            ])
        ).toEqual([]);
    });
});
