// A small structural model of Apex sources, built with @apexdevtools/apex-parser: the classes, their methods
// (visibility, static, @AuraEnabled and cacheable) and their fields and properties (for the DTO contract check).
import { readFileSync } from 'node:fs';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import type {
    ClassDeclarationContext,
    ModifierContext,
    TypeRefContext
} from '@apexdevtools/apex-parser/antlr/ApexParser';

export interface ApexSyntaxProblem {
    line: number;
    column: number;
    message: string;
}

export interface ApexMethodModel {
    name: string;
    line: number;
    isStatic: boolean;
    visibility: 'global' | 'public' | 'protected' | 'private' | 'default';
    auraEnabled: boolean;
    cacheable: boolean;
    /** The return type as written (`List<Foo.Bar>`), `void` for none. */
    returnType: string;
    parameters: ApexParameterModel[];
}

export interface ApexParameterModel {
    name: string;
    typeName: string;
    line: number;
    column: number;
}

export interface ApexFieldModel {
    name: string;
    line: number;
    typeName: string;
    isStatic: boolean;
    isTransient: boolean;
    auraEnabled: boolean;
    /** Declared with a value (`= false`, `= new List<...>()`), so it is never null when serialized. */
    hasInitializer: boolean;
}

export interface ApexClassModel {
    /** Simple name; inner classes are also reachable through `qualifiedName` (Outer.Inner). */
    name: string;
    qualifiedName: string;
    file: string;
    line: number;
    methods: ApexMethodModel[];
    fields: ApexFieldModel[];
    innerClasses: ApexClassModel[];
    /** Value of a `@contract <schema>#<pointer>` tag in the doc comment right above the class, if any. */
    contractPointer?: string;
}

export interface ApexFileModel {
    file: string;
    classes: ApexClassModel[];
    syntaxProblems: ApexSyntaxProblem[];
}

class CollectingErrorListener extends ApexErrorListener {
    readonly problems: ApexSyntaxProblem[] = [];
    apexSyntaxError(line: number, column: number, message: string): void {
        this.problems.push({ line, column: column + 1, message });
    }
}

function modifierFlags(modifiers: ModifierContext[]) {
    const flags = {
        isStatic: false,
        isTransient: false,
        visibility: 'default' as ApexMethodModel['visibility'],
        annotations: new Map<string, string>()
    };
    for (const modifier of modifiers) {
        const annotation = modifier.annotation();
        if (annotation) {
            flags.annotations.set(annotation.id().getText().toLowerCase(), annotation.getText().toLowerCase());
            continue;
        }
        const keyword = modifier.getText().toLowerCase();
        if (keyword === 'static') flags.isStatic = true;
        if (keyword === 'transient') flags.isTransient = true;
        if (keyword === 'global' || keyword === 'public' || keyword === 'protected' || keyword === 'private') {
            flags.visibility = keyword;
        }
    }
    return flags;
}

const typeText = (typeRef: TypeRefContext | null): string => (typeRef ? typeRef.getText() : 'void');

/** Doc-comment tags are read from the source text: the grammar drops comments from the tree. */
function contractPointersByClass(source: string): Map<string, string> {
    const pointers = new Map<string, string>();
    const pattern = /\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:\w+\s+)*class\s+(\w+)/g;
    for (const match of source.matchAll(pattern)) {
        const tag = /@contract\s+(\S+)/.exec(match[1] ?? '');
        if (tag?.[1] && match[2]) {
            pointers.set(match[2].toLowerCase(), tag[1]);
        }
    }
    return pointers;
}

function buildClass(
    declaration: ClassDeclarationContext,
    file: string,
    outerName: string | undefined,
    pointers: Map<string, string>
): ApexClassModel {
    const name = declaration.id().getText();
    const model: ApexClassModel = {
        name,
        qualifiedName: outerName ? `${outerName}.${name}` : name,
        file,
        line: declaration.start.line,
        methods: [],
        fields: [],
        innerClasses: [],
        contractPointer: pointers.get(name.toLowerCase())
    };
    for (const bodyDeclaration of declaration.classBody().classBodyDeclaration_list()) {
        const member = bodyDeclaration.memberDeclaration();
        if (!member) continue;
        const flags = modifierFlags(bodyDeclaration.modifier_list());
        const method = member.methodDeclaration();
        const field = member.fieldDeclaration();
        const property = member.propertyDeclaration();
        const inner = member.classDeclaration();
        if (method) {
            const aura = flags.annotations.get('auraenabled');
            model.methods.push({
                name: method.id().getText(),
                line: method.start.line,
                isStatic: flags.isStatic,
                visibility: flags.visibility,
                auraEnabled: aura !== undefined,
                cacheable: aura !== undefined && /cacheable\s*=\s*true/.test(aura),
                returnType: typeText(method.typeRef()),
                parameters: (method.formalParameters().formalParameterList()?.formalParameter_list() ?? []).map(
                    (parameter) => ({
                        name: parameter.id().getText(),
                        typeName: typeText(parameter.typeRef()),
                        line: parameter.start.line,
                        column: parameter.start.column + 1
                    })
                )
            });
        } else if (field) {
            for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
                model.fields.push({
                    name: declarator.id().getText(),
                    line: declarator.start.line,
                    typeName: typeText(field.typeRef()),
                    isStatic: flags.isStatic,
                    isTransient: flags.isTransient,
                    auraEnabled: flags.annotations.has('auraenabled'),
                    hasInitializer: Boolean(declarator.expression())
                });
            }
        } else if (property) {
            model.fields.push({
                name: property.id().getText(),
                line: property.start.line,
                typeName: typeText(property.typeRef()),
                isStatic: flags.isStatic,
                isTransient: flags.isTransient,
                auraEnabled: flags.annotations.has('auraenabled'),
                hasInitializer: false
            });
        } else if (inner) {
            model.innerClasses.push(buildClass(inner, file, model.qualifiedName, pointers));
        }
    }
    return model;
}

export function parseApexSource(file: string, source: string): ApexFileModel {
    const listener = new CollectingErrorListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const pointers = contractPointersByClass(source);
    if (file.endsWith('.trigger')) {
        parser.triggerUnit();
        return { file, classes: [], syntaxProblems: listener.problems };
    }
    const unit = parser.compilationUnit();
    if (listener.problems.length > 0) {
        // The tree of a file with syntax errors is partial; its problems are the finding, not its members.
        return { file, classes: [], syntaxProblems: listener.problems };
    }
    const classes: ApexClassModel[] = [];
    const declaration = unit.typeDeclaration()?.classDeclaration();
    if (declaration) classes.push(buildClass(declaration, file, undefined, pointers));
    return { file, classes, syntaxProblems: listener.problems };
}

export function parseApexFile(file: string): ApexFileModel {
    return parseApexSource(file, readFileSync(file, 'utf8'));
}

/** Every class, inner classes included, in declaration order. */
export function allClasses(files: ApexFileModel[]): ApexClassModel[] {
    const flatten = (model: ApexClassModel): ApexClassModel[] => [model, ...model.innerClasses.flatMap(flatten)];
    return files.flatMap((file) => file.classes.flatMap(flatten));
}
