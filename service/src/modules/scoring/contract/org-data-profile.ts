import { z } from 'zod';
import { IsoDate, NonNegativeInt } from '../../../contract/common';

/** A share of the measured deals, 0..1. */
export const Share = z.number().min(0).max(1);

export const MeddpiccShares = z.strictObject({
    metrics: Share,
    economicBuyer: Share,
    decisionCriteria: Share,
    decisionProcess: Share,
    paperProcess: Share,
    identifiedPain: Share,
    champion: Share,
    competition: Share
});

/**
 * Which facts the org actually captures, measured on its own recent deals (those created in the last `windowDays`
 * days, open or closed) by the nightly batch. It lets the engine tell "this deal lacks X" from "this org never records
 * X": a fact the org does not capture is unknown, not bad news.
 */
export const OrgDataProfile = z.strictObject({
    /** The day the profile was measured. */
    measuredOn: IsoDate,
    windowDays: z.int().min(1).max(3650),
    /** Deals measured; the shares mean nothing below the engine's minimum sample (see the model section). */
    dealsMeasured: NonNegativeInt.max(10_000_000),
    /** Share of the deals with at least one logged buyer activity (a task or an event on the opportunity). */
    withBuyerActivity: Share,
    /** Share with at least one contact role. */
    withContactRoles: Share,
    /** Share with a non-blank next step. */
    withNextStep: Share,
    /** Share with a next-step date. */
    withNextStepDate: Share,
    /** Share whose close date changed at least once after creation (opportunity history). */
    withCloseDateChange: Share,
    /** Share with an amount above 0. */
    withAmount: Share,
    /** Per MEDDPICC element, the share with a status other than unknown. */
    withMeddpicc: MeddpiccShares
});
export type OrgDataProfile = z.infer<typeof OrgDataProfile>;
