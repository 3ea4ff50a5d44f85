/**
 * The nightly scoring run as the org's batch does it, for every org the workbench builds: measure what the org
 * captures (stored as its data profile), then score every deal open on that date with the real engine, in requests of
 * at most MAX_DEALS_PER_REQUEST deals, and store one nightly snapshot per deal.
 */
import { type Deal, MAX_DEALS_PER_REQUEST, ScoreRequest } from '../../service/src/contract';
import { scoreDeals } from '../../service/src/modules/scoring/engine';
import { measureOrgDataProfile } from './data-profile';
import { dayOf, isoDateTime } from './dates';
import type { IdFactory } from './ids';
import { buildDeal, orgContextAt, type SampleOrgIndex } from './scoring';
import type { SampleOrg } from './types';

/** Runs the nightly scoring of `asOf` (scored at 02:00 that day); `isLatest` marks the snapshots as the latest. */
export function runNightlyScoring(
    org: SampleOrg,
    index: SampleOrgIndex,
    ids: IdFactory,
    asOf: string,
    isLatest: boolean
): void {
    org.dataProfile = measureOrgDataProfile(index, asOf);
    const deals: Deal[] = [];
    for (const opportunity of org.opportunities) {
        const deal = buildDeal(index, opportunity.Id, asOf);
        if (deal !== null && !deal.stage.isClosed) deals.push(deal);
    }
    for (let start = 0; start < deals.length; start += MAX_DEALS_PER_REQUEST) {
        const request = ScoreRequest.parse({
            asOf,
            config: org.scoringConfig,
            orgContext: orgContextAt(index, asOf),
            deals: deals.slice(start, start + MAX_DEALS_PER_REQUEST)
        });
        for (const result of scoreDeals(request).results) {
            org.dealHealthSnapshots.push({
                Id: ids.next('Deal_Health_Snapshot__c'),
                Opportunity__c: result.dealId,
                Score__c: result.score,
                Band__c: result.band,
                As_Of__c: asOf,
                Scored_At__c: isoDateTime(dayOf(asOf), 2),
                Scoring_Trigger__c: 'nightly',
                Model_Version__c: result.modelVersion,
                Snapshot_Key__c: `${result.dealId}:${asOf}:nightly`,
                Is_Latest__c: isLatest,
                dimensions: result.dimensions,
                risks: result.risks,
                exitCriteria: result.exitCriteria,
                nudges: result.nudges
            });
        }
    }
}
