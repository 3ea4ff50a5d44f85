// Drift across the LWC ↔ Apex seam, reported with file and line (the TypeScript compile catches some of it too, but
// names only the first error and not in this report's form):
// 1. a component passes a named parameter the Apex method does not declare;
// 2. a component imports an Apex method the workbench twin does not implement;
// 3. the twin's implementation reads a parameter the Apex method does not declare, or never reads one it declares.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { ApexClassModel, ApexMethodModel } from './apex-model';
import type { ApexImport } from './component-imports';
import type { Finding } from './findings';

/** The twin's method table, relative to the project root. */
export const TWIN_METHOD_TABLE = 'workbench/twin/controllers.ts';
const TWIN_TABLE_NAME = 'APEX_METHODS';

interface Located {
    file: string;
    line: number;
    column: number;
}

export interface TwinMethod extends Located {
    key: string;
    /** Where the implementing function is, when it could be followed from the table. */
    implementation?: Located & { parameterReads: Array<Located & { name: string }> };
    /** Why the implementation could not be followed. */
    unresolved?: string;
}

export interface TwinModel {
    tableFile: string;
    methods: Map<string, TwinMethod>;
}

function locate(sourceFile: ts.SourceFile, displayPath: string, node: ts.Node): Located {
    const position = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    return { file: displayPath, line: position.line + 1, column: position.character + 1 };
}

function parse(path: string): ts.SourceFile {
    return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function objectLiteralOf(sourceFile: ts.SourceFile, variableName: string): ts.ObjectLiteralExpression | undefined {
    for (const statement of sourceFile.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
            if (!ts.isIdentifier(declaration.name) || declaration.name.text !== variableName) continue;
            let initializer = declaration.initializer;
            while (initializer && (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer))) {
                initializer = initializer.expression;
            }
            if (initializer && ts.isObjectLiteralExpression(initializer)) return initializer;
        }
    }
    return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
    return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** `params.x` and `params['x']` inside a function whose parameters list is `(context, params)`. */
function parameterReads(
    sourceFile: ts.SourceFile,
    displayPath: string,
    fn: ts.FunctionLikeDeclaration
): Array<Located & { name: string }> {
    const paramsNode = fn.parameters[1];
    if (!paramsNode || !ts.isIdentifier(paramsNode.name) || !fn.body) return [];
    const paramsName = paramsNode.name.text;
    const reads: Array<Located & { name: string }> = [];
    const visit = (node: ts.Node): void => {
        if (
            ts.isPropertyAccessExpression(node) &&
            ts.isIdentifier(node.expression) &&
            node.expression.text === paramsName
        ) {
            reads.push({ name: node.name.text, ...locate(sourceFile, displayPath, node.name) });
        } else if (
            ts.isElementAccessExpression(node) &&
            ts.isIdentifier(node.expression) &&
            node.expression.text === paramsName &&
            ts.isStringLiteral(node.argumentExpression)
        ) {
            reads.push({
                name: node.argumentExpression.text,
                ...locate(sourceFile, displayPath, node.argumentExpression)
            });
        }
        ts.forEachChild(node, visit);
    };
    visit(fn.body);
    return reads;
}

/**
 * Reads the twin's method table (`APEX_METHODS = { 'Class.method': Class.method, ... }`) and follows each entry to
 * `export const Class = { method(context, params) { ... } }` in `workbench/twin/Class.ts`. Null when the project has
 * no twin.
 */
export function readTwin(root: string): TwinModel | null {
    const tablePath = join(root, TWIN_METHOD_TABLE);
    if (!existsSync(tablePath)) return null;
    const tableSource = parse(tablePath);
    const table = objectLiteralOf(tableSource, TWIN_TABLE_NAME);
    const model: TwinModel = { tableFile: TWIN_METHOD_TABLE, methods: new Map() };
    if (!table) return model;
    const twinDir = join(root, 'workbench', 'twin');
    const parsed = new Map<string, ts.SourceFile | null>();
    for (const property of table.properties) {
        if (!ts.isPropertyAssignment(property)) continue;
        const key = propertyName(property.name);
        if (!key) continue;
        const entry: TwinMethod = { key, ...locate(tableSource, TWIN_METHOD_TABLE, property) };
        model.methods.set(key.toLowerCase(), entry);
        // `Class.method as TwinMethods['Class.method']` (a controller written against the untyped signature) still names it.
        let target = property.initializer;
        while (ts.isAsExpression(target) || ts.isParenthesizedExpression(target) || ts.isNonNullExpression(target)) {
            target = target.expression;
        }
        if (!ts.isPropertyAccessExpression(target) || !ts.isIdentifier(target.expression)) {
            entry.unresolved = 'the table entry is not `Class.method`';
            continue;
        }
        const className = target.expression.text;
        const methodName = target.name.text;
        const displayPath = `workbench/twin/${className}.ts`;
        if (!parsed.has(className)) {
            const path = join(twinDir, `${className}.ts`);
            parsed.set(className, existsSync(path) ? parse(path) : null);
        }
        const sourceFile = parsed.get(className);
        const controller = sourceFile ? objectLiteralOf(sourceFile, className) : undefined;
        if (!sourceFile || !controller) {
            entry.unresolved = `no \`export const ${className} = { ... }\` in ${displayPath}`;
            continue;
        }
        const member = controller.properties.find(
            (candidate) => candidate.name && propertyName(candidate.name) === methodName
        );
        const fn =
            member && ts.isMethodDeclaration(member)
                ? member
                : member &&
                    ts.isPropertyAssignment(member) &&
                    (ts.isArrowFunction(member.initializer) || ts.isFunctionExpression(member.initializer))
                  ? member.initializer
                  : undefined;
        if (!fn) {
            entry.unresolved = `${className} in ${displayPath} has no method '${methodName}'`;
            continue;
        }
        entry.implementation = {
            ...locate(sourceFile, displayPath, member!),
            parameterReads: parameterReads(sourceFile, displayPath, fn)
        };
    }
    return model;
}

