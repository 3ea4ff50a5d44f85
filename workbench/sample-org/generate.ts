/**
 * The deterministic sample org: a role hierarchy, accounts, contacts, opportunities with their history, activities,
 * playbook progress, weekly deal-health snapshots scored by the real engine, an earlier pipeline review per manager
 * and some nudge feedback. Same seed, same bytes: everything comes from one mulberry32 stream and the package's
 * metadata; nothing reads the clock.
 */
import { contractVersion, type QualificationStatus, type RiskCode, RISK_CODES } from '../../service/src/contract';
import { MODEL_VERSION } from '../../service/src/modules/scoring/engine';
import { QUALIFICATION_RULES, expectedStageOrder } from '../../service/src/modules/scoring/engine/facts';
import { dayOf, dayOfDateTime, isoDate, isoDateTime, isValidIsoDate, quarters } from './dates';
import { IdFactory, KEY_PREFIXES } from './ids';
import {
    FORECAST_API_BY_NAME,
    type ForecastCategoryName,
    loadOrgMetadata,
    matchPlaybook,
    type OrgMetadata,
    type StageDefinition
} from './metadata';
import {
    ACTION_TEXTS,
    ACTIVITY_TOPICS,
    COMPANY_STEMS,
    COUNTRIES,
    DISMISS_REASONS,
    DISQUALIFY_REASONS,
    ENTERPRISE_INDUSTRIES,
    EVIDENCE,
    FIRST_NAMES,
    INDUSTRY_SUFFIXES,
    LAST_NAMES,
    MID_MARKET_INDUSTRIES,
    NEXT_STEPS,
    PRODUCTS,
    SKIP_REASONS,
    TITLES
} from './names';
import { label } from '../../tools/build/custom-labels';
import { createRandom, type Random } from './prng';
import { emptyRecordLists, historyRow, MEDDPICC_FIELD_PREFIX, unqualifiedMeddpicc } from './records';
import { buildCallAnalyses } from './calls';
import { runNightlyScoring } from './nightly';
import { indexSampleOrg, stateBefore } from './scoring';
import type {
    AccountRecord,
    ContactRecord,
    DealHealthSnapshotRecord,
    DealStrength,
    OpportunityHistoryRecord,
    OpportunityRecord,
    ReviewDecisionKind,
    SampleOrg,
    Segment,
    UserRecord
} from './types';

export const DEFAULT_SEED = 20261116;
export const DEFAULT_DEALS = 400;
export const DEFAULT_AS_OF = '2026-11-16';
export const MAX_DEALS = 50_000;
/** Weekly snapshots kept per deal (the latest included). */
export const SNAPSHOT_WEEKS = 6;
export const GENERATOR_NAME = 'execution-loop-sample-org';
export const FORMAT_VERSION = 1;

export interface SampleOrgOptions {
    seed?: number;
    deals?: number;
    asOf?: string;
}

/** How often each designed risk is drawn for a mixed or weak deal. */
const RISK_WEIGHTS: readonly (readonly [RiskCode, number])[] = [
    ['close_date_overdue', 1],
    ['close_date_slipped', 1.5],
    ['stalled_in_stage', 1.2],
    ['going_dark', 1.2],
    ['single_threaded', 1],
    ['no_economic_buyer', 1],
    ['economic_buyer_not_validated', 0.8],
    ['no_champion', 1],
    ['next_step_missing', 1],
    ['next_step_overdue', 1],
    ['amount_missing', 0.4],
    ['playbook_steps_incomplete', 1.2],
    ['gate_not_passed', 0.3],
    ['no_contacts', 0.1],
    ['unrealistic_close_date', 0.4],
    ['amount_outlier', 0.2]
];

/** Lowest open stage at which a designed risk can show. */
const MIN_STAGE_FOR_RISK: Partial<Record<RiskCode, number>> = {
    no_economic_buyer: 4,
    no_champion: 4,
    economic_buyer_not_validated: 5,
    playbook_steps_incomplete: 3,
    single_threaded: 2,
    // Past Needs Analysis, the stage of the regulated play's security-review gate.
    gate_not_passed: 4,
    // Late in the cycle, where no contact at all is a red flag.
    no_contacts: 5
};

/** Highest open stage at which a designed risk can show (the sanity checks of early-stage deals). */
const MAX_STAGE_FOR_RISK: Partial<Record<RiskCode, number>> = {
    unrealistic_close_date: 4,
    amount_outlier: 4
};

/** Days per open stage still ahead that a realistic close date leaves (the engine flags less than 7). */
const DAYS_PER_REMAINING_STAGE = 9;

const OPEN_STAGE_WEIGHTS = [16, 16, 14, 12, 11, 10, 11, 10];

