/**
 * No false precision: the deal-health score is points on explained checks, not a calibrated probability, so no text a
 * user reads (component templates and code, custom labels, the engine's explanations, the READMEs) may present it as
 * one. Any mention of probability, likelihood or a chance of winning must be a negation ("not a chance of winning").
 * When a calibrated probability lands (its own issue), its wording gets an explicit, reviewed exception here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');
const PROBABILITY_WORDING =
    /\b(probabilit(?:y|ies)|likelihood|chances? (?:of|to) (?:win|winning|close|closing)|likely to (?:win|close)|win rate|odds)\b/gi;
const NEGATION = /\b(not|never|no|nor|isn't|is not)\b/i;
/**
 * The reviewed exception for the calibrated win probability (issue 16): a sentence about the fitted model, its
 * holdout evaluation or the observed win rates of closed deals speaks of measured outcomes, not of the score.
 */
const CALIBRATION_CONTEXT =
    /\b(win-probability model|calibrat\w*|holdout|backtest|Brier|ROC-AUC|reliability|baseline|closed deals?|observed|stage probability|stage's (?:default )?probability|Win Probability Model)\b/i;
/** The Strategy Check shows the calibration card and closed-deal win rates; it never shows a score as a chance. */
const CALIBRATION_SURFACES = [join('lwc', 'strategyCheck') + '/', join('lwc', 'strategyCheckLogic') + '/'];

function filesUnder(folder: string, keep: (path: string) => boolean): string[] {
    if (!existsSync(folder)) return [];
    const found: string[] = [];
    for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) {
            if (name !== '__tests__' && name !== 'node_modules') found.push(...filesUnder(path, keep));
        } else if (keep(path)) {
            found.push(path);
        }
    }
    return found;
}

/** The sentence around a match: from the previous sentence end to the next one. */
function sentenceAround(text: string, index: number): string {
    const before = text.slice(0, index);
    const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n'), before.lastIndexOf('>')) + 1;
    const after = text.slice(index);
    const endCandidates = [after.indexOf('. '), after.indexOf('\n\n'), after.indexOf('<')].filter((at) => at >= 0);
    const end = index + (endCandidates.length > 0 ? Math.min(...endCandidates) : after.length);
    return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

export function findProbabilityWording(path: string, text: string): string[] {
    const findings: string[] = [];
    for (const match of text.matchAll(PROBABILITY_WORDING)) {
        const sentence = sentenceAround(text, match.index);
        if (NEGATION.test(sentence) || CALIBRATION_CONTEXT.test(sentence)) continue;
        if (CALIBRATION_SURFACES.some((surface) => path.includes(surface))) continue;
        if (!NEGATION.test(sentence)) findings.push(`${relative(repoRoot, path)}: "${sentence}"`);
    }
    return findings;
}

const userFacing = [
    ...filesUnder(join(repoRoot, 'force-app', 'main', 'default', 'lwc'), (path) => /\.(html|ts)$/.test(path)),
    ...filesUnder(join(repoRoot, 'force-app', 'main', 'default', 'labels'), (path) => path.endsWith('.xml')),
    ...filesUnder(join(repoRoot, 'service', 'src', 'modules', 'scoring', 'engine'), (path) => path.endsWith('.ts')),
    join(repoRoot, 'README.md'),
    join(repoRoot, 'service', 'README.md')
];

describe('no false precision in what users read', () => {
    it('scans the component sources, labels, engine explanations and READMEs', () => {
        expect(userFacing.length).toBeGreaterThan(20);
    });

    it('never presents the score as a probability or a chance of winning', () => {
        const findings = userFacing.flatMap((path) => findProbabilityWording(path, readFileSync(path, 'utf8')));
        expect(findings).toEqual([]);
    });

    it('flags wording that does, and lets a negation through', () => {
        expect(findProbabilityWording('x.html', '<p>Win probability: 72%</p>')).toHaveLength(1);
        expect(findProbabilityWording('x.md', 'The score is the chance of winning the deal.')).toHaveLength(1);
        expect(findProbabilityWording('x.html', '<p>Health points, not a chance of winning.</p>')).toEqual([]);
    });
});
