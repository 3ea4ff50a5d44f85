import { Band, RISK_CODES } from '../../service/src/contract';
import type { SampleOrg } from './types';

export interface SampleOrgSummary {
    seed: number;
    asOf: string;
    records: Record<string, number>;
    /** Latest snapshot of each open deal. */
    latestByBand: Record<string, number>;
    /** Open deals whose latest snapshot carries the risk. */
    latestByRisk: Record<string, number>;
    openDeals: number;
    closedDeals: number;
}

const RECORD_KEYS = [
    'userRoles',
    'users',
    'accounts',
    'contacts',
    'opportunities',
    'opportunityContactRoles',
    'opportunityHistory',
    'tasks',
    'events',
    'playbookMatches',
    'playbookStepProgress',
    'dealHealthSnapshots',
    'pipelineReviews',
    'reviewDecisions',
    'nudgeFeedback',
    'callAnalyses'
] as const;

export function summarizeSampleOrg(org: SampleOrg): SampleOrgSummary {
    const records: Record<string, number> = {};
    for (const key of RECORD_KEYS) records[key] = org[key].length;
    const latestByBand: Record<string, number> = Object.fromEntries(Band.options.map((band) => [band, 0]));
    const latestByRisk: Record<string, number> = Object.fromEntries(RISK_CODES.map((code) => [code, 0]));
    for (const snapshot of org.dealHealthSnapshots) {
        if (!snapshot.Is_Latest__c || snapshot.As_Of__c !== org.meta.asOf) continue;
        latestByBand[snapshot.Band__c] = (latestByBand[snapshot.Band__c] ?? 0) + 1;
        for (const code of new Set(snapshot.risks.map((risk) => risk.code))) {
            latestByRisk[code] = (latestByRisk[code] ?? 0) + 1;
        }
    }
    const closedDeals = org.opportunities.filter((opportunity) => opportunity.IsClosed).length;
    return {
        seed: org.meta.seed,
        asOf: org.meta.asOf,
        records,
        latestByBand,
        latestByRisk,
        openDeals: org.opportunities.length - closedDeals,
        closedDeals
    };
}
