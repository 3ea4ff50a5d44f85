// `npm run seed -- --target-org <alias> [--deals N] [--seed S] [--dry-run]`: loads the sample org into an org.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Connection } from 'jsforce';
import { DEFAULT_DEALS, DEFAULT_SEED, generateSampleOrg, MAX_DEALS } from '../../workbench/sample-org/generate';
import { SEED_ORDER, seedOrg, SeedError, type SeedManifest } from './seed';
import { resolveOrgAuth, type OrgAuth } from './sf-org';

export const DEFAULT_API_VERSION = '64.0';

export const USAGE = `Usage: npm run seed -- --target-org <alias> [--deals N] [--seed S] [--owner-map file.json]
                       [--manifest file.json] [--dry-run]
Loads the deterministic sample org (npm run sample-org) into an org authorized with the sf CLI, through the
sObject Collections API (all or none per call of at most 200 records), in this order:
  ${SEED_ORDER.join(' → ')}
  --target-org  alias or username of the org (sf org display must know it); not needed with --dry-run
  --deals       number of opportunities, 1..${MAX_DEALS} (default ${DEFAULT_DEALS})
  --seed        generator seed (default ${DEFAULT_SEED})
  --owner-map   JSON file {"<generated user id or username>": "<org User id>"}. Users and roles are NOT created
                (a scratch org cannot create them reliably): every generated owner, manager and action owner
                becomes the running user unless this file maps it to an existing user.
  --manifest    where to write the ids created (default seed-manifest-<alias>.json); delete them in reverse
                order to clean up after a failed or unwanted run
  --dry-run     build every record and print the counts; send nothing
Not loaded: users and roles (see --owner-map) and OpportunityHistory (the org writes its own history; created dates
and stage ages start at the load).`;

export class UsageError extends Error {}

export interface SeedCliOptions {
    targetOrg: string | null;
    deals: number;
    seed: number;
    ownerMapFile: string | null;
    manifest: string | null;
    dryRun: boolean;
    help: boolean;
}

function parseInteger(flag: string, raw: string, min: number, max: number): number {
    if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${flag} must be an integer, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max) throw new UsageError(`--${flag} must be from ${min} to ${max}, got ${value}`);
    return value;
}

export function parseSeedArgs(argv: readonly string[]): SeedCliOptions {
    let values;
    try {
        values = parseArgs({
            args: [...argv],
            options: {
                'target-org': { type: 'string', short: 'o' },
                deals: { type: 'string' },
                seed: { type: 'string' },
                'owner-map': { type: 'string' },
                manifest: { type: 'string' },
                'dry-run': { type: 'boolean' },
                help: { type: 'boolean', short: 'h' }
            },
            strict: true,
            allowPositionals: false
        }).values;
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
    const options: SeedCliOptions = {
        targetOrg: values['target-org'] ?? null,
        deals: values.deals === undefined ? DEFAULT_DEALS : parseInteger('deals', values.deals, 1, MAX_DEALS),
        seed: values.seed === undefined ? DEFAULT_SEED : parseInteger('seed', values.seed, 0, 0xffffffff),
        ownerMapFile: values['owner-map'] ?? null,
        manifest: values.manifest ?? null,
        dryRun: values['dry-run'] ?? false,
        help: values.help ?? false
    };
    if (!options.help && !options.dryRun && (options.targetOrg === null || options.targetOrg.trim() === '')) {
        throw new UsageError('--target-org is required (or use --dry-run)');
    }
    return options;
}

function readOwnerMap(file: string): Record<string, string> {
    if (!existsSync(file)) throw new UsageError(`--owner-map: ${file} does not exist`);
    let parsed: unknown;
    try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        throw new UsageError(`--owner-map: ${file} is not valid JSON (${(error as Error).message})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new UsageError(`--owner-map: ${file} must hold one JSON object`);
    }
    for (const [key, value] of Object.entries(parsed)) {
        if (typeof value !== 'string') throw new UsageError(`--owner-map: the value of "${key}" must be a User id`);
    }
    return parsed as Record<string, string>;
}

export interface SeedCliDependencies {
    resolveOrg?: (alias: string) => OrgAuth;
    /** Builds the connection (tests point it at a local stand-in). */
    connect?: (auth: OrgAuth) => Connection;
    log?: (line: string) => void;
}

async function runningUserId(connection: Connection, username: string): Promise<string> {
    const escaped = username.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    const result = await connection.query<{ Id: string }>(`SELECT Id FROM User WHERE Username = '${escaped}' LIMIT 1`);
    const id = result.records[0]?.Id;
    if (!id) throw new Error(`The running user ${username} was not found in the org`);
    return id;
}

export async function runSeedCli(
    argv: readonly string[],
    dependencies: SeedCliDependencies = {}
): Promise<SeedManifest | null> {
    const log = dependencies.log ?? console.log;
    const options = parseSeedArgs(argv);
    if (options.help) {
        log(USAGE);
        return null;
    }
    const ownerMap = options.ownerMapFile ? readOwnerMap(resolve(options.ownerMapFile)) : {};
    const org = generateSampleOrg({ deals: options.deals, seed: options.seed });
    if (options.dryRun) {
        const manifest = await seedOrg({ org, connection: null, defaultOwnerId: null, ownerMap, dryRun: true, log });
        log(JSON.stringify({ dryRun: true, counts: manifest.counts }, null, 2));
        return manifest;
    }
    const alias = options.targetOrg!;
    const auth = (dependencies.resolveOrg ?? resolveOrgAuth)(alias);
    const connection =
        dependencies.connect?.(auth) ??
        new Connection({
            instanceUrl: auth.instanceUrl,
            accessToken: auth.accessToken,
            version: auth.apiVersion ?? DEFAULT_API_VERSION
        });
    const defaultOwnerId = await runningUserId(connection, auth.username);
    const manifestPath = resolve(options.manifest ?? `seed-manifest-${alias.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
    log(`Seeding ${auth.instanceUrl} as ${auth.username}; owners without a mapping become ${defaultOwnerId}`);
    const manifest = await seedOrg({ org, connection, defaultOwnerId, ownerMap, manifestPath, log });
    log(`Done. Created ids are listed in ${manifestPath}`);
    return manifest;
}

if (require.main === module) {
    runSeedCli(process.argv.slice(2)).catch((error: unknown) => {
        if (error instanceof UsageError) {
            console.error(`seed: ${error.message}\n\n${USAGE}`);
            process.exitCode = 2;
        } else if (error instanceof SeedError) {
            console.error(`seed: ${error.message}`);
            process.exitCode = 1;
        } else {
            console.error(`seed: ${(error as Error).message ?? String(error)}`);
            process.exitCode = 1;
        }
    });
}
