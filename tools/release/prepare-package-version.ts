// The packaging job's guard rails (.github/workflows/ci.yml, job package-version), runnable locally too.
//   --tag v<major>.<minor>.<patch> --repository-url <url>
//       Fails unless the tag matches the versionNumber of the package in sfdx-project.json and packageAliases holds the
//       package id (0Ho…) that the one-time `sf package create` wrote; then sets postInstallUrl and releaseNotesUrl,
//       as NebulaLogger does, from the repository the job runs in (the job's checkout only: nothing is committed).
//   --report <sf package version create --json output>
//       Prints the version id, the install URL and the coverage as Markdown; fails when the CLI reported an error.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VersionNumber } from '@salesforce/packaging';

interface PackageDirectory {
    path: string;
    package?: string;
    versionNumber?: string;
    postInstallUrl?: string;
    releaseNotesUrl?: string;
}

export interface SfdxProjectJson {
    packageDirectories: PackageDirectory[];
    packageAliases?: Record<string, string>;
}

/** The one package directory that builds a package; a project with none or several needs an explicit choice. */
export function packagedDirectory(project: SfdxProjectJson): PackageDirectory & { package: string } {
    const packaged = project.packageDirectories.filter((dir): dir is PackageDirectory & { package: string } =>
        Boolean(dir.package)
    );
    if (packaged.length !== 1) {
        throw new Error(
            `sfdx-project.json must have exactly one package directory with "package" (found ${packaged.length})`
        );
    }
    return packaged[0]!;
}

/** Checks the tag against the version number and the package id; returns the URLs the version will carry. */
export function releaseSettings(
    project: SfdxProjectJson,
    tag: string,
    repositoryUrl: string
): { packageName: string; postInstallUrl: string; releaseNotesUrl: string } {
    const directory = packagedDirectory(project);
    const tagVersion = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
    if (!tagVersion) {
        throw new Error(`The tag '${tag}' is not v<major>.<minor>.<patch> (for example v0.1.0)`);
    }
    const version = VersionNumber.from(directory.versionNumber);
    const declared = `${version.major}.${version.minor}.${version.patch}`;
    if (declared !== tagVersion.slice(1).join('.')) {
        throw new Error(
            `The tag '${tag}' does not match versionNumber ${directory.versionNumber} of "${directory.package}" in sfdx-project.json: bump versionNumber (and versionName) in a commit, then tag that commit v${declared}`
        );
    }
    const packageId = project.packageAliases?.[directory.package];
    if (!packageId || !packageId.startsWith('0Ho')) {
        throw new Error(
            `packageAliases has no package id (0Ho…) for "${directory.package}". Create the package once, against the Dev Hub, and commit the alias it writes: npx sf package create --name "${directory.package}" --package-type Unlocked --path ${directory.path} --no-namespace --target-dev-hub <dev hub alias>`
        );
    }
    if (!/^https:\/\/\S+$/.test(repositoryUrl)) {
        throw new Error(`--repository-url must be an https URL, not '${repositoryUrl}'`);
    }
    return {
        packageName: directory.package,
        postInstallUrl: `${repositoryUrl}#install-in-an-org`,
        releaseNotesUrl: `${repositoryUrl}/releases/tag/${tag}`
    };
}

interface VersionCreateOutput {
    status?: number;
    message?: string;
    result?: {
        Status?: string;
        Error?: string[];
        SubscriberPackageVersionId?: string;
        Package2VersionId?: string;
        CodeCoverage?: { apexCodeCoveragePercentage?: number } | number | null;
        HasPassedCodeCoverageCheck?: boolean;
    };
}

/** Markdown for the job summary; throws with the CLI's own error when the version was not created. */
export function reportLines(output: VersionCreateOutput): string[] {
    const result = output.result;
    const versionId = result?.SubscriberPackageVersionId;
    if (output.status !== 0 || result?.Status !== 'Success' || !versionId?.startsWith('04t')) {
        const errors = [output.message, ...(result?.Error ?? [])].filter(Boolean).join('; ');
        throw new Error(
            `sf package version create did not succeed (status ${result?.Status ?? output.status}): ${errors}`
        );
    }
    const coverage =
        typeof result.CodeCoverage === 'number' ? result.CodeCoverage : result.CodeCoverage?.apexCodeCoveragePercentage;
    const coverageLine =
        coverage === undefined || result.HasPassedCodeCoverageCheck === undefined
            ? `- Apex code coverage: \`npx sf package version report --package ${versionId} --target-dev-hub <dev hub alias>\``
            : `- Apex code coverage: ${coverage}%, coverage check ${result.HasPassedCodeCoverageCheck ? 'passed' : 'not passed'}`;
    return [
        `### Package version ${versionId}`,
        '',
        `- Install URL: https://login.salesforce.com/packaging/installPackage.apexp?p0=${versionId} (sandboxes: https://test.salesforce.com/packaging/installPackage.apexp?p0=${versionId})`,
        `- CLI: \`npx sf package install --package ${versionId} --target-org <alias> --wait 20\``,
        coverageLine,
        `- Promote when ready: \`npx sf package version promote --package ${versionId} --target-dev-hub <dev hub alias>\``
    ];
}

function main(): void {
    const { values } = parseArgs({
        options: { tag: { type: 'string' }, 'repository-url': { type: 'string' }, report: { type: 'string' } }
    });
    if (values.report) {
        const output = JSON.parse(readFileSync(values.report, 'utf8')) as VersionCreateOutput;
        console.log(reportLines(output).join('\n'));
        return;
    }
    if (!values.tag || !values['repository-url']) {
        throw new Error('Usage: --tag v<major>.<minor>.<patch> --repository-url <url>, or --report <file>');
    }
    const projectPath = join(process.cwd(), 'sfdx-project.json');
    const project = JSON.parse(readFileSync(projectPath, 'utf8')) as SfdxProjectJson;
    const settings = releaseSettings(project, values.tag, values['repository-url']);
    const directory = packagedDirectory(project);
    directory.postInstallUrl = settings.postInstallUrl;
    directory.releaseNotesUrl = settings.releaseNotesUrl;
    writeFileSync(projectPath, `${JSON.stringify(project, null, 2)}\n`);
    console.log(`"${settings.packageName}" ${values.tag}: ${settings.postInstallUrl}, ${settings.releaseNotesUrl}`);
}

if (require.main === module) {
    try {
        main();
    } catch (error) {
        console.error((error as Error).message);
        process.exitCode = 1;
    }
}
