/** The sample org: a deterministic, seeded data set of a realistic org for the local workbench, tests and benchmarks. */
export {
    DEFAULT_AS_OF,
    DEFAULT_DEALS,
    DEFAULT_SEED,
    generateSampleOrg,
    MAX_DEALS,
    SNAPSHOT_WEEKS,
    type SampleOrgOptions
} from './generate';
export { caseSafeSuffix, IdFactory, KEY_PREFIXES, toId18 } from './ids';
export { loadOrgMetadata, matchPlaybook, STANDARD_STAGES, type OrgMetadata, type PlaybookDefinition } from './metadata';
export { measureOrgDataProfile, PROFILE_MAX_DEALS, PROFILE_WINDOW_DAYS } from './data-profile';
export { createRandom, mulberry32, type Random } from './prng';
export {
    buildDeal,
    indexSampleOrg,
    stateBefore,
    toScoreRequest,
    toScoreRequests,
    type SampleOrgIndex
} from './scoring';
export { summarizeSampleOrg, type SampleOrgSummary } from './summary';
export type * from './types';
