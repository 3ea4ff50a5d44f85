// The Deal Health Updates message channel as the rep components use it: every message is about one Opportunity.
// The deal-health panel announces a fresh scoring; the playbook announces a step change; the nudges ask the
// playbook to open a step.
import { APPLICATION_SCOPE, publish, subscribe, unsubscribe } from 'lightning/messageService';
import DEAL_HEALTH_UPDATES from '@salesforce/messageChannel/Deal_Health_Updates__c';

export type DealMessageKind = 'scored' | 'progressChanged' | 'openStep';

export interface DealChannelListener {
    stopListening(): void;
}

/**
 * Listens to the messages about the record `recordId()` names; it is read at delivery, so a component whose
 * recordId changes keeps listening to the right deal.
 */
export function listenToDeal(
    messageContext: unknown,
    recordId: () => string | undefined,
    onMessage: (kind: string, payload: unknown) => void
): DealChannelListener {
    const subscription = subscribe(
        messageContext,
        DEAL_HEALTH_UPDATES,
        (message) => {
            if (message.recordId === recordId() && typeof message.kind === 'string')
                onMessage(message.kind, message.payload);
        },
        { scope: APPLICATION_SCOPE }
    );
    return { stopListening: () => unsubscribe(subscription) };
}

export function tellDeal(messageContext: unknown, recordId: string, kind: DealMessageKind, payload: unknown): void {
    publish(messageContext, DEAL_HEALTH_UPDATES, { recordId, kind, payload });
}
