import {
    DevelopmentRules,
    type DevelopmentDeal,
    type DevelopmentResponse,
    type MetricFigure,
    type MetricKey,
    type ParsedDevelopmentRequest,
    type RepDevelopment,
    type SuggestedFocus
} from '../contract/development';
import { resolveDataCapture, type CapturableFact } from '../../scoring/engine/data-capture';
import { METRICS, type MetricDefinitionEntry } from './metrics';
import { bootstrapInterval, median, seedFrom, wilsonInterval, type Bounds } from './statistics';

export const DEVELOPMENT_MODEL_VERSION = 'rep-development-2026.11.2';
const MAX_FOCUS_DEALS = 10;
const DAY_MS = 86_400_000;

interface RawFigure {
    value: number | null;
    sampleSize: number;
    eventCount: number;
    interval: Bounds | null;
    sample: DevelopmentDeal[];
}

/**
 * The facts of the org data profile each metric reads, as scoring reads them: engaged contacts need contact roles and
 * logged activities (scoring's multi-threading rule), "stuck" needs activity to tell a quiet deal from a busy one.
 * Metrics absent here read facts the profile does not measure (playbook progress, nudges, calls, stages, outcomes).
 */
export const PROFILE_FACTS_BY_METRIC: Readonly<Partial<Record<MetricKey, readonly CapturableFact[]>>> = {
    single_threaded: ['contactRoles', 'buyerActivity'],
    economic_buyer_coverage: ['meddpicc.economicBuyer'],
    stuck: ['buyerActivity'],
    close_date_push: ['closeDateChange']
};

/** The metrics not captured: those the request names, and those whose facts the data profile shows are not recorded. */
export function uncapturedMetrics(request: ParsedDevelopmentRequest): Set<MetricKey> {
    const found = new Set<MetricKey>(request.notCaptured ?? []);
    const capture = resolveDataCapture(request.dataProfile);
    for (const [metric, facts] of Object.entries(PROFILE_FACTS_BY_METRIC) as [MetricKey, readonly CapturableFact[]][]) {
        if (!capture.capturesAll(facts)) found.add(metric);
    }
    return found;
}

/** The gap rule in words, with the numbers in force. */
export function describeRule(rules: DevelopmentRules): string {
    const confidence = Math.round(rules.confidence * 100);
    return (
        `A gap is flagged only when the rep has at least ${rules.minDeals} deals in the metric's sample and the ` +
        `${confidence}% interval of their value (Wilson for shares of deals, a bootstrap over deals for pooled rates ` +
        `and the median cycle) lies entirely on the worse side of the team median, taken over the reps with at least ` +
        `${rules.minDeals} deals (at least ${rules.minReps} such reps). The suggested focus is the largest such gap ` +
        'in a behaviour; win rate and cycle length are outcomes and are never a focus.'
    );
}

function figureFor(
    entry: MetricDefinitionEntry,
    repId: string,
    deals: readonly DevelopmentDeal[],
    rules: DevelopmentRules
): RawFigure {
    const sample = deals.filter((deal) => entry.inSample(deal, rules));
    if (sample.length === 0) return { value: null, sampleSize: 0, eventCount: 0, interval: null, sample };
    if (entry.method === 'wilson') {
        const counted = sample.filter((deal) => entry.counts!(deal, rules)).length;
        return {
            value: counted / sample.length,
            sampleSize: sample.length,
            eventCount: sample.length,
            interval: wilsonInterval(counted, sample.length, rules.confidence),
            sample
        };
    }
    const statistic = entry.statistic!;
    return {
        value: statistic(sample),
        sampleSize: sample.length,
        eventCount: entry.events ? sample.reduce((sum, deal) => sum + entry.events!(deal), 0) : sample.length,
        interval: bootstrapInterval(sample, statistic, {
            resamples: rules.bootstrapResamples,
            confidence: rules.confidence,
            seed: seedFrom(`${repId}:${entry.metric}`)
        }),
        sample
    };
}

