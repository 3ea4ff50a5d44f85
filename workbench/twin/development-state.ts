/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * Rep_Focus__c and Practice_Session__c records of a workbench session, kept beside the store (one state per store),
 * plus a seeded history: last month's focuses for two reps of each team, one reviewed and one never reviewed, so the
 * trend and the loop-health figures have something to show on a fresh start. Marked `seeded` so nobody mistakes
 * them for computed results.
 */
import type { WorkbenchStore } from './store';

export interface RepFocusRecord {
    Id: string;
    Rep__c: string;
    /** First day of the month. */
    Month__c: string;
    Skill__c: string;
    Metric__c: string;
    Baseline__c: number;
    Target__c: number;
    Status__c: 'active' | 'reviewed';
    Outcome__c: 'reached' | 'moved' | 'not_moved' | null;
    Result__c: number | null;
    Notes__c: string | null;
    Set_By__c: string;
    Reviewed_At__c: string | null;
    /** `<rep id>:<YYYY-MM>`: unique, so a rep has one focus per month. */
    Focus_Key__c: string;
    seeded: boolean;
}

export interface PracticeSessionRecord {
    Id: string;
    Rep__c: string;
    Rep_Focus__c: string | null;
    Opportunity__c: string;
    Skill__c: string;
    Step_Key__c: string;
    Status__c: 'in_progress' | 'completed';
    /** JSON: [{ role, text }]. */
    Transcript__c: string;
    /** JSON: the buyer persona and step sent with every turn. */
    Persona__c: string;
    /** JSON: [{ key, text, met, evidence }]. */
    Criteria_Results__c: string | null;
    Score__c: number | null;
    Mode__c: 'llm' | 'scripted' | null;
    Started_At__c: string;
    Completed_At__c: string | null;
}

/** Rep_Development_Snapshot__c: one rep's figures for one month, stored by the monthly batch. */
export interface RepDevelopmentSnapshotRecord {
    Id: string;
    Rep__c: string;
    Month__c: string;
    As_Of__c: string;
    Computed_At__c: string;
    /** The service's response for this rep alone. */
    Result_Json__c: string;
    Open_Deals__c: number;
    Closed_Deals__c: number;
    Reps_Compared__c: number;
    /** `<rep id>:<YYYY-MM>`: unique, so a re-run replaces the month's snapshot. */
    Snapshot_Key__c: string;
}

export interface DevelopmentState {
    focuses: RepFocusRecord[];
    sessions: PracticeSessionRecord[];
    snapshots: RepDevelopmentSnapshotRecord[];
}

const states = new WeakMap<WorkbenchStore, DevelopmentState>();

export function monthOf(isoDay: string): string {
    return `${isoDay.slice(0, 7)}-01`;
}

export function previousMonth(month: string): string {
    const year = Number(month.slice(0, 4));
    const index = Number(month.slice(5, 7)) - 2;
    return new Date(Date.UTC(year + Math.floor(index / 12), ((index % 12) + 12) % 12, 1)).toISOString().slice(0, 10);
}

function seedHistory(store: WorkbenchStore): RepFocusRecord[] {
    // A loaded data set gets no invented history.
    if (store.org.meta.source) return [];
    const lastMonth = previousMonth(monthOf(store.today()));
    const seeded: RepFocusRecord[] = [];
    for (const manager of store.org.users.filter((user) => user.level === 'manager')) {
        const reps = store.teamMembers(manager.Id).slice(0, 2);
        reps.forEach((rep, position) => {
            const reviewed = position === 0;
            seeded.push({
                Id: store.newId('Rep_Focus__c'),
                Rep__c: rep.Id,
                Month__c: lastMonth,
                Skill__c: reviewed ? 'multi_threading' : 'advancing_the_deal',
                Metric__c: reviewed ? 'single_threaded' : 'stage_age_overrun',
                Baseline__c: 0.45,
                Target__c: 0.35,
                Status__c: reviewed ? 'reviewed' : 'active',
                Outcome__c: reviewed ? 'moved' : null,
                Result__c: reviewed ? 0.38 : null,
                Notes__c: reviewed ? 'Added the IT lead on two deals.' : null,
                Set_By__c: manager.Id,
                Reviewed_At__c: reviewed ? `${store.today().slice(0, 7)}-01T09:00:00.000Z` : null,
                Focus_Key__c: `${rep.Id}:${lastMonth.slice(0, 7)}`,
                seeded: true
            });
        });
    }
    return seeded;
}

export function developmentState(store: WorkbenchStore): DevelopmentState {
    let state = states.get(store);
    if (!state) {
        state = { focuses: seedHistory(store), sessions: [], snapshots: [] };
        states.set(store, state);
    }
    return state;
}
