// lightning-input imports lightning-datepicker (and through it the calendar and its date handling, ~430 kB minified)
// statically, so every page loaded it at start although a date input appears only in dialogs. The workbench build
// rewrites lightning-input so its desktop date branch renders the datepicker as a dynamic component
// (`<lwc:component lwc:is>`), whose constructor is imported the first time that branch renders. The datepicker keeps
// its registered tag (lightning-datepicker), so lightning-input's own lookups of it are unchanged; until it arrives
// the branch renders nothing, and lightning-input sets the value and ARIA links on the render that follows.
import type { Plugin } from 'rollup';

const INPUT_TEMPLATE = /[\\/]lightning[\\/]input[\\/]input\.html$/;
const INPUT_SCRIPT = /[\\/]lightning[\\/]input[\\/]input\.js$/;
const CLASS_HEAD = 'export default class LightningInput extends LightningShadowBaseClass {';

/** The part of the rewrite that a change in lightning-base-components could break: one exact replacement each. */
function replaceOnce(code: string, find: string, replacement: string, file: string): string {
    const count = code.split(find).length - 1;
    if (count !== 1)
        throw new Error(
            `lazy datepicker: expected one "${find}" in ${file}, found ${count}; update workbench/lazy-datepicker.ts`
        );
    return code.replace(find, replacement);
}

/** lightning-input's template: the datepicker as a dynamic component. */
export function lazyDatepickerTemplate(html: string, file = 'input.html'): string {
    const opened = replaceOnce(html, '<lightning-datepicker', '<lwc:component lwc:is={lazyDatepicker}', file);
    return replaceOnce(opened, '</lightning-datepicker>', '</lwc:component>', file);
}

/**
 * Fetches the datepicker once the page has loaded and then gone idle, so the first date input of a dialog does not
 * render blank while its code arrives, and the page's first paint does not wait for it either.
 */
const PRELOAD = `if (typeof window !== 'undefined') {
    const whenIdle = (run) => (window.requestIdleCallback ? window.requestIdleCallback(run) : setTimeout(run, 0));
    const preloadDatepicker = () =>
        setTimeout(() => whenIdle(() => import('lightning/datepicker').catch(() => undefined)), 1000);
    if (document.readyState === 'complete') preloadDatepicker();
    else window.addEventListener('load', preloadDatepicker, { once: true });
}`;

/** lightning-input's class: a getter that starts loading the datepicker the first time the template reads it. */
export function lazyDatepickerScript(code: string, file = 'input.js'): string {
    return replaceOnce(
        code,
        CLASS_HEAD,
        `${PRELOAD}
${CLASS_HEAD}
    lazyDatepickerConstructor;
    get lazyDatepicker() {
        if (!this.lazyDatepickerConstructor) {
            import('lightning/datepicker').then((module) => {
                this.lazyDatepickerConstructor = module.default;
            });
        }
        return this.lazyDatepickerConstructor;
    }`,
        file
    );
}

/** The rollup plugin (runs before the LWC compiler, on lightning-base-components' sources). */
export function lazyDatepicker(): Plugin {
    return {
        name: 'execution-loop-lazy-datepicker',
        transform(code, id) {
            const file = id.split('?')[0]!;
            if (INPUT_TEMPLATE.test(file)) return { code: lazyDatepickerTemplate(code, file), map: null };
            if (INPUT_SCRIPT.test(file)) return { code: lazyDatepickerScript(code, file), map: null };
            return null;
        }
    };
}
