// The Strategy Check tab of the workbench: the quarterly check a sales leader (the VP) runs.
// Synthetic shadow first, before the engine loads, as Lightning Experience runs it (SLDS reaches the components).
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import StrategyCheck from 'c/strategyCheck';
import { el, startPage } from './shell';

startPage('vp', (main) => {
    const element = createElement('c-strategy-check', { is: StrategyCheck });
    const wrapper = el('div', 'slds-p-around_small');
    wrapper.append(element);
    main.append(wrapper);
});
