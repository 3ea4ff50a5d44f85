export {
    analyzeDevelopment,
    describeRule,
    DEVELOPMENT_MODEL_VERSION,
    PROFILE_FACTS_BY_METRIC,
    uncapturedMetrics
} from './development';
export { METRICS, cycleDays } from './metrics';
export { bootstrapInterval, median, wilsonInterval } from './statistics';
