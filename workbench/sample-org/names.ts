/** Word lists for names, titles and texts. Plain data: the generator picks from them with its seeded PRNG. */
export const FIRST_NAMES = [
    'Ava',
    'Liam',
    'Maya',
    'Noah',
    'Zoe',
    'Ethan',
    'Nora',
    'Lucas',
    'Ines',
    'Omar',
    'Priya',
    'Mateo',
    'Hana',
    'Jonas',
    'Leila',
    'Samuel',
    'Chloe',
    'Daniel',
    'Amara',
    'Felix',
    'Grace',
    'Hugo',
    'Isla',
    'Kenji',
    'Lena',
    'Marcus',
    'Nadia',
    'Oscar',
    'Paula',
    'Rafael',
    'Sofia',
    'Tomas',
    'Uma',
    'Victor',
    'Wen',
    'Yara',
    'Aisha',
    'Ben',
    'Clara',
    'Diego',
    'Elena',
    'Farid',
    'Greta',
    'Ivan',
    'Julia',
    'Kofi',
    'Laura',
    'Mei',
    'Nils',
    'Olga'
] as const;

export const LAST_NAMES = [
    'Nguyen',
    'Schmidt',
    'Okafor',
    'Rossi',
    'Kowalski',
    'Tanaka',
    'Fischer',
    'Haddad',
    'Silva',
    'Johansson',
    'Patel',
    'Martin',
    'Dubois',
    'Novak',
    'Garcia',
    'Larsen',
    'Moreau',
    'Costa',
    'Weber',
    'Yilmaz',
    'Brennan',
    'Kim',
    'Andersen',
    'Bauer',
    'Chen',
    'Duarte',
    'Evans',
    'Fontaine',
    'Gupta',
    'Hoffmann',
    'Ibrahim',
    'Jansen',
    'Keller',
    'Lopez',
    'Mbeki',
    'Nakamura',
    'Olsen',
    'Petrov',
    'Quinn',
    'Reyes',
    'Sato',
    'Torres',
    'Ueda',
    'Vargas',
    'Walsh'
] as const;

export const COMPANY_STEMS = [
    'Northwind',
    'Bluepeak',
    'Harbor',
    'Crescent',
    'Summit',
    'Ironwood',
    'Lumen',
    'Meridian',
    'Oakridge',
    'Pioneer',
    'Quantum',
    'Redwood',
    'Silverline',
    'Tidewater',
    'Vantage',
    'Westbrook',
    'Aurora',
    'Beacon',
    'Cobalt',
    'Evergreen',
    'Falcon',
    'Granite',
    'Horizon',
    'Juniper',
    'Keystone',
    'Lakeshore',
    'Monarch',
    'Nimbus',
    'Orion',
    'Polaris'
] as const;

export const INDUSTRY_SUFFIXES: Record<string, readonly string[]> = {
    Banking: ['Bank', 'Savings Bank', 'Trust'],
    Finance: ['Capital', 'Financial Group', 'Asset Management'],
    Insurance: ['Insurance', 'Mutual', 'Assurance'],
    Healthcare: ['Health', 'Medical Center', 'Care Network'],
    Government: ['County Services', 'Public Agency', 'Transit Authority'],
    Utilities: ['Energy', 'Water', 'Power & Light'],
    Technology: ['Software', 'Systems', 'Labs'],
    Manufacturing: ['Manufacturing', 'Industries', 'Components'],
    Retail: ['Retail', 'Stores', 'Outfitters'],
    Media: ['Media', 'Studios', 'Publishing'],
    Education: ['University', 'Learning', 'Academy'],
    Transportation: ['Logistics', 'Freight', 'Mobility'],
    Hospitality: ['Hotels', 'Resorts', 'Hospitality']
};

export const ENTERPRISE_INDUSTRIES: readonly (readonly [string, number])[] = [
    ['Banking', 3],
    ['Insurance', 3],
    ['Healthcare', 3],
    ['Finance', 1],
    ['Government', 1],
    ['Utilities', 1],
    ['Manufacturing', 2],
    ['Technology', 2],
    ['Retail', 1]
];

