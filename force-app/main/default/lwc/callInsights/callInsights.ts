import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getCallInsights from '@salesforce/apex/CallInsightsController.getCallInsights';
import analyzeCall from '@salesforce/apex/CallInsightsController.analyzeCall';
import retryAnalysis from '@salesforce/apex/CallInsightsController.retryAnalysis';
import applyDecisions from '@salesforce/apex/CallInsightsController.applyDecisions';
import { errorMessage, parseJsonList, parseJsonObject } from 'c/lwcUtils';
import type { CallAnalysisResponse, Evidence, ProposedUpdate } from '@contract';

/** CallInsightsService.LoggedCall */
export interface LoggedCall {
    recordId: string;
    source: 'task' | 'event' | 'transcript_file';
    label: string;
}

/** CallInsightsService.AnalysisView */
export interface AnalysisView {
    analysisId: string;
    recordName: string;
    analysisStatus: 'pending_retry' | 'analyzed' | 'reviewed' | 'failed';
    source: string;
    extractor: string | null;
    model: string | null;
    fallbackReason: string | null;
    lastError: string | null;
    text: string;
    resultJson: string | null;
    decisionsJson: string | null;
    createdDate: string;
}

/** CallInsightsService.InsightsView */
export interface InsightsView {
    loggedCalls: LoggedCall[];
    analyses: AnalysisView[];
}

type Verdict = 'accepted' | 'rejected';

const MAX_TEXT_CHARS = 100000;
const CONTEXT_CHARS = 60;
const PASTE = 'paste';

interface QuoteView {
    key: string;
    before: string;
    quote: string;
    after: string;
    speaker: string;
}

/** The quote inside the text around it, so the rep sees what was said, not only the excerpt. */
function quoteInContext(text: string, evidence: Evidence, key: string): QuoteView {
    const start = Math.max(0, evidence.startOffset - CONTEXT_CHARS);
    const end = Math.min(text.length, evidence.endOffset + CONTEXT_CHARS);
    return {
        key,
        before: (start > 0 ? '…' : '') + text.slice(start, evidence.startOffset),
        quote: text.slice(evidence.startOffset, evidence.endOffset),
        after: text.slice(evidence.endOffset, end) + (end < text.length ? '…' : ''),
        speaker: evidence.speaker ? `${evidence.speaker}${evidence.speakerSide === 'buyer' ? ' (buyer)' : ''}` : ''
    };
}

export default class CallInsights extends LightningElement {
    @api recordId: string | undefined;

    loading = true;
    busy = false;
    loadError: string | null = null;
    actionError: string | null = null;
    loggedCalls: LoggedCall[] = [];
    selectedSource = PASTE;
    pastedText = '';
    analysis: AnalysisView | null = null;
    verdicts: Record<string, Verdict> = {};

