// `npm run build:labels`: one module per Custom Label (`export default "<value>"`) in force-app/test/generated/labels,
// so component tests resolve `@salesforce/label/c.X` to the text of the labels file, as the org does. Git-ignored.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCustomLabels } from './custom-labels';

export const LABEL_MODULES_DIR = resolve(__dirname, '..', '..', 'force-app', 'test', 'generated', 'labels');

export function generateLabelModules(outputDir = LABEL_MODULES_DIR): number {
    const labels = readCustomLabels();
    rmSync(outputDir, { recursive: true, force: true });
    mkdirSync(outputDir, { recursive: true });
    for (const label of labels.values()) {
        writeFileSync(join(outputDir, `${label.fullName}.js`), `export default ${JSON.stringify(label.value)};\n`);
    }
    return labels.size;
}

if (require.main === module) {
    console.log(`Wrote ${generateLabelModules()} label module(s) to ${LABEL_MODULES_DIR}`);
}
