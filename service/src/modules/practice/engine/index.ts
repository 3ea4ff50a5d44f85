export { practiceTurn, scriptedScorecard } from './drill';
export { askQuestions, drillCriteria } from './criteria';
export { createPracticeModel, llmSettingsFromEnv, type LlmSettings, type PracticeModel } from './llm';
export { scriptedBuyerTurn } from './scripted-buyer';
