// The Deal Health Updates message channel as the rep components use it: every message is about one Opportunity.
// The deal-health panel announces a fresh scoring; the playbook announces a step change; the nudges ask the
// playbook to open a step.
import { APPLICATION_SCOPE, publish, subscribe, unsubscribe } from 'lightning/messageService';
import DEAL_HEALTH_UPDATES from '@salesforce/messageChannel/Deal_Health_Updates__c';
import type { LightningElement } from 'lwc';

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

/** What a component using DealChannelMixin supplies. */
export interface DealRecordComponent {
    /** `@wire(MessageContext)`. */
    messageContext: unknown;
    /** `@api`: the Opportunity the component shows. */
    recordId: string | undefined;
    /** A message about this record arrived: what it changes in the component. */
    handleDealMessage(kind: string, payload: unknown): void;
}

// A mixin's base must accept any constructor arguments (TS2545), hence `any`.
type ElementConstructor = new (...args: any[]) => LightningElement;

/**
 * Listens to the channel's messages about the component's record while it is connected, and hands each to its
 * `handleDealMessage` (see DealRecordComponent for what the component supplies).
 */
export function DealChannelMixin<Base extends ElementConstructor>(base: Base) {
    return class DealChannelListening extends base {
        dealChannel: DealChannelListener | null = null;

        override connectedCallback(): void {
            const component = this as unknown as DealRecordComponent;
            this.dealChannel = listenToDeal(
                component.messageContext,
                () => component.recordId,
                (kind, payload) => component.handleDealMessage(kind, payload)
            );
        }

        override disconnectedCallback(): void {
            this.dealChannel?.stopListening();
            this.dealChannel = null;
        }
    };
}
