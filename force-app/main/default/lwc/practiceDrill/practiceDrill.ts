import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getDrillOptions from '@salesforce/apex/PracticeController.getDrillOptions';
import startDrill from '@salesforce/apex/PracticeController.startDrill';
import answer from '@salesforce/apex/PracticeController.answer';
import { errorMessage, type WiredResult } from 'c/lwcUtils';
import { skillLabel, validateAnswer, type DrillOptions, type DrillSession, type Option } from 'c/repDevelopmentLogic';

interface TurnRow {
    key: string;
    speaker: string;
    text: string;
    className: string;
}

interface CriterionRow {
    key: string;
    text: string;
    evidence: string;
    verdict: string;
    iconName: string;
    iconText: string;
}

/**
 * The practice drill: the rep picks a skill (their focus by default) and one of their deals, then answers a buyer
 * built from that deal, turn by turn; the last answer returns the score on yes/no criteria from the playbook step.
 */
export default class PracticeDrill extends LightningElement {
    wiredOptionsResult: WiredResult<DrillOptions> | undefined;
    options: DrillOptions | undefined;
    optionsError: string | undefined;
    skill = '';
    opportunityId = '';
    session: DrillSession | null = null;
    draftAnswer = '';
    isWorking = false;
    actionError: string | undefined;

    @wire(getDrillOptions)
    wiredOptions(result: WiredResult<DrillOptions>): void {
        this.wiredOptionsResult = result;
        if (result.data) {
            this.options = result.data;
            this.optionsError = undefined;
            if (!this.skill) this.skill = result.data.focusSkill ?? result.data.skills[0] ?? '';
            if (!this.opportunityId) this.opportunityId = result.data.deals[0]?.value ?? '';
        } else if (result.error) {
            this.optionsError = errorMessage(result.error);
        }
    }

    get isLoading(): boolean {
        return !this.options && !this.optionsError;
    }

    get hasNoDeals(): boolean {
        return Boolean(this.options) && this.options!.deals.length === 0;
    }

    get canPick(): boolean {
        return Boolean(this.options) && !this.hasNoDeals;
    }

    get skillOptions(): Option[] {
        return (this.options?.skills ?? []).map((skill) => ({ label: skillLabel(skill), value: skill }));
    }

    get dealOptions(): Option[] {
        return this.options?.deals ?? [];
    }

    get focusText(): string {
        const focus = this.options?.focusSkill;
        return focus ? `Your focus this month: ${skillLabel(focus)}.` : 'No focus set for you this month.';
    }

    get startDisabled(): boolean {
        return this.isWorking || !this.skill || !this.opportunityId;
    }

    handlePick(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field;
        if (field === 'skill') this.skill = event.detail.value;
        if (field === 'deal') this.opportunityId = event.detail.value;
    }

    async handleStart(): Promise<void> {
        if (this.startDisabled) return;
        this.isWorking = true;
        this.actionError = undefined;
        try {
            this.session = (await startDrill({ opportunityId: this.opportunityId, skill: this.skill })) as DrillSession;
            this.draftAnswer = '';
        } catch (error) {
            this.actionError = errorMessage(error);
        } finally {
            this.isWorking = false;
        }
    }

    handleAnswerInput(event: CustomEvent<{ value: string }>): void {
        this.draftAnswer = event.detail.value ?? '';
    }

    async handleSend(): Promise<void> {
        if (!this.session || this.isWorking) return;
        const { answer: text, problem } = validateAnswer(this.draftAnswer);
        if (problem) {
            this.actionError = problem;
            return;
        }
        this.isWorking = true;
        this.actionError = undefined;
        try {
            this.session = (await answer({ sessionId: this.session.sessionId, answer: text })) as DrillSession;
            this.draftAnswer = '';
            if (this.session.done && this.wiredOptionsResult) await refreshApex(this.wiredOptionsResult);
        } catch (error) {
            this.actionError = errorMessage(error);
        } finally {
            this.isWorking = false;
        }
    }

    handleAgain(): void {
        this.session = null;
        this.actionError = undefined;
    }

    get inSession(): boolean {
        return this.session !== null;
    }

    get isAnswering(): boolean {
        return this.session !== null && !this.session.done;
    }

    get isScored(): boolean {
        return this.session?.done === true;
    }

    get sessionHeading(): string {
        return this.session ? `${skillLabel(this.session.skill)} · ${this.session.dealName}` : '';
    }

    get personaText(): string {
        const session = this.session;
        if (!session) return '';
        return `Buyer: ${session.buyerTitles.join(', ')}. Step: ${session.stepTitle}.`;
    }

    get risksText(): string | null {
        const risks = this.session?.risks ?? [];
        return risks.length > 0 ? `The deal's risks the buyer may raise: ${risks.join(' ')}` : null;
    }

    get modeText(): string {
        const session = this.session;
        if (!session) return '';
        if (session.fallbackReason) return session.fallbackReason;
        return session.mode === 'llm' ? 'A language model plays the buyer.' : 'Scripted buyer (no language model).';
    }

    get turnsLeftText(): string {
        const left = this.session?.turnsLeft ?? 0;
        return left === 0
            ? 'Your last answer: it will be scored.'
            : `${left} more buyer turn${left === 1 ? '' : 's'} after this one.`;
    }

    get turns(): TurnRow[] {
        return (this.session?.transcript ?? []).map((turn, index) => ({
            key: `${index}`,
            speaker: turn.role === 'buyer' ? 'Buyer' : 'You',
            text: turn.text,
            className:
                turn.role === 'buyer'
                    ? 'slds-chat-listitem slds-chat-listitem_inbound'
                    : 'slds-chat-listitem slds-chat-listitem_outbound'
        }));
    }

    get scoreValue(): string {
        return this.session?.score === null || this.session?.score === undefined ? '—' : `${this.session.score} / 100`;
    }

    get scoreDetail(): string {
        const criteria = this.session?.criteria ?? [];
        return `${criteria.filter((criterion) => criterion.met).length} of ${criteria.length} criteria met`;
    }

    get criteria(): CriterionRow[] {
        return (this.session?.criteria ?? []).map((criterion) => ({
            key: criterion.key,
            text: criterion.text,
            evidence: criterion.evidence,
            verdict: criterion.met ? 'Met' : 'Not met',
            iconName: criterion.met ? 'utility:success' : 'utility:close',
            iconText: criterion.met ? 'Met' : 'Not met'
        }));
    }

    get recent() {
        return (this.options?.recent ?? []).map((entry) => ({
            key: entry.sessionId,
            text: `${entry.completedAt.slice(0, 10)} · ${skillLabel(entry.skill)} · ${entry.dealName}: ${entry.score}`
        }));
    }

    get hasRecent(): boolean {
        return this.recent.length > 0;
    }
}
