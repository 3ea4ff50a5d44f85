import { Band, CallAnalysisResponse, DealScore, RISK_CODES, ScoreRequest } from '../../service/src/contract';
import { createCallAnalyzer } from '../../service/src/modules/calls/engine/analyze';
import { scoreDeals } from '../../service/src/modules/scoring/engine';
import { callAnalysisRequest, extractorSetting } from './call-analysis';
import { parseSampleOrgArgs, UsageError } from './cli';
import {
    caseSafeSuffix,
    DEFAULT_AS_OF,
    generateSampleOrg,
    indexSampleOrg,
    KEY_PREFIXES,
    loadOrgMetadata,
    matchPlaybook,
    type SampleOrg,
    summarizeSampleOrg,
    toScoreRequest,
    toScoreRequests
} from './index';

let org: SampleOrg;
let json: string;

beforeAll(() => {
    org = generateSampleOrg();
    json = JSON.stringify(org);
});

const ID_PATTERN = /^[a-zA-Z0-9]{18}$/;

function expectId(id: string | null, object: keyof typeof KEY_PREFIXES): void {
    expect(id).toMatch(ID_PATTERN);
    expect(id!.slice(0, 3)).toBe(KEY_PREFIXES[object]);
    expect(id!.slice(15)).toBe(caseSafeSuffix(id!.slice(0, 15)));
}

describe('determinism', () => {
    it('gives byte-identical output for the same seed', () => {
        expect(JSON.stringify(generateSampleOrg())).toBe(json);
    });

    it('gives a different org for a different seed', () => {
        const other = generateSampleOrg({ seed: 1, deals: 40 });
        const same = generateSampleOrg({ seed: 1, deals: 40 });
        expect(JSON.stringify(other)).toBe(JSON.stringify(same));
        expect(JSON.stringify(other)).not.toBe(JSON.stringify(generateSampleOrg({ seed: 2, deals: 40 })));
        expect(other.accounts.map((account) => account.Name)).not.toEqual(
            org.accounts.slice(0, other.accounts.length).map((account) => account.Name)
        );
    });

    it('rejects invalid options', () => {
        expect(() => generateSampleOrg({ deals: 0 })).toThrow(/deals must be an integer from 1 to 50000/);
        expect(() => generateSampleOrg({ deals: 2.5 })).toThrow(/deals/);
        expect(() => generateSampleOrg({ seed: -1 })).toThrow(/seed/);
        expect(() => generateSampleOrg({ asOf: '2026-02-30' })).toThrow(/asOf/);
    });
});

