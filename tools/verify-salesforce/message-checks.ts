// User-facing messages live in the Custom Labels file and nowhere else. Three rules, each reported with file, line and
// column (step `contracts`):
//
// (a) label-copy: a string literal of Apex, a component (.ts or .html) or the workbench repeats a label's text.
//     A label's "signature" is its longest fixed part (the text between placeholders). A signature of two words or
//     more and at least 10 characters may not appear inside any literal; a shorter label of several words without
//     placeholders ("my team") may not be a literal on its own. Single words and placeholder-only labels cannot be
//     told apart from code by their text: they are listed in UNCHECKABLE_LABELS, and a test keeps that list exact.
// (b) apex-literal-message: non-test Apex may not
//     (b1) pass a string literal (one with a letter: a separator like ', ' is not a message) to a user-facing
//          exception: AuraHandledException, or any exception class AuraErrors.isWrittenForUsers lets through to the
//          page, read from AuraErrors.cls so the rule follows the code;
//     (b2) hold a sentence as a literal: three words or more ending in . ! ? or : (what a result, a status or a
//          problem list would carry), outside System.debug.
// (c) twin-literal-message: the workbench twin (workbench/twin, non-test) may not
//     (c1) pass a string literal with a letter to `new ApexError(...)` or `problems.push(...)` other than the name
//          given to label(...);
//     (c2) hold a sentence as a literal (as in b2) other than a label name.
// Developer-only texts are allowed by MESSAGE_ALLOW_LIST, each with its reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { CustomLabel } from '../build/custom-labels';
import type { Finding } from './findings';
import { walkFiles } from './project';

export interface SourceLiteral {
    text: string;
    line: number;
    column: number;
    /** The literal is the name given to label(...) / a Custom Label import: never a message. */
    isLabelName: boolean;
    /** The literal is inside the arguments of a call that shows a message (see the rules above). */
    inMessageCall: boolean;
    /** The literal is inside System.debug(...): a log line for admins, not a message. */
    inLog: boolean;
}

export interface AllowedMessage {
    /** Path relative to the project root. */
    file: string;
    /** The line of the literal contains this text ('' for every line of the file). */
    lineContains: string;
    reason: string;
}

/** Developer- and admin-only texts the rules would otherwise report, each with the reason it is not a label. */
export const MESSAGE_ALLOW_LIST: readonly AllowedMessage[] = [
    {
        file: 'force-app/main/default/classes/ExecutionLoopServiceClient.cls',
        lineContains: 'the response is not ',
        reason: 'detail of a failed callout for the debug log; the user sees ExecutionLoopServiceException.userMessage()'
    },
    {
        file: 'workbench/twin/service-client.ts',
        lineContains: 'the response is not ',
        reason: 'detail of a failed callout, as ExecutionLoopServiceClient words it; the user sees userMessage()'
    },
    {
        file: 'workbench/twin/service-json.ts',
        lineContains: 'the response ',
        reason: 'detail of a failed callout, as ExecutionLoopServiceClient words it; the user sees userMessage()'
    },
    {
        file: 'workbench/twin/CallInsightsController.ts',
        lineContains: 'the response is not ',
        reason: 'detail of a failed callout, as ExecutionLoopServiceClient words it; the user sees userMessage()'
    },
    {
        file: 'workbench/twin/development-state.ts',
        lineContains: "Notes__c: reviewed ? '",
        reason: "seeded sample history: the notes a manager typed on last month's focus are data, not a message"
    },
    {
        file: 'workbench/twin/RepDevelopmentController.ts',
        lineContains: 'cannot be ',
        reason: 'a data note on what the loaded sample data set does not record: workbench only, no Apex counterpart'
    },
    {
        file: 'workbench/twin/RepDevelopmentController.ts',
        lineContains: 'a finished export',
        reason: 'a data note on the loaded public data set: workbench only, no Apex counterpart'
    },
    {
        file: 'workbench/twin/RepDevelopmentController.ts',
        lineContains: 'seeded sample history (workbench only)',
        reason: 'a data note on the seeded sample history: workbench only, no Apex counterpart'
    },
    {
        file: 'workbench/twin/server.ts',
        lineContains: '',
        reason: "the workbench's own HTTP layer (bad JSON, wrong verb, unknown user): answers a developer, no Apex counterpart"
    },
    {
        file: 'workbench/twin/request-guard.ts',
        lineContains: '',
        reason: "the workbench's guard against other hosts and cross-site requests: no Apex counterpart"
    },
    {
        file: 'workbench/twin/NudgeController.ts',
        lineContains: 'insufficient access rights on cross-reference id',
        reason: "the platform's own DML error for a record the user cannot edit, reproduced by the twin, not ours"
    },
    {
        file: 'workbench/twin/params.ts',
        lineContains: 'Value provided is invalid for action parameter',
        reason: "the Aura framework's own error for a parameter of the wrong type, reproduced by the twin, not ours"
    }
];

