// One runner, two projects: the LWC components (sfdx-lwc-jest preset, jsdom) and the Node side (service and scripts).
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const lwcMocks = '<rootDir>/force-app/test/jest-mocks';

/** Node-side TypeScript goes through Babel only (types stripped, no type check: `npm run typecheck` does that). */
const nodeTypeScriptTransform = [
    'babel-jest',
    {
        babelrc: false,
        configFile: false,
        presets: [
            ['@babel/preset-env', { targets: { node: 'current' } }],
            ['@babel/preset-typescript', { allowDeclareFields: true }]
        ]
    }
];

module.exports = {
    projects: [
        {
            ...jestConfig,
            displayName: 'lwc',
            // Compiled .js first: `npm test` builds before jest, so the tests exercise exactly what ships.
            // Without a build, the resolver falls back to the .ts source.
            moduleFileExtensions: ['js', 'ts', 'html', 'json'],
            testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.ts'],
            moduleNameMapper: {
                '^lightning/navigation$': `${lwcMocks}/lightning/navigation`,
                '^lightning/platformShowToastEvent$': `${lwcMocks}/lightning/platformShowToastEvent`,
                '^lightning/uiRecordApi$': `${lwcMocks}/lightning/uiRecordApi`,
                // The text of the labels file, as the org resolves it (`npm run build` writes one module per label).
                '^@salesforce/label/c\\.(\\w+)$': '<rootDir>/force-app/test/generated/labels/$1.js'
            },
            setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/force-app/test/jest-setup.ts']
        },
        {
            displayName: 'node',
            testEnvironment: 'node',
            rootDir: __dirname,
            moduleFileExtensions: ['ts', 'js', 'json'],
            testMatch: [
                '<rootDir>/service/test/**/*.test.ts',
                '<rootDir>/tools/**/*.test.ts',
                '<rootDir>/workbench/**/*.test.ts',
                '<rootDir>/e2e/**/*.test.ts'
            ],
            transform: { '^.+\\.ts$': nodeTypeScriptTransform }
        }
    ]
};