    override connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        this.loading = true;
        try {
            const view = (await getCallInsights({ opportunityId: this.recordId })) as InsightsView;
            this.loggedCalls = view.loggedCalls ?? [];
            // Reopen the latest analysis still waiting for a person (review or retry), so nothing is forgotten.
            this.analysis = (view.analyses ?? []).find((item) => item.analysisStatus !== 'reviewed') ?? null;
            this.verdicts = {};
            this.loadError = null;
        } catch (error) {
            this.loadError = errorMessage(error);
        } finally {
            this.loading = false;
        }
    }

    // ------------------------------------------------------------------ input

    get sourceOptions(): { label: string; value: string }[] {
        return [
            { label: 'Paste notes or a transcript', value: PASTE },
            ...this.loggedCalls.map((call) => ({ label: call.label, value: call.recordId }))
        ];
    }

    get isPasting(): boolean {
        return this.selectedSource === PASTE;
    }

    get maxTextLength(): number {
        return MAX_TEXT_CHARS;
    }

    get analyzeDisabled(): boolean {
        return this.busy || (this.isPasting && this.pastedText.trim() === '');
    }

    handleSourceChange(event: CustomEvent<{ value: string }>): void {
        this.selectedSource = event.detail.value;
    }

    handleTextChange(event: CustomEvent<{ value: string }>): void {
        this.pastedText = event.detail.value ?? '';
    }

    async handleAnalyze(): Promise<void> {
        const logged = this.loggedCalls.find((call) => call.recordId === this.selectedSource);
        await this.runAction(async () => {
            this.analysis = (await analyzeCall({
                opportunityId: this.recordId,
                source: logged ? logged.source : 'pasted_notes',
                sourceRecordId: logged ? logged.recordId : null,
                text: logged ? null : this.pastedText
            })) as AnalysisView;
            this.verdicts = {};
            if (this.analysis.analysisStatus === 'analyzed') this.pastedText = '';
        });
    }

    async handleRetry(): Promise<void> {
        if (!this.analysis) return;
        const analysisId = this.analysis.analysisId;
        await this.runAction(async () => {
            this.analysis = (await retryAnalysis({ analysisId })) as AnalysisView;
            this.verdicts = {};
        });
    }

    private async runAction(action: () => Promise<void>): Promise<void> {
        this.busy = true;
        this.actionError = null;
        try {
            await action();
        } catch (error) {
            this.actionError = errorMessage(error);
        } finally {
            this.busy = false;
        }
    }

    // ------------------------------------------------------------------ result

    get result(): CallAnalysisResponse | null {
        try {
            return parseJsonObject<CallAnalysisResponse>(this.analysis?.resultJson, 'the call analysis');
        } catch {
            return null;
        }
    }

    get isPendingRetry(): boolean {
        return this.analysis?.analysisStatus === 'pending_retry' || this.analysis?.analysisStatus === 'failed';
    }

    get canRetry(): boolean {
        return this.analysis?.analysisStatus === 'pending_retry' || this.analysis?.analysisStatus === 'failed';
    }

    get pendingMessage(): string {
        if (!this.analysis) return '';
        return this.analysis.analysisStatus === 'failed'
            ? `The service could not analyse this call (${this.analysis.recordName}): ${this.analysis.lastError ?? 'unknown error'}.`
            : `The Execution Loop service is unavailable. Your notes are saved as ${this.analysis.recordName}; retry when it is back.`;
    }

    get hasResult(): boolean {
        return (
            this.result !== null &&
            (this.analysis?.analysisStatus === 'analyzed' || this.analysis?.analysisStatus === 'reviewed')
        );
    }

    get isReviewed(): boolean {
        return this.analysis?.analysisStatus === 'reviewed';
    }

    get extractorLabel(): string {
        const result = this.result;
        if (!result) return '';
        if (result.extractor === 'llm') return `Read by ${result.model ?? 'an LLM'}`;
        const why: Record<string, string> = {
            org_choice: 'as your org chose',
            llm_not_configured: 'no LLM configured',
            llm_failed: 'the LLM was unavailable'
        };
        return `Read by the built-in rules${result.fallbackReason ? ` (${why[result.fallbackReason]})` : ''}`;
    }

    get proposals(): (ProposedUpdate & {
        key: string;
        currentDisplay: string;
        quotes: QuoteView[];
        decisionLabel: string;
        verdict: string | undefined;
        confidencePercent: string;
    })[] {
        const text = this.analysis?.text ?? '';
        return (this.result?.proposals ?? []).map((proposal) => ({
            ...proposal,
            key: proposal.field,
            currentDisplay: proposal.currentValue ?? '(empty)',
            quotes: proposal.evidence.map((evidence, index) =>
                quoteInContext(text, evidence, `${proposal.field}-${index}`)
            ),
            decisionLabel: `Accept or reject the new ${proposal.label}`,
            verdict: this.verdicts[proposal.field],
            confidencePercent: `${Math.round(proposal.confidence * 100)}% confident`
        }));
    }

    get hasProposals(): boolean {
        return this.proposals.length > 0;
    }

    get verdictOptions(): { label: string; value: Verdict }[] {
        return [
            { label: 'Accept', value: 'accepted' },
            { label: 'Reject', value: 'rejected' }
        ];
    }

    get undecidedCount(): number {
        return this.proposals.filter((proposal) => !proposal.verdict).length;
    }

    get saveDisabled(): boolean {
        return this.busy || this.undecidedCount > 0;
    }

    get saveHint(): string {
        const left = this.undecidedCount;
        return left === 0 ? 'Accepted values are written to the opportunity.' : `${left} proposal(s) still to decide.`;
    }

    handleVerdict(event: CustomEvent<{ value: Verdict }>): void {
        const field = (event.target as HTMLElement).dataset.field;
        if (field) this.verdicts = { ...this.verdicts, [field]: event.detail.value };
    }

    async handleSave(): Promise<void> {
        if (!this.analysis) return;
        const analysisId = this.analysis.analysisId;
        const decisions = Object.entries(this.verdicts).map(([field, verdict]) => ({ field, verdict }));
        const accepted = decisions.filter((decision) => decision.verdict === 'accepted').length;
        await this.runAction(async () => {
            this.analysis = (await applyDecisions({
                analysisId,
                decisionsJson: JSON.stringify(decisions)
            })) as AnalysisView;
            if (this.recordId && accepted > 0) await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
            this.dispatchEvent(
                new ShowToastEvent({
                    title: 'Call Insights saved',
                    message: `${accepted} update(s) written, ${decisions.length - accepted} rejected.`,
                    variant: 'success'
                })
            );
        });
    }

    get decisionsSummary(): string {
        let decisions: { field: string; verdict: Verdict }[];
        try {
            decisions = parseJsonList<{ field: string; verdict: Verdict }>(
                this.analysis?.decisionsJson,
                'the decisions'
            );
        } catch (error) {
            return errorMessage(error);
        }
        const accepted = decisions.filter((decision) => decision.verdict === 'accepted').length;
        return `Reviewed: ${accepted} accepted, ${decisions.length - accepted} rejected.`;
    }

    // ------------------------------------------------------------------ next steps, risks, coaching

    get nextSteps(): { key: string; description: string; meta: string }[] {
        return (this.result?.nextSteps ?? []).map((step, index) => ({
            key: `step-${index}`,
            description: step.description,
            meta: [step.owner, step.dueDate].filter(Boolean).join(' · ')
        }));
    }

    get risks(): { key: string; description: string; quote: string }[] {
        return (this.result?.risks ?? []).map((risk, index) => ({
            key: `risk-${index}`,
            description: risk.description,
            quote: risk.evidence.quote
        }));
    }

    get hasNextSteps(): boolean {
        return this.nextSteps.length > 0;
    }

    get hasRisks(): boolean {
        return this.risks.length > 0;
    }

    get stepsCovered(): { key: string; title: string; quote: string }[] {
        return (this.result?.coaching.stepsCovered ?? []).map((step) => ({
            key: step.stepKey,
            title: step.title,
            quote: step.evidence.quote
        }));
    }

    get stepsMissed(): { key: string; title: string }[] {
        return (this.result?.coaching.stepsMissed ?? []).map((step) => ({ key: step.stepKey, title: step.title }));
    }

    get questions(): { key: string; text: string }[] {
        return (this.result?.coaching.questionsToAsk ?? []).map((text, index) => ({ key: `q-${index}`, text }));
    }

    get hasStepsCovered(): boolean {
        return this.stepsCovered.length > 0;
    }

    get hasStepsMissed(): boolean {
        return this.stepsMissed.length > 0;
    }

    get hasQuestions(): boolean {
        return this.questions.length > 0;
    }

    get hasNoCoaching(): boolean {
        return !this.hasStepsCovered && !this.hasStepsMissed && !this.hasQuestions && this.talkSummary === null;
    }

    get talkSummary(): string | null {
        const talk = this.result?.coaching.talk;
        if (!talk) return null;
        return `You spoke ${Math.round(talk.repTalkShare * 100)}% of the words and asked ${talk.repQuestions} question(s); the buyer asked ${talk.buyerQuestions}.`;
    }
}
