import { allClasses, parseApexSource } from '../verify-salesforce/apex-model';
import { buildApexDeclarations } from './apex-declarations';

function classesOf(sources: Record<string, string>) {
    return allClasses(Object.entries(sources).map(([file, source]) => parseApexSource(file, source)));
}

const MODELS = `public with sharing class DealModels {
    public class DealView {
        @AuraEnabled
        public Id dealId;
        @AuraEnabled
        public Boolean isOpen = false;
        @AuraEnabled
        public List<Step> steps = new List<Step>();
        @AuraEnabled
        public Map<String, List<String>> fieldsByKey = new Map<String, List<String>>();
        public String notSerialized;
    }
    public class Step {
        @AuraEnabled
        public Date dueDate { get; set; }
        @AuraEnabled
        public Datetime doneAt;
        @AuraEnabled
        public Decimal amount;
    }
}`;

const CONTROLLER = `public with sharing class DealController {
    public class Query {
        @AuraEnabled
        public Integer pageSize { get; set; }
    }
    @AuraEnabled(cacheable=true)
    public static DealModels.DealView getDeal(Id dealId, Query query) { return null; }
    @AuraEnabled
    public static Id saveDeal(Id dealId, List<String> notes) { return null; }
    @AuraEnabled
    public static void touch() {}
    public static String notExposed(String text) { return text; }
}`;

describe('buildApexDeclarations', () => {
    const { text, methods } = buildApexDeclarations(
        classesOf({ 'classes/DealModels.cls': MODELS, 'classes/DealController.cls': CONTROLLER })
    );

    it('declares one module per @AuraEnabled method, with its named parameters and result', () => {
        expect(methods.map((method) => `${method.className}.${method.methodName}`)).toEqual([
            'DealController.getDeal',
            'DealController.saveDeal',
            'DealController.touch'
        ]);
        expect(text).toContain("declare module '@salesforce/apex/DealController.getDeal' {");
        expect(text).toContain(
            'const getDeal: ((params: { dealId: string | null | undefined; query: Apex.DealController.Query | null | undefined; }) => Promise<Apex.DealModels.DealView>) & WireAdapterConstructor;'
        );
        expect(text).toContain(
            'const saveDeal: (params: { dealId: string | null | undefined; notes: Array<string> | null | undefined; }) => Promise<string>;'
        );
        expect(text).toContain('const touch: (params?: Record<string, never>) => Promise<void>;');
        expect(text).not.toContain('notExposed');
    });

    it('describes the DTOs: initialized fields are always there, others may be null; only @AuraEnabled members', () => {
        expect(text).toContain('export interface DealView {');
        expect(text).toContain('dealId?: string | null;');
        expect(text).toContain('isOpen: boolean;');
        expect(text).toContain('steps: Array<DealModels.Step>;');
        expect(text).toContain('fieldsByKey: Record<string, Array<string>>;');
        expect(text).toContain('dueDate?: string | null;');
        expect(text).toContain('amount?: number | null;');
        expect(text).not.toContain('notSerialized');
        expect(text).toContain('export interface Query {');
    });

    it('lists every method in the ApexMethods map the workbench twin implements', () => {
        expect(text).toContain(
            "'DealController.saveDeal': { params: { dealId: string | null | undefined; notes: Array<string> | null | undefined; }; returns: string };"
        );
    });

    it('names the file and line of a type it cannot map', () => {
        const broken = CONTROLLER.replace('Id saveDeal(Id dealId', 'Id saveDeal(Widget dealId');
        expect(() =>
            buildApexDeclarations(classesOf({ 'classes/DealModels.cls': MODELS, 'classes/DealController.cls': broken }))
        ).toThrow(/^classes\/DealController\.cls:9 the type 'Widget' is neither/);
    });

    it('rejects a class crossing the seam without @AuraEnabled members (it would arrive empty)', () => {
        const bare = CONTROLLER.replace('@AuraEnabled\n        public Integer pageSize', 'public Integer pageSize');
        expect(() =>
            buildApexDeclarations(classesOf({ 'classes/DealModels.cls': MODELS, 'classes/DealController.cls': bare }))
        ).toThrow(/DealController\.Query crosses the Apex seam but has no @AuraEnabled field or property/);
    });
});
