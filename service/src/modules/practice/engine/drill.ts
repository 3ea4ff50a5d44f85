import {
    DRILL_BUYER_TURNS,
    type PracticeTurnRequest,
    type PracticeTurnResponse,
    type Scorecard
} from '../contract/practice';
import { drillCriteria, repTurns, type Criterion } from './criteria';
import type { PracticeModel } from './llm';
import { scriptedBuyerTurn } from './scripted-buyer';

type DrillSkill = Parameters<typeof scriptedBuyerTurn>[0];

function scoreOf(results: Scorecard['criteria']): number {
    return Math.round((100 * results.filter((result) => result.met).length) / results.length);
}

/** The deterministic scorecard: each criterion's check on the rep's words. */
export function scriptedScorecard(request: PracticeTurnRequest): Scorecard {
    const turns = repTurns(request.transcript);
    const criteria = drillCriteria(request.skill, request.step.guidance).map((criterion) => {
        const evidence = criterion.check(turns);
        return {
            key: criterion.key,
            text: criterion.text,
            met: evidence !== null,
            evidence: evidence === null ? 'Not heard in your answers.' : `“${evidence}”`
        };
    });
    return { criteria, score: scoreOf(criteria) };
}

/** The model's verdicts, accepted only when they answer exactly the criteria asked (else the checks decide). */
function modelScorecard(criteria: readonly Criterion[], verdicts: { key: string; met: boolean; evidence: string }[]) {
    const byKey = new Map(verdicts.map((verdict) => [verdict.key, verdict]));
    if (byKey.size !== criteria.length || criteria.some((criterion) => !byKey.has(criterion.key))) {
        throw new Error('the model did not judge exactly the criteria it was given');
    }
    const results = criteria.map((criterion) => {
        const verdict = byKey.get(criterion.key)!;
        return { key: criterion.key, text: criterion.text, met: verdict.met, evidence: verdict.evidence.slice(0, 500) };
    });
    return { criteria: results, score: scoreOf(results) };
}

function failureReason(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return `The language model failed (${message.slice(0, 200)}); the scripted drill answered instead.`;
}

/**
 * One step of a drill: the buyer's next turn, or, after the rep's last answer, the scorecard. Stateless: the caller
 * (Apex) keeps the transcript. With a model, the model plays and judges; if it fails, the scripted drill answers and
 * says why, so a drill never breaks on the model.
 */
export async function practiceTurn(
    request: PracticeTurnRequest,
    model: PracticeModel | null
): Promise<PracticeTurnResponse> {
    const buyerTurnsSoFar = request.transcript.length / 2;
    const done = buyerTurnsSoFar >= DRILL_BUYER_TURNS;
    const skill = request.skill as DrillSkill;
    if (model !== null) {
        try {
            if (done) {
                const criteria = drillCriteria(request.skill, request.step.guidance);
                const scorecard = modelScorecard(criteria, (await model.judge(request, criteria)).verdicts);
                return { mode: 'llm', fallbackReason: null, buyerTurn: null, turnsLeft: 0, done, scorecard };
            }
            const buyerTurn = await model.buyerTurn(request);
            const turnsLeft = DRILL_BUYER_TURNS - buyerTurnsSoFar - 1;
            return { mode: 'llm', fallbackReason: null, buyerTurn, turnsLeft, done, scorecard: null };
        } catch (error) {
            return { ...scripted(request, skill, done, buyerTurnsSoFar), fallbackReason: failureReason(error) };
        }
    }
    return scripted(request, skill, done, buyerTurnsSoFar);
}

function scripted(
    request: PracticeTurnRequest,
    skill: DrillSkill,
    done: boolean,
    buyerTurnsSoFar: number
): PracticeTurnResponse {
    if (done) {
        const scorecard = scriptedScorecard(request);
        return { mode: 'scripted', fallbackReason: null, buyerTurn: null, turnsLeft: 0, done, scorecard };
    }
    return {
        mode: 'scripted',
        fallbackReason: null,
        buyerTurn: scriptedBuyerTurn(skill, request.persona, buyerTurnsSoFar),
        turnsLeft: DRILL_BUYER_TURNS - buyerTurnsSoFar - 1,
        done,
        scorecard: null
    };
}
