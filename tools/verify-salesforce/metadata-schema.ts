// Checks every metadata XML file of the package directories against the Metadata API's own types (see
// metadata-types.ts): the root names a metadata type, every element is a field of its parent's type and appears at
// most once unless the type lets it repeat, enum, boolean and number values are valid, and the lengths the deploy
// enforces (metadata-limits.ts) hold. `sf project convert source` accepts all of these defects; a deploy rejects them
// ("Element … invalid at this location in type …", "value too long"), and one error rolls back the whole deploy.
import { readFileSync } from 'node:fs';
import { basename, sep } from 'node:path';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { Finding } from './findings';
import { API_NAME_LIMITS, apiNameOf, ELEMENT_LENGTH_LIMITS } from './metadata-limits';
import { loadMetadataTypeModel, type MetadataTypeModel } from './metadata-types';
import { projectFiles, toProjectPath, type SfdxProject } from './project';

const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * Elements whose WSDL type is a string but whose source holds nested XML the platform parses itself. The Metadata API
 * documents LightningComponentBundle.targetConfigs as "a string of XML" (the js-meta.xml schema of LWC, not the
 * WSDL, defines its content), so its children are not checked here.
 */
const EMBEDDED_XML_ELEMENTS = new Set(['LightningComponentBundle.targetConfigs']);

interface Frame {
    element: string;
    /** The element's Metadata API type, or undefined when the element itself was a finding (its content is skipped). */
    type: string | undefined;
    line: number;
    column: number;
    text: string;
    childCounts: Map<string, number>;
}

/** Source-format file name → the component name: `Execution_Loop_Rep.permissionset-meta.xml` → `Execution_Loop_Rep`. */
function componentNameOf(file: string): string {
    return basename(file).replace(/\.[A-Za-z]+-meta\.xml$/, '');
}

const isMetadataSource = (path: string): boolean =>
    path.endsWith('-meta.xml') && !path.split(sep).includes('__tests__');

function describeEnum(values: ReadonlySet<string>): string {
    const listed = [...values].slice(0, 40).join(', ');
    return values.size > 40 ? `${listed}, … (${values.size} values)` : listed;
}