/** Distance from the median to the nearer bound, in points: percentage points for shares, % of the median for days. */
function gapPoints(entry: MetricDefinitionEntry, interval: Bounds, teamMedian: number): number {
    const distance = entry.direction === 'lower_is_better' ? interval.low - teamMedian : teamMedian - interval.high;
    const points = entry.unit === 'share' ? distance * 100 : teamMedian === 0 ? 0 : (distance / teamMedian) * 100;
    return Math.round(points * 10) / 10;
}

function round(value: number, digits = 4): number {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}

function formatValue(entry: MetricDefinitionEntry, value: number): string {
    return entry.unit === 'share' ? `${Math.round(value * 100)}%` : `${Math.round(value)} days`;
}

function byStage(sample: readonly DevelopmentDeal[]): MetricFigure['byStage'] {
    const stages = new Map<string, { covered: number; deals: number; progress: number }>();
    for (const deal of sample) {
        const row = stages.get(deal.stage) ?? { covered: 0, deals: 0, progress: deal.stageProgress };
        row.deals += 1;
        if (deal.economicBuyer !== 'unknown') row.covered += 1;
        stages.set(deal.stage, row);
    }
    return [...stages.entries()]
        .sort((a, b) => a[1].progress - b[1].progress || a[0].localeCompare(b[0]))
        .map(([stage, row]) => ({ stage, covered: row.covered, deals: row.deals }));
}

function suggestFocus(
    metrics: readonly MetricFigure[],
    samples: ReadonlyMap<string, DevelopmentDeal[]>,
    rules: DevelopmentRules
): SuggestedFocus | null {
    let best: { figure: MetricFigure; entry: MetricDefinitionEntry } | null = null;
    for (const figure of metrics) {
        const entry = METRICS.find((candidate) => candidate.metric === figure.metric)!;
        if (!figure.isGap || entry.skill === null) continue;
        // Ties keep the earlier metric: the order of METRICS is the order of coaching priority.
        if (best === null || figure.gapPoints! > best.figure.gapPoints!) best = { figure, entry };
    }
    if (best === null) return null;
    const { figure, entry } = best;
    const value = figure.value!;
    const teamMedian = figure.teamMedian!;
    const dealIds = (samples.get(figure.metric) ?? [])
        .filter((deal) => entry.showsWeakness(deal, rules))
        .sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0) || a.dealId.localeCompare(b.dealId))
        .slice(0, MAX_FOCUS_DEALS)
        .map((deal) => deal.dealId);
    const interval = figure.interval!;
    return {
        metric: figure.metric,
        skill: entry.skill!,
        baseline: round(value),
        target: round(value + (teamMedian - value) / 2),
        gapPoints: figure.gapPoints!,
        dealIds,
        reason:
            `${entry.label}: ${formatValue(entry, value)} of ${figure.sampleSize} deals against a team median of ` +
            `${formatValue(entry, teamMedian)} (${Math.round(rules.confidence * 100)}% interval ` +
            `${formatValue(entry, interval.low)}–${formatValue(entry, interval.high)}).`
    };
}

/** Per metric, the median over the reps with enough deals; null with fewer such reps than `minReps`. */
function medianPerMetric(
    members: ParsedDevelopmentRequest['reps'],
    raw: ReadonlyMap<string, ReadonlyMap<string, RawFigure>>,
    rules: DevelopmentRules
): Map<string, number | null> {
    const medians = new Map<string, number | null>();
    for (const entry of METRICS) {
        const values = members
            .map((rep) => raw.get(rep.repId)!.get(entry.metric)!)
            .filter(
                (figure) => figure.sampleSize >= rules.minDeals && figure.value !== null && !Number.isNaN(figure.value)
            )
            .map((figure) => figure.value!);
        medians.set(entry.metric, values.length >= rules.minReps ? median(values) : null);
    }
    return medians;
}

function inWindow(deal: DevelopmentDeal, asOf: string, windowDays: number): boolean {
    if (!deal.isClosed) return true;
    const age = (Date.parse(asOf) - Date.parse(deal.closeDate)) / DAY_MS;
    return age >= 0 && age < windowDays;
}

/**
 * Per-rep figures against their team's median (reps grouped by team key), the gaps the evidence supports and one suggested focus per rep. Pure and
 * deterministic: the same request always gives the same answer (bootstrap seeds derive from rep and metric).
 */
