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

export function readComponentImports(file: string, displayPath: string): ComponentImports {
    const source = readFileSync(file, 'utf8');
    const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const wired = wiredAdapterNames(sourceFile);
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
                wired: wired.has(localName)
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