function auraMethod(
    classes: readonly ApexClassModel[],
    className: string,
    methodName: string
): ApexMethodModel | undefined {
    const apexClass = classes.find(
        (candidate) =>
            !candidate.qualifiedName.includes('.') && candidate.name.toLowerCase() === className.toLowerCase()
    );
    return apexClass?.methods.find(
        (method) => method.auraEnabled && method.name.toLowerCase() === methodName.toLowerCase()
    );
}

const parameterList = (method: ApexMethodModel): string =>
    method.parameters.length === 0 ? 'no parameters' : method.parameters.map((parameter) => parameter.name).join(', ');

/** Components passing named parameters the Apex method does not declare (Aura matches names exactly). */
export function checkPassedParameters(
    apexImports: readonly ApexImport[],
    classes: readonly ApexClassModel[]
): Finding[] {
    const findings: Finding[] = [];
    for (const apexImport of apexImports) {
        const method = auraMethod(classes, apexImport.className, apexImport.methodName);
        if (!method) continue; // checkApexImports reports the unknown method.
        const declared = new Set(method.parameters.map((parameter) => parameter.name));
        for (const passed of apexImport.passedParameters) {
            if (declared.has(passed.name)) continue;
            findings.push({
                step: 'contracts',
                file: apexImport.file,
                line: passed.line,
                column: passed.column,
                message: `passes '${passed.name}' to ${apexImport.className}.${apexImport.methodName}, which takes ${parameterList(method)}`
            });
        }
    }
    return findings;
}

/** Every Apex method a component imports must be in the twin, reading exactly the parameters Apex declares. */
export function checkTwin(
    apexImports: readonly ApexImport[],
    classes: readonly ApexClassModel[],
    twin: TwinModel
): Finding[] {
    const findings: Finding[] = [];
    const checked = new Set<string>();
    for (const apexImport of apexImports) {
        const key = `${apexImport.className}.${apexImport.methodName}`;
        const method = auraMethod(classes, apexImport.className, apexImport.methodName);
        if (!method) continue;
        const entry = twin.methods.get(key.toLowerCase());
        if (!entry) {
            findings.push({
                step: 'contracts',
                file: apexImport.file,
                line: apexImport.line,
                message: `imports ${key}, which the workbench twin does not implement (add it to ${twin.tableFile})`
            });
            continue;
        }
        if (checked.has(key.toLowerCase())) continue;
        checked.add(key.toLowerCase());
        if (!entry.implementation) {
            findings.push({
                step: 'contracts',
                file: entry.file,
                line: entry.line,
                column: entry.column,
                message: `the twin entry for ${key} cannot be followed: ${entry.unresolved ?? 'unknown'}`
            });
            continue;
        }
        const declared = new Set(method.parameters.map((parameter) => parameter.name));
        const read = new Set<string>();
        for (const parameterRead of entry.implementation.parameterReads) {
            read.add(parameterRead.name);
            if (declared.has(parameterRead.name)) continue;
            findings.push({
                step: 'contracts',
                file: parameterRead.file,
                line: parameterRead.line,
                column: parameterRead.column,
                message: `the twin of ${key} reads parameter '${parameterRead.name}', which Apex declares as ${parameterList(method)}`
            });
        }
        for (const parameter of method.parameters) {
            if (read.has(parameter.name)) continue;
            findings.push({
                step: 'contracts',
                file: entry.implementation.file,
                line: entry.implementation.line,
                column: entry.implementation.column,
                message: `the twin of ${key} never reads parameter '${parameter.name}' that Apex declares`
            });
        }
    }
    return findings;
}
