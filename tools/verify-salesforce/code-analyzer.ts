// Salesforce Code Analyzer v5, driven through its core library (the `sf code-analyzer` plugin does not install
// offline): PMD (Apex security and best practice), ESLint (the compiled LWC JavaScript, i.e. what ships) and regex
// engines. The gate is severity 1 (critical) and 2 (high).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, type RunResults } from '@salesforce/code-analyzer-core';
import * as eslintEngine from '@salesforce/code-analyzer-eslint-engine';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import * as regexEngine from '@salesforce/code-analyzer-regex-engine';
import { StepError, type Finding } from './findings';
import { toProjectPath, type SfdxProject } from './project';

export const GATING_SEVERITY = 2;

/** Recommended rules of every engine, plus PMD's whole Security category. */
const RULE_SELECTORS = ['Recommended', 'pmd:Security'];

/**
 * ApexSharingViolations ships at severity 3 (moderate); a class without a sharing declaration is a security defect
 * in this package, so it gates like the other security rules.
 */
const RULE_OVERRIDES = {
    pmd: {
        ApexSharingViolations: { severity: 2 },
        ApexCRUDViolation: { severity: 2 },
        ApexSOQLInjection: { severity: 1 }
    }
};

export interface CodeAnalyzerOutcome {
    findings: Finding[];
    /** All violations at every severity, for the summary line. */
    totalViolations: number;
    ruleCount: number;
}

export async function runCodeAnalyzer(project: SfdxProject): Promise<CodeAnalyzerOutcome> {
    const workingFolder = mkdtempSync(join(tmpdir(), 'code-analyzer-'));
    try {
        const config = CodeAnalyzerConfig.fromObject(
            {
                config_root: project.root,
                root_working_folder: workingFolder,
                log_folder: workingFolder,
                rules: RULE_OVERRIDES,
                // Component tests never ship; the project's own ESLint config lints them (npm run lint).
                ignores: { files: ['**/__tests__/**'] }
            },
            project.root
        );
        const analyzer = new CodeAnalyzer(config);
        for (const engine of [pmdEngine, eslintEngine, regexEngine]) {
            await analyzer.addEnginePlugin(engine.createEnginePlugin());
        }
        const workspace = await analyzer.createWorkspace(project.packageDirectories);
        const selection = await analyzer.selectRules(RULE_SELECTORS, { workspace });
        if (selection.getCount() === 0) {
            throw new StepError('code-analyzer', `no rules selected by ${RULE_SELECTORS.join(', ')}`);
        }
        const results: RunResults = await analyzer.run(selection, { workspace });
        const findings: Finding[] = [];
        for (const violation of results.getViolations()) {
            const rule = violation.getRule();
            if (Number(rule.getSeverityLevel()) > GATING_SEVERITY) continue;
            const location = violation.getPrimaryLocation();
            const file = location.getFile();
            findings.push({
                step: 'code-analyzer',
                file: file ? toProjectPath(project, file) : 'unknown file',
                line: location.getStartLine(),
                column: location.getStartColumn(),
                rule: `${rule.getEngineName()}:${rule.getName()}, severity ${rule.getSeverityLevel()}`,
                message: violation.getMessage()
            });
        }
        return { findings, totalViolations: results.getViolationCount(), ruleCount: selection.getCount() };
    } finally {
        rmSync(workingFolder, { recursive: true, force: true });
    }
}
