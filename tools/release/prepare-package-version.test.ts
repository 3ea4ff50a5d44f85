import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagedDirectory, releaseSettings, reportLines, type SfdxProjectJson } from './prepare-package-version';

const repoRoot = join(__dirname, '..', '..');

function project(overrides: Partial<SfdxProjectJson> = {}): SfdxProjectJson {
    return {
        packageDirectories: [
            { path: 'force-app', package: 'Execution Loop', versionNumber: '1.2.3.NEXT' },
            { path: 'unpackaged' }
        ],
        packageAliases: { 'Execution Loop': '0Ho000000000001AAA' },
        ...overrides
    };
}

describe('releaseSettings', () => {
    it('accepts the tag of the declared version and derives the install and release-notes URLs', () => {
        expect(releaseSettings(project(), 'v1.2.3', 'https://github.com/acme/execution-loop')).toEqual({
            packageName: 'Execution Loop',
            postInstallUrl: 'https://github.com/acme/execution-loop#install-in-an-org',
            releaseNotesUrl: 'https://github.com/acme/execution-loop/releases/tag/v1.2.3'
        });
    });

    it('rejects a tag that is not the declared version, naming both', () => {
        expect(() => releaseSettings(project(), 'v1.2.4', 'https://github.com/acme/x')).toThrow(
            "The tag 'v1.2.4' does not match versionNumber 1.2.3.NEXT"
        );
        expect(() => releaseSettings(project(), 'release-1', 'https://github.com/acme/x')).toThrow(
            "The tag 'release-1' is not v<major>.<minor>.<patch>"
        );
    });

    it('rejects a project without the package id and says how to create it', () => {
        expect(() => releaseSettings(project({ packageAliases: {} }), 'v1.2.3', 'https://github.com/acme/x')).toThrow(
            'npx sf package create --name "Execution Loop" --package-type Unlocked --path force-app --no-namespace'
        );
    });

    it('rejects a malformed version number with the packaging library message', () => {
        const broken = project();
        broken.packageDirectories[0]!.versionNumber = '1.2.NEXT';
        expect(() => releaseSettings(broken, 'v1.2.0', 'https://github.com/acme/x')).toThrow(
            'VersionNumber must be in the format major.minor.patch.build'
        );
    });

    it('reads the package of the real sfdx-project.json', () => {
        const real = JSON.parse(readFileSync(join(repoRoot, 'sfdx-project.json'), 'utf8')) as SfdxProjectJson;
        expect(packagedDirectory(real).package).toBe('Execution Loop');
    });
});

describe('reportLines', () => {
    it('gives the install URL of a created version', () => {
        const lines = reportLines({
            status: 0,
            result: {
                Status: 'Success',
                SubscriberPackageVersionId: '04t000000000001AAA',
                CodeCoverage: { apexCodeCoveragePercentage: 91 },
                HasPassedCodeCoverageCheck: true
            }
        }).join('\n');
        expect(lines).toContain('https://login.salesforce.com/packaging/installPackage.apexp?p0=04t000000000001AAA');
        expect(lines).toContain('Apex code coverage: 91%, coverage check passed');
    });

    it('points at the version report when the create result carries no coverage', () => {
        const lines = reportLines({
            status: 0,
            result: { Status: 'Success', SubscriberPackageVersionId: '04t000000000002AAA' }
        }).join('\n');
        expect(lines).toContain('npx sf package version report --package 04t000000000002AAA');
    });

    it('fails with the CLI errors when the version was not created', () => {
        expect(() =>
            reportLines({ status: 1, message: 'Apex test failure', result: { Status: 'Error', Error: ['Rep: x'] } })
        ).toThrow('sf package version create did not succeed (status Error): Apex test failure; Rep: x');
    });
});
