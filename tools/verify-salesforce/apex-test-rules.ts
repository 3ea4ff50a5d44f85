// Rules for the Apex tests that only an org run would otherwise expose, intermittently. A test class whose setup
// assigns permission sets to the running user (TestDataFactory.grantToRunningUser) locks that user's row; two such
// classes running in parallel fail with UNABLE_TO_LOCK_ROW. Such classes must be @IsTest(IsParallel=false), as
// NebulaLogger marks its user-setup test classes (jongpie/NebulaLogger, LogBatchPurgeController_Tests).
import type { Finding } from './findings';

const RUNNING_USER_GRANT = /\bTestDataFactory\.grantToRunningUser\s*\(/;
const NOT_PARALLEL = /@IsTest\s*\(\s*IsParallel\s*=\s*false\s*\)/i;

export function checkRunningUserSetup(classes: Array<{ file: string; source: string }>): Finding[] {
    return classes.flatMap(({ file, source }) => {
        const call = RUNNING_USER_GRANT.exec(source);
        if (!call || NOT_PARALLEL.test(source)) return [];
        return [
            {
                step: 'contracts' as const,
                file,
                line: source.slice(0, call.index).split('\n').length,
                message:
                    'assigns permission sets to the running user but the class is not @IsTest(IsParallel=false): parallel test runs lock that user (UNABLE_TO_LOCK_ROW)'
            }
        ];
    });
}
