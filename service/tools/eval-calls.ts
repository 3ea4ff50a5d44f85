/**
 * `npm run eval:calls`: precision and recall per field of the proposed CRM updates over the labelled corpus
 * (service/test/calls/corpus.ts), for the deterministic extractor and, when OPENAI_API_KEY is set, the LLM one.
 * A proposal is right when its value equals the label (NextStep: any wording); every other proposal is a false
 * positive, every label not proposed (or proposed with another value) a false negative.
 */
import { createCallAnalyzer } from '../src/modules/calls/engine/analyze';
import { loadLlmSettings } from '../src/modules/calls/engine/llm';
import { callRequest } from '../test/support/call-factory';
import { CORPUS, type CorpusLabels, LABELLED_FIELD_BY_KEY } from '../test/calls/corpus';

export interface FieldScore {
    field: string;
    truePositives: number;
    falsePositives: number;
    falseNegatives: number;
    precision: number | null;
    recall: number | null;
}

export async function evaluate(
    extractor: 'deterministic' | 'llm'
): Promise<{ fields: FieldScore[]; micro: FieldScore }> {
    const analyzer = createCallAnalyzer(extractor === 'llm' ? loadLlmSettings(process.env) : null);
    const counts = new Map<string, { tp: number; fp: number; fn: number }>();
    for (const field of Object.values(LABELLED_FIELD_BY_KEY)) counts.set(field, { tp: 0, fp: 0, fn: 0 });

    for (const call of CORPUS) {
        const request = callRequest(call.text, {
            source: call.source,
            extractor: extractor === 'llm' ? 'llm' : 'deterministic'
        });
        const { response } = await analyzer.analyze(request);
        const proposed = new Map(response.proposals.map((proposal) => [proposal.field, proposal.proposedValue]));
        for (const [key, field] of Object.entries(LABELLED_FIELD_BY_KEY) as [keyof CorpusLabels, string][]) {
            const label = call.labels[key];
            const value = proposed.get(field);
            const score = counts.get(field)!;
            const matches = value !== undefined && label !== undefined && (label === true || value === label);
            if (matches) score.tp++;
            else {
                if (value !== undefined) score.fp++;
                if (label !== undefined) score.fn++;
            }
        }
    }
    const toScore = (field: string, tp: number, fp: number, fn: number): FieldScore => ({
        field,
        truePositives: tp,
        falsePositives: fp,
        falseNegatives: fn,
        precision: tp + fp === 0 ? null : Math.round((tp / (tp + fp)) * 100) / 100,
        recall: tp + fn === 0 ? null : Math.round((tp / (tp + fn)) * 100) / 100
    });
    const fields = [...counts].map(([field, { tp, fp, fn }]) => toScore(field, tp, fp, fn));
    const sum = (pick: (score: FieldScore) => number) => fields.reduce((total, score) => total + pick(score), 0);
    const micro = toScore(
        'all fields',
        sum((s) => s.truePositives),
        sum((s) => s.falsePositives),
        sum((s) => s.falseNegatives)
    );
    return { fields, micro };
}

function printTable(title: string, result: { fields: FieldScore[]; micro: FieldScore }): void {
    const format = (value: number | null) => (value === null ? '  –' : value.toFixed(2));
    console.log(`\n${title} (${CORPUS.length} calls)`);
    console.log(`${'field'.padEnd(30)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}   tp  fp  fn`);
    for (const score of [...result.fields, result.micro]) {
        console.log(
            `${score.field.padEnd(30)} ${format(score.precision).padStart(9)} ${format(score.recall).padStart(7)}  ${String(score.truePositives).padStart(3)} ${String(score.falsePositives).padStart(3)} ${String(score.falseNegatives).padStart(3)}`
        );
    }
}

async function main(): Promise<void> {
    printTable('Deterministic extractor', await evaluate('deterministic'));
    if (loadLlmSettings(process.env)) {
        printTable(`LLM extractor (${process.env.OPENAI_MODEL ?? 'default model'})`, await evaluate('llm'));
    } else {
        console.log('\nLLM extractor: skipped (set OPENAI_API_KEY, and OPENAI_BASE_URL / OPENAI_MODEL if needed)');
    }
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
    });
}
