/* eslint-disable @n8n/community-nodes/no-restricted-imports -- documentation tooling (never shipped: not in dist/) reads the sources */
/**
 * Every error message the nodes and credentials can show, read from the source code itself, for
 * docs/troubleshooting.md: `npm run docs:errors` writes the list between its markers, and
 * test/docs/troubleshooting.test.ts fails when the page and the code differ, so the page cannot drift.
 *
 * A message is the text of `new InputError(message, hint)`, of `new NodeOperationError(node, message,
 * { description })` / `new NodeApiError(…, { message, description })`, or of an object literal with
 * `message` and `description` (the transport's failure texts, explainStatus tables, the credential
 * test), and each value of a `…MESSAGES` / `…RESPONSES` table (the credential test, the webhook answers Bob logs). Template parts that depend on the input become "…"; a conditional gives one entry per branch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

export interface DocumentedError {
	/** Where the user meets it (an operation, the trigger, the credential test…). */
	area: string;
	message: string;
	/** What to do, as the node says it (its description or hint); empty when it has none. */
	hint: string;
}

export const START_MARKER =
	'<!-- errors:start (written by npm run docs:errors; do not edit by hand) -->';
export const END_MARKER = '<!-- errors:end -->';

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** Reads a module-level text constant (`const NAME = 'text'`) by name: its texts, or undefined. */
type Constants = (name: string) => string[] | undefined;

/**
 * The texts an expression can evaluate to, with "…" for the parts that depend on the input. A name
 * declared as a text constant (e.g. a permission hint shared by several operations) is read as its text.
 */
function texts(node: ts.Expression | undefined, constants: Constants): string[] {
	if (!node) return [];
	const of = (expression: ts.Expression | undefined) => texts(expression, constants);
	if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return of(node.expression);
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
	if (ts.isIdentifier(node)) return constants(node.text) ?? [];
	if (ts.isTemplateExpression(node)) {
		const span = (expression: ts.Expression) => {
			const known = ts.isIdentifier(expression) ? constants(expression.text) : undefined;
			return known?.length === 1 ? known[0] : '…';
		};
		return [node.head.text + node.templateSpans.map((part) => `${span(part.expression)}${part.literal.text}`).join('')]; // prettier-ignore
	}
	if (ts.isConditionalExpression(node)) return [...of(node.whenTrue), ...of(node.whenFalse)];
	if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
		const left = of(node.left);
		const right = of(node.right);
		return [`${left[0] ?? '…'}${right[0] ?? '…'}`];
	}
	if (ts.isCallExpression(node)) {
		// withHiBobSays(text, detail) and similar wrappers: the first text argument is the message
		const first = node.arguments.find((argument) => of(argument).length > 0);
		return first ? of(first) : [];
	}
	return [];
}

/** A file's module-level text constants, as their initializer expressions. */
function constantDeclarations(source: ts.SourceFile): Map<string, ts.Expression> {
	const found = new Map<string, ts.Expression>();
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
		for (const declaration of statement.declarationList.declarations) {
			const init = declaration.initializer;
			if (!ts.isIdentifier(declaration.name) || !init) continue;
			if (
				ts.isStringLiteral(init) ||
				ts.isNoSubstitutionTemplateLiteral(init) ||
				ts.isTemplateExpression(init) ||
				ts.isBinaryExpression(init)
			)
				found.set(declaration.name.text, init);
		}
	}
	return found;
}

/** Resolves names in a file's own constants first, then in any file's (a name two files give different texts stays unresolved). */
function constantsFor(
	own: Map<string, ts.Expression>,
	all: Map<string, ts.Expression[]>,
): Constants {
	const resolving = new Set<string>();
	const resolve: Constants = (name) => {
		if (resolving.has(name)) return undefined;
		const candidates = own.has(name) ? [own.get(name)!] : (all.get(name) ?? []);
		if (candidates.length === 0) return undefined;
		resolving.add(name);
		try {
			const values = [
				...new Set(candidates.map((expression) => texts(expression, resolve).join('\u0000'))),
			];
			return values.length === 1 && values[0] !== '' ? values[0].split('\u0000') : undefined;
		} finally {
			resolving.delete(name);
		}
	};
	return resolve;
}

function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
	for (const member of object.properties) {
		if (ts.isPropertyAssignment(member) && member.name.getText() === name)
			return member.initializer;
	}
	return undefined;
}

