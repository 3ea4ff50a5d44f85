import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { loadLlmSettings } from './modules/calls/engine/llm';
import { createPracticeModel, llmSettingsFromEnv } from './modules/practice/engine';

function readConfig() {
    try {
        return { ...loadConfig(process.env), llm: loadLlmSettings(process.env) };
    } catch (error) {
        if (error instanceof ConfigError) {
            process.stderr.write(`${error.message}\n`);
            process.exit(1);
        }
        throw error;
    }
}

function main(): void {
    const config = readConfig();
    let practiceLlm;
    try {
        practiceLlm = llmSettingsFromEnv(process.env);
    } catch (error) {
        process.stderr.write(`Invalid configuration:\n  - ${(error as Error).message}\n`);
        process.exit(1);
    }
    const app = buildApp({
        settings: config,
        logger: { level: config.logLevel },
        llm: config.llm,
        practiceModel: practiceLlm === null ? null : createPracticeModel(practiceLlm)
    });

    let closing = false;
    const shutdown = (signal: NodeJS.Signals) => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down: draining in-flight requests');
        // If draining hangs (a client that never finishes its upload), exit anyway so the platform can restart us.
        setTimeout(() => {
            app.log.error('shutdown timed out; exiting');
            process.exit(1);
        }, config.shutdownTimeoutMs).unref();
        app.close().then(
            () => {
                app.log.info('shutdown complete');
                process.exit(0);
            },
            (error: unknown) => {
                app.log.error({ err: error }, 'shutdown failed');
                process.exit(1);
            }
        );
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);

    app.listen({ port: config.port, host: config.host }).catch((error: unknown) => {
        app.log.error({ err: error }, 'could not start listening');
        process.exit(1);
    });
}

main();
