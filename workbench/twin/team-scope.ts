// TeamScopeService: who a manager-facing view covers (me, my team, one rep of it, or all visible deals), shared by
// the pipeline review and the views that follow it, with the Apex class's messages.
import { label } from './labels';
import { ApexError, text } from './params';
import type { WorkbenchStore } from './store';

export const SCOPE_ME = 'me';
export const SCOPE_MY_TEAM = 'my_team';
export const SCOPE_ONE_REP = 'one_rep';
export const SCOPE_ALL_VISIBLE = 'all_visible';

/** TeamScopeService.Scope: `ownerIds` null means every deal the user may see. */
export interface TeamScope {
    scope: string;
    repId: string | null;
    label: string;
    ownerIds: Set<string> | null;
}

/** TeamScopeService.resolve, for the given running user. */
export function resolveTeamScope(
    store: WorkbenchStore,
    userId: string,
    scope: string | null,
    repId: string | null
): TeamScope {
    if (scope === SCOPE_ME) {
        return { scope, repId: userId, label: label('TeamScopeNameMyDeals'), ownerIds: new Set([userId]) };
    }
    if (scope === SCOPE_MY_TEAM) {
        const team = store.teamMembers(userId);
        if (team.length === 0) throw new ApexError(label('TeamScopeNoTeam'));
        return {
            scope,
            repId: null,
            label: label('TeamScopeNameMyTeam'),
            ownerIds: new Set(team.map((member) => member.Id))
        };
    }
    if (scope === SCOPE_ONE_REP) {
        if (repId === null) throw new ApexError(label('TeamScopeChooseRep'));
        const rep = store.teamMembers(userId).find((member) => member.Id === repId);
        if (!rep) throw new ApexError(label('TeamScopeRepNotInTeam', repId));
        return { scope, repId: rep.Id, label: rep.Name, ownerIds: new Set([rep.Id]) };
    }
    if (scope === SCOPE_ALL_VISIBLE)
        return { scope, repId: null, label: label('TeamScopeNameAllVisible'), ownerIds: null };
    if (scope === null || scope.trim() === '') {
        throw new ApexError(label('TeamScopeChoose'));
    }
    throw new ApexError(label('TeamScopeUnknown', text(scope)));
}