/** "nodes/HiBob/actions/employee/update.operation.ts" → "HiBob → employee → update", and so on. */
export function areaOf(file: string): string {
	const operation = /actions\/([^/]+)\/([^/.]+)\.operation\.ts$/.exec(file);
	if (operation) return `HiBob node: ${operation[1]} → ${operation[2]}`;
	const resource = /actions\/([^/]+)\/[^/]+\.ts$/.exec(file);
	if (resource) return `HiBob node: ${resource[1]} (several operations)`;
	if (file.startsWith('credentials/')) return 'Credential and its test';
	if (/\/(trigger\/|HiBobTrigger)/.test(file)) return 'HiBob Trigger';
	if (/\/(webhook\/|HiBobWebhookTrigger)|core\/webhook/.test(file)) return 'HiBob Webhook Trigger';
	if (/\/transport\//.test(file)) return 'Any HiBob request';
	if (/\/methods\//.test(file)) return 'Editor lists (dropdowns and searches)';
	return 'Input checks shared by several operations';
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

function entriesOf(
	file: string,
	source: ts.SourceFile,
	root: string,
	all: Map<string, ts.Expression[]>,
): DocumentedError[] {
	const constants = constantsFor(constantDeclarations(source), all);
	const of = (expression: ts.Expression | undefined) => texts(expression, constants);
	const area = areaOf(relative(root, file));
	const found: DocumentedError[] = [];
	const add = (messages: string[], hints: string[]) => {
		for (const message of messages) {
			if (message.replace(/…/g, '').trim().length < 4) continue;
			found.push({ area, message, hint: hints[0] ?? '' });
		}
	};
	const visit = (node: ts.Node) => {
		if (ts.isNewExpression(node)) {
			const name = node.expression.getText();
			const args = node.arguments ?? [];
			if (name === 'InputError') add(of(args[0]), of(args[1]));
			if (name === 'NodeOperationError' && args[1]) {
				const options = args[2] && ts.isObjectLiteralExpression(args[2]) ? args[2] : undefined;
				add(of(args[1]), of(options && property(options, 'description')));
			}
		}
		if (
			ts.isVariableDeclaration(node) &&
			/(MESSAGES|RESPONSES)$/.test(node.name.getText()) &&
			node.initializer &&
			ts.isObjectLiteralExpression(
				ts.isAsExpression(node.initializer) ? node.initializer.expression : node.initializer,
			)
		) {
			// a table of ready messages, e.g. the credential test's: each value is a whole message
			const table = (
				ts.isAsExpression(node.initializer) ? node.initializer.expression : node.initializer
			) as ts.ObjectLiteralExpression;
			for (const member of table.properties)
				if (ts.isPropertyAssignment(member)) add(of(member.initializer), []);
		}
		if (ts.isObjectLiteralExpression(node)) {
			const message = property(node, 'message');
			const description = property(node, 'description');
			const status = property(node, 'status');
			const isCredentialResult = status !== undefined && status.getText() === "'Error'";
			if (message && (description || isCredentialResult)) add(of(message), of(description));
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

/** Every documented error of the package, sorted by area then message, without repeats. */
export function collectErrors(root: string): DocumentedError[] {
	const files = [
		...sourceFiles(join(root, 'nodes')),
		...sourceFiles(join(root, 'credentials')),
	].sort();
	const sources = new Map(files.map((file) => [file, parse(file)]));
	const declared = new Map<string, ts.Expression[]>();
	for (const source of sources.values())
		for (const [name, expression] of constantDeclarations(source))
			declared.set(name, [...(declared.get(name) ?? []), expression]);
	const seen = new Set<string>();
	const all: DocumentedError[] = [];
	for (const entry of files.flatMap((file) =>
		entriesOf(file, sources.get(file)!, root, declared),
	)) {
		const key = `${entry.area}\u0000${entry.message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		all.push(entry);
	}
	return all.sort((a, b) => a.area.localeCompare(b.area) || a.message.localeCompare(b.message));
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The Markdown between the markers: one table per area. */
export function renderErrors(errors: DocumentedError[]): string {
	const areas = [...new Set(errors.map((error) => error.area))];
	const parts = [
		`${errors.length} messages, read from the code. "…" stands for a part that depends on your data.`,
	];
	for (const area of areas) {
		parts.push(`### ${area}`, '', '| Message | What to do |', '| --- | --- |');
		for (const error of errors.filter((entry) => entry.area === area)) {
			parts.push(`| ${cell(error.message)} | ${cell(error.hint) || '—'} |`);
		}
		parts.push('');
	}
	return parts.join('\n').trimEnd();
}

/** The page with its generated part replaced by `generated`. */
export function withErrors(page: string, generated: string): string {
	const start = page.indexOf(START_MARKER);
	const end = page.indexOf(END_MARKER);
	if (start < 0 || end < start) throw new Error('docs/troubleshooting.md lacks its error markers');
	return `${page.slice(0, start + START_MARKER.length)}\n\n${generated}\n\n${page.slice(end)}`;
}
