import type { ApexClassModel } from './apex-model';
import {
    apexTypeMismatch,
    checkApexImports,
    checkDtoClasses,
    resolvePointer,
    type JsonSchema
} from './contract-checks';
import { packageXmlMembers } from './metadata-conversion';

const controller: ApexClassModel = {
    name: 'DealController',
    qualifiedName: 'DealController',
    file: 'classes/DealController.cls',
    line: 1,
    fields: [],
    innerClasses: [],
    methods: [
        {
            name: 'getDeal',
            line: 3,
            isStatic: true,
            visibility: 'public',
            auraEnabled: true,
            cacheable: true,
            returnType: 'void',
            parameters: []
        },
        {
            name: 'saveDeal',
            line: 7,
            isStatic: true,
            visibility: 'public',
            auraEnabled: true,
            cacheable: false,
            returnType: 'void',
            parameters: []
        },
        {
            name: 'helper',
            line: 9,
            isStatic: true,
            visibility: 'private',
            auraEnabled: true,
            cacheable: false,
            returnType: 'void',
            parameters: []
        },
        {
            name: 'instanceMethod',
            line: 11,
            isStatic: false,
            visibility: 'public',
            auraEnabled: true,
            cacheable: false,
            returnType: 'void',
            parameters: []
        }
    ]
};

const apexImport = (methodName: string, wired = false) => ({
    file: 'lwc/x/x.ts',
    line: 2,
    className: 'DealController',
    methodName,
    localName: methodName,
    wired,
    passedParameters: []
});

describe('checkApexImports', () => {
    it('accepts a wired cacheable method and an imperative non-cacheable one', () => {
        expect(checkApexImports([apexImport('getDeal', true), apexImport('saveDeal')], [controller])).toEqual([]);
    });

    it('matches class and method names case-insensitively, as Apex does', () => {
        expect(checkApexImports([{ ...apexImport('GETDEAL'), className: 'dealcontroller' }], [controller])).toEqual([]);
    });

    it.each([
        ['saveDeal', true, 'is used with @wire but is not @AuraEnabled(cacheable=true)'],
        ['helper', false, 'must be public or global (it is private)'],
        ['instanceMethod', false, 'must be static'],
        ['missing', false, "has no method 'missing'"]
    ])('rejects %s (wired: %p)', (method, wired, message) => {
        const [finding, ...rest] = checkApexImports([apexImport(method, wired)], [controller]);
        expect(rest).toEqual([]);
        expect(finding).toMatchObject({ file: 'lwc/x/x.ts', line: 2, step: 'contracts' });
        expect(finding!.message).toContain(message);
    });

    it('rejects an unknown class', () => {
        const findings = checkApexImports([{ ...apexImport('getDeal'), className: 'Nope' }], [controller]);
        expect(findings[0]!.message).toContain("no Apex class 'Nope'");
    });
});

describe('DTO checks against JSON Schema', () => {
    const schema: JsonSchema = {
        type: 'object',
        properties: {
            deals: { type: 'array', items: { $ref: '#/$defs/Deal' } }
        },
        $defs: {
            Deal: {
                type: 'object',
                properties: {
                    id: { type: 'string' },
                    amount: { anyOf: [{ type: 'number' }, { type: 'null' }] },
                    pushCount: { type: 'integer' },
                    band: { enum: ['healthy', 'watch'] }
                }
            }
        }
    };
    const dto = (fields: Array<[string, string]>): ApexClassModel => ({
        name: 'Deal',
        qualifiedName: 'Dto.Deal',
        file: 'classes/Dto.cls',
        line: 4,
        methods: [],
        innerClasses: [],
        contractPointer: 'req#/properties/deals/items',
        fields: fields.map(([name, typeName], index) => ({
            name,
            typeName,
            line: 5 + index,
            isStatic: false,
            isTransient: false,
            auraEnabled: false,
            hasInitializer: false
        }))
    });

    it('follows $ref through a JSON pointer', () => {
        expect(Object.keys(resolvePointer(schema, '/properties/deals/items').properties!)).toEqual([
            'id',
            'amount',
            'pushCount',
            'band'
        ]);
        expect(() => resolvePointer(schema, '/properties/nope')).toThrow(
            "JSON pointer '/properties/nope' does not resolve"
        );
    });

    it('accepts a DTO with exactly the properties and compatible types', () => {
        const findings = checkDtoClasses(
            [
                dto([
                    ['id', 'Id'],
                    ['amount', 'Decimal'],
                    ['pushCount', 'Integer'],
                    ['band', 'String']
                ])
            ],
            { req: schema }
        );
        expect(findings).toEqual([]);
    });

    it('reports missing, extra, mis-cased and mistyped fields at their lines', () => {
        const findings = checkDtoClasses(
            [
                dto([
                    ['ID', 'String'],
                    ['amount', 'String'],
                    ['band', 'String'],
                    ['extra', 'Boolean']
                ])
            ],
            { req: schema }
        );
        expect(findings.map((f) => [f.line, f.message.replace(/^.*?: /, '')])).toEqual([
            [5, "field 'ID' must be spelled 'id' as in the contract"],
            [6, "field 'amount' is String; expected decimal or double or integer or long"],
            [4, "missing property 'pushCount' of the contract"],
            [8, "field 'extra' is not a property of the contract"]
        ]);
    });

    it('reports an unknown schema name and a pointer that does not resolve', () => {
        expect(checkDtoClasses([{ ...dto([]), contractPointer: 'other#/x' }], { req: schema })[0]!.message).toContain(
            "unknown contract schema 'other'"
        );
        expect(
            checkDtoClasses([{ ...dto([]), contractPointer: 'req#/properties/zzz' }], { req: schema })[0]!.message
        ).toContain('does not resolve');
    });

    it.each([
        ['List<Deal>', 'array', null],
        ['Deal[]', 'array', null],
        ['String', 'array', 'expected a List'],
        ['Map<String, Object>', 'object', null],
        ['DealInput', 'object', null],
        ['Integer', 'object', 'expected a DTO class or Map<String, …>'],
        ['Long', 'integer', null],
        ['Decimal', 'integer', 'expected integer or long'],
        ['Object', 'string', null]
    ] as const)('Apex %s for a JSON %s → %p', (apexType, kind, expected) => {
        expect(apexTypeMismatch(apexType, kind)).toBe(expected);
    });
});

describe('packageXmlMembers', () => {
    it('reads every member of every type', () => {
        const xml = `<Package><types><members>A</members><members>B</members><name>ApexClass</name></types>
            <types><members>Opportunity.X__c</members><name>CustomField</name></types><version>64.0</version></Package>`;
        expect([...packageXmlMembers(xml)]).toEqual(['ApexClass:A', 'ApexClass:B', 'CustomField:Opportunity.X__c']);
    });
});