describe('shape and sizes', () => {
    it('has a VP, 2 managers and 8 reps in a role hierarchy', () => {
        const vp = org.users.filter((user) => user.level === 'vp');
        const managers = org.users.filter((user) => user.level === 'manager');
        const reps = org.users.filter((user) => user.level === 'rep');
        expect([vp.length, managers.length, reps.length]).toEqual([1, 2, 8]);
        for (const manager of managers) {
            expect(manager.ManagerId).toBe(vp[0]!.Id);
            expect(reps.filter((rep) => rep.ManagerId === manager.Id)).toHaveLength(4);
        }
        const roles = new Map(org.userRoles.map((role) => [role.Id, role]));
        for (const rep of reps) {
            const repRole = roles.get(rep.UserRoleId)!;
            const managerRole = roles.get(repRole.ParentRoleId!)!;
            expect(roles.get(managerRole.ParentRoleId!)!.Name).toBe('VP Sales');
        }
    });

    it('has the requested number of deals, ~60 accounts and realistic values', () => {
        expect(org.opportunities).toHaveLength(400);
        expect(org.accounts).toHaveLength(60);
        expect(generateSampleOrg({ deals: 25, seed: 3 }).opportunities).toHaveLength(25);
        const isOutlier = (deal: (typeof org.opportunities)[number]) =>
            deal.archetype.designedRisks.includes('amount_outlier');
        const amounts = org.opportunities
            .filter((deal) => !isOutlier(deal))
            .map((deal) => deal.Amount)
            .filter((amount): amount is number => !!amount);
        expect(Math.min(...amounts)).toBeLessThan(15_000);
        expect(Math.max(...amounts)).toBeGreaterThan(1_000_000);
        expect(Math.max(...amounts)).toBeLessThanOrEqual(1_500_000);
        // The few designed outliers are early-stage amounts tens of times the usual deal, for the sanity check.
        const outliers = org.opportunities.filter(isOutlier);
        expect(outliers.length).toBeGreaterThan(0);
        for (const deal of outliers) expect(deal.Amount).toBeGreaterThanOrEqual(6_000_000);
        const newCustomer = org.opportunities.filter((deal) => deal.Type === 'New Customer').length;
        expect(newCustomer / org.opportunities.length).toBeGreaterThan(0.7);
        expect(new Set(org.opportunities.map((deal) => deal.StageName)).size).toBe(10);
        const industries = new Set(org.accounts.map((account) => account.Industry));
        for (const industry of ['Banking', 'Insurance', 'Healthcare']) expect(industries).toContain(industry);
        for (const task of org.tasks.filter((candidate) => candidate.TaskSubtype !== 'Task')) {
            expect(task.ActivityDate >= '2026-09-17' && task.ActivityDate < DEFAULT_AS_OF).toBe(true);
        }
    });

    it('gives every deal its own name, at any size', () => {
        for (const sample of [org, generateSampleOrg({ deals: 10_000, seed: 1 })]) {
            const names = sample.opportunities.map((deal) => deal.Name);
            expect(new Set(names).size).toBe(names.length);
        }
        expect(org.opportunities.some((deal) => / \(Phase \d+\)$/.test(deal.Name))).toBe(true);
    });

    it('uses Salesforce-shaped ids with the right key prefixes', () => {
        org.users.forEach((user) => expectId(user.Id, 'User'));
        org.userRoles.forEach((role) => expectId(role.Id, 'UserRole'));
        org.accounts.forEach((account) => expectId(account.Id, 'Account'));
        org.contacts.forEach((contact) => expectId(contact.Id, 'Contact'));
        org.opportunities.forEach((deal) => expectId(deal.Id, 'Opportunity'));
        org.tasks.forEach((task) => expectId(task.Id, 'Task'));
        org.events.forEach((event) => expectId(event.Id, 'Event'));
        org.dealHealthSnapshots.forEach((snapshot) => expectId(snapshot.Id, 'Deal_Health_Snapshot__c'));
        org.reviewDecisions.forEach((decision) => expectId(decision.Id, 'Review_Decision__c'));
        const all = json.match(/"Id":"[^"]+"/g)!;
        expect(new Set(all).size).toBe(all.length);
    });
});

