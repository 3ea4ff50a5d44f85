import type {
    BandThresholds,
    DimensionKey,
    DimensionWeights,
    RuleThresholds,
    ScoringConfigOverride
} from '../../../contract';

/** Bumped whenever weights, rules or wording change, so stored scores can be compared like for like. */
export const MODEL_VERSION = 'deal-health-2026.11.2';

/**
 * Points per dimension (they add up to 100). Qualification leads because MEDDPICC gaps are the most common reason
 * forecast deals are lost; engagement next because silent or single-threaded deals die quietly; momentum and hygiene
 * are leading indicators with less weight; playbook adherence checks the process, not the deal, so it weighs least.
 */
export const DEFAULT_WEIGHTS: DimensionWeights = {
    qualification: 35,
    engagement: 25,
    momentum: 20,
    hygiene: 10,
    playbookAdherence: 10
};

export const DEFAULT_BANDS: BandThresholds = { healthyMin: 70, watchMin: 45 };

export const DEFAULT_THRESHOLDS: RuleThresholds = {
    engagedContactDays: 30,
    multiThreadedContacts: 3,
    staleActivityDays: 14,
    stalledStageRatio: 1.5,
    defaultStageBenchmarkDays: 30,
    lateStageProgress: 0.6,
    maxNudges: 5
};

export interface EngineConfig {
    readonly weights: DimensionWeights;
    readonly bands: BandThresholds;
    readonly thresholds: RuleThresholds;
}

export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
    weights: DEFAULT_WEIGHTS,
    bands: DEFAULT_BANDS,
    thresholds: DEFAULT_THRESHOLDS
};

/** Applies an admin override (already validated by the contract) on top of the defaults. */
export function resolveEngineConfig(override: ScoringConfigOverride | undefined): EngineConfig {
    if (!override) {
        return DEFAULT_ENGINE_CONFIG;
    }
    return {
        weights: override.weights ?? DEFAULT_WEIGHTS,
        bands: override.bands ?? DEFAULT_BANDS,
        thresholds: { ...DEFAULT_THRESHOLDS, ...stripUndefined(override.thresholds ?? {}) }
    };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export const DIMENSION_LABELS: Record<DimensionKey, string> = {
    qualification: 'Qualification',
    engagement: 'Engagement',
    momentum: 'Momentum',
    hygiene: 'Hygiene',
    playbookAdherence: 'Playbook adherence'
};