/** Labels whose text cannot be told apart from code (one word, or only placeholders and punctuation). */
export const UNCHECKABLE_LABELS: Readonly<Record<string, string>> = {
    PlaybookRuleType: 'one word ("type")',
    PlaybookRuleIndustry: 'one word ("industry")',
    PlaybookMatchedRule: 'placeholders and quotes only ({0} "{1}")',
    PlaybookMatchedAmount: 'its fixed parts are single words (amount, within, and)',
    PlaybookBelowAmount: 'one word and a placeholder (below {0})',
    ReviewNothingSaved: 'shares its fixed part with ReviewSaveFailed, which is checked',
    StrategyQuarterToDate: 'its fixed part is two short words ("(to date)")',
    StrategyNoVerdicts: 'its fixed part is two words ("No verdicts:")',
    ReviewSessionName: 'its fixed part is also the Pipeline Review tab heading, a different text'
};

/** Exceptions whose message reaches a user although AuraErrors does not pass them through, with where. */
export const MESSAGE_EXCEPTIONS_BEYOND_AURA_ERRORS: Readonly<Record<string, string>> = {
    SettingException: 'DealHealthService.rescoreDeal shows its message to the rep in the stale reason'
};

const SENTENCE_WORDS = 3;

/** Three words or more, ending like a sentence: what a message looks like, and what code identifiers do not. */
export function isSentence(text: string): boolean {
    const trimmed = text.trim();
    return (trimmed.match(/[A-Za-z]{2,}/g) ?? []).length >= SENTENCE_WORDS && /[.!?:]$/.test(trimmed);
}

const hasLetter = (text: string) => /[A-Za-z]/.test(text);

// ------------------------------------------------------------------ literals of each language

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
}

/** The index just past the parenthesis that closes the one at `open`, skipping string literals. */
function closingParen(source: string, open: number): number {
    let depth = 0;
    for (let index = open; index < source.length; index++) {
        const character = source[index];
        if (character === "'") {
            index = skipApexString(source, index);
        } else if (character === '(') {
            depth++;
        } else if (character === ')' && --depth === 0) {
            return index + 1;
        }
    }
    return source.length;
}

function skipApexString(source: string, start: number): number {
    let index = start + 1;
    while (index < source.length && source[index] !== "'") index += source[index] === '\\' ? 2 : 1;
    return index;
}

