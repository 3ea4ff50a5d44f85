/**
 * LOCAL STAND-IN FOR THE ORG, WORKBENCH ONLY.
 *
 * `System.Label.X` / `String.format(System.Label.X, args)` for the twin: the messages come from the package's Custom
 * Labels file, the same text Apex shows, so no message is written twice. verify:salesforce fails on a name the file
 * lacks, and on a message the twin writes itself.
 */
export { label } from '../../tools/build/custom-labels';
