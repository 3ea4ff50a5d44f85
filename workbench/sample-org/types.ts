/**
 * The sample org data set: plain JSON, records keyed by Salesforce API field names (`Id` plus the fields), so the
 * seed script can load them as they are and the workbench can serve them like the org would. Read-only or derived
 * fields the platform computes (CreatedDate, IsClosed, LastActivityDate, …) are included for the workbench; the seed
 * leaves them out.
 */
import type {
    Band,
    DimensionResult,
    ExitCriteria,
    Nudge,
    OrgDataProfile,
    QualificationStatus,
    Risk,
    ScoringConfigOverride
} from '../../service/src/contract';
import type { ForecastCategoryApi, ForecastCategoryName, PlaybookDefinition, StageDefinition } from './metadata';

export type Segment = 'mid_market' | 'enterprise';

export interface UserRoleRecord {
    Id: string;
    Name: string;
    DeveloperName: string;
    ParentRoleId: string | null;
}

export interface UserRecord {
    Id: string;
    FirstName: string;
    LastName: string;
    Name: string;
    Username: string;
    Alias: string;
    Title: string;
    UserRoleId: string;
    ManagerId: string | null;
    IsActive: boolean;
    /** Generator-only: `vp`, `manager` or `rep`, and the team's segment (null for the VP). */
    level: 'vp' | 'manager' | 'rep';
    segment: Segment | null;
}

export interface AccountRecord {
    Id: string;
    Name: string;
    Industry: string;
    /** Null when the org does not say (the Maven CRM data set). */
    Type: string | null;
    NumberOfEmployees: number;
    BillingCountry: string;
    OwnerId: string;
    /** Generator-only; null for orgs loaded from a data set. */
    segment: Segment | null;
}

export interface ContactRecord {
    Id: string;
    AccountId: string;
    FirstName: string;
    LastName: string;
    Title: string;
    OwnerId: string;
    /** Derived like the platform does: the latest closed task or event date where the contact is the WhoId. */
    LastActivityDate: string | null;
}

export interface OpportunityRecord {
    Id: string;
    Name: string;
    /** Null when the deal has no account (1,425 open deals of the Maven CRM data set). */
    AccountId: string | null;
    OwnerId: string;
    /** Null when the org does not say. */
    Type: string | null;
    StageName: string;
    Amount: number | null;
    Probability: number;
    CloseDate: string;
    ForecastCategoryName: ForecastCategoryName;
    NextStep: string | null;
    Next_Step_Date__c: string | null;
    Metrics_Status__c: QualificationStatus;
    Metrics_Evidence__c: string | null;
    Economic_Buyer_Status__c: QualificationStatus;
    Economic_Buyer_Evidence__c: string | null;
    Decision_Criteria_Status__c: QualificationStatus;
    Decision_Criteria_Evidence__c: string | null;
    Decision_Process_Status__c: QualificationStatus;
    Decision_Process_Evidence__c: string | null;
    Paper_Process_Status__c: QualificationStatus;
    Paper_Process_Evidence__c: string | null;
    Identified_Pain_Status__c: QualificationStatus;
    Identified_Pain_Evidence__c: string | null;
    Champion_Status__c: QualificationStatus;
    Champion_Evidence__c: string | null;
    Competition_Status__c: QualificationStatus;
    Competition_Evidence__c: string | null;
    Economic_Buyer__c: string | null;
    Champion__c: string | null;
    // Read-only / derived by the platform.
    ForecastCategory: ForecastCategoryApi;
    IsClosed: boolean;
    IsWon: boolean;
    CreatedDate: string;
    LastActivityDate: string | null;
    /** Generator-only: the archetype that shaped the deal. */
    archetype: DealArchetype;
}

export type DealStrength = 'strong' | 'mixed' | 'weak';

export interface DealArchetype {
    strength: DealStrength;
    /** Risks the generator designed into the deal (the engine decides what it actually reports). */
    designedRisks: string[];
}

export interface OpportunityContactRoleRecord {
    Id: string;
    OpportunityId: string;
    ContactId: string;
    Role: string;
    IsPrimary: boolean;
}

/** OpportunityHistory-like: one row per change of stage, close date, amount or forecast category. */
export interface OpportunityHistoryRecord {
    Id: string;
    OpportunityId: string;
    CreatedDate: string;
    StageName: string;
    CloseDate: string;
    Amount: number | null;
    ForecastCategory: ForecastCategoryApi;
}

export interface TaskRecord {
    Id: string;
    WhatId: string;
    WhoId: string | null;
    OwnerId: string;
    Subject: string;
    /** Email, Call, or Task (review actions). */
    TaskSubtype: 'Email' | 'Call' | 'Task';
    Status: 'Completed' | 'Not Started';
    Priority: 'Normal' | 'High';
    ActivityDate: string;
    // Read-only.
    IsClosed: boolean;
    CreatedDate: string;
}

export interface EventRecord {
    Id: string;
    WhatId: string;
    WhoId: string | null;
    OwnerId: string;
    Subject: string;
    StartDateTime: string;
    EndDateTime: string;
    ActivityDate: string;
}

export interface PlaybookMatchRecord {
    OpportunityId: string;
    playbookKey: string;
    reason: string;
}

export interface PlaybookStepProgressRecord {
    Id: string;
    Opportunity__c: string;
    Step_Key__c: string;
    Status__c: 'done' | 'skipped' | 'not_applicable';
    Skip_Reason__c: string | null;
    Completed_By__c: string;
    Completed_At__c: string;
    /** `<opportunity id>:<step key>`; the seed rebuilds it from the id the org returns. */
    Progress_Key__c: string;
}

