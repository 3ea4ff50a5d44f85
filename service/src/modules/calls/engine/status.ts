import type { AllowedField } from '../contract/call-analysis';

/**
 * MEDDPICC statuses as the org spells them. The package ships unknown / identified / validated; an org with its own
 * picklist values is matched by these synonyms, and a status with no matching value is never proposed.
 */
const SYNONYMS: Record<'identified' | 'validated', readonly string[]> = {
    identified: ['identified', 'known', 'suspected', 'partially qualified'],
    validated: ['validated', 'confirmed', 'verified', 'qualified']
};

export function statusValue(field: AllowedField, status: 'identified' | 'validated'): string | null {
    const values = field.picklistValues ?? [];
    for (const synonym of SYNONYMS[status]) {
        const match = values.find((value) => value.toLowerCase() === synonym);
        if (match) return match;
    }
    return null;
}

/** 0 unknown/empty, 1 identified, 2 validated; a value that is neither counts as 0. */
export function statusRank(value: string | null): number {
    if (value === null) return 0;
    const lower = value.toLowerCase();
    if (SYNONYMS.validated.includes(lower)) return 2;
    if (SYNONYMS.identified.includes(lower)) return 1;
    return 0;
}
