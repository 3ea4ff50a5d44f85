// The Rep Development tab's Apex methods, registered in the twin's method table (controllers.ts).
import type { ApexMethod } from './controllers';
import { PracticeController } from './PracticeController';
import { RepDevelopmentController } from './RepDevelopmentController';

export const REP_DEVELOPMENT_METHODS: Readonly<Record<string, ApexMethod>> = {
    'RepDevelopmentController.getScopeOptions': RepDevelopmentController.getScopeOptions,
    'RepDevelopmentController.getDevelopment': RepDevelopmentController.getDevelopment,
    'RepDevelopmentController.setFocus': RepDevelopmentController.setFocus,
    'RepDevelopmentController.reviewFocus': RepDevelopmentController.reviewFocus,
    'PracticeController.getDrillOptions': PracticeController.getDrillOptions,
    'PracticeController.startDrill': PracticeController.startDrill,
    'PracticeController.answer': PracticeController.answer
};