export function checkMetadataFile(model: MetadataTypeModel, file: string, displayPath: string, xml: string): Finding[] {
    const findings: Finding[] = [];
    const report = (line: number, column: number, message: string) =>
        findings.push({ step: 'metadata-schema', file: displayPath, line, column, message });
    const stack: Frame[] = [];
    let rootType: string | undefined;
    let tagStart = { line: 1, column: 1 };

    const parser = new SaxesParser({ xmlns: true, position: true });
    parser.on('opentagstart', (tag) => {
        // saxes reports the position just after the name; the tag starts one '<' before it.
        tagStart = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
    });
    parser.on('opentag', (tag: SaxesTagNS) => {
        const { line, column } = tagStart;
        const frame: Frame = { element: tag.local, type: undefined, line, column, text: '', childCounts: new Map() };
        const parent = stack.at(-1);
        if (!parent) {
            if (tag.uri !== METADATA_NAMESPACE) {
                report(line, column, `<${tag.name}> is not in the Metadata API namespace ${METADATA_NAMESPACE}`);
            } else if (!model.isMetadataType(tag.local)) {
                report(line, column, `<${tag.local}> is not a metadata type of the Metadata API`);
            } else {
                frame.type = tag.local;
                rootType = tag.local;
            }
            stack.push(frame);
            return;
        }
        if (
            parent.type === undefined ||
            EMBEDDED_XML_ELEMENTS.has(`${stack[stack.length - 2]?.type}.${parent.element}`)
        ) {
            stack.push(frame);
            return;
        }
        const field = model.fieldsOf(parent.type).get(tag.local);
        if (!field) {
            const resolved = model.resolve(parent.type);
            report(
                line,
                column,
                resolved?.kind === 'complex'
                    ? `Element <${tag.local}> is not a field of ${parent.type} in the Metadata API types; a deploy fails with "Element ${tag.local} invalid at this location in type ${parent.type}"`
                    : `<${parent.element}> is a ${parent.type} value and cannot contain the element <${tag.local}>`
            );
            stack.push(frame);
            return;
        }
        const count = (parent.childCounts.get(tag.local) ?? 0) + 1;
        parent.childCounts.set(tag.local, count);
        if (!field.repeated && count === 2) {
            report(line, column, `<${tag.local}> may appear only once in ${parent.type}`);
        }
        const xsiType = tag.attributes[`xsi:type`];
        const declared = typeof xsiType === 'object' && xsiType.uri === XSI_NAMESPACE ? xsiType.value : undefined;
        // `xsi:type="xsd:string"` (custom metadata values) names an XML Schema primitive; other values a subtype.
        frame.type = declared?.startsWith('xsd:') ? 'any' : (declared ?? field.type);
        stack.push(frame);
    });
    const appendText = (text: string) => {
        const top = stack.at(-1);
        if (top) top.text += text;
    };
    parser.on('text', appendText);
    parser.on('cdata', appendText);
    parser.on('closetag', () => {
        const frame = stack.pop();
        const parentType = stack.at(-1)?.type;
        if (!frame?.type) return;
        const resolved = model.resolve(frame.type);
        const value = frame.text.trim();
        const at = (message: string) => report(frame.line, frame.column, message);
        if (resolved?.kind === 'enum' && !resolved.values.has(value)) {
            at(
                `'${value}' is not a valid ${resolved.name} for <${frame.element}>; valid: ${describeEnum(resolved.values)}`
            );
        } else if (resolved?.kind === 'primitive' && resolved.name === 'boolean' && !/^(true|false)$/.test(value)) {
            at(`<${frame.element}> must be true or false, not '${value}'`);
        } else if (resolved?.kind === 'primitive' && resolved.name === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) {
            at(`<${frame.element}> must be a number, not '${value}'`);
        } else if (resolved?.kind === 'complex' && value !== '') {
            at(`<${frame.element}> is a ${frame.type} and holds elements, not the text '${value.slice(0, 40)}'`);
        }
        if (resolved?.kind === 'complex') {
            // `fullName` is required by the WSDL but source format derives it from the file name.
            const missing = [...model.fieldsOf(frame.type)]
                .filter(([name, field]) => !field.optional && !field.repeated && name !== 'fullName')
                .filter(([name]) => !frame.childCounts.has(name))
                .map(([name]) => `<${name}>`);
            if (missing.length > 0) at(`${frame.type} <${frame.element}> lacks the required ${missing.join(', ')}`);
        }
        const limit = parentType ? ELEMENT_LENGTH_LIMITS[`${parentType}.${frame.element}`] : undefined;
        const length = [...frame.text].length;
        if (limit && length > limit.max) {
            at(
                `<${frame.element}> of ${parentType} is ${length} characters (whitespace of wrapped lines included); the limit is ${limit.max}`
            );
        }
    });

    try {
        parser.write(xml).close();
    } catch (error) {
        report(parser.line, parser.column, `not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
        return findings;
    }

    const nameLimit = rootType ? API_NAME_LIMITS[rootType] : undefined;
    if (rootType && nameLimit) {
        const apiName = apiNameOf(rootType, componentNameOf(file));
        if (apiName.length > nameLimit.max) {
            report(
                1,
                1,
                `${rootType} API name '${apiName}' is ${apiName.length} characters; the limit is ${nameLimit.max}`
            );
        }
    }
    return findings;
}

export function runMetadataSchema(project: SfdxProject): { findings: Finding[]; fileCount: number; typeCount: number } {
    const model = loadMetadataTypeModel();
    const files = projectFiles(project, isMetadataSource);
    const findings = files.flatMap((file) =>
        checkMetadataFile(model, file, toProjectPath(project, file), readFileSync(file, 'utf8'))
    );
    return { findings, fileCount: files.length, typeCount: model.size };
}
