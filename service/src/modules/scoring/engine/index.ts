export { apportion } from './apportion';
export {
    DEFAULT_BANDS,
    DEFAULT_ENGINE_CONFIG,
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    type EngineConfig,
    MODEL_VERSION,
    resolveEngineConfig
} from './config';
export { bandFor, scoreDeal, scoreDeals } from './engine';
