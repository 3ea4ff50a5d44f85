/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY. The real controller is force-app/main/default/classes/
 * PracticeController.cls (→ PracticeService → PracticeSelector).
 *
 * The practice drill: a rep rehearses the weak moment against a buyer built from one of their own deals (contact
 * titles, the deal's risks), on the playbook step that trains the skill; each turn goes through the Execution Loop
 * service's practice route, and the session (transcript, criteria results, score) is stored.
 */
import {
    DRILL_SKILLS,
    PracticeTurnResponse,
    type ExitCriterionSignal,
    type PracticeTurnRequest
} from '../../service/src/contract';
import type { DrillSession } from 'c/repDevelopmentLogic';
import { playbookMatchFor } from '../sample-org/scoring';
import type { PlaybookStepDefinition } from '../sample-org/metadata';
import type { ApexContext, ParamsOf, ResultOf } from './apex-context';
import { developmentState, monthOf, type PracticeSessionRecord } from './development-state';
import { label } from './labels';
import { ApexError, readId, readString, text } from './params';
import { ServiceCallError } from './service-client';
import { postToService } from './service-json';

export const PRACTICE_PATH = '/v1/practice/turn';
const MAX_ANSWER = 2000;
const MAX_DEALS = 25;
const RECENT_SESSIONS = 5;

/** The exit criteria of the playbook steps that train each skill, best first. */
const SKILL_SIGNALS: Record<string, readonly ExitCriterionSignal[]> = {
    economic_buyer_access: ['economic_buyer_validated', 'economic_buyer_identified'],
    multi_threading: ['multi_threaded', 'executive_engaged'],
    advancing_the_deal: ['next_step_scheduled'],
    close_plan: ['mutual_plan_agreed', 'decision_process_mapped', 'paper_process_mapped'],
    discovery_depth: ['pain_identified', 'metrics_identified', 'metrics_validated']
};

interface StoredPersona {
    request: Omit<PracticeTurnRequest, 'transcript'>;
    dealName: string;
}

function readSession(context: ApexContext, sessionId: string | null): PracticeSessionRecord {
    const session = developmentState(context.store).sessions.find((candidate) => candidate.Id === sessionId);
    if (!session || session.Rep__c !== context.userId) {
        throw new ApexError(label('PracticeSessionNotFound', text(sessionId)));
    }
    return session;
}

function toView(session: PracticeSessionRecord, last: PracticeTurnResponse | null): DrillSession {
    const persona = JSON.parse(session.Persona__c) as StoredPersona;
    const transcript = JSON.parse(session.Transcript__c) as DrillSession['transcript'];
    return {
        sessionId: session.Id,
        skill: session.Skill__c,
        opportunityId: session.Opportunity__c,
        dealName: persona.dealName,
        stepTitle: persona.request.step.title,
        buyerTitles: persona.request.persona.buyerTitles,
        risks: persona.request.persona.risks.map((risk) => risk.message),
        transcript,
        turnsLeft: last?.turnsLeft ?? 0,
        done: session.Status__c === 'completed',
        score: session.Score__c,
        criteria: session.Criteria_Results__c
            ? (JSON.parse(session.Criteria_Results__c) as DrillSession['criteria'])
            : [],
        mode: session.Mode__c ?? 'scripted',
        fallbackReason: last?.fallbackReason ?? null
    };
}

/** The step of the deal's playbook (else of any playbook) that trains the skill, preferring one with questions. */
function stepFor(context: ApexContext, opportunityId: string, skill: string): PlaybookStepDefinition {
    const { store } = context;
    const index = store.index();
    const opportunity = store.opportunity(opportunityId)!;
    const match = playbookMatchFor(index, opportunity, opportunity.Amount);
    const playbooks = [
        ...store.org.playbooks.filter((playbook) => playbook.playbookKey === match?.playbook.playbookKey),
        ...store.org.playbooks.filter((playbook) => playbook.playbookKey !== match?.playbook.playbookKey)
    ];
    for (const signal of SKILL_SIGNALS[skill] ?? []) {
        for (const playbook of playbooks) {
            const steps = playbook.steps.filter((step) => step.exitCriterion === signal);
            const withQuestions = steps.find((step) => /^\s*Ask:/im.test(store.guidanceByStep.get(step.stepKey) ?? ''));
            const chosen = withQuestions ?? steps.find((step) => store.guidanceByStep.get(step.stepKey));
            if (chosen) return chosen;
        }
    }
    throw new ApexError(label('PracticeNoStepForSkill', skill));
}

async function callPractice(context: ApexContext, request: PracticeTurnRequest): Promise<PracticeTurnResponse> {
    try {
        return await postToService(
            context.scoring,
            PRACTICE_PATH,
            request,
            PracticeTurnResponse,
            context.scoring.timeoutMs ?? context.store.calloutTimeoutMs()
        );
    } catch (error) {
        if (error instanceof ServiceCallError) throw new ApexError(error.userMessage());
        throw error;
    }
}

function apply(context: ApexContext, session: PracticeSessionRecord, response: PracticeTurnResponse): void {
    const transcript = JSON.parse(session.Transcript__c) as PracticeTurnRequest['transcript'];
    if (response.buyerTurn !== null) transcript.push({ role: 'buyer', text: response.buyerTurn });
    session.Transcript__c = JSON.stringify(transcript);
    session.Mode__c = response.mode;
    if (response.done && response.scorecard) {
        session.Status__c = 'completed';
        session.Score__c = response.scorecard.score;
        session.Criteria_Results__c = JSON.stringify(response.scorecard.criteria);
        session.Completed_At__c = context.store.nowIso();
    }
}

export const PracticeController = {
    getDrillOptions(context: ApexContext): ResultOf<'PracticeController.getDrillOptions'> {
        const { store } = context;
        const state = developmentState(store);
        const month = monthOf(store.today());
        const focus = state.focuses.find(
            (candidate) => candidate.Rep__c === context.userId && candidate.Month__c === month
        );
        const deals = store.org.opportunities
            .filter((opportunity) => opportunity.OwnerId === context.userId && !opportunity.IsClosed)
            .sort((a, b) => (b.Amount ?? 0) - (a.Amount ?? 0) || a.Id.localeCompare(b.Id))
            .slice(0, MAX_DEALS)
            .map((opportunity) => ({ label: opportunity.Name, value: opportunity.Id }));
        const recent = state.sessions
            .filter((session) => session.Rep__c === context.userId && session.Status__c === 'completed')
            .sort((a, b) => (a.Completed_At__c! < b.Completed_At__c! ? 1 : -1))
            .slice(0, RECENT_SESSIONS)
            .map((session) => ({
                sessionId: session.Id,
                completedAt: session.Completed_At__c!,
                skill: session.Skill__c,
                score: session.Score__c ?? 0,
                dealName: (JSON.parse(session.Persona__c) as StoredPersona).dealName
            }));
        return {
            focusSkill: focus?.Skill__c ?? null,
            skills: [...DRILL_SKILLS],
            deals,
            recent
        };
    },

    async startDrill(
        context: ApexContext,
        params: ParamsOf<'PracticeController.startDrill'>
    ): Promise<ResultOf<'PracticeController.startDrill'>> {
        const { store } = context;
        const opportunityId = readId(params.opportunityId, 'opportunityId');
        const skill = readString(params.skill, 'skill');
        if (skill === null || !DRILL_SKILLS.has(skill)) {
            throw new ApexError(label('PracticeChooseSkill', [...DRILL_SKILLS].join(', ')));
        }
        const opportunity = opportunityId === null ? undefined : store.opportunity(opportunityId);
        if (!opportunity || opportunity.OwnerId !== context.userId || opportunity.IsClosed) {
            throw new ApexError(label('PracticeChooseOwnDeal'));
        }
        const index = store.index();
        const titles = [
            ...new Set(
                (index.contactRolesByOpportunity.get(opportunity.Id) ?? [])
                    .map((role) => index.contactById.get(role.ContactId)?.Title?.trim())
                    .filter((title): title is string => Boolean(title))
            )
        ].slice(0, 10);
        if (titles.length === 0) {
            throw new ApexError(label('PracticeNoBuyer', opportunity.Name));
        }
        const account = opportunity.AccountId === null ? undefined : index.accountById.get(opportunity.AccountId);
        const risks = (store.latestSnapshot(opportunity.Id)?.risks ?? [])
            .slice(0, 10)
            .map((risk) => ({ code: risk.code, message: risk.message.slice(0, 255) }));
        const step = stepFor(context, opportunity.Id, skill);
        const request: Omit<PracticeTurnRequest, 'transcript'> = {
            skill: skill as PracticeTurnRequest['skill'],
            persona: {
                accountName: account?.Name ?? opportunity.Name,
                industry: account?.Industry ?? null,
                stage: opportunity.StageName,
                amount: opportunity.Amount,
                buyerTitles: titles,
                risks
            },
            step: { stepKey: step.stepKey, title: step.title, guidance: store.guidanceByStep.get(step.stepKey)! }
        };
        const response = await callPractice(context, { ...request, transcript: [] });
        const month = monthOf(store.today());
        const focus = developmentState(store).focuses.find(
            (candidate) => candidate.Rep__c === context.userId && candidate.Month__c === month
        );
        const session: PracticeSessionRecord = {
            Id: store.newId('Practice_Session__c'),
            Rep__c: context.userId,
            Rep_Focus__c: focus?.Id ?? null,
            Opportunity__c: opportunity.Id,
            Skill__c: skill,
            Step_Key__c: step.stepKey,
            Status__c: 'in_progress',
            Transcript__c: '[]',
            Persona__c: JSON.stringify({ request, dealName: opportunity.Name } satisfies StoredPersona),
            Criteria_Results__c: null,
            Score__c: null,
            Mode__c: null,
            Started_At__c: store.nowIso(),
            Completed_At__c: null
        };
        apply(context, session, response);
        developmentState(store).sessions.push(session);
        return toView(session, response);
    },

    async answer(
        context: ApexContext,
        params: ParamsOf<'PracticeController.answer'>
    ): Promise<ResultOf<'PracticeController.answer'>> {
        const session = readSession(context, readId(params.sessionId, 'sessionId'));
        if (session.Status__c === 'completed') throw new ApexError(label('PracticeDrillFinished'));
        const answer = readString(params.answer, 'answer')?.trim() ?? '';
        if (answer === '') throw new ApexError(label('PracticeAnswerRequired'));
        if (answer.length > MAX_ANSWER) throw new ApexError(label('PracticeAnswerTooLong', MAX_ANSWER));
        const persona = JSON.parse(session.Persona__c) as StoredPersona;
        const transcript = [
            ...(JSON.parse(session.Transcript__c) as PracticeTurnRequest['transcript']),
            { role: 'rep' as const, text: answer }
        ];
        const response = await callPractice(context, { ...persona.request, transcript });
        session.Transcript__c = JSON.stringify(transcript);
        apply(context, session, response);
        return toView(session, response);
    }
};
