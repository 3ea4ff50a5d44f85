// A finding is one defect the offline Salesforce proof reports, always with a file and (where known) a line.

export type StepName =
    | 'sfdx-project'
    | 'metadata-schema'
    | 'apex-parse'
    | 'apex-typecheck'
    | 'code-analyzer'
    | 'metadata-conversion'
    | 'contracts';

export const ALL_STEPS: readonly StepName[] = [
    'sfdx-project',
    'metadata-schema',
    'apex-parse',
    'apex-typecheck',
    'code-analyzer',
    'metadata-conversion',
    'contracts'
];

export interface Finding {
    step: StepName;
    /** Path relative to the project root, with forward slashes. */
    file: string;
    line?: number;
    column?: number;
    rule?: string;
    message: string;
}

export function formatFinding(finding: Finding): string {
    const location = [finding.file, finding.line, finding.column].filter((part) => part !== undefined).join(':');
    const rule = finding.rule ? ` (${finding.rule})` : '';
    return `${location}  [${finding.step}] ${finding.message}${rule}`;
}

/** Thrown when a step cannot run at all (missing tool, crashed process): a broken check must fail, never pass. */
export class StepError extends Error {
    constructor(
        readonly step: StepName,
        message: string
    ) {
        super(`${step}: ${message}`);
        this.name = 'StepError';
    }
}