describe('scoring', () => {
    it('spans every band and every risk code at the default size', () => {
        const summary = summarizeSampleOrg(org);
        for (const band of Band.options) expect(summary.latestByBand[band]).toBeGreaterThan(0);
        for (const code of RISK_CODES) expect(summary.latestByRisk[code]).toBeGreaterThan(0);
    });

    it('stores snapshots that pass the DealScore schema, weekly over 6 weeks', () => {
        for (const snapshot of org.dealHealthSnapshots) {
            const score = {
                dealId: snapshot.Opportunity__c,
                score: snapshot.Score__c,
                band: snapshot.Band__c,
                dimensions: snapshot.dimensions,
                risks: snapshot.risks,
                exitCriteria: snapshot.exitCriteria,
                nudges: snapshot.nudges,
                modelVersion: snapshot.Model_Version__c
            };
            expect(DealScore.safeParse(score).success).toBe(true);
            expect(snapshot.Snapshot_Key__c).toBe(`${snapshot.Opportunity__c}:${snapshot.As_Of__c}:nightly`);
        }
        expect(org.meta.snapshotDates).toEqual([
            '2026-10-12',
            '2026-10-19',
            '2026-10-26',
            '2026-11-02',
            '2026-11-09',
            '2026-11-16'
        ]);
        const latestPerDeal = new Map<string, number>();
        for (const snapshot of org.dealHealthSnapshots.filter((candidate) => candidate.Is_Latest__c)) {
            latestPerDeal.set(snapshot.Opportunity__c, (latestPerDeal.get(snapshot.Opportunity__c) ?? 0) + 1);
        }
        expect([...latestPerDeal.values()].every((count) => count === 1)).toBe(true);
        const openIds = org.opportunities.filter((deal) => !deal.IsClosed).map((deal) => deal.Id);
        for (const id of openIds) expect(latestPerDeal.has(id)).toBe(true);
    });

    it('latest snapshots are what the engine says about the current records', () => {
        const requests = toScoreRequests(org);
        const latest = new Map(
            org.dealHealthSnapshots
                .filter((snapshot) => snapshot.As_Of__c === DEFAULT_AS_OF)
                .map((snapshot) => [snapshot.Opportunity__c, snapshot])
        );
        let compared = 0;
        for (const request of requests) {
            expect(ScoreRequest.safeParse(request).success).toBe(true);
            for (const result of scoreDeals(request).results) {
                const snapshot = latest.get(result.dealId)!;
                expect([snapshot.Score__c, snapshot.Band__c, snapshot.risks]).toEqual([
                    result.score,
                    result.band,
                    result.risks
                ]);
                compared += 1;
            }
        }
        expect(compared).toBe(latest.size);
        const single = toScoreRequest(org, [org.opportunities[0]!.Id]);
        expect(single.deals).toHaveLength(1);
        expect(single.config).toEqual(loadOrgMetadata().scoringConfig);
    });

    it('matches playbooks with the segment rules of the custom metadata', () => {
        const metadata = loadOrgMetadata();
        expect(metadata.playbooks.map((playbook) => playbook.playbookKey).sort()).toEqual([
            'New_Business_Enterprise_Regulated',
            'New_Business_Mid_Market'
        ]);
        const index = indexSampleOrg(org);
        const matched = new Map(org.playbookMatches.map((match) => [match.OpportunityId, match]));
        for (const deal of org.opportunities) {
            const expected = matchPlaybook(metadata.playbooks, {
                type: deal.Type,
                industry: index.accountById.get(deal.AccountId!)!.Industry,
                recordType: null,
                amount: deal.Amount
            });
            expect(matched.get(deal.Id)?.playbookKey ?? null).toBe(expected?.playbook.playbookKey ?? null);
        }
        const keys = org.playbookMatches.map((match) => match.playbookKey);
        expect(keys).toContain('New_Business_Enterprise_Regulated');
        expect(keys).toContain('New_Business_Mid_Market');
        expect(org.playbookMatches.find((match) => match.playbookKey.includes('Enterprise'))!.reason).toMatch(
            /^Matched on type "New Customer", industry "\w+", amount [\d,]+ within 100,000 and no upper limit\.$/
        );
    });
});

describe('referential integrity', () => {
    it('every foreign id names an existing record', () => {
        const ids = (records: readonly { Id: string }[]) => new Set(records.map((record) => record.Id));
        const users = ids(org.users);
        const roles = ids(org.userRoles);
        const accounts = ids(org.accounts);
        const contacts = ids(org.contacts);
        const deals = ids(org.opportunities);
        const tasks = ids(org.tasks);
        const reviews = ids(org.pipelineReviews);
        const check = (id: string | null, set: Set<string>, nullable = false) => {
            if (id === null && nullable) return;
            expect(set.has(id!)).toBe(true);
        };
        org.userRoles.forEach((role) => check(role.ParentRoleId, roles, true));
        org.users.forEach((user) => (check(user.UserRoleId, roles), check(user.ManagerId, users, true)));
        org.accounts.forEach((account) => check(account.OwnerId, users));
        org.contacts.forEach((contact) => (check(contact.AccountId, accounts), check(contact.OwnerId, users)));
        for (const deal of org.opportunities) {
            check(deal.AccountId, accounts);
            check(deal.OwnerId, users);
            check(deal.Economic_Buyer__c, contacts, true);
            check(deal.Champion__c, contacts, true);
        }
        org.opportunityContactRoles.forEach(
            (role) => (check(role.OpportunityId, deals), check(role.ContactId, contacts))
        );
        org.opportunityHistory.forEach((row) => check(row.OpportunityId, deals));
        for (const activity of [...org.tasks, ...org.events]) {
            check(activity.WhatId, deals);
            check(activity.WhoId, contacts, true);
            check(activity.OwnerId, users);
        }
        org.playbookMatches.forEach((match) => check(match.OpportunityId, deals));
        org.playbookStepProgress.forEach(
            (row) => (check(row.Opportunity__c, deals), check(row.Completed_By__c, users))
        );
        org.dealHealthSnapshots.forEach((snapshot) => check(snapshot.Opportunity__c, deals));
        org.pipelineReviews.forEach((review) => check(review.Manager__c, users));
        for (const decision of org.reviewDecisions) {
            check(decision.Pipeline_Review__c, reviews);
            check(decision.Opportunity__c, deals);
            check(decision.Action_Owner__c, users, true);
            check(decision.Task_Id__c, tasks, true);
        }
        org.nudgeFeedback.forEach(
            (feedback) => (check(feedback.Opportunity__c, deals), check(feedback.User__c, users))
        );
    });

    it('keeps contacts on the deal account and progress on steps of the matched playbook', () => {
        const index = indexSampleOrg(org);
        for (const role of org.opportunityContactRoles) {
            expect(index.contactById.get(role.ContactId)!.AccountId).toBe(
                index.opportunityById.get(role.OpportunityId)!.AccountId
            );
        }
        const matched = new Map(org.playbookMatches.map((match) => [match.OpportunityId, match.playbookKey]));
        for (const progress of org.playbookStepProgress) {
            const playbook = org.playbooks.find(
                (candidate) => candidate.playbookKey === matched.get(progress.Opportunity__c)
            )!;
            expect(playbook.steps.map((step) => step.stepKey)).toContain(progress.Step_Key__c);
            expect(progress.Status__c === 'skipped').toBe(progress.Skip_Reason__c !== null);
        }
    });
});

