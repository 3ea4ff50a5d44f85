// Flat config. Components: @salesforce/eslint-config-lwc (recommended, TypeScript variant) with @lwc/eslint-plugin-lwc.
// Service, scripts and tests: typescript-eslint.
const globals = require('globals');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');

const componentSources = ['force-app/**/lwc/**/*.ts'];
const componentTests = ['force-app/**/lwc/**/__tests__/**/*.ts', 'force-app/test/**/*.ts'];

/** Scopes a shared config array (written without `files`) to the given globs. */
const scopeTo = (files, configs) => configs.map((config) => ({ ...config, files }));

module.exports = [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            'service/dist/**',
            // The workbench bundle, built by npm run build:workbench.
            'dist/**',
            'service/contract/generated/**',
            // Generated from the Apex sources by npm run build:apex-types.
            'types/generated/**',
            '.sf/**',
            '.sfdx/**',
            // Compiled output of the .ts component sources.
            'force-app/**/lwc/**/*.js',
            // Third-party static resources.
            'force-app/**/staticresources/**'
        ]
    },

    // Lightning Web Components, authored in TypeScript (parsed by @babel/eslint-parser as the LWC config does).
    ...scopeTo(componentSources, lwcConfig.configs.recommendedTs).map((config) => ({
        ...config,
        ignores: componentTests
    })),
    {
        files: componentSources,
        ignores: componentTests,
        rules: {
            // The Babel parser does not see TypeScript types; tsc (noUnusedLocals, strict) checks names instead.
            'no-undef': 'off',
            'no-unused-vars': 'off'
        }
    },

    // Node-side TypeScript: the Execution Loop service, scripts, and all tests (component tests included).
    ...tseslint.config({
        files: [
            'service/**/*.ts',
            'tools/**/*.ts',
            'workbench/**/*.ts',
            'e2e/**/*.ts',
            'types/**/*.ts',
            ...componentTests
        ],
        extends: [js.configs.recommended, ...tseslint.configs.recommended],
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }]
        }
    }),
    // The service and the tools: type-checked rules, so a forgotten await (a floating promise) is an error.
    ...tseslint.config({
        files: ['service/**/*.ts', 'tools/**/*.ts'],
        extends: [...tseslint.configs.recommendedTypeChecked],
        languageOptions: {
            parserOptions: {
                project: ['./tsconfig.json', './service/tsconfig.tools.json'],
                tsconfigRootDir: __dirname
            }
        },
        rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/no-misused-promises': 'error',
            // Fastify route handlers and test stubs are async by contract (they return the payload) without awaiting.
            '@typescript-eslint/require-await': 'off'
        }
    }),
    {
        files: componentTests,
        ...jestPlugin.configs['flat/recommended'],
        languageOptions: { globals: { ...globals.jest, ...globals.browser } },
        rules: {
            ...jestPlugin.configs['flat/recommended'].rules,
            // The platform declares these as `any`-typed constructors; the mocks mirror them.
            '@typescript-eslint/no-explicit-any': 'off',
            // jest.mock factories are hoisted above imports, so they must load modules with require().
            '@typescript-eslint/no-require-imports': 'off'
        }
    },

    // Plain JS config files at the root (CommonJS).
    {
        files: ['*.js', '.ci/**/*.js', 'tools/**/*.cjs'],
        ...js.configs.recommended,
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    }
];
