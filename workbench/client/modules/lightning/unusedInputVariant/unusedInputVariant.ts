// Workbench build only: stands in for the lightning-input variants no page uses (toggle, checkbox, checkbox button,
// radio, file, color, time, date-time), so their code and the color picker's are not shipped. The build checks that no
// template asks for those types (workbench/input-variants.ts); if one is rendered all the same, it fails loudly.
import { LightningElement } from 'lwc';

export default class UnusedInputVariant extends LightningElement {
    override connectedCallback(): void {
        throw new Error(
            'A lightning-input variant is not in the workbench build: a lightning-input type no page used ' +
                'is now in use (remove it from UNUSED_INPUT_VARIANTS in workbench/input-variants.ts)'
        );
    }
}
