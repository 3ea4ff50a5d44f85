// `npm run build:apex-types`: writes types/generated/apex.d.ts, the typed `@salesforce/apex/Class.method` modules the
// components and the workbench twin compile against, from the @AuraEnabled methods and DTO classes of the Apex
// sources. Git-ignored; `npm run build` and `npm run typecheck` run it first, so a fresh clone type-checks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { allClasses, parseApexFile } from '../verify-salesforce/apex-model';
import { isApexSource, loadSfdxProject, projectFiles, toProjectPath } from '../verify-salesforce/project';
import { buildApexDeclarations } from './apex-declarations';

const repoRoot = resolve(__dirname, '..', '..');
export const APEX_DECLARATIONS_FILE = join(repoRoot, 'types', 'generated', 'apex.d.ts');

export function generateApexTypes(root = repoRoot, outputFile = APEX_DECLARATIONS_FILE): number {
    const project = loadSfdxProject(root);
    const files = projectFiles(project, (path) => isApexSource(path) && path.endsWith('.cls')).map(parseApexFile);
    const broken = files.find((file) => file.syntaxProblems.length > 0);
    if (broken) {
        const [problem] = broken.syntaxProblems;
        throw new Error(`${toProjectPath(project, broken.file)}:${problem!.line} does not parse: ${problem!.message}`);
    }
    const classes = allClasses(files).map((model) => ({ ...model, file: toProjectPath(project, model.file) }));
    const { text, methods } = buildApexDeclarations(classes);
    mkdirSync(dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, text);
    return methods.length;
}

if (require.main === module) {
    const count = generateApexTypes();
    console.log(`Wrote ${count} @salesforce/apex declaration(s) to ${APEX_DECLARATIONS_FILE}`);
}
