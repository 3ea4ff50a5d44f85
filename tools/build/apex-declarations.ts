// TypeScript declarations for the LWC ↔ Apex seam, derived from the Apex sources: one ambient module per
// `@salesforce/apex/Class.method` (its named parameters and its result), the Apex DTO classes those methods take and
// return as interfaces (their @AuraEnabled fields and properties), and an `ApexMethods` map the workbench twin is
// typed against. Written by tools/build/generate-apex-types.ts; this module only computes the text.
import type { ApexClassModel, ApexMethodModel } from '../verify-salesforce/apex-model';

/** The ambient module the DTO interfaces and the method map live in (type-only: nothing imports it at run time). */
export const APEX_TYPES_MODULE = '@generated/apex';

export class ApexTypeError extends Error {
    constructor(file: string, line: number, message: string) {
        super(`${file}:${line} ${message}`);
        this.name = 'ApexTypeError';
    }
}

/** A parsed Apex type reference: `List<Map<String, Foo.Bar>>` → name `List`, arguments [...]. */
interface TypeRef {
    name: string;
    args: TypeRef[];
    arrayDepth: number;
}

function parseTypeRef(text: string): TypeRef {
    let position = 0;
    const source = text.replace(/\s+/g, '');
    const parse = (): TypeRef => {
        const match = /^[A-Za-z_][\w.]*/.exec(source.slice(position));
        if (!match) throw new Error(`cannot read the Apex type '${text}'`);
        position += match[0].length;
        const ref: TypeRef = { name: match[0], args: [], arrayDepth: 0 };
        if (source[position] === '<') {
            position += 1;
            ref.args.push(parse());
            while (source[position] === ',') {
                position += 1;
                ref.args.push(parse());
            }
            if (source[position] !== '>') throw new Error(`cannot read the Apex type '${text}'`);
            position += 1;
        }
        while (source.startsWith('[]', position)) {
            ref.arrayDepth += 1;
            position += 2;
        }
        return ref;
    };
    const ref = parse();
    if (position !== source.length) throw new Error(`cannot read the Apex type '${text}'`);
    return ref;
}

const PRIMITIVES: Record<string, string> = {
    id: 'string',
    string: 'string',
    boolean: 'boolean',
    integer: 'number',
    long: 'number',
    decimal: 'number',
    double: 'number',
    /** Date as `YYYY-MM-DD`, Datetime and Time as ISO 8601 strings: how Aura serializes them. */
    date: 'string',
    datetime: 'string',
    time: 'string',
    blob: 'string',
    object: 'unknown'
};

/** Resolves class names the way Apex does from inside a class: its own inner classes, its outer class's, then top level. */
class ClassIndex {
    private readonly byQualifiedName = new Map<string, ApexClassModel>();

    constructor(classes: readonly ApexClassModel[]) {
        for (const model of classes) this.byQualifiedName.set(model.qualifiedName.toLowerCase(), model);
    }

    resolve(name: string, from: ApexClassModel): ApexClassModel | undefined {
        const scopes = from.qualifiedName.split('.');
        for (let depth = scopes.length; depth >= 0; depth--) {
            const prefix = scopes.slice(0, depth).join('.');
            const found = this.byQualifiedName.get((prefix ? `${prefix}.${name}` : name).toLowerCase());
            if (found) return found;
        }
        return undefined;
    }
}

/** Marks a DTO name; replaced by `Apex.` in the method modules and dropped inside the DTO module. */
const DTO = '\u00a7';

/** `Outer.Inner` as the TypeScript name in the generated module (a namespace per top-level class). */
function tsName(model: ApexClassModel): string {
    return DTO + model.qualifiedName;
}

class DeclarationWriter {
    /** DTO classes reached from the @AuraEnabled signatures, by qualified name. */
    readonly dtos = new Map<string, ApexClassModel>();

    constructor(private readonly index: ClassIndex) {}

    tsType(typeText: string, from: ApexClassModel, line: number): string {
        let ref: TypeRef;
        try {
            ref = parseTypeRef(typeText);
        } catch (error) {
            throw new ApexTypeError(from.file, line, (error as Error).message);
        }
        return this.refType(ref, from, line);
    }

    private refType(ref: TypeRef, from: ApexClassModel, line: number): string {
        let base = this.baseType(ref, from, line);
        for (let depth = 0; depth < ref.arrayDepth; depth++) base = `Array<${base}>`;
        return base;
    }

    private baseType(ref: TypeRef, from: ApexClassModel, line: number): string {
        const lower = ref.name.toLowerCase();
        if (lower === 'list' || lower === 'set') return `Array<${this.refType(ref.args[0]!, from, line)}>`;
        if (lower === 'map') return `Record<string, ${this.refType(ref.args[1]!, from, line)}>`;
        if (lower === 'void') return 'void';
        const primitive = PRIMITIVES[lower];
        if (primitive) return primitive;
        if (/__(c|mdt|e|x)$/i.test(ref.name) || lower === 'sobject') return 'Record<string, unknown>';
        const model = this.index.resolve(ref.name, from);
        if (!model) {
            throw new ApexTypeError(
                from.file,
                line,
                `the type '${ref.name}' is neither an Apex primitive, a collection, a custom object nor a class of the package`
            );
        }
        if (!this.dtos.has(model.qualifiedName)) {
            this.dtos.set(model.qualifiedName, model);
            // Reserve first, then describe: DTOs may refer to each other.
            this.dtoFields.set(model.qualifiedName, this.fieldsOf(model));
        }
        return tsName(model);
    }

    readonly dtoFields = new Map<string, string[]>();

