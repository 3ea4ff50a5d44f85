export { analyzeDevelopment, describeRule, DEVELOPMENT_MODEL_VERSION } from './development';
export { METRICS, cycleDays } from './metrics';
export { bootstrapInterval, median, wilsonInterval } from './statistics';
