// Contract checks written for this project:
// 1. every `@salesforce/apex/Class.method` import in a component resolves to a public|global static @AuraEnabled
//    method, with cacheable=true when the component wires it;
// 2. every Apex DTO that declares `@contract <schema>#<JSON pointer>` in its doc comment has exactly the properties
//    (and compatible types) of that node of the JSON Schema generated from the service's zod contract.
// (Schema imports are checked by apex-ls in apex-typecheck.ts, which knows the standard objects.)
import type { ApexClassModel } from './apex-model';
import type { ApexImport } from './component-imports';
import type { Finding } from './findings';

export function checkApexImports(apexImports: ApexImport[], classes: ApexClassModel[]): Finding[] {
    const topLevel = new Map(
        classes.filter((c) => !c.qualifiedName.includes('.')).map((c) => [c.name.toLowerCase(), c])
    );
    const findings: Finding[] = [];
    for (const apexImport of apexImports) {
        const reference = `@salesforce/apex/${apexImport.className}.${apexImport.methodName}`;
        const report = (message: string) =>
            findings.push({
                step: 'contracts',
                file: apexImport.file,
                line: apexImport.line,
                message: `${reference}: ${message}`
            });

        const apexClass = topLevel.get(apexImport.className.toLowerCase());
        if (!apexClass) {
            report(`no Apex class '${apexImport.className}' in the package`);
            continue;
        }
        const candidates = apexClass.methods.filter(
            (m) => m.name.toLowerCase() === apexImport.methodName.toLowerCase()
        );
        if (candidates.length === 0) {
            report(`class ${apexClass.name} has no method '${apexImport.methodName}'`);
            continue;
        }
        const method = candidates.find((m) => m.auraEnabled) ?? candidates[0]!;
        if (!method.auraEnabled) report(`${apexClass.name}.${method.name} is not annotated @AuraEnabled`);
        if (!method.isStatic) report(`${apexClass.name}.${method.name} must be static`);
        if (method.visibility !== 'public' && method.visibility !== 'global') {
            report(`${apexClass.name}.${method.name} must be public or global (it is ${method.visibility})`);
        }
        if (apexImport.wired && method.auraEnabled && !method.cacheable) {
            report(`${apexClass.name}.${method.name} is used with @wire but is not @AuraEnabled(cacheable=true)`);
        }
    }
    return findings;
}

export type JsonSchema = {
    type?: string | string[];
    properties?: Record<string, JsonSchema>;
    items?: JsonSchema;
    anyOf?: JsonSchema[];
    oneOf?: JsonSchema[];
    allOf?: JsonSchema[];
    enum?: unknown[];
    const?: unknown;
    $ref?: string;
    additionalProperties?: JsonSchema | boolean;
    [key: string]: unknown;
};

type SchemaKind = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'any';

