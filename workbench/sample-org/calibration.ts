// The win-probability calibration's examples from a workbench org, as WinProbabilityCalibrationJob gathers them in
// Salesforce: every closed deal seen at its earliest stored snapshot, with its stage, stage age, playbook and amount
// as the records stood before that night; the baseline is the stage's default probability. Used by the backtest and
// by the org twin.
import type { CalibrationExample } from '../../service/src/contract';
import { dayOf } from './dates';
import { playbookMatchFor, stateBefore, type SampleOrgIndex } from './scoring';

export function calibrationExamples(index: SampleOrgIndex): CalibrationExample[] {
    const org = index.org;
    const openStages = org.stages.filter((stage) => !stage.isClosed);
    const earliest = new Map<string, { asOf: string; score: number }>();
    for (const snapshot of org.dealHealthSnapshots) {
        const seen = earliest.get(snapshot.Opportunity__c);
        if (!seen || snapshot.As_Of__c < seen.asOf) {
            earliest.set(snapshot.Opportunity__c, { asOf: snapshot.As_Of__c, score: snapshot.Score__c });
        }
    }
    const examples: CalibrationExample[] = [];
    for (const opportunity of org.opportunities) {
        const snapshot = earliest.get(opportunity.Id);
        if (!opportunity.IsClosed || !snapshot) continue;
        const day = dayOf(snapshot.asOf);
        const state = stateBefore(index, opportunity.Id, day);
        const stageIndex = openStages.findIndex((stage) => stage.apiName === state?.stageName);
        if (state === null || stageIndex < 0) continue;
        examples.push({
            closedOn: opportunity.CloseDate,
            won: opportunity.IsWon,
            features: {
                score: snapshot.score,
                stageProgress: openStages.length > 1 ? stageIndex / (openStages.length - 1) : 0,
                stageAgeDays: Math.max(0, day - state.stageEnteredDay),
                segment: playbookMatchFor(index, opportunity, state.amount)?.playbook.playbookKey ?? null,
                amount: state.amount
            },
            stageProbability: openStages[stageIndex]!.defaultProbability / 100
        });
    }
    return examples;
}
