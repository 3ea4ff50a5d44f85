/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. Never deployed; the real controllers are the Apex classes in
 * force-app/main/default/classes.
 *
 * The method table: every twin Apex method, keyed `Class.method` as the component imports it. Each controller lives in
 * its own file named like the Apex class (`DealHealthController.ts`, ...); what they share is in `apex-context.ts`.
 */
import type { ApexMethod, TwinMethods } from './apex-context';
import { DealHealthController } from './DealHealthController';
import { NudgeController } from './NudgeController';
import { PipelineReviewController } from './PipelineReviewController';
import { PlaybookController } from './PlaybookController';
import { CallInsightsController } from './CallInsightsController';
import { PracticeController } from './PracticeController';
import { RepDevelopmentController } from './RepDevelopmentController';
import { StrategyCheckController } from './StrategyCheckController';

export type { ApexContext, ApexMethod } from './apex-context';
export { ApexError } from './params';

// ==================================================================== registry

/** Every stand-in Apex method, keyed `Class.method` as the component imports it (`@salesforce/apex/Class.method`). */
export const APEX_METHODS: Readonly<TwinMethods> = {
    'DealHealthController.getDealHealth': DealHealthController.getDealHealth,
    'DealHealthController.rescoreDeal': DealHealthController.rescoreDeal,
    'PlaybookController.getPlaybook': PlaybookController.getPlaybook,
    'PlaybookController.markStep': PlaybookController.markStep,
    'NudgeController.getNudges': NudgeController.getNudges,
    'NudgeController.recordNudgeFeedback': NudgeController.recordNudgeFeedback,
    'PipelineReviewController.loadBoard': PipelineReviewController.loadBoard,
    'PipelineReviewController.getScopeOptions': PipelineReviewController.getScopeOptions,
    'PipelineReviewController.getBoardPage': PipelineReviewController.getBoardPage,
    'PipelineReviewController.getBoardSummary': PipelineReviewController.getBoardSummary,
    'PipelineReviewController.startReview': PipelineReviewController.startReview,
    'PipelineReviewController.saveDecisions': PipelineReviewController.saveDecisions,
    'PipelineReviewController.endReview': PipelineReviewController.endReview,
    'PipelineReviewController.getSessionSummary': PipelineReviewController.getSessionSummary,
    'CallInsightsController.getCallInsights': CallInsightsController.getCallInsights,
    'CallInsightsController.analyzeCall': CallInsightsController.analyzeCall,
    'CallInsightsController.retryAnalysis': CallInsightsController.retryAnalysis,
    'CallInsightsController.applyDecisions': CallInsightsController.applyDecisions,
    'StrategyCheckController.getFilterOptions': StrategyCheckController.getFilterOptions,
    'StrategyCheckController.getStrategyCheck': StrategyCheckController.getStrategyCheck,
    'RepDevelopmentController.getScopeOptions': RepDevelopmentController.getScopeOptions,
    'RepDevelopmentController.getDevelopment': RepDevelopmentController.getDevelopment,
    'RepDevelopmentController.setFocus': RepDevelopmentController.setFocus,
    'RepDevelopmentController.reviewFocus': RepDevelopmentController.reviewFocus,
    'PracticeController.getDrillOptions': PracticeController.getDrillOptions,
    'PracticeController.startDrill': PracticeController.startDrill,
    'PracticeController.answer': PracticeController.answer
};

/** The twin method a `POST /apex/Class.method` names, if the twin implements it. */
export function twinMethod(name: string): ApexMethod | undefined {
    return Object.hasOwn(APEX_METHODS, name) ? (APEX_METHODS as Readonly<Record<string, ApexMethod>>)[name] : undefined;
}
