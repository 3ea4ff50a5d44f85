// The Pipeline Review tab of the workbench: the board, mounted at once (its one Apex round trip starts with it).
// Synthetic shadow first, before the engine loads, as Lightning Experience runs it (SLDS reaches the components).
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import PipelineReview from 'c/pipelineReview';
import { el, startPage } from './shell';

startPage('manager', (main) => {
    const element = createElement('c-pipeline-review', { is: PipelineReview });
    const wrapper = el('div', 'slds-p-around_small');
    wrapper.append(element);
    main.append(wrapper);
});
