// The Rep Development tab of the workbench: a manager's monthly view of each rep (a rep sees their own).
// Synthetic shadow first, before the engine loads, as Lightning Experience runs it (SLDS reaches the components).
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import RepDevelopment from 'c/repDevelopment';
import { el, startPage } from './shell';

startPage('manager', (main) => {
    const element = createElement('c-rep-development', { is: RepDevelopment });
    const wrapper = el('div', 'slds-p-around_small');
    wrapper.append(element);
    main.append(wrapper);
});
