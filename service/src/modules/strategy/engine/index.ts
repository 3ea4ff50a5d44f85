export {
    fitWinProbability,
    predictWinProbability,
    CALIBRATION_MODEL_VERSION,
    MINIMUM_HISTORY,
    timeSplit
} from './calibration';
export { checkStrategy, judgeSegment } from './verdict';
export { brierScore, rocAuc, reliabilityTable, wilsonInterval } from './metrics';