describe('pipeline reviews and feedback', () => {
    it('has one completed review per manager a week earlier, with every decision kind and an overdue action', () => {
        const managers = org.users.filter((user) => user.level === 'manager');
        expect(org.pipelineReviews.map((review) => review.Manager__c).sort()).toEqual(
            managers.map((manager) => manager.Id).sort()
        );
        const tasks = new Map(org.tasks.map((task) => [task.Id, task]));
        for (const review of org.pipelineReviews) {
            expect(review.Status__c).toBe('completed');
            expect(review.Started_At__c.slice(0, 10)).toBe('2026-11-09');
            const decisions = org.reviewDecisions.filter((decision) => decision.Pipeline_Review__c === review.Id);
            expect(new Set(decisions.map((decision) => decision.Decision__c))).toEqual(
                new Set(['commit', 'push', 'disqualify', 'action', 'no_change'])
            );
            expect(review.Deals_Reviewed__c).toBe(decisions.length);
            for (const decision of decisions) {
                if (decision.Decision__c === 'push') expect(decision.New_Close_Date__c).not.toBeNull();
                if (decision.Decision__c === 'disqualify') expect(decision.Disqualify_Reason__c).not.toBeNull();
                expect(decision.Score_At_Review__c).not.toBeNull();
            }
            const overdue = decisions.filter((decision) => {
                if (decision.Decision__c !== 'action') return false;
                const task = tasks.get(decision.Task_Id__c!)!;
                return (
                    !task.IsClosed &&
                    task.ActivityDate < DEFAULT_AS_OF &&
                    task.ActivityDate === decision.Action_Due_Date__c
                );
            });
            expect(overdue.length).toBeGreaterThanOrEqual(1);
        }
        const disqualified = org.reviewDecisions.filter((decision) => decision.Decision__c === 'disqualify');
        for (const decision of disqualified) {
            expect(org.opportunities.find((deal) => deal.Id === decision.Opportunity__c)!.StageName).toBe(
                'Closed Lost'
            );
        }
    });

    it('has a few nudge feedback records for nudges the deals were given', () => {
        expect(org.nudgeFeedback.length).toBeGreaterThanOrEqual(5);
        expect(org.nudgeFeedback.some((feedback) => feedback.Outcome__c === 'dismissed')).toBe(true);
        for (const feedback of org.nudgeFeedback) {
            expect(feedback.Outcome__c === 'dismissed').toBe(feedback.Reason__c !== null);
            const nudged = org.dealHealthSnapshots.some(
                (snapshot) =>
                    snapshot.Opportunity__c === feedback.Opportunity__c &&
                    snapshot.nudges.some((nudge) => nudge.code === feedback.Nudge_Code__c)
            );
            expect(nudged).toBe(true);
        }
    });
});

