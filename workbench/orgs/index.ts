/**
 * The orgs the workbench can serve: the generated sample org (every signal captured) or a public data set loaded as
 * an org. Each yields the same `SampleOrg` shape, so the twin's store, controllers and the score request builder work
 * with either.
 */
import { DEFAULT_WORKBENCH_DEALS } from '../twin/store';
import { generateSampleOrg } from '../sample-org';
import type { SampleOrg } from '../sample-org/types';
import { loadMavenOrg } from './maven/load';

export const WORKBENCH_ORGS = ['sample', 'maven'] as const;
export type WorkbenchOrgName = (typeof WORKBENCH_ORGS)[number];

export function isWorkbenchOrgName(value: string): value is WorkbenchOrgName {
    return (WORKBENCH_ORGS as readonly string[]).includes(value);
}

export interface LoadWorkbenchOrgOptions {
    /** The org's today, `YYYY-MM-DD` (UTC). */
    asOf: string;
    /** Deals of the generated sample org; a data set has its own. */
    deals?: number;
}

export function loadWorkbenchOrg(name: WorkbenchOrgName, options: LoadWorkbenchOrgOptions): SampleOrg {
    switch (name) {
        case 'sample':
            return generateSampleOrg({ deals: options.deals ?? DEFAULT_WORKBENCH_DEALS, asOf: options.asOf });
        case 'maven':
            return loadMavenOrg({ asOf: options.asOf });
    }
}

export { loadMavenOrg, MAVEN_DATASET, type MavenOrgOptions } from './maven/load';
export { DATASETS_ENV, resolveDataset } from './datasets';