function decodePointerToken(token: string): string {
    return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function followRef(root: JsonSchema, node: JsonSchema): JsonSchema {
    let current = node;
    for (let depth = 0; current.$ref && depth < 32; depth++) {
        current = resolvePointer(root, current.$ref.replace(/^#/, ''));
    }
    return current;
}

/** Drops a `null` alternative (zod's `.nullable()`), so `T | null` is judged as `T`. */
function withoutNull(root: JsonSchema, node: JsonSchema): JsonSchema {
    const resolved = followRef(root, node);
    const alternatives = resolved.anyOf ?? resolved.oneOf;
    if (alternatives) {
        const nonNull = alternatives.filter((alt) => followRef(root, alt).type !== 'null');
        if (nonNull.length === 1) return withoutNull(root, nonNull[0]!);
    }
    if (Array.isArray(resolved.type)) {
        const types = resolved.type.filter((t) => t !== 'null');
        if (types.length === 1) return { ...resolved, type: types[0] };
    }
    return resolved;
}

export function resolvePointer(root: JsonSchema, pointer: string): JsonSchema {
    let node: unknown = root;
    for (const token of pointer.split('/').filter(Boolean).map(decodePointerToken)) {
        if (node && typeof node === 'object' && !(token in node)) {
            // Step through a $ref or a nullable wrapper (`anyOf: [T, null]`) to the schema that has the token.
            node = withoutNull(root, node as JsonSchema);
        }
        if (!node || typeof node !== 'object' || !(token in node)) {
            throw new Error(`JSON pointer '${pointer}' does not resolve (stopped at '${token}')`);
        }
        node = (node as Record<string, unknown>)[token];
    }
    return followRef(root, node as JsonSchema);
}

function schemaKind(root: JsonSchema, node: JsonSchema): SchemaKind {
    const schema = withoutNull(root, node);
    const type = typeof schema.type === 'string' ? schema.type : undefined;
    if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean' || type === 'array') {
        return type;
    }
    if (type === 'object' || schema.properties) return 'object';
    if (schema.enum?.every((value) => typeof value === 'string')) return 'string';
    if (typeof schema.const === 'string') return 'string';
    return 'any';
}

const APEX_TYPES_BY_KIND: Record<Exclude<SchemaKind, 'any' | 'object' | 'array'>, string[]> = {
    string: ['string', 'id', 'date', 'datetime', 'time'],
    integer: ['integer', 'long'],
    number: ['decimal', 'double', 'integer', 'long'],
    boolean: ['boolean']
};

const PRIMITIVE_APEX_TYPES = new Set([
    'string',
    'id',
    'date',
    'datetime',
    'time',
    'integer',
    'long',
    'decimal',
    'double',
    'boolean',
    'blob'
]);

/** Returns why an Apex declared type cannot hold a JSON Schema node, or null when it can. */
export function apexTypeMismatch(apexType: string, kind: SchemaKind): string | null {
    const normalized = apexType.toLowerCase().replace(/\s+/g, '');
    if (kind === 'any' || normalized === 'object') return null;
    if (kind === 'array') {
        return /^(list|set)<.+>$/.test(normalized) || normalized.endsWith('[]') ? null : 'expected a List';
    }
    if (kind === 'object') {
        if (normalized.startsWith('map<string,')) return null;
        return PRIMITIVE_APEX_TYPES.has(normalized) || /^(list|set)</.test(normalized)
            ? 'expected a DTO class or Map<String, …>'
            : null;
    }
    return APEX_TYPES_BY_KIND[kind].includes(normalized) ? null : `expected ${APEX_TYPES_BY_KIND[kind].join(' or ')}`;
}

export function checkDtoClasses(classes: ApexClassModel[], schemas: Record<string, JsonSchema>): Finding[] {
    const findings: Finding[] = [];
    for (const dto of classes.filter((c) => c.contractPointer)) {
        const pointer = dto.contractPointer!;
        const report = (line: number, message: string) =>
            findings.push({
                step: 'contracts',
                file: dto.file,
                line,
                message: `${dto.qualifiedName} (@contract ${pointer}): ${message}`
            });

        const [schemaName, fragment = ''] = pointer.split('#');
        const root = schemas[schemaName ?? ''];
        if (!root) {
            report(dto.line, `unknown contract schema '${schemaName}' (known: ${Object.keys(schemas).join(', ')})`);
            continue;
        }
        let node: JsonSchema;
        try {
            node = withoutNull(root, resolvePointer(root, fragment));
        } catch (error) {
            report(dto.line, (error as Error).message);
            continue;
        }
        const properties = node.properties;
        if (!properties) {
            report(dto.line, 'the pointer does not name an object schema with properties');
            continue;
        }
        const serializedFields = dto.fields.filter((field) => !field.isStatic && !field.isTransient);
        const fieldsByName = new Map(serializedFields.map((field) => [field.name, field]));
        for (const [propertyName, propertySchema] of Object.entries(properties)) {
            const field = fieldsByName.get(propertyName);
            if (!field) {
                const caseOnly = serializedFields.find((f) => f.name.toLowerCase() === propertyName.toLowerCase());
                report(
                    caseOnly?.line ?? dto.line,
                    caseOnly
                        ? `field '${caseOnly.name}' must be spelled '${propertyName}' as in the contract`
                        : `missing property '${propertyName}' of the contract`
                );
                continue;
            }
            const mismatch = apexTypeMismatch(field.typeName, schemaKind(root, propertySchema));
            if (mismatch) report(field.line, `field '${field.name}' is ${field.typeName}; ${mismatch}`);
        }
        for (const field of serializedFields) {
            if (
                !(field.name in properties) &&
                !Object.keys(properties).some((p) => p.toLowerCase() === field.name.toLowerCase())
            ) {
                report(field.line, `field '${field.name}' is not a property of the contract`);
            }
        }
    }
    return findings;
}