describe('analysed calls', () => {
    const small = generateSampleOrg({ deals: 400 });
    const openDeals = new Map(small.opportunities.filter((deal) => !deal.IsClosed).map((deal) => [deal.Id, deal]));

    it('seeds analyses on a share of the open deals only, in the last six weeks, after each deal was created', () => {
        const withCalls = new Set(small.callAnalyses.map((analysis) => analysis.Opportunity__c));
        expect(withCalls.size / openDeals.size).toBeGreaterThan(0.25);
        expect(withCalls.size / openDeals.size).toBeLessThan(0.8);
        const asOf = Date.parse(`${small.meta.asOf}T00:00:00Z`);
        small.callAnalyses.forEach((analysis, index) => {
            const deal = openDeals.get(analysis.Opportunity__c)!;
            expect(deal).toBeDefined();
            expect(analysis.CreatedDate >= deal.CreatedDate.slice(0, 10)).toBe(true);
            expect(Date.parse(analysis.CreatedDate)).toBeLessThan(asOf);
            expect(asOf - Date.parse(analysis.CreatedDate)).toBeLessThanOrEqual(43 * 86_400_000);
            expect(analysis).toMatchObject({
                Status__c: 'analyzed',
                Source__c: 'pasted_notes',
                Extractor__c: 'deterministic'
            });
            expect(analysis.Name).toBe(`CA-${String(index + 1).padStart(6, '0')}`);
            expect(analysis.Id.slice(0, 3)).toBe('a06');
        });
        expect(new Set(small.callAnalyses.map((analysis) => analysis.Id)).size).toBe(small.callAnalyses.length);
    });

    it("stores what the service's analyzer answers for each call's notes on the call's day", async () => {
        const index = indexSampleOrg(small);
        const settings = loadOrgMetadata().settings;
        const setting = (name: string) => settings[name]?.trim() || null;
        const analyzer = createCallAnalyzer(null);
        for (const analysis of small.callAnalyses.slice(0, 40)) {
            const request = callAnalysisRequest({
                index,
                setting,
                extractor: extractorSetting(setting)!,
                opportunity: openDeals.get(analysis.Opportunity__c)!,
                source: 'pasted_notes',
                text: analysis.Notes__c,
                asOf: analysis.CreatedDate.slice(0, 10),
                repName: index.userById.get(openDeals.get(analysis.Opportunity__c)!.OwnerId)!.Name
            });
            const { response } = await analyzer.analyze(request);
            expect(JSON.parse(analysis.Result_Json__c!)).toEqual(CallAnalysisResponse.parse(response));
        }
    });

    it('gives reps different call habits: some calls end with a dated next step, some cover steps, some miss them', () => {
        const results = small.callAnalyses.map((analysis) => ({
            owner: openDeals.get(analysis.Opportunity__c)!.OwnerId,
            result: CallAnalysisResponse.parse(JSON.parse(analysis.Result_Json__c!))
        }));
        const datedShare = new Map<string, { dated: number; calls: number }>();
        for (const { owner, result } of results) {
            const entry = datedShare.get(owner) ?? { dated: 0, calls: 0 };
            entry.calls += 1;
            if (result.nextSteps.some((step) => step.dueDate !== null)) entry.dated += 1;
            datedShare.set(owner, entry);
        }
        const shares = [...datedShare.values()].map((entry) => entry.dated / entry.calls);
        expect(shares).toHaveLength(8);
        expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.2);
        expect(results.some(({ result }) => result.coaching.stepsCovered.length > 0)).toBe(true);
        expect(results.some(({ result }) => result.coaching.stepsMissed.length > 0)).toBe(true);
        expect(results.some(({ result }) => result.proposals.length > 0)).toBe(true);
    });
});

describe('cli arguments', () => {
    it('parses and validates flags', () => {
        expect(parseSampleOrgArgs(['--deals', '20', '--seed', '5', '--out', 'x.json'])).toMatchObject({
            deals: 20,
            seed: 5,
            out: 'x.json'
        });
        expect(() => parseSampleOrgArgs(['--deals', '1.5'])).toThrow(
            new UsageError('--deals must be an integer, got "1.5"')
        );
        expect(() => parseSampleOrgArgs(['--deals', '0'])).toThrow(/from 1 to 50000/);
        expect(() => parseSampleOrgArgs(['--deals', '50001'])).toThrow(/from 1 to 50000/);
        expect(() => parseSampleOrgArgs(['--seed', 'abc'])).toThrow(/--seed must be an integer/);
        expect(() => parseSampleOrgArgs(['--colour', 'red'])).toThrow(UsageError);
        expect(() => parseSampleOrgArgs(['--as-of', '2026-13-01'])).toThrow(/--as-of/);
    });
});