export const MID_MARKET_INDUSTRIES: readonly (readonly [string, number])[] = [
    ['Technology', 3],
    ['Manufacturing', 2],
    ['Retail', 2],
    ['Media', 1],
    ['Education', 1],
    ['Transportation', 1],
    ['Hospitality', 1],
    ['Healthcare', 1],
    ['Insurance', 1]
];

export const COUNTRIES = ['United States', 'United Kingdom', 'Germany', 'France', 'Canada', 'Netherlands'] as const;

/** Contact titles by the part they play in a buying group. */
export const TITLES = {
    economicBuyer: ['Chief Financial Officer', 'Chief Operating Officer', 'VP Finance', 'Chief Information Officer'],
    champion: ['Director of Operations', 'Head of Revenue Operations', 'Director of IT', 'Finance Transformation Lead'],
    executiveSponsor: ['Chief Executive Officer', 'Chief Risk Officer', 'SVP Strategy'],
    technical: ['IT Architect', 'Security Engineer', 'Data Platform Manager', 'Systems Analyst'],
    evaluator: ['Procurement Manager', 'Business Analyst', 'Project Manager', 'Compliance Officer'],
    user: ['Sales Operations Analyst', 'Team Lead, Customer Service', 'Accountant', 'Operations Coordinator']
} as const;

export const PRODUCTS = [
    'Platform',
    'Analytics',
    'Automation',
    'Data Cloud',
    'Service Suite',
    'Security Add-on'
] as const;

export const ACTIVITY_TOPICS = [
    'pricing',
    'security questionnaire',
    'integration scope',
    'success criteria',
    'reference call',
    'rollout plan',
    'business case',
    'legal redlines',
    'procurement steps',
    'demo follow-up',
    'technical deep dive',
    'timeline'
] as const;

export const NEXT_STEPS = [
    'Demo for the operations team',
    'Send the business case draft',
    'Security review call with IT',
    'Meet the CFO to confirm budget',
    'Walk through the mutual plan',
    'Send the proposal and pricing',
    'Legal review of the order form',
    'Reference call with a customer',
    'Technical workshop on integration',
    'Agree the pilot success criteria'
] as const;

export const EVIDENCE: Record<string, readonly string[]> = {
    metrics: [
        'Cut month-end close from 9 to 5 days, confirmed by {who}',
        'Target: 20% fewer manual touches per order ({who})',
        'Reduce onboarding time from 6 weeks to 2 ({who})'
    ],
    economicBuyer: ['{who} owns the budget and signs above 50k', '{who} confirmed budget in the Q3 plan'],
    decisionCriteria: [
        'Security, SSO and EU data residency are must-haves ({who})',
        'Criteria list shared by {who}: integration, price, support'
    ],
    decisionProcess: [
        'Evaluation, security review, steering committee, then CFO sign-off ({who})',
        'Pilot in one region, then board approval ({who})'
    ],
    paperProcess: [
        'Legal 2 weeks, procurement 1 week, DocuSign by {who}',
        'Vendor onboarding via their portal; PO raised by {who}'
    ],
    identifiedPain: [
        'Forecast misses of 15% two quarters in a row ({who})',
        'Manual reconciliation costs 3 FTEs ({who})',
        'Audit finding on access controls ({who})'
    ],
    champion: ['{who} presented our case to the steering group', '{who} shared the internal evaluation notes'],
    competition: ['Competing with an in-house build and one vendor ({who})', 'Incumbent renewal due in March ({who})']
};

export const SKIP_REASONS = [
    'Customer ran their own security review last year',
    'Buyer asked to skip the workshop',
    'Covered in the previous deal with this account'
] as const;

export const DISQUALIFY_REASONS = [
    'No budget this fiscal year',
    'Chose an in-house build',
    'Project cancelled after reorganization'
] as const;

export const ACTION_TEXTS = [
    'Book a meeting with the economic buyer',
    'Get the paper process mapped with procurement',
    'Multi-thread: meet the IT director',
    'Confirm the close plan with the champion',
    'Send the revised proposal'
] as const;

export const DISMISS_REASONS = [
    'Already scheduled with the customer',
    'Not relevant for this deal',
    'Field is up to date in our notes; will sync',
    'Customer asked for a pause until January'
] as const;
