// The quarterly strategy-to-tactic check: per segment, is the play being run, and does running it win? It tells
// "execution drift" (the play wins where it is run, but it is run less) from a "strategy problem" (it is run and
// still does not win more), and says "not enough data" rather than guess.
import type {
    SegmentQuarter,
    SegmentVerdict,
    StrategyCheckRequest,
    StrategyCheckResponse
} from '../contract/strategy-check';
import { round, wilsonInterval } from './metrics';

/** Closed deals needed on each side (ran the play / did not) before comparing their win rates. */
export const MIN_CLOSED_PER_ARM = 10;
export const INTERVAL_CONFIDENCE = 0.9;
/** Below this share of required steps done on time, the play is not being run, whatever the trend. */
export const ADHERENCE_FLOOR = 0.6;
/** A fall of this many points against the quarter before counts as running the play less. */
export const ADHERENCE_DROP_POINTS = 5;

const percent = (share: number | null): string => (share === null ? 'n/a' : `${Math.round(share * 100)} %`);
const ratio = (done: number, due: number): number | null => (due === 0 ? null : done / due);

function adherenceOf(quarter: SegmentQuarter | null): number | null {
    return quarter === null ? null : ratio(quarter.requiredStepsDoneOnTime, quarter.requiredStepsDue);
}

export function judgeSegment(segment: StrategyCheckRequest['segments'][number]): SegmentVerdict {
    const { current, previous } = segment;
    const ran = wilsonInterval(current.ranPlayWon, current.ranPlayWon + current.ranPlayLost, INTERVAL_CONFIDENCE);
    const off = wilsonInterval(current.offPlayWon, current.offPlayWon + current.offPlayLost, INTERVAL_CONFIDENCE);
    const adherence = adherenceOf(current);
    const previousAdherence = adherenceOf(previous);
    const gatesOnTime = ratio(current.gatesDoneOnTime, current.gatesDue);
    const base = {
        segment: segment.segment,
        label: segment.label,
        adherence: {
            current: adherence === null ? null : round(adherence, 4),
            previous: previousAdherence === null ? null : round(previousAdherence, 4),
            gatesOnTime: gatesOnTime === null ? null : round(gatesOnTime, 4)
        },
        winRateRanPlay: ran,
        winRateOffPlay: off
    };
    const evidence = [
        `Win rate when the play was run: ${percent(ran.rate)} of ${ran.count} closed deals (${INTERVAL_CONFIDENCE * 100} % interval ${percent(ran.low)}–${percent(ran.high)}).`,
        `Win rate when it was not: ${percent(off.rate)} of ${off.count} (${percent(off.low)}–${percent(off.high)}).`,
        `Required steps done by their stage: ${percent(adherence)} this quarter${previousAdherence === null ? '' : `, ${percent(previousAdherence)} the quarter before`}.`
    ];
    if (gatesOnTime !== null) evidence.push(`Gates done on time: ${percent(gatesOnTime)} of ${current.gatesDue}.`);

    if (ran.count < MIN_CLOSED_PER_ARM || off.count < MIN_CLOSED_PER_ARM || adherence === null) {
        const missing: string[] = [];
        if (ran.count < MIN_CLOSED_PER_ARM)
            missing.push(`${MIN_CLOSED_PER_ARM - ran.count} more closed deals that ran the play`);
        if (off.count < MIN_CLOSED_PER_ARM)
            missing.push(`${MIN_CLOSED_PER_ARM - off.count} more closed deals that did not`);
        if (adherence === null) missing.push('deals that reached a stage with required steps');
        return {
            ...base,
            verdict: 'not_enough_data',
            headline: `Not enough data to judge ${segment.label} yet.`,
            evidence: [...evidence, `Needed: ${missing.join('; ')}.`],
            nextMove: 'Keep the weekly review and deal coaching running on this play, and re-check next quarter.'
        };
    }

    // The play "wins where it is run" when even the low end of its interval beats the off-play rate.
    const playWins = ran.low! > off.rate!;
    const dropped = previousAdherence !== null && (previousAdherence - adherence) * 100 >= ADHERENCE_DROP_POINTS;
    const runLess = dropped || adherence < ADHERENCE_FLOOR;
    const runLessText = dropped
        ? `adherence fell from ${percent(previousAdherence)} to ${percent(adherence)}`
        : `only ${percent(adherence)} of required steps are done on time`;

    if (playWins && runLess) {
        return {
            ...base,
            verdict: 'execution_drift',
            headline: `${segment.label}: the play wins where it is run, but it is run less (${runLessText}).`,
            evidence,
            nextMove:
                'Keep the strategy. Restart the execution loops: coach the skipped steps deal by deal, make each weekly review end in decisions on off-play deals, and set a monthly rep focus on the steps skipped most.'
        };
    }
    if (playWins) {
        return {
            ...base,
            verdict: 'on_track',
            headline: `${segment.label}: the play is run and it wins where it is run.`,
            evidence,
            nextMove: 'Change nothing in the plan; keep the loops running and watch adherence next quarter.'
        };
    }
    if (!runLess) {
        return {
            ...base,
            verdict: 'strategy_problem',
            headline: `${segment.label}: the play is run (${percent(adherence)} of required steps on time) and does not win more than going without it.`,
            evidence,
            nextMove:
                "Revisit the play's assumptions, not the reps: is this segment the right one for it, and which required steps add nothing? Compare the won and lost deals' risks before rewriting the steps."
        };
    }
    return {
        ...base,
        verdict: 'not_enough_data',
        headline: `${segment.label}: the play is run less and shows no measurable lift; the data cannot tell drift from a wrong play.`,
        evidence: [...evidence, `Running it less (${runLessText}) hides whether it works.`],
        nextMove:
            'Restore execution first (coaching and reviews on the required steps), then re-check next quarter before changing the plan.'
    };
}

export function checkStrategy(request: StrategyCheckRequest): StrategyCheckResponse {
    return {
        quarter: request.quarter,
        rules: {
            minClosedPerArm: MIN_CLOSED_PER_ARM,
            intervalConfidence: INTERVAL_CONFIDENCE,
            adherenceFloor: ADHERENCE_FLOOR,
            adherenceDropPoints: ADHERENCE_DROP_POINTS
        },
        segments: request.segments.map(judgeSegment)
    };
}