/** Apex string literals outside comments, marked when they are arguments of a user-facing exception or a log. */
export function apexLiterals(source: string, userFacingExceptions: ReadonlySet<string>): SourceLiteral[] {
    const messageSpans: Array<[number, number]> = [];
    const logSpans: Array<[number, number]> = [];
    for (const match of source.matchAll(/\bnew\s+([\w.]+)\s*\(/g)) {
        const name = match[1]!.split('.').pop()!;
        if (userFacingExceptions.has(name)) {
            const open = match.index + match[0].length - 1;
            messageSpans.push([open, closingParen(source, open)]);
        }
    }
    for (const match of source.matchAll(/\bSystem\.debug\s*\(/g)) {
        const open = match.index + match[0].length - 1;
        logSpans.push([open, closingParen(source, open)]);
    }
    const within = (spans: Array<[number, number]>, offset: number) =>
        spans.some(([from, to]) => offset > from && offset < to);
    const literals: SourceLiteral[] = [];
    for (let index = 0; index < source.length; index++) {
        if (source.startsWith('//', index)) {
            index = source.indexOf('\n', index);
            if (index === -1) break;
        } else if (source.startsWith('/*', index)) {
            index = source.indexOf('*/', index + 2);
            if (index === -1) break;
            index++;
        } else if (source[index] === "'") {
            const end = skipApexString(source, index);
            const text = source.slice(index + 1, end).replace(/\\(.)/g, '$1');
            literals.push({
                text,
                ...lineAndColumn(source, index),
                isLabelName: false,
                inMessageCall: within(messageSpans, index),
                inLog: within(logSpans, index)
            });
            index = end;
        }
    }
    return literals;
}

/** A call that shows its argument to the user in the twin: `new ApexError(...)` or `problems.push(...)`. */
function isTwinMessageCall(node: ts.Node): boolean {
    if (ts.isNewExpression(node)) return ts.isIdentifier(node.expression) && node.expression.text === 'ApexError';
    return (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'push' &&
        ts.isIdentifier(node.expression.expression) &&
        node.expression.expression.text === 'problems'
    );
}

function isLabelCall(node: ts.Node): boolean {
    return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'label';
}

/** TypeScript string and template literals (each fixed part of a template on its own), skipping imports. */
export function typeScriptLiterals(file: string, source: string): SourceLiteral[] {
    const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    const literals: SourceLiteral[] = [];
    const add = (node: ts.Node, text: string, offset: number, ancestors: readonly ts.Node[]) => {
        const labelCall = ancestors.find(isLabelCall) as ts.CallExpression | undefined;
        literals.push({
            text,
            ...lineAndColumn(source, offset),
            isLabelName: labelCall !== undefined && labelCall.arguments[0] === node,
            inMessageCall: ancestors.some(isTwinMessageCall),
            inLog: false
        });
    };
    const visit = (node: ts.Node, ancestors: ts.Node[]) => {
        if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
            add(node, node.text, node.getStart(sourceFile), ancestors);
        } else if (ts.isTemplateExpression(node)) {
            add(node, node.head.text, node.head.getStart(sourceFile), ancestors);
            for (const span of node.templateSpans)
                add(node, span.literal.text, span.literal.getStart(sourceFile), ancestors);
        }
        ts.forEachChild(node, (child) => visit(child, [...ancestors, node]));
    };
    visit(sourceFile, []);
    return literals;
}

/** An LWC template's text: text nodes and attribute values without bindings. */
export function htmlLiterals(source: string): SourceLiteral[] {
    const literals: SourceLiteral[] = [];
    const push = (text: string, offset: number) => {
        if (text.trim() !== '' && !/^\{[^}]*\}$/.test(text.trim())) {
            literals.push({
                text: text.trim(),
                ...lineAndColumn(source, offset),
                isLabelName: false,
                inMessageCall: false,
                inLog: false
            });
        }
    };
    for (const match of source.matchAll(/>([^<>]+)</g)) push(match[1]!, match.index + 1);
    for (const match of source.matchAll(/\s[\w-]+="([^"]*)"/g))
        push(match[1]!, match.index + match[0].indexOf('"') + 1);
    return literals;
}

// ------------------------------------------------------------------ the rules

export interface MessageSources {
    root: string;
    /** Non-test Apex classes and triggers. */
    apex: string[];
    /** Non-test component sources (.ts, .html). */
    components: string[];
    /** Non-test workbench sources (.ts): the twin, the sample org, the client stand-ins. */
    workbench: string[];
}

const relative = (root: string, path: string) =>
    path
        .slice(root.length + 1)
        .split('\\')
        .join('/');

/** An Apex class annotated @IsTest (a mock, a factory): it runs only in tests, never in front of a user. */
const isTestSupport = (path: string) =>
    /^\s*@IsTest\b/im.test(readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''));

const isTestPath = (path: string) => /(_Tests\.cls|\.test\.ts)$/.test(path) || /[\\/]__tests__[\\/]/.test(path);

/** The sources the rules read under a project root. */
export function messageSources(root: string, packageDirectories: readonly string[]): MessageSources {
    return {
        root,
        apex: packageDirectories.flatMap((dir) =>
            walkFiles(dir, (path) => /\.(cls|trigger)$/.test(path) && !isTestPath(path) && !isTestSupport(path))
        ),
        components: packageDirectories.flatMap((dir) =>
            walkFiles(
                dir,
                (path) =>
                    /[\\/]lwc[\\/]/.test(path) &&
                    /\.(ts|html)$/.test(path) &&
                    !path.endsWith('.d.ts') &&
                    !isTestPath(path)
            )
        ),
        workbench: walkFiles(join(root, 'workbench'), (path) => path.endsWith('.ts') && !isTestPath(path))
    };
}

