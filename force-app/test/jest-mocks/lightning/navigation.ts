// Jest stand-in for lightning/navigation. Tests read the last navigation through getNavigateCalledWith().
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

type PageReference = { type: string; attributes?: Record<string, unknown>; state?: Record<string, unknown> };

export const CurrentPageReference = createTestWireAdapter(jest.fn());

let navigatePageReference: PageReference | undefined;
let navigateReplace: boolean | undefined;

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = Object.assign(
    <T extends new (...args: any[]) => object>(Base: T) =>
        class extends Base {
            [Navigate](pageReference: PageReference, replace?: boolean): void {
                navigatePageReference = pageReference;
                navigateReplace = replace;
            }
            [GenerateUrl](pageReference: PageReference): Promise<string> {
                navigatePageReference = pageReference;
                return Promise.resolve(`https://example.invalid/${pageReference.type}`);
            }
        },
    { Navigate, GenerateUrl }
);

export const getNavigateCalledWith = () => ({ pageReference: navigatePageReference, replace: navigateReplace });
