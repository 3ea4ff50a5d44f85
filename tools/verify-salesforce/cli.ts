// `npm run verify:salesforce`: the offline proof of the Salesforce side. Each step reports findings with file and
// line; any finding, or a step that cannot run, fails the command.
//   --root <dir>     project to check (default: the current directory)
//   --only <steps>   comma-separated subset of: sfdx-project, metadata-schema, apex-parse, apex-typecheck, code-analyzer,
//                    metadata-conversion, contracts
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { allClasses, parseApexFile } from './apex-model';
import { checkRunningUserSetup } from './apex-test-rules';
import { runApexTypecheck } from './apex-typecheck';
import { runCodeAnalyzer } from './code-analyzer';
import { readComponentImports } from './component-imports';
import { checkApexImports, checkDtoClasses, type JsonSchema } from './contract-checks';
import { ALL_STEPS, formatFinding, StepError, type Finding, type StepName } from './findings';
import { checkLabels, LABELS_PATH } from './label-checks';
import { checkMessages, messageSources } from './message-checks';
import { readCustomLabels } from '../build/custom-labels';
import { runMetadataConversion } from './metadata-conversion';
import { runMetadataSchema } from './metadata-schema';
import { checkPassedParameters, checkTwin, readTwin } from './seam-checks';
import { checkPermissionCoverage } from './permission-coverage';
import { checkRecordIntegrity } from './record-integrity';
import { checkSettingDefaults } from './setting-defaults';
import { runProjectChecks } from './project-checks';
import {
    isApexSource,
    isComponentSource,
    loadSfdxProject,
    projectFiles,
    toProjectPath,
    type SfdxProject
} from './project';

/** The service's zod contract, the single source the Apex DTOs must mirror. */
const CONTRACT_MODULE = resolve(__dirname, '..', '..', 'service', 'src', 'contract', 'index.ts');
/** The service's engine defaults, which the package's shipped settings must equal. */
const ENGINE_CONFIG_MODULE = resolve(
    __dirname,
    '..',
    '..',
    'service',
    'src',
    'modules',
    'scoring',
    'engine',
    'config.ts'
);

function loadServiceDefaults(): unknown {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: only the contracts step needs it
    const config = require(ENGINE_CONFIG_MODULE) as { DEFAULT_ENGINE_CONFIG?: unknown };
    if (!config.DEFAULT_ENGINE_CONFIG) {
        throw new StepError('contracts', `${ENGINE_CONFIG_MODULE} does not export DEFAULT_ENGINE_CONFIG`);
    }
    return config.DEFAULT_ENGINE_CONFIG;
}

function parseSteps(value: string | undefined): StepName[] {
    if (!value) return [...ALL_STEPS];
    const requested = value.split(',').map((step) => step.trim());
    const unknown = requested.filter((step) => !ALL_STEPS.includes(step as StepName));
    if (unknown.length > 0) {
        throw new Error(`Unknown step(s): ${unknown.join(', ')}. Steps: ${ALL_STEPS.join(', ')}`);
    }
    return requested as StepName[];
}

function loadContractSchemas(): Record<string, JsonSchema> | null {
    if (!existsSync(CONTRACT_MODULE)) return null;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: only the contracts step needs zod
    const contract = require(CONTRACT_MODULE) as { buildContractJsonSchemas?: () => Record<string, JsonSchema> };
    if (typeof contract.buildContractJsonSchemas !== 'function') {
        throw new StepError('contracts', `${CONTRACT_MODULE} does not export buildContractJsonSchemas()`);
    }
    return contract.buildContractJsonSchemas();
}

/** A component whose .ts has no compiled .js beside it would deploy without its code. */
function uncompiledComponents(project: SfdxProject): Finding[] {
    return projectFiles(project, isComponentSource)
        .filter(
            (file) => basename(file, '.ts') === basename(dirname(file)) && !existsSync(file.replace(/\.ts$/, '.js'))
        )
        .map((file) => ({
            step: 'metadata-conversion' as const,
            file: toProjectPath(project, file),
            message: 'no compiled .js beside this component source; run `npm run build` first'
        }));
}

