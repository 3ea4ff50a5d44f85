export { practiceTurn, scriptedScorecard } from './drill';
export { askQuestions, drillCriteria } from './criteria';
export { createPracticeModel, type PracticeModel } from './llm';
export { scriptedBuyerTurn } from './scripted-buyer';
