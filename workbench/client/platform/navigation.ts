// Local stand-in for the org, workbench only: `lightning/navigation`. The page shell handles the navigation
// (a new Task opens the shell's stand-in task dialog; record pages open in the workbench).
type PageReference = { type: string; attributes?: Record<string, unknown>; state?: Record<string, unknown> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mixins must accept any constructor arguments
type Constructor = new (...args: any[]) => HTMLElement;

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function mixin<T extends Constructor>(Base: T) {
    return class extends Base {
        [Navigate](pageReference: PageReference): void {
            window.dispatchEvent(new CustomEvent('workbench:navigate', { detail: pageReference }));
        }
        [GenerateUrl](pageReference: PageReference): Promise<string> {
            return Promise.resolve(`#${encodeURIComponent(JSON.stringify(pageReference))}`);
        }
    };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

export class CurrentPageReference {
    constructor(private readonly emit: (value: unknown) => void) {}
    update(): void {}
    connect(): void {
        this.emit({ type: 'standard__recordPage', attributes: {}, state: {} });
    }
    disconnect(): void {}
}