export function analyzeDevelopment(request: ParsedDevelopmentRequest): DevelopmentResponse {
    const rules = DevelopmentRules.parse(request.rules ?? {});
    const dealsByRep = new Map<string, DevelopmentDeal[]>(request.reps.map((rep) => [rep.repId, []]));
    for (const deal of request.deals) {
        if (inWindow(deal, request.asOf, request.windowDays)) dealsByRep.get(deal.ownerId)!.push(deal);
    }

    const notCaptured: ReadonlySet<string> = uncapturedMetrics(request);
    const uncaptured: RawFigure = { value: null, sampleSize: 0, eventCount: 0, interval: null, sample: [] };
    const raw = new Map<string, Map<string, RawFigure>>();
    for (const rep of request.reps) {
        const deals = dealsByRep.get(rep.repId)!;
        raw.set(
            rep.repId,
            new Map(
                METRICS.map((entry) => [
                    entry.metric,
                    notCaptured.has(entry.metric) ? uncaptured : figureFor(entry, rep.repId, deals, rules)
                ])
            )
        );
    }

    // Each team's medians over its own reps; reps without a team key form one group (one team on demand).
    const teams = new Map<string | null, ParsedDevelopmentRequest['reps']>();
    for (const rep of request.reps) {
        const key = rep.teamKey ?? null;
        teams.set(key, [...(teams.get(key) ?? []), rep]);
    }
    const teamMedians = new Map<string | null, Map<string, number | null>>();
    for (const [key, members] of teams) {
        teamMedians.set(key, medianPerMetric(members, raw, rules));
    }

    const reps: RepDevelopment[] = request.reps.map((rep) => {
        const deals = dealsByRep.get(rep.repId)!;
        const teamKey = rep.teamKey ?? null;
        const medians = teamMedians.get(teamKey)!;
        const samples = new Map<string, DevelopmentDeal[]>();
        const metrics: MetricFigure[] = METRICS.map((entry) => {
            const figure = raw.get(rep.repId)!.get(entry.metric)!;
            samples.set(entry.metric, figure.sample);
            const teamMedian = medians.get(entry.metric) ?? null;
            const enoughEvidence = figure.sampleSize >= rules.minDeals;
            const gap =
                enoughEvidence && teamMedian !== null && figure.interval !== null
                    ? gapPoints(entry, figure.interval, teamMedian)
                    : null;
            const isGap = gap !== null && gap > 0;
            return {
                metric: entry.metric,
                captured: !notCaptured.has(entry.metric),
                value: figure.value === null || Number.isNaN(figure.value) ? null : round(figure.value),
                sampleSize: figure.sampleSize,
                eventCount: figure.eventCount,
                interval: figure.interval && { low: round(figure.interval.low), high: round(figure.interval.high) },
                teamMedian: teamMedian === null ? null : round(teamMedian),
                enoughEvidence,
                isGap,
                gapPoints: isGap ? gap : null,
                byStage: entry.metric === 'economic_buyer_coverage' ? byStage(figure.sample) : null
            };
        });
        const reasons = new Map<string, number>();
        for (const deal of deals) {
            for (const reason of deal.dismissReasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
        return {
            repId: rep.repId,
            name: rep.name,
            teamKey,
            repsCompared: teams.get(teamKey)!.length,
            openDeals: deals.filter((deal) => !deal.isClosed).length,
            closedDeals: deals.filter((deal) => deal.isClosed).length,
            metrics,
            dismissReasons: [...reasons.entries()]
                .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                .map(([reason, count]) => ({ reason, count })),
            suggestedFocus: suggestFocus(metrics, samples, rules)
        };
    });

    return {
        modelVersion: DEVELOPMENT_MODEL_VERSION,
        asOf: request.asOf,
        windowDays: request.windowDays,
        rule: describeRule(rules),
        rules,
        definitions: METRICS.map(({ metric, label, direction, unit, skill, method, eventUnit }) => ({
            metric,
            label,
            direction,
            unit,
            skill,
            method,
            eventUnit
        })),
        reps
    };
}
