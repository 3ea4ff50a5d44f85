import { dealList, userList } from '../twin/records';
import { WorkbenchStore } from '../twin/store';
import { dealsFor } from './deal-choice';

describe('the deal a record page lands on', () => {
    it('has a playbook for every user of the sample org, at the default and the benchmark size', () => {
        for (const deals of [400, 10_000]) {
            const store = new WorkbenchStore({ deals });
            const list = dealList(store);
            for (const user of userList(store, store.defaultUserId).users) {
                const landing = dealsFor(list, user.id)[0];
                expect({ user: user.name, deals, hasPlaybook: landing?.hasPlaybook }).toEqual({
                    user: user.name,
                    deals,
                    hasPlaybook: true
                });
            }
        }
    });

    it("lists a rep's own open deals, playbook first, and every open deal for anyone else", () => {
        const deal = (id: string, ownerId: string, hasPlaybook: boolean, isClosed = false) => ({
            id,
            ownerId,
            hasPlaybook,
            isClosed
        });
        const all = [
            deal('a', 'rep', false),
            deal('b', 'rep', true),
            deal('c', 'other', true),
            deal('d', 'rep', true, true)
        ];
        expect(dealsFor(all, 'rep').map((item) => item.id)).toEqual(['b', 'a']);
        expect(dealsFor(all, 'manager').map((item) => item.id)).toEqual(['b', 'c', 'a']);
    });
});