export interface DealHealthSnapshotRecord {
    Id: string;
    Opportunity__c: string;
    Score__c: number;
    Band__c: Band;
    As_Of__c: string;
    Scored_At__c: string;
    Scoring_Trigger__c: 'nightly' | 'on_demand';
    Model_Version__c: string;
    /** `<opportunity id>:<as of>:<trigger>`; the seed rebuilds it from the id the org returns. */
    Snapshot_Key__c: string;
    Is_Latest__c: boolean;
    /** Stored in the org as JSON text: Dimensions_Json__c, Risks_Json__c, Exit_Criteria_Json__c, Nudges_Json__c. */
    dimensions: DimensionResult[];
    risks: Risk[];
    exitCriteria: ExitCriteria | null;
    nudges: Nudge[];
}

export type ReviewDecisionKind = 'commit' | 'push' | 'disqualify' | 'action' | 'no_change';

export interface PipelineReviewRecord {
    Id: string;
    Name: string;
    Manager__c: string;
    Scope__c: 'my_team' | 'one_rep' | 'all_visible';
    Scope_Rep__c: string | null;
    Status__c: 'in_progress' | 'completed';
    Started_At__c: string;
    Ended_At__c: string | null;
    Deals_Reviewed__c: number;
    Filters_Json__c: string;
}

export interface ReviewDecisionRecord {
    Id: string;
    Pipeline_Review__c: string;
    Opportunity__c: string;
    Decision__c: ReviewDecisionKind;
    Stage_At_Review__c: string;
    Amount_At_Review__c: number | null;
    Close_Date_At_Review__c: string;
    Score_At_Review__c: number | null;
    New_Close_Date__c: string | null;
    Disqualify_Reason__c: string | null;
    Action_Text__c: string | null;
    Action_Owner__c: string | null;
    Action_Due_Date__c: string | null;
    /** Id of the action's Task. */
    Task_Id__c: string | null;
}

export interface NudgeFeedbackRecord {
    Id: string;
    Opportunity__c: string;
    Nudge_Code__c: string;
    Outcome__c: 'acted' | 'dismissed';
    Reason__c: string | null;
    Recorded_At__c: string;
    User__c: string;
    Model_Version__c: string;
}

/** Where a workbench org's records come from, and what its loader inferred or left empty (shown on the page). */
export interface OrgSource {
    /** `sample` (generated) or the data set's key, e.g. `maven`. */
    key: string;
    label: string;
    description: string;
    /** Facts the loader derived rather than read, each with how. */
    inferred: string[];
    /** Facts the data does not have, left empty rather than invented. */
    missing: string[];
}

export interface SampleOrgMeta {
    generator: string;
    /** Absent for the generated sample org. */
    source?: OrgSource;
    formatVersion: number;
    seed: number;
    asOf: string;
    dealCount: number;
    contractVersion: string;
    modelVersion: string;
    /** The as-of dates of the weekly snapshots, oldest first. */
    snapshotDates: string[];
    keyPrefixes: Record<string, string>;
}

export type CallAnalysisStatus = 'pending_retry' | 'analyzed' | 'reviewed' | 'failed';

/** Call_Analysis__c: a call's notes and what the service's analysis of them said. */
export interface CallAnalysisRecord {
    Id: string;
    Name: string;
    Opportunity__c: string;
    Source__c: string;
    Source_Record_Id__c: string | null;
    Status__c: CallAnalysisStatus;
    Extractor__c: string | null;
    Model__c: string | null;
    Fallback_Reason__c: string | null;
    Last_Error__c: string | null;
    Notes__c: string;
    Result_Json__c: string | null;
    Decisions_Json__c: string | null;
    Accepted_Count__c: number | null;
    Rejected_Count__c: number | null;
    Reviewed_By__c: string | null;
    Reviewed_At__c: string | null;
    CreatedDate: string;
}

export interface SampleOrg {
    meta: SampleOrgMeta;
    stages: StageDefinition[];
    /** Playbooks and steps as parsed from the custom metadata (guidance text left out). */
    playbooks: PlaybookDefinition[];
    /** The scoring config the org's settings produce (what Apex sends with each request). */
    scoringConfig: ScoringConfigOverride;
    /** The latest Org_Data_Profile__c: what the org captures, measured by the nightly run (sent with each request). */
    dataProfile: OrgDataProfile | null;
    stageBenchmarkDays: Record<string, number>;
    userRoles: UserRoleRecord[];
    users: UserRecord[];
    accounts: AccountRecord[];
    contacts: ContactRecord[];
    opportunities: OpportunityRecord[];
    opportunityContactRoles: OpportunityContactRoleRecord[];
    opportunityHistory: OpportunityHistoryRecord[];
    tasks: TaskRecord[];
    events: EventRecord[];
    playbookMatches: PlaybookMatchRecord[];
    playbookStepProgress: PlaybookStepProgressRecord[];
    dealHealthSnapshots: DealHealthSnapshotRecord[];
    pipelineReviews: PipelineReviewRecord[];
    reviewDecisions: ReviewDecisionRecord[];
    nudgeFeedback: NudgeFeedbackRecord[];
    /** Analysed calls (the sample org seeds some on open deals; the Maven data set has none). */
    callAnalyses: CallAnalysisRecord[];
}