function validateOptions(options: SampleOrgOptions): Required<SampleOrgOptions> {
    const seed = options.seed ?? DEFAULT_SEED;
    const deals = options.deals ?? DEFAULT_DEALS;
    const asOf = options.asOf ?? DEFAULT_AS_OF;
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
        throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${seed}`);
    }
    if (!Number.isInteger(deals) || deals < 1 || deals > MAX_DEALS) {
        throw new RangeError(`deals must be an integer from 1 to ${MAX_DEALS}, got ${deals}`);
    }
    if (!isValidIsoDate(asOf)) throw new RangeError(`asOf must be a date formatted YYYY-MM-DD, got "${asOf}"`);
    return { seed, deals, asOf };
}

function roundAmount(amount: number): number {
    return amount >= 100_000 ? Math.round(amount / 5000) * 5000 : Math.round(amount / 500) * 500;
}

function logUniform(random: Random, min: number, max: number): number {
    return Math.exp(random.real(Math.log(min), Math.log(max)));
}

interface Context {
    random: Random;
    ids: IdFactory;
    metadata: OrgMetadata;
    asOfDay: number;
    org: SampleOrg;
    repsBySegment: Record<Segment, UserRecord[]>;
    /** Deal names given so far: every deal gets its own (an account buying a product twice gets "(Phase 2)"). */
    dealNames: Set<string>;
}

function personName(random: Random): { first: string; last: string } {
    return { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) };
}

function buildUsers(context: Context): void {
    const { ids, random, org } = context;
    const role = (name: string, developerName: string, parent: string | null) => {
        const record = { Id: ids.next('UserRole'), Name: name, DeveloperName: developerName, ParentRoleId: parent };
        org.userRoles.push(record);
        return record;
    };
    const usedNames = new Set<string>();
    const user = (
        title: string,
        roleId: string,
        managerId: string | null,
        level: UserRecord['level'],
        segment: Segment | null
    ) => {
        let name = personName(random);
        while (usedNames.has(`${name.first} ${name.last}`)) name = personName(random);
        usedNames.add(`${name.first} ${name.last}`);
        const record: UserRecord = {
            Id: ids.next('User'),
            FirstName: name.first,
            LastName: name.last,
            Name: `${name.first} ${name.last}`,
            Username: `${name.first}.${name.last}@sample-org.example`.toLowerCase(),
            Alias: `${name.first.slice(0, 1)}${name.last.slice(0, 4)}`.toLowerCase(),
            Title: title,
            UserRoleId: roleId,
            ManagerId: managerId,
            IsActive: true,
            level,
            segment
        };
        org.users.push(record);
        return record;
    };
    const vpRole = role('VP Sales', 'VP_Sales', null);
    const vp = user('VP Sales', vpRole.Id, null, 'vp', null);
    const teams: [Segment, string, string][] = [
        ['mid_market', 'Mid-Market', 'Mid_Market'],
        ['enterprise', 'Enterprise', 'Enterprise']
    ];
    for (const [segment, label, key] of teams) {
        const managerRole = role(`Sales Manager, ${label}`, `Sales_Manager_${key}`, vpRole.Id);
        const repRole = role(`Account Executive, ${label}`, `Account_Executive_${key}`, managerRole.Id);
        const manager = user(`Sales Manager, ${label}`, managerRole.Id, vp.Id, 'manager', segment);
        for (let rep = 0; rep < 4; rep++) {
            context.repsBySegment[segment].push(
                user(`Account Executive, ${label}`, repRole.Id, manager.Id, 'rep', segment)
            );
        }
    }
}

function buildAccounts(context: Context, count: number): void {
    const { random, ids, org } = context;
    const usedNames = new Set<string>();
    for (let index = 0; index < count; index++) {
        const segment: Segment = index % 5 < 2 ? 'enterprise' : 'mid_market';
        const industry = random.weighted(segment === 'enterprise' ? ENTERPRISE_INDUSTRIES : MID_MARKET_INDUSTRIES);
        let name = `${random.pick(COMPANY_STEMS)} ${random.pick(INDUSTRY_SUFFIXES[industry]!)}`;
        for (let suffix = 2; usedNames.has(name); suffix++) name = `${name.replace(/ \d+$/, '')} ${suffix}`;
        usedNames.add(name);
        org.accounts.push({
            Id: ids.next('Account'),
            Name: name,
            Industry: industry,
            Type: 'Prospect',
            NumberOfEmployees: segment === 'enterprise' ? random.int(20, 800) * 100 : random.int(8, 200) * 10,
            BillingCountry: random.pick(COUNTRIES),
            OwnerId: random.pick(context.repsBySegment[segment]).Id,
            segment
        });
    }
}

/** A realistic evidence note for a MEDDPICC element, naming the contact it came from. */
function evidenceFor(random: Random, element: string, who: string): string {
    return random.pick(EVIDENCE[element]!).replace('{who}', who).slice(0, 255);
}

function designRisks(random: Random, strength: DealStrength, forced: RiskCode | null): Set<RiskCode> {
    const risks = new Set<RiskCode>();
    const count = strength === 'strong' ? 0 : strength === 'mixed' ? random.int(1, 2) : random.int(3, 5);
    while (risks.size < count) risks.add(random.weighted(RISK_WEIGHTS));
    if (forced) risks.add(forced);
    if (risks.has('next_step_missing') && risks.has('next_step_overdue')) {
        risks.delete(forced === 'next_step_missing' ? 'next_step_overdue' : 'next_step_missing');
    }
    if (risks.has('no_economic_buyer') && risks.has('economic_buyer_not_validated')) {
        risks.delete(forced === 'no_economic_buyer' ? 'economic_buyer_not_validated' : 'no_economic_buyer');
    }
    if (risks.has('amount_missing') && risks.has('playbook_steps_incomplete')) {
        risks.delete(forced === 'amount_missing' ? 'playbook_steps_incomplete' : 'amount_missing');
    }
    if (risks.has('amount_missing') && risks.has('amount_outlier')) {
        risks.delete(forced === 'amount_missing' ? 'amount_outlier' : 'amount_missing');
    }
    if (risks.has('close_date_overdue') && risks.has('unrealistic_close_date')) {
        risks.delete(forced === 'close_date_overdue' ? 'unrealistic_close_date' : 'close_date_overdue');
    }
    if (risks.has('no_contacts') && risks.has('single_threaded')) {
        risks.delete(forced === 'no_contacts' ? 'single_threaded' : 'no_contacts');
    }
    // A risk of the early stages cannot share a deal with one of the late stages.
    let minStage = 1;
    for (const risk of risks) minStage = Math.max(minStage, MIN_STAGE_FOR_RISK[risk] ?? 1);
    for (const [risk, maxStage] of Object.entries(MAX_STAGE_FOR_RISK) as [RiskCode, number][]) {
        if (!risks.has(risk) || maxStage >= minStage) continue;
        if (risk === forced) {
            for (const other of [...risks]) if ((MIN_STAGE_FOR_RISK[other] ?? 1) > maxStage) risks.delete(other);
        } else {
            risks.delete(risk);
        }
    }
    return risks;
}

interface HistoryEvent {
    day: number;
    stage?: string;
    closeDay?: number;
    amount?: number | null;
    forecast?: ForecastCategoryName;
}

function generateDeal(context: Context, dealIndex: number): void {
    const { random, ids, metadata, asOfDay, org } = context;
    const stages = metadata.stages;
    const openStages = stages.filter((stage) => !stage.isClosed);
    const benchmarkOf = (stage: StageDefinition) =>
        metadata.stageBenchmarkDays[stage.apiName] ?? metadata.scoringConfig.thresholds!.defaultStageBenchmarkDays!;
    const quarter = quarters(asOfDay);

    const forced = dealIndex < RISK_CODES.length ? RISK_CODES[dealIndex]! : null;
    const strength: DealStrength =
        forced !== null
            ? 'mixed'
            : dealIndex === RISK_CODES.length
              ? 'strong'
              : random.weighted([
                    ['strong', 0.4],
                    ['mixed', 0.35],
                    ['weak', 0.25]
                ]);
    const closedOutcome: 'won' | 'lost' | null =
        forced === null && dealIndex > RISK_CODES.length && random.chance(0.1)
            ? random.chance(0.55)
                ? 'won'
                : 'lost'
            : null;
    const risks = closedOutcome ? new Set<RiskCode>() : designRisks(random, strength, forced);

    // Account, owner, type, amount.
    const needsPlaybook = risks.has('playbook_steps_incomplete') || risks.has('gate_not_passed');
    // A gate needs the play that has one: an account in one of its industries, a new customer, an amount it takes.
    const gatedPlaybook = metadata.playbooks.find((playbook) => playbook.steps.some((step) => step.isGate));
    const gatedIndustries = new Set((gatedPlaybook?.industries ?? '').split(';').filter(Boolean));
    const gatedAccounts = org.accounts.filter((candidate) => gatedIndustries.has(candidate.Industry));
    if (risks.has('gate_not_passed') && gatedAccounts.length === 0) risks.delete('gate_not_passed');
    const account = risks.has('gate_not_passed') ? random.pick(gatedAccounts) : random.pick(org.accounts);
    const segmentReps = context.repsBySegment[account.segment!];
    const ownerId = random.chance(0.8) ? account.OwnerId : random.pick(segmentReps).Id;
    const type = needsPlaybook
        ? 'New Customer'
        : random.weighted([
              ['New Customer', 0.85],
              ['Existing Customer - Upgrade', 0.1],
              ['Existing Customer - Replacement', 0.05]
          ]);
    let amount: number | null = roundAmount(
        account.segment === 'enterprise' ? logUniform(random, 80_000, 1_500_000) : logUniform(random, 10_000, 300_000)
    );
    const matches = (value: number | null) =>
        matchPlaybook(metadata.playbooks, { type, industry: account.Industry, recordType: null, amount: value });
    if (risks.has('gate_not_passed')) amount = Math.max(amount, (gatedPlaybook?.minAmount ?? 0) + 20_000);
    if (needsPlaybook && !matches(amount)) amount = roundAmount(logUniform(random, 30_000, 240_000));
    if (risks.has('amount_missing')) amount = random.chance(0.7) ? null : 0;
    // Tens of times the org's usual deal, as a mistyped or wishful early-stage amount is.
    if (risks.has('amount_outlier')) amount = roundAmount(logUniform(random, 6_000_000, 20_000_000));
    const playbookMatch = matches(amount);
    if (!playbookMatch) risks.delete('playbook_steps_incomplete');
    if (playbookMatch?.playbook !== gatedPlaybook) risks.delete('gate_not_passed');

    // Stage reached (the last open stage for a closed deal).
    let minStage = 1;
    for (const risk of risks) minStage = Math.max(minStage, MIN_STAGE_FOR_RISK[risk] ?? 1);
    if (closedOutcome === 'won') minStage = 6;
    else if (closedOutcome === 'lost') minStage = 2;
    let maxStage = closedOutcome === 'lost' ? 7 : openStages.length;
    for (const risk of risks) maxStage = Math.min(maxStage, MAX_STAGE_FOR_RISK[risk] ?? maxStage);
    const stageChoices: [number, number][] = [];
    for (let order = minStage; order <= maxStage; order++) stageChoices.push([order, OPEN_STAGE_WEIGHTS[order - 1]!]);
    const stageOrder = random.weighted(stageChoices);
    const stage = openStages[stageOrder - 1]!;

    // Timeline: the day the deal ends its open life (today for open deals), stage entries back to creation.
    const endDay = closedOutcome ? asOfDay - random.int(2, 40) : asOfDay;
    const benchmark = benchmarkOf(stage);
    let daysInStage: number;
    if (risks.has('stalled_in_stage')) daysInStage = Math.round(benchmark * random.real(1.6, 4.2));
    else if (strength === 'strong') daysInStage = random.int(1, Math.max(1, Math.floor(benchmark * 0.9)));
    else daysInStage = random.int(1, Math.max(1, Math.floor(benchmark * 1.4)));
    const entries: { order: number; day: number }[] = [{ order: stageOrder, day: endDay - daysInStage }];
    for (let order = stageOrder - 1; order >= 1; order--) {
        if (order > 1 && random.chance(0.15)) continue;
        const duration = Math.max(1, Math.round(benchmarkOf(openStages[order - 1]!) * random.real(0.4, 1.3)));
        entries.unshift({ order, day: entries[0]!.day - duration });
    }
    const createdDay = entries[0]!.day;

    // Close date: overdue, or in the current or next quarter; pushes replayed in the history.
    let closeDay: number;
    if (closedOutcome) closeDay = endDay;
    else if (risks.has('close_date_overdue') && asOfDay - 1 > createdDay + 7) {
        closeDay = Math.max(
            createdDay + 8,
            asOfDay - random.int(1, Math.max(1, Math.min(40, asOfDay - quarter.currentStart)))
        );
    } else if (risks.has('unrealistic_close_date')) {
        risks.delete('close_date_overdue');
        closeDay = asOfDay + random.int(1, 6);
    } else {
        risks.delete('close_date_overdue');
        // Far enough out for the stages still ahead (a week each at the very least).
        const earliest = asOfDay + Math.max(3, (openStages.length - stageOrder + 1) * DAYS_PER_REMAINING_STAGE);
        closeDay = random.int(earliest, Math.max(earliest + 30, quarter.nextEnd));
    }
    const pushes: { day: number; days: number }[] = [];
    if (risks.has('close_date_slipped') && endDay - createdDay > 4) {
        const count = Math.min(random.int(1, 4), endDay - createdDay - 2);
        const days = new Set<number>();
        while (days.size < count) days.add(random.int(createdDay + 1, endDay - 1));
        for (const day of [...days].sort((a, b) => a - b)) pushes.push({ day, days: random.int(7, 40) });
    } else {
        risks.delete('close_date_slipped');
    }
    const totalPushed = pushes.reduce((sum, push) => sum + push.days, 0);

    // Forecast category now.
    let forecast: ForecastCategoryName;
    if (closedOutcome === 'won') forecast = 'Closed';
    else if (closedOutcome === 'lost') forecast = 'Omitted';
    else if (stageOrder >= 7 && strength === 'strong') forecast = 'Commit';
    else if (stageOrder >= 5 && strength !== 'weak' && random.chance(0.6)) forecast = 'Best Case';
    else forecast = 'Pipeline';

    // History rows.
    const opportunityId = ids.next('Opportunity');
    const amountChangeOrder = amount !== null && amount > 0 && stageOrder >= 3 && random.chance(0.25) ? stageOrder : 0;
    const startAmount = amountChangeOrder ? roundAmount(amount! * random.real(0.7, 1.3)) : amount;
    const events: HistoryEvent[] = [];
    for (const entry of entries) {
        const isCurrent = entry.order === stageOrder;
        events.push({
            day: entry.day,
            stage: openStages[entry.order - 1]!.apiName,
            amount: entry.order >= amountChangeOrder ? amount : startAmount,
            forecast: isCurrent && !closedOutcome ? forecast : 'Pipeline'
        });
    }
    let runningClose = closeDay - totalPushed;
    for (const push of pushes) {
        runningClose += push.days;
        events.push({ day: push.day, closeDay: runningClose });
    }
    if (closedOutcome) {
        events.push({
            day: endDay,
            stage: closedOutcome === 'won' ? 'Closed Won' : 'Closed Lost',
            forecast
        });
    }
    events.sort((a, b) => a.day - b.day);
    let state = {
        stage: events[0]!.stage!,
        closeDay: closeDay - totalPushed,
        amount: startAmount,
        forecast: 'Pipeline' as ForecastCategoryName
    };
    let lastDay = -1;
    let sameDay = 0;
    for (const event of events) {
        sameDay = event.day === lastDay ? sameDay + 1 : 0;
        lastDay = event.day;
        state = {
            stage: event.stage ?? state.stage,
            closeDay: event.closeDay ?? state.closeDay,
            amount: event.amount !== undefined ? event.amount : state.amount,
            forecast: event.forecast ?? state.forecast
        };
        org.opportunityHistory.push(
            historyRow(ids, opportunityId, isoDateTime(event.day, 9 + sameDay, random.int(0, 59)), {
                StageName: state.stage,
                CloseDate: isoDate(state.closeDay),
                Amount: state.amount,
                ForecastCategory: FORECAST_API_BY_NAME[state.forecast]
            })
        );
    }

    // Buying group: contacts and their roles on the deal.
    const contactCount = risks.has('no_contacts')
        ? 0
        : (risks.has('single_threaded')
              ? random.int(2, 3)
              : strength === 'strong'
                ? random.int(4, 6)
                : random.int(2, 5)) + (account.segment === 'enterprise' ? 1 : 0);
    const roleSlots: [keyof typeof TITLES, string][] = [
        ['economicBuyer', 'Economic Buyer'],
        ['champion', 'Influencer'],
        ['technical', 'Technical Buyer'],
        ['evaluator', 'Evaluator'],
        ['executiveSponsor', 'Executive Sponsor'],
        ['user', 'Business User'],
        ['evaluator', 'Evaluator']
    ];
    const contacts: ContactRecord[] = [];
    const contactRoleNames: string[] = [];
    for (let slot = 0; slot < contactCount; slot++) {
        const [titleKey, roleName] = roleSlots[slot]!;
        const name = personName(random);
        const contact: ContactRecord = {
            Id: ids.next('Contact'),
            AccountId: account.Id,
            FirstName: name.first,
            LastName: name.last,
            Title: random.pick(TITLES[titleKey]),
            OwnerId: ownerId,
            LastActivityDate: null
        };
        org.contacts.push(contact);
        contacts.push(contact);
        contactRoleNames.push(roleName);
    }

    // MEDDPICC: what a deal of this strength has qualified by its stage; designed risks override.
    const statuses: Record<string, QualificationStatus> = {};
    for (const rule of QUALIFICATION_RULES) {
        const expected = expectedStageOrder(rule, metadata.openStageCount);
        let status: QualificationStatus;
        if (closedOutcome === 'won') status = random.chance(0.8) ? 'validated' : 'identified';
        else if (stageOrder < expected)
            status = random.chance(strength === 'strong' ? 0.5 : 0.8) ? 'unknown' : 'identified';
        else if (strength === 'strong') status = random.chance(0.6) ? 'validated' : 'identified';
        else if (strength === 'mixed') {
            status = random.weighted([
                ['validated', 0.3],
                ['identified', 0.55],
                ['unknown', 0.15]
            ]);
        } else status = random.chance(0.35) ? 'identified' : 'unknown';
        statuses[rule.element] = status;
    }
    if (
        !closedOutcome &&
        !risks.has('no_economic_buyer') &&
        stageOrder >= 4 &&
        statuses['economicBuyer'] === 'unknown'
    ) {
        statuses['economicBuyer'] = 'identified';
    }
    if (!closedOutcome && !risks.has('no_champion') && stageOrder >= 4 && statuses['champion'] === 'unknown') {
        statuses['champion'] = 'identified';
    }
    if (!risks.has('economic_buyer_not_validated') && stageOrder >= 5 && statuses['economicBuyer'] === 'identified') {
        if (strength !== 'weak') statuses['economicBuyer'] = 'validated';
    }
    if (risks.has('no_economic_buyer')) statuses['economicBuyer'] = 'unknown';
    if (risks.has('economic_buyer_not_validated')) statuses['economicBuyer'] = 'identified';
    if (risks.has('no_champion')) statuses['champion'] = 'unknown';
    if (statuses['economicBuyer'] !== 'unknown') contactRoleNames[0] = 'Economic Buyer';
    else contactRoleNames[0] = 'Decision Maker';

    contacts.forEach((contact, slot) => {
        org.opportunityContactRoles.push({
            Id: ids.next('OpportunityContactRole'),
            OpportunityId: opportunityId,
            ContactId: contact.Id,
            Role: contactRoleNames[slot]!,
            IsPrimary: slot === (contacts.length > 1 ? 1 : 0)
        });
    });

    // Activities in the last 60 days (never on the as-of day: the nightly scoring of that day ran before).
    const windowStart = Math.max(createdDay, asOfDay - 59);
    const activityEnd = endDay - 1;
    const activityDays: number[] = [];
    if (windowStart <= activityEnd) {
        let last: number | null;
        if (risks.has('going_dark')) {
            const candidate = endDay - random.int(16, 59);
            last = candidate >= windowStart && random.chance(0.85) ? candidate : null;
        } else {
            last = Math.max(windowStart, endDay - random.int(1, strength === 'strong' ? 4 : 9));
        }
        if (last !== null) {
            const count = risks.has('going_dark')
                ? random.int(1, 5)
                : strength === 'strong'
                  ? random.int(10, 18)
                  : strength === 'mixed'
                    ? random.int(5, 10)
                    : random.int(2, 6);
            activityDays.push(last);
            for (let index = 1; index < count; index++) activityDays.push(random.int(windowStart, last));
        }
    }
    activityDays.sort((a, b) => b - a);
    const engaged = risks.has('single_threaded')
        ? contacts.slice(1, 2)
        : strength === 'strong'
          ? contacts.slice(0, 4)
          : strength === 'mixed'
            ? contacts.slice(0, random.int(2, 3))
            : contacts.slice(0, random.int(1, 2));
    const engagedFrom = asOfDay - 30;
    let recentIndex = 0;
    for (const day of activityDays) {
        const recent = day >= engagedFrom;
        const who =
            recent && engaged.length > 0
                ? engaged[recentIndex++ % engaged.length]!
                : recent || contacts.length === 0
                  ? null
                  : random.pick(contacts);
        const kind = random.weighted([
            ['Email', 0.5],
            ['Call', 0.25],
            ['Meeting', 0.25]
        ] as const);
        const topic = random.pick(ACTIVITY_TOPICS);
        const hour = random.int(13, 18);
        if (kind === 'Meeting') {
            org.events.push({
                Id: ids.next('Event'),
                WhatId: opportunityId,
                WhoId: who?.Id ?? null,
                OwnerId: ownerId,
                Subject: `Meeting: ${topic}`,
                StartDateTime: isoDateTime(day, hour),
                EndDateTime: isoDateTime(day, hour, random.chance(0.5) ? 30 : 60),
                ActivityDate: isoDate(day)
            });
        } else {
            org.tasks.push({
                Id: ids.next('Task'),
                WhatId: opportunityId,
                WhoId: who?.Id ?? null,
                OwnerId: ownerId,
                Subject: `${kind}: ${topic}`,
                TaskSubtype: kind,
                Status: 'Completed',
                Priority: 'Normal',
                ActivityDate: isoDate(day),
                IsClosed: true,
                CreatedDate: isoDateTime(day, hour)
            });
        }
    }

    // A silent buyer's seller keeps e-mailing: activity on the deal that must not count as buyer engagement.
    if (risks.has('going_dark') && contacts.length > 0 && endDay - 3 >= windowStart && random.chance(0.7)) {
        const day = endDay - random.int(1, 3);
        org.tasks.push({
            Id: ids.next('Task'),
            WhatId: opportunityId,
            WhoId: random.pick(contacts).Id,
            OwnerId: ownerId,
            Subject: `Email: ${random.pick(ACTIVITY_TOPICS)}`,
            TaskSubtype: 'Email',
            Status: 'Completed',
            Priority: 'Normal',
            ActivityDate: isoDate(day),
            IsClosed: true,
            CreatedDate: isoDateTime(day, random.int(13, 18))
        });
    }

    // Next step.
    let nextStep: string | null = closedOutcome ? null : random.pick(NEXT_STEPS);
    let nextStepDate: string | null = null;
    if (!closedOutcome) {
        if (risks.has('next_step_missing')) {
            if (random.chance(0.5)) nextStep = null;
        } else if (risks.has('next_step_overdue')) {
            nextStepDate = isoDate(asOfDay - random.int(1, 20));
        } else {
            nextStepDate = isoDate(asOfDay + random.int(0, 14));
        }
    }

    // Playbook step progress for the stages the deal has been through.
    if (playbookMatch) {
        const entryByOrder = new Map<number, number>();
        for (let order = stageOrder; order >= 1; order--) {
            const entry = entries.find((candidate) => candidate.order === order);
            entryByOrder.set(order, entry ? entry.day : (entryByOrder.get(order + 1) ?? endDay - 1));
        }
        const earlierRequired = playbookMatch.playbook.steps.filter(
            (step) => stageOrderOf(stages, step.stage) < stageOrder && step.isRequired && !step.isGate
        );
        const incomplete = new Set<string>();
        if (risks.has('playbook_steps_incomplete') && earlierRequired.length > 0) {
            for (const step of random
                .shuffle(earlierRequired)
                .slice(0, random.int(1, Math.min(2, earlierRequired.length)))) {
                incomplete.add(step.stepKey);
            }
        } else {
            risks.delete('playbook_steps_incomplete');
        }
        const doneShare = strength === 'strong' ? 1 : strength === 'mixed' ? 0.95 : 0.85;
        const currentShare = strength === 'strong' ? 0.6 : strength === 'mixed' ? 0.35 : 0.1;
        for (const step of playbookMatch.playbook.steps) {
            const order = stageOrderOf(stages, step.stage);
            if (order > stageOrder) continue;
            let status: 'done' | 'skipped' | 'not_applicable' | null;
            if (step.isGate && order < stageOrder) {
                // A gate the deal has left behind is passed, unless the deal is designed not to have passed it.
                status = risks.has('gate_not_passed') ? (random.chance(0.5) ? 'skipped' : null) : 'done';
            } else if (incomplete.has(step.stepKey)) status = random.chance(0.5) ? 'skipped' : null;
            else if (order === stageOrder) status = random.chance(currentShare) ? 'done' : null;
            else if (step.isRequired) status = random.chance(doneShare) || closedOutcome ? 'done' : null;
            else
                status = random.weighted([
                    ['done', 0.55],
                    ['not_applicable', 0.25],
                    [null, 0.2]
                ] as const);
            if (status === null) continue;
            const from = entryByOrder.get(order)!;
            const to = Math.max(from, Math.min(endDay - 1, (entryByOrder.get(order + 1) ?? endDay) - 1));
            org.playbookStepProgress.push({
                Id: ids.next('Playbook_Step_Progress__c'),
                Opportunity__c: opportunityId,
                Step_Key__c: step.stepKey,
                Status__c: status,
                Skip_Reason__c: status === 'skipped' ? random.pick(SKIP_REASONS) : null,
                Completed_By__c: ownerId,
                Completed_At__c: isoDateTime(random.int(from, to), random.int(8, 17), random.int(0, 59)),
                Progress_Key__c: `${opportunityId}:${step.stepKey}`
            });
        }
        org.playbookMatches.push({
            OpportunityId: opportunityId,
            playbookKey: playbookMatch.playbook.playbookKey,
            reason: playbookMatch.reason
        });
    }

    const finalStage = closedOutcome ? stages.find((candidate) => candidate.apiName === state.stage)! : stage;
    const opportunity: OpportunityRecord = {
        Id: opportunityId,
        Name: uniqueDealName(`${account.Name} - ${random.pick(PRODUCTS)}`, context.dealNames),
        AccountId: account.Id,
        OwnerId: ownerId,
        Type: type,
        StageName: finalStage.apiName,
        Amount: amount,
        Probability: finalStage.defaultProbability,
        CloseDate: isoDate(closeDay),
        ForecastCategoryName: forecast,
        NextStep: nextStep,
        Next_Step_Date__c: nextStepDate,
        ...unqualifiedMeddpicc(),
        Economic_Buyer__c: statuses['economicBuyer'] !== 'unknown' && contacts.length > 0 ? contacts[0]!.Id : null,
        Champion__c: statuses['champion'] !== 'unknown' && contacts.length > 1 ? contacts[1]!.Id : null,
        ForecastCategory: FORECAST_API_BY_NAME[forecast],
        IsClosed: finalStage.isClosed,
        IsWon: finalStage.isWon,
        CreatedDate: isoDateTime(createdDay, 9, 0),
        LastActivityDate: null,
        archetype: { strength, designedRisks: RISK_CODES.filter((code) => risks.has(code)) }
    };
    for (const rule of QUALIFICATION_RULES) {
        const field = MEDDPICC_FIELD_PREFIX[rule.element];
        const status = statuses[rule.element]!;
        const source =
            contacts.length === 0 ? null : rule.element === 'economicBuyer' ? contacts[0]! : random.pick(contacts);
        opportunity[`${field}_Status__c`] = status;
        opportunity[`${field}_Evidence__c`] =
            status === 'unknown' || source === null || random.chance(0.15)
                ? null
                : evidenceFor(random, rule.element, `${source.FirstName} ${source.LastName}`);
    }
    org.opportunities.push(opportunity);
}

/** The name itself when unused, else the next free "(Phase n)" of it; records the name as used. */
export function uniqueDealName(name: string, used: Set<string>): string {
    let unique = name;
    for (let phase = 2; used.has(unique); phase++) unique = `${name} (Phase ${phase})`;
    used.add(unique);
    return unique;
}

function stageOrderOf(stages: readonly StageDefinition[], apiName: string): number {
    return stages.find((stage) => stage.apiName === apiName)!.sortOrder;
}

interface PlannedDecision {
    kind: ReviewDecisionKind;
    opportunity: OpportunityRecord;
}

/** One completed review per manager, a week before the as-of date, with a decision of every kind. */
function buildReviews(context: Context): void {
    const { random, ids, org, asOfDay } = context;
    const index = indexSampleOrg(org);
    const reviewDay = asOfDay - 7;
    const reviewStart = isoDateTime(reviewDay, 16, 0);
    const reviewEnd = isoDateTime(reviewDay, 16, 20);
    const plan: ReviewDecisionKind[] = [
        'commit',
        'push',
        'disqualify',
        'action',
        'action',
        'action',
        'no_change',
        'commit',
        'push',
        'no_change',
        'no_change'
    ];
    for (const manager of org.users.filter((user) => user.level === 'manager')) {
        const team = new Set(org.users.filter((user) => user.ManagerId === manager.Id).map((user) => user.Id));
        // Deals open at the review with nothing recorded after it (a later change would contradict the decision).
        const candidates = random.shuffle(
            org.opportunities.filter((opportunity) => {
                if (!team.has(opportunity.OwnerId)) return false;
                const state = stateBefore(index, opportunity.Id, reviewDay);
                if (state === null || stageIsClosed(org, state.stageName)) return false;
                const rows = index.historyByOpportunity.get(opportunity.Id) ?? [];
                return rows.every((row) => dayOfDateTime(row.CreatedDate) < reviewDay);
            })
        );
        const used = new Set<string>();
        const take = (prefer: (opportunity: OpportunityRecord) => boolean) => {
            const found =
                candidates.find((candidate) => !used.has(candidate.Id) && prefer(candidate)) ??
                candidates.find((candidate) => !used.has(candidate.Id));
            if (found) used.add(found.Id);
            return found;
        };
        const planned: PlannedDecision[] = [];
        for (const kind of plan) {
            const opportunity = take((candidate) => {
                const order = stageOrderOf(org.stages, candidate.StageName);
                if (kind === 'commit') return order >= 5 && candidate.ForecastCategoryName !== 'Commit';
                if (kind === 'push') return dayOf(candidate.CloseDate) <= reviewDay + 21;
                if (kind === 'disqualify') return candidate.archetype.strength === 'weak';
                return true;
            });
            if (opportunity) planned.push({ kind, opportunity });
        }
        const reviewId = ids.next('Pipeline_Review__c');
        org.pipelineReviews.push({
            Id: reviewId,
            Name: label('ReviewSessionName', isoDate(reviewDay), label('TeamScopeNameMyTeam')),
            Manager__c: manager.Id,
            Scope__c: 'my_team',
            Scope_Rep__c: null,
            Status__c: 'completed',
            Started_At__c: reviewStart,
            Ended_At__c: reviewEnd,
            Deals_Reviewed__c: planned.length,
            Filters_Json__c: JSON.stringify({
                scope: 'my_team',
                closeQuarter: null,
                stage: null,
                forecastCategory: null,
                band: null
            })
        });
        let actionNumber = 0;
        for (const { kind, opportunity } of planned) {
            const state = stateBefore(index, opportunity.Id, reviewDay)!;
            const decision = {
                Id: ids.next('Review_Decision__c'),
                Pipeline_Review__c: reviewId,
                Opportunity__c: opportunity.Id,
                Decision__c: kind,
                Stage_At_Review__c: state.stageName,
                Amount_At_Review__c: state.amount,
                Close_Date_At_Review__c: state.closeDate,
                Score_At_Review__c: null,
                New_Close_Date__c: null as string | null,
                Disqualify_Reason__c: null as string | null,
                Action_Text__c: null as string | null,
                Action_Owner__c: null as string | null,
                Action_Due_Date__c: null as string | null,
                Task_Id__c: null as string | null
            };
            const change = (fields: Partial<OpportunityRecord>) => {
                Object.assign(opportunity, fields);
                org.opportunityHistory.push(historyRow(ids, opportunity.Id, reviewEnd, opportunity));
            };
            if (kind === 'commit') {
                change({ ForecastCategoryName: 'Commit', ForecastCategory: 'Forecast' });
            } else if (kind === 'push') {
                const newClose = isoDate(Math.max(dayOf(state.closeDate), reviewDay) + random.int(14, 45));
                decision.New_Close_Date__c = newClose;
                change({ CloseDate: newClose });
            } else if (kind === 'disqualify') {
                decision.Disqualify_Reason__c = random.pick(DISQUALIFY_REASONS);
                const lost = org.stages.find((stage) => stage.isClosed && !stage.isWon)!;
                change({
                    StageName: lost.apiName,
                    Probability: lost.defaultProbability,
                    ForecastCategoryName: lost.forecastCategoryName,
                    ForecastCategory: FORECAST_API_BY_NAME[lost.forecastCategoryName],
                    IsClosed: true,
                    IsWon: false,
                    NextStep: null,
                    Next_Step_Date__c: null
                });
            } else if (kind === 'action') {
                // The first action of a review is overdue, the second done, the third due after the as-of date.
                const dueDay =
                    actionNumber === 0
                        ? reviewDay + 3
                        : actionNumber === 1
                          ? reviewDay + random.int(1, 5)
                          : asOfDay + random.int(2, 7);
                const completed = actionNumber === 1;
                actionNumber += 1;
                const taskId = ids.next('Task');
                const text = random.pick(ACTION_TEXTS);
                org.tasks.push({
                    Id: taskId,
                    WhatId: opportunity.Id,
                    WhoId: null,
                    OwnerId: opportunity.OwnerId,
                    Subject: text,
                    TaskSubtype: 'Task',
                    Status: completed ? 'Completed' : 'Not Started',
                    Priority: 'High',
                    ActivityDate: isoDate(dueDay),
                    IsClosed: completed,
                    CreatedDate: reviewEnd
                });
                decision.Action_Text__c = text;
                decision.Action_Owner__c = opportunity.OwnerId;
                decision.Action_Due_Date__c = isoDate(dueDay);
                decision.Task_Id__c = taskId;
            }
            org.reviewDecisions.push(decision);
        }
    }
}

function stageIsClosed(org: SampleOrg, apiName: string): boolean {
    return org.stages.find((stage) => stage.apiName === apiName)?.isClosed ?? false;
}

/** Weekly nightly snapshots, scored by the real engine from the records as they were on each date. */
function buildSnapshots(context: Context): void {
    const { ids, org, asOfDay } = context;
    const index = indexSampleOrg(org);
    for (let week = SNAPSHOT_WEEKS - 1; week >= 0; week--) {
        const day = asOfDay - week * 7;
        const asOf = isoDate(day);
        org.meta.snapshotDates.push(asOf);
        // Weekly runs; the last run's data profile stays stored and its snapshots are marked latest below.
        runNightlyScoring(org, index, ids, asOf, false);
    }
    const latest = new Map<string, DealHealthSnapshotRecord>();
    for (const snapshot of org.dealHealthSnapshots) latest.set(snapshot.Opportunity__c, snapshot);
    for (const snapshot of latest.values()) snapshot.Is_Latest__c = true;

    const reviewAsOf = isoDate(asOfDay - 7);
    const reviewSnapshots = new Map(
        org.dealHealthSnapshots
            .filter((snapshot) => snapshot.As_Of__c === reviewAsOf)
            .map((snapshot) => [snapshot.Opportunity__c, snapshot])
    );
    for (const decision of org.reviewDecisions) {
        decision.Score_At_Review__c = reviewSnapshots.get(decision.Opportunity__c)?.Score__c ?? null;
    }
}

function buildNudgeFeedback(context: Context): void {
    const { random, ids, org, asOfDay } = context;
    const weekAgo = isoDate(asOfDay - 7);
    const owners = new Map(org.opportunities.map((opportunity) => [opportunity.Id, opportunity.OwnerId]));
    const candidates = random.shuffle(
        org.dealHealthSnapshots.filter((snapshot) => snapshot.As_Of__c === weekAgo && snapshot.nudges.length > 0)
    );
    const count = Math.min(candidates.length, Math.max(5, Math.round(org.meta.dealCount * 0.02)));
    for (let index = 0; index < count; index++) {
        const snapshot = candidates[index]!;
        const nudge = random.pick(snapshot.nudges);
        const dismissed = index % 3 === 1;
        org.nudgeFeedback.push({
            Id: ids.next('Nudge_Feedback__c'),
            Opportunity__c: snapshot.Opportunity__c,
            Nudge_Code__c: nudge.code,
            Outcome__c: dismissed ? 'dismissed' : 'acted',
            Reason__c: dismissed ? random.pick(DISMISS_REASONS) : null,
            Recorded_At__c: isoDateTime(asOfDay - 7 + random.int(0, 5), random.int(8, 17), random.int(0, 59)),
            User__c: owners.get(snapshot.Opportunity__c)!,
            Model_Version__c: snapshot.Model_Version__c
        });
    }
}

/** LastActivityDate as the platform keeps it: the latest closed task or event up to the as-of date. */
function deriveLastActivity(org: SampleOrg, asOfDay: number): void {
    const latestByRecord = new Map<string, number>();
    const note = (id: string | null, day: number) => {
        if (id === null || day > asOfDay) return;
        const current = latestByRecord.get(id);
        if (current === undefined || day > current) latestByRecord.set(id, day);
    };
    for (const task of org.tasks) {
        if (!task.IsClosed) continue;
        note(task.WhatId, dayOf(task.ActivityDate));
        note(task.WhoId, dayOf(task.ActivityDate));
    }
    for (const event of org.events) {
        note(event.WhatId, dayOf(event.ActivityDate));
        note(event.WhoId, dayOf(event.ActivityDate));
    }
    const toDate = (id: string) => {
        const day = latestByRecord.get(id);
        return day === undefined ? null : isoDate(day);
    };
    for (const contact of org.contacts) contact.LastActivityDate = toDate(contact.Id);
    for (const opportunity of org.opportunities) opportunity.LastActivityDate = toDate(opportunity.Id);
}

export function generateSampleOrg(options: SampleOrgOptions = {}): SampleOrg {
    const { seed, deals, asOf } = validateOptions(options);
    const metadata = loadOrgMetadata();
    const random = createRandom(seed);
    const ids = new IdFactory(random.int(10_000_000, 2_000_000_000));
    const org: SampleOrg = {
        meta: {
            generator: GENERATOR_NAME,
            formatVersion: FORMAT_VERSION,
            seed,
            asOf,
            dealCount: deals,
            contractVersion,
            modelVersion: MODEL_VERSION,
            snapshotDates: [],
            keyPrefixes: { ...KEY_PREFIXES }
        },
        stages: metadata.stages.map((stage) => ({ ...stage })),
        playbooks: metadata.playbooks.map((playbook) => ({
            ...playbook,
            steps: playbook.steps.map((step) => ({ ...step }))
        })),
        scoringConfig: metadata.scoringConfig,
        dataProfile: null,
        stageBenchmarkDays: { ...metadata.stageBenchmarkDays },
        ...emptyRecordLists()
    };
    const context: Context = {
        random,
        ids,
        metadata,
        asOfDay: dayOf(asOf),
        org,
        repsBySegment: { mid_market: [], enterprise: [] },
        dealNames: new Set<string>()
    };
    buildUsers(context);
    buildAccounts(context, Math.max(5, Math.round(deals * 0.15)));
    for (let dealIndex = 0; dealIndex < deals; dealIndex++) generateDeal(context, dealIndex);
    buildReviews(context);
    buildSnapshots(context);
    buildNudgeFeedback(context);
    deriveLastActivity(org, context.asOfDay);
    org.callAnalyses = buildCallAnalyses(org, metadata.settings, seed);
    return org;
}

export type { AccountRecord, OpportunityHistoryRecord };
