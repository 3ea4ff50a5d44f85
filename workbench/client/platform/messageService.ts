// Local stand-in for the org, workbench only: `lightning/messageService` as an in-page publish/subscribe.
type Listener = (message: Record<string, unknown>) => void;

const listeners = new Map<unknown, Set<Listener>>();

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

/** The wire adapter components use to get their message context; the workbench has one page-wide context. */
export class MessageContext {
    constructor(private readonly emit: (value: unknown) => void) {}
    update(): void {}
    connect(): void {
        this.emit({ page: 'workbench' });
    }
    disconnect(): void {}
}

export function publish(_context: unknown, channel: unknown, message: Record<string, unknown>): void {
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(message);
}

export function subscribe(
    _context: unknown,
    channel: unknown,
    listener: Listener
): { channel: unknown; listener: Listener } {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return { channel, listener };
}

export function unsubscribe(subscription: { channel: unknown; listener: Listener }): void {
    listeners.get(subscription.channel)?.delete(subscription.listener);
}
