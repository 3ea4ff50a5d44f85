/** The twin's org data profile, measured like OrgDataProfileService on the sample org's recent deals. */
import { generateSampleOrg } from './generate';
import { measureOrgDataProfile, PROFILE_WINDOW_DAYS } from './data-profile';
import { indexSampleOrg } from './scoring';

describe('measureOrgDataProfile', () => {
    const org = generateSampleOrg({ deals: 120, asOf: '2026-11-16' });

    it('finds every fact the sample org records on a good share of its recent deals', () => {
        const profile = measureOrgDataProfile(indexSampleOrg(org), '2026-11-16');
        expect(profile.windowDays).toBe(PROFILE_WINDOW_DAYS);
        expect(profile.dealsMeasured).toBeGreaterThan(50);
        for (const share of [
            profile.withBuyerActivity,
            profile.withContactRoles,
            profile.withNextStep,
            profile.withNextStepDate,
            profile.withAmount,
            ...Object.values(profile.withMeddpicc)
        ]) {
            expect(share).toBeGreaterThan(0.3);
        }
        expect(profile.withCloseDateChange).toBeGreaterThan(0.05);
    });

    it('is what the org stores and sends: the profile of its last nightly run', () => {
        expect(org.dataProfile).toEqual(measureOrgDataProfile(indexSampleOrg(org), '2026-11-16'));
    });

    it('counts a fact only on the deals that have it', () => {
        const sparse = structuredClone(org);
        const index = indexSampleOrg(sparse);
        const before = measureOrgDataProfile(index, '2026-11-16');
        for (const opportunity of sparse.opportunities) opportunity.NextStep = null;
        sparse.opportunityContactRoles = [];
        const after = measureOrgDataProfile(indexSampleOrg(sparse), '2026-11-16');
        expect(after.withNextStep).toBe(0);
        expect(after.withContactRoles).toBe(0);
        expect(after.withBuyerActivity).toBe(before.withBuyerActivity);
        expect(after.dealsMeasured).toBe(before.dealsMeasured);
    });
});
