import { z } from 'zod';

/** Calendar date without time (`YYYY-MM-DD`), as Apex serializes a `Date`. */
export const IsoDate = z.iso.date({ error: 'must be a calendar date formatted YYYY-MM-DD' });

/** A Salesforce record id: 15 characters (case-sensitive) or 18 (case-insensitive suffix). */
export const SalesforceId = z
    .string()
    .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, { error: 'must be a 15- or 18-character Salesforce id' });

/** Keys of playbook steps and other developer names: stable, log-safe identifiers. */
export const DeveloperKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,79}$/, {
    error: 'must start with a letter and contain only letters, digits, "_", "." or "-" (max 80)'
});

export const NonNegativeInt = z.int().min(0);
