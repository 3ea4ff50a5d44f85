/**
 * Salesforce-shaped record ids: 3-character key prefix, 2-character pod, a reserved `0`, a 9-character base-62
 * counter, and the 3-character case-safe suffix Salesforce computes for 18-character ids.
 */
export const KEY_PREFIXES = {
    User: '005',
    UserRole: '00E',
    Account: '001',
    Contact: '003',
    Opportunity: '006',
    OpportunityContactRole: '00K',
    OpportunityHistory: '008',
    Task: '00T',
    Event: '00U',
    // Custom objects get a0X prefixes in the org that creates them; these are the sample org's.
    Deal_Health_Snapshot__c: 'a01',
    Playbook_Step_Progress__c: 'a02',
    Pipeline_Review__c: 'a03',
    Review_Decision__c: 'a04',
    Nudge_Feedback__c: 'a05',
    Rep_Focus__c: 'a0A',
    Practice_Session__c: 'a0B',
    Rep_Development_Snapshot__c: 'a0C'
} as const;
export type KeyedObject = keyof typeof KEY_PREFIXES;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const POD = '8d';

/** The 3-character suffix that makes a 15-character id case-insensitive. */
export function caseSafeSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let position = 0; position < 5; position++) {
            const char = id15.charAt(chunk * 5 + position);
            if (char >= 'A' && char <= 'Z') bits |= 1 << position;
        }
        suffix += SUFFIX_CHARS.charAt(bits);
    }
    return suffix;
}

export function toId18(id15: string): string {
    return id15 + caseSafeSuffix(id15);
}

function base62(value: number, width: number): string {
    let text = '';
    let rest = value;
    for (let index = 0; index < width; index++) {
        text = BASE62.charAt(rest % 62) + text;
        rest = Math.floor(rest / 62);
    }
    return text;
}

/** Hands out deterministic ids per object, counting up from a seed-derived start. */
export class IdFactory {
    private readonly counters = new Map<KeyedObject, number>();

    constructor(private readonly start: number) {}

    next(object: KeyedObject): string {
        const count = (this.counters.get(object) ?? 0) + 1;
        this.counters.set(object, count);
        return toId18(`${KEY_PREFIXES[object]}${POD}0${base62(this.start + count, 9)}`);
    }
}