    private fieldsOf(model: ApexClassModel): string[] {
        const fields = model.fields.filter((field) => field.auraEnabled && !field.isStatic);
        if (fields.length === 0) {
            throw new ApexTypeError(
                model.file,
                model.line,
                `${model.qualifiedName} crosses the Apex seam but has no @AuraEnabled field or property`
            );
        }
        // A field declared with a value is always serialized; any other may be null, which Aura leaves out.
        return fields.map((field) => {
            const type = this.tsType(field.typeName, model, field.line);
            return field.hasInitializer ? `${field.name}: ${type};` : `${field.name}?: ${type} | null;`;
        });
    }

    methodSignature(model: ApexClassModel, method: ApexMethodModel): { params: string; returns: string } {
        const params = method.parameters.map(
            // Every key must be passed (a forgotten parameter is a compile error); Apex receives a missing value as null.
            (parameter) =>
                `${parameter.name}: ${this.tsType(parameter.typeName, model, parameter.line)} | null | undefined;`
        );
        return {
            params: params.length === 0 ? NO_PARAMS : `{ ${params.join(' ')} }`,
            returns: this.tsType(method.returnType, model, method.line)
        };
    }
}

const NO_PARAMS = 'Record<string, never>';

export interface ApexSeamMethod {
    className: string;
    methodName: string;
    cacheable: boolean;
    params: string;
    returns: string;
}

/** The @AuraEnabled methods of top-level classes, with their TypeScript signatures, and the declarations text. */
export function buildApexDeclarations(classes: readonly ApexClassModel[]): { text: string; methods: ApexSeamMethod[] } {
    const index = new ClassIndex(classes);
    const writer = new DeclarationWriter(index);
    const methods: ApexSeamMethod[] = [];
    const topLevel = classes
        .filter((model) => !model.qualifiedName.includes('.'))
        .sort((a, b) => a.name.localeCompare(b.name));
    for (const model of topLevel) {
        for (const method of model.methods) {
            if (!method.auraEnabled || !method.isStatic) continue;
            const signature = writer.methodSignature(model, method);
            methods.push({
                className: model.name,
                methodName: method.name,
                cacheable: method.cacheable,
                ...signature
            });
        }
    }

    const lines: string[] = [
        '// GENERATED by tools/build/generate-apex-types.ts from the Apex classes in force-app: do not edit.',
        '// `npm run build` (and `npm run typecheck`) rewrite it. Git-ignored.',
        ''
    ];
    for (const method of methods) {
        const key = `${method.className}.${method.methodName}`;
        const optional = method.params === NO_PARAMS ? '?' : '';
        const callable = `(params${optional}: ${method.params}) => Promise<${method.returns}>`;
        lines.push(`declare module '@salesforce/apex/${key}' {`);
        if (method.cacheable) lines.push("    import type { WireAdapterConstructor } from 'lwc';");
        if (callable.includes(DTO)) lines.push(`    import type * as Apex from '${APEX_TYPES_MODULE}';`);
        lines.push(`    /** ${key}${method.cacheable ? ' (cacheable: call it or @wire it)' : ''} */`);
        lines.push(
            `    const ${method.methodName}: ${method.cacheable ? `(${qualify(callable)}) & WireAdapterConstructor` : qualify(callable)};`
        );
        lines.push(`    export default ${method.methodName};`, '}', '');
    }

    lines.push(`declare module '${APEX_TYPES_MODULE}' {`);
    const byNamespace = new Map<string, ApexClassModel[]>();
    for (const dto of writer.dtos.values()) {
        const [outer] = dto.qualifiedName.split('.');
        byNamespace.set(outer!, [...(byNamespace.get(outer!) ?? []), dto]);
    }
    for (const [outer, dtos] of [...byNamespace.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const topLevelDto = dtos.find((dto) => dto.qualifiedName === outer);
        if (topLevelDto) {
            lines.push(`    export interface ${outer} {`, ...fieldLines(writer, topLevelDto, '        '), '    }');
        }
        const inner = dtos.filter((dto) => dto.qualifiedName !== outer);
        if (inner.length === 0) continue;
        lines.push(`    export namespace ${outer} {`);
        for (const dto of inner.sort((a, b) => a.qualifiedName.localeCompare(b.qualifiedName))) {
            const name = dto.qualifiedName.slice(outer.length + 1).replace(/\./g, '_');
            lines.push(`        /** ${dto.qualifiedName}, as Aura serializes it. */`);
            lines.push(`        export interface ${name} {`, ...fieldLines(writer, dto, '            '), '        }');
        }
        lines.push('    }');
    }
    lines.push('    /** Every @AuraEnabled method, keyed `Class.method`: what the workbench twin must implement. */');
    lines.push('    export interface ApexMethods {');
    for (const method of methods) {
        lines.push(
            `        '${method.className}.${method.methodName}': { params: ${method.params}; returns: ${method.returns} };`
        );
    }
    lines.push('    }', '}', '');
    const plain = (text: string) => text.split(DTO).join('');
    return {
        text: plain(lines.join('\n')),
        methods: methods.map((method) => ({ ...method, params: plain(method.params), returns: plain(method.returns) }))
    };
}

function fieldLines(writer: DeclarationWriter, dto: ApexClassModel, indent: string): string[] {
    return (writer.dtoFields.get(dto.qualifiedName) ?? []).map((line) => indent + line);
}

/** Inside a `@salesforce/apex/*` module the DTOs are reached through the `Apex` namespace import. */
function qualify(typeText: string): string {
    return typeText.split(DTO).join('Apex.');
}