/** The exception classes AuraErrors passes to the page with their own message, and AuraHandledException. */
export function userFacingExceptions(apexFiles: readonly string[]): Set<string> {
    const names = new Set(['AuraHandledException', ...Object.keys(MESSAGE_EXCEPTIONS_BEYOND_AURA_ERRORS)]);
    const auraErrors = apexFiles.find((path) => /[\\/]AuraErrors\.cls$/.test(path));
    if (auraErrors) {
        const source = readFileSync(auraErrors, 'utf8');
        const body = /isWrittenForUsers\s*\([^)]*\)\s*\{([\s\S]*?)\n\s{4}\}/.exec(source)?.[1] ?? '';
        for (const match of body.matchAll(/instanceof\s+([\w.]+)/g)) names.add(match[1]!.split('.').pop()!);
    }
    return names;
}

/** A label's longest fixed part, and how it may be matched; null when UNCHECKABLE_LABELS lists it. */
export function labelSignature(label: CustomLabel): { text: string; whole: boolean } | null {
    if (Object.hasOwn(UNCHECKABLE_LABELS, label.fullName)) return null;
    // The longest fixed part; among equals the last, since labels of one family share their opening words.
    const fixed = label.value
        .replace(/''/g, "'")
        .split(/\{\d+\}/)
        .map((part) => part.trim())
        .reduce((longest, part) => (part.length >= longest.length ? part : longest), '');
    const words = (fixed.match(/[A-Za-z]+/g) ?? []).length;
    if (words >= 2 && fixed.length >= 10) return { text: fixed, whole: false };
    if (words >= 2 && !/\{\d+\}/.test(label.value)) return { text: fixed, whole: true };
    throw new Error(`Custom Label ${label.fullName} cannot be checked by its text: add it to UNCHECKABLE_LABELS`);
}

function literalsOf(path: string, source: string, userFacing: ReadonlySet<string>): SourceLiteral[] {
    if (/\.(cls|trigger)$/.test(path)) return apexLiterals(source, userFacing);
    if (path.endsWith('.html')) return htmlLiterals(source);
    return typeScriptLiterals(path, source);
}

function isAllowed(file: string, lineText: string): boolean {
    return MESSAGE_ALLOW_LIST.some((allowed) => allowed.file === file && lineText.includes(allowed.lineContains));
}

/** Rules (a), (b) and (c) over the given sources and labels. */
export function checkMessages(sources: MessageSources, labels: readonly CustomLabel[]): Finding[] {
    const userFacing = userFacingExceptions(sources.apex);
    const signatures = labels.flatMap((label) => {
        const signature = labelSignature(label);
        return signature ? [{ name: label.fullName, ...signature }] : [];
    });
    const findings: Finding[] = [];
    const report = (file: string, literal: SourceLiteral, rule: string, message: string) =>
        findings.push({ step: 'contracts', file, line: literal.line, column: literal.column, rule, message });
    const twinFile = (file: string) => file.startsWith('workbench/twin/');

    for (const path of [...sources.apex, ...sources.components, ...sources.workbench]) {
        const file = relative(sources.root, path);
        const isApex = /\.(cls|trigger)$/.test(path);
        const source = readFileSync(path, 'utf8');
        const lines = source.split('\n');
        for (const literal of literalsOf(path, source, userFacing)) {
            if (literal.isLabelName || isAllowed(file, lines[literal.line - 1] ?? '')) continue;
            const copied = signatures.find((signature) =>
                signature.whole ? literal.text.trim() === signature.text : literal.text.includes(signature.text)
            );
            if (copied) {
                report(
                    file,
                    literal,
                    'label-copy',
                    `the text of Custom Label ${copied.name} is written again here: use the label`
                );
                continue;
            }
            if (
                isApex &&
                !literal.inLog &&
                ((literal.inMessageCall && hasLetter(literal.text)) || isSentence(literal.text))
            ) {
                report(
                    file,
                    literal,
                    'apex-literal-message',
                    `a user-facing message written as a literal ("${literal.text.trim()}"): make it a Custom Label and read System.Label`
                );
            } else if (
                twinFile(file) &&
                ((literal.inMessageCall && hasLetter(literal.text)) || isSentence(literal.text))
            ) {
                report(
                    file,
                    literal,
                    'twin-literal-message',
                    `the twin writes a message itself ("${literal.text.trim()}"): take it from the labels file with label(...)`
                );
            }
        }
    }
    return findings;
}
