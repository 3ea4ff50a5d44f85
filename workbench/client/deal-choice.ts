// Which deals the record page's deal picker lists, and which one a first visit lands on. Plain logic, tested in node.

export interface DealChoice {
    id: string;
    ownerId: string;
    isClosed: boolean;
    hasPlaybook: boolean;
}

/** The rep's own open deals (anyone else: every open deal), the ones with a playbook first. */
export function dealsFor<T extends DealChoice>(allDeals: readonly T[], userId: string | null): T[] {
    const open = allDeals.filter((candidate) => !candidate.isClosed);
    const own = open.filter((candidate) => candidate.ownerId === userId);
    const deals = own.length > 0 ? own : open;
    return [...deals.filter((deal) => deal.hasPlaybook), ...deals.filter((deal) => !deal.hasPlaybook)];
}