export async function verifySalesforce(
    root: string,
    steps: StepName[],
    log: (line: string) => void
): Promise<Finding[]> {
    const project = loadSfdxProject(root);
    const findings: Finding[] = [];
    const record = (step: StepName, stepFindings: Finding[], summary: string) => {
        findings.push(...stepFindings);
        log(
            `${stepFindings.length === 0 ? 'ok  ' : 'FAIL'} ${step}: ${summary}${stepFindings.length ? `, ${stepFindings.length} finding(s)` : ''}`
        );
    };

    if (steps.includes('sfdx-project')) {
        const outcome = await runProjectChecks(project);
        record('sfdx-project', outcome.findings, outcome.summary);
    }

    if (steps.includes('metadata-schema')) {
        const outcome = runMetadataSchema(project);
        record(
            'metadata-schema',
            outcome.findings,
            `${outcome.fileCount} metadata file(s) against ${outcome.typeCount} Metadata API types (@salesforce/types)`
        );
    }

    const apexFiles = projectFiles(project, isApexSource).map(parseApexFile);
    const classes = allClasses(apexFiles).map((c) => ({ ...c, file: toProjectPath(project, c.file) }));
    const componentImports = projectFiles(project, isComponentSource).map((file) =>
        readComponentImports(file, toProjectPath(project, file))
    );

    if (steps.includes('apex-parse')) {
        const syntaxFindings = apexFiles.flatMap((file) =>
            file.syntaxProblems.map((problem) => ({
                step: 'apex-parse' as const,
                file: toProjectPath(project, file.file),
                line: problem.line,
                column: problem.column,
                message: problem.message.slice(0, 240)
            }))
        );
        record('apex-parse', syntaxFindings, `${apexFiles.length} Apex file(s) parsed`);
    }

    const schemaImports = componentImports.flatMap((c) => c.schema);
    const needsApexLs = steps.includes('apex-typecheck') || (steps.includes('contracts') && schemaImports.length > 0);
    const apexLs = needsApexLs ? runApexTypecheck(project, schemaImports) : null;
    if (steps.includes('apex-typecheck') && apexLs) {
        record('apex-typecheck', apexLs.typeFindings, `${apexFiles.length} Apex file(s) type-checked with apex-ls`);
    }

    if (steps.includes('code-analyzer')) {
        const outcome = await runCodeAnalyzer(project);
        record(
            'code-analyzer',
            outcome.findings,
            `${outcome.ruleCount} rules, ${outcome.totalViolations} violation(s) in all, gate on severity 1-2`
        );
    }

    if (steps.includes('metadata-conversion')) {
        const uncompiled = uncompiledComponents(project);
        const conversion = runMetadataConversion(project);
        record(
            'metadata-conversion',
            [...uncompiled, ...conversion.findings],
            `${conversion.componentCount} component(s) in package.xml`
        );
    }

    if (steps.includes('contracts')) {
        const apexImports = componentImports.flatMap((c) => c.apex);
        const contractFindings: Finding[] = [
            ...componentImports.flatMap((c) => c.malformed.map((m) => ({ step: 'contracts' as const, ...m }))),
            ...checkApexImports(apexImports, classes),
            ...checkPassedParameters(apexImports, classes),
            ...checkLabels(root, project.packageDirectories),
            ...checkMessages(
                messageSources(root, project.packageDirectories),
                existsSync(resolve(root, LABELS_PATH)) ? [...readCustomLabels(resolve(root, LABELS_PATH)).values()] : []
            ),
            ...(apexLs?.schemaImportFindings ?? []),
            ...checkPermissionCoverage(project),
            ...checkRecordIntegrity(project),
            ...checkSettingDefaults(project, loadServiceDefaults()),
            ...checkRunningUserSetup(
                apexFiles.map((file) => ({
                    file: toProjectPath(project, file.file),
                    source: readFileSync(file.file, 'utf8')
                }))
            )
        ];
        const dtoClasses = classes.filter((c) => c.contractPointer);
        const schemas = dtoClasses.length > 0 ? loadContractSchemas() : {};
        if (schemas === null) {
            contractFindings.push({
                step: 'contracts',
                file: dtoClasses[0]!.file,
                line: dtoClasses[0]!.line,
                message: `Apex DTOs declare @contract but the service contract (${CONTRACT_MODULE}) does not exist`
            });
        } else {
            contractFindings.push(...checkDtoClasses(dtoClasses, schemas));
        }
        const twin = readTwin(root);
        if (twin) contractFindings.push(...checkTwin(apexImports, classes, twin));
        record(
            'contracts',
            contractFindings,
            `${apexImports.length} Apex import(s), ${schemaImports.length} schema import(s), ${dtoClasses.length} DTO class(es), ${twin ? `${twin.methods.size} twin method(s)` : 'no workbench twin'}`
        );
    }
    return findings;
}

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { root: { type: 'string' }, only: { type: 'string' } } });
    const root = resolve(values.root ?? process.cwd());
    const steps = parseSteps(values.only);
    const findings = await verifySalesforce(root, steps, (line) => console.log(line));
    for (const finding of findings) console.log(formatFinding(finding));
    console.log(`verify:salesforce: ${findings.length} finding(s) in ${steps.join(', ')}`);
    process.exitCode = findings.length === 0 ? 0 : 1;
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error instanceof StepError ? `step failed to run: ${error.message}` : error);
        process.exitCode = 2;
    });
}
