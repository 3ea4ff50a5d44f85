// Real-browser journeys (`npm run test:e2e`): one Node project, run in band, generous timeouts.
module.exports = {
    displayName: 'e2e',
    rootDir: __dirname,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
    moduleFileExtensions: ['ts', 'js', 'json'],
    transform: {
        '^.+\\.ts$': [
            'babel-jest',
            {
                babelrc: false,
                configFile: false,
                presets: [
                    ['@babel/preset-env', { targets: { node: 'current' } }],
                    ['@babel/preset-typescript', { allowDeclareFields: true }]
                ]
            }
        ]
    },
    testTimeout: 120000
};
