// Reads the platform imports of each component's TypeScript source: `@salesforce/apex/Class.method` (and whether the
// component wires it) and `@salesforce/schema/Object.Field`.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface ApexImport {
    file: string;
    line: number;
    className: string;
    methodName: string;
    localName: string;
    wired: boolean;
    /** The named parameters each call site passes (`method({ a, b })`, `@wire(method, { a: '$x' })`). */
    passedParameters: PassedParameter[];
}

export interface PassedParameter {
    name: string;
    line: number;
    column: number;
}

export interface SchemaImport {
    file: string;
    line: number;
    objectName: string;
    /** Empty for an object import (`@salesforce/schema/Opportunity`); may be a relationship path (`Account.Name`). */
    fieldPath: string[];
}

export interface ComponentImports {
    apex: ApexImport[];
    schema: SchemaImport[];
    malformed: Array<{ file: string; line: number; message: string }>;
}

const APEX_PREFIX = '@salesforce/apex/';
const SCHEMA_PREFIX = '@salesforce/schema/';

/** Local names passed as the adapter (first argument) of a `@wire(...)` decorator anywhere in the file. */
function wiredAdapterNames(sourceFile: ts.SourceFile): Set<string> {
    const names = new Set<string>();
    const visit = (node: ts.Node): void => {
        if (ts.isDecorator(node) && ts.isCallExpression(node.expression)) {
            const callee = node.expression.expression;
            const adapter = node.expression.arguments[0];
            if (ts.isIdentifier(callee) && callee.text === 'wire' && adapter && ts.isIdentifier(adapter)) {
                names.add(adapter.text);
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return names;
}

/**
 * The property names of the object literal passed to each local name, as a call (`method({ a })`) or as the
 * config of `@wire(method, { a: '$x' })`. Spreads and non-literal arguments cannot be read and are skipped.
 */
function passedParametersByName(sourceFile: ts.SourceFile): Map<string, PassedParameter[]> {
    const byName = new Map<string, PassedParameter[]>();
    const add = (localName: string, argument: ts.Expression | undefined) => {
        if (!argument || !ts.isObjectLiteralExpression(argument)) return;
        for (const property of argument.properties) {
            if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
            const name = property.name;
            if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) continue;
            const position = sourceFile.getLineAndCharacterOfPosition(name.getStart());
            const list = byName.get(localName) ?? [];
            list.push({ name: name.text, line: position.line + 1, column: position.character + 1 });
            byName.set(localName, list);
        }
    };
    const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
            if (node.expression.text === 'wire') {
                const adapter = node.arguments[0];
                if (adapter && ts.isIdentifier(adapter)) add(adapter.text, node.arguments[1]);
            } else {
                add(node.expression.text, node.arguments[0]);
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return byName;
}

export function readComponentImports(file: string, displayPath: string): ComponentImports {
    const source = readFileSync(file, 'utf8');
    const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const wired = wiredAdapterNames(sourceFile);
    const passed = passedParametersByName(sourceFile);
    const result: ComponentImports = { apex: [], schema: [], malformed: [] };

    for (const statement of sourceFile.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const specifier = statement.moduleSpecifier.text;
        const line = sourceFile.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
        const localName = statement.importClause?.name?.text ?? '';

        if (specifier.startsWith(APEX_PREFIX)) {
            const match = /^(\w+)\.(\w+)$/.exec(specifier.slice(APEX_PREFIX.length));
            if (!match?.[1] || !match[2]) {
                result.malformed.push({ file: displayPath, line, message: `Malformed Apex import '${specifier}'` });
                continue;
            }
            result.apex.push({
                file: displayPath,
                line,
                className: match[1],
                methodName: match[2],
                localName,
                wired: wired.has(localName),
                passedParameters: passed.get(localName) ?? []
            });
        } else if (specifier.startsWith(SCHEMA_PREFIX)) {
            const parts = specifier.slice(SCHEMA_PREFIX.length).split('.');
            if (parts.some((part) => !/^\w+$/.test(part))) {
                result.malformed.push({ file: displayPath, line, message: `Malformed schema import '${specifier}'` });
                continue;
            }
            const [objectName, ...fieldPath] = parts;
            result.schema.push({ file: displayPath, line, objectName: objectName!, fieldPath });
        }
    }
    return result;
}
