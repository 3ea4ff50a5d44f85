// Local stand-in for the org, workbench only: lightning-messages (errors are shown by toasts in the workbench).
import { LightningElement } from 'lwc';

export default class Messages extends LightningElement {}
