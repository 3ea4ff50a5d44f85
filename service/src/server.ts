import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { loadLlmSettings } from './shared/llm-settings';
import { createPracticeModel } from './modules/practice/engine';

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
    const app = buildApp({
        settings: config,
        logger: { level: config.logLevel },
        llm: config.llm,
        // One set of OPENAI_* settings for every module that can use a model.
        practiceModel: config.llm === null ? null : createPracticeModel(config.llm)
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
