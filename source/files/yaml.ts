/**
 * YAML (and JSON, which is YAML) for every file the program reads: the parsed document with its
 * positions, the plain value, and every structural problem as line:column: message.
 *
 * The `yaml` library parses; this module checks what the library leaves to the caller or does
 * slowly, in one pass over the document, without recursion (so deep nesting cannot overflow the
 * stack):
 * - duplicate keys, with a set per mapping (the library's `uniqueKeys` compares every pair of
 *   keys: 40,000 keys took 16 s);
 * - keys that are not plain text (a list or mapping as a key, YAML's `? [a, b]`);
 * - aliases: one that names no earlier anchor, one inside its own anchor, and aliases that expand
 *   to more than MAX_EXPANDED nodes (a "billion laughs" file is a few lines);
 * - nesting deeper than MAX_DEPTH.
 * It then builds the value itself from the checked document (each alias is its anchor's value),
 * so the library's alias resolution, which walks the whole document per alias, never runs.
 * At most MAX_PROBLEMS problems are collected: a file with thousands of bad keys is not worth
 * thousands of lines.
 */
import {type Document, LineCounter, type Node, isAlias, isMap, isPair, isScalar, isSeq, parseDocument} from 'yaml';
import {excerpt, keyName} from './escape.js';

export const MAX_PROBLEMS = 10;
/** The most nodes aliases may add to a document when expanded. */
export const MAX_EXPANDED = 10_000;
/** The deepest nesting of lists and mappings. */
export const MAX_DEPTH = 64;

export interface YamlProblem {
	readonly line: number;
	readonly column: number;
	readonly message: string;
}

export type LoadedYaml =
	| {
			readonly ok: true;
			readonly doc: Document;
			readonly data: unknown;
			/** Line and column (1-based) of a character offset. */
			readonly at: (offset: number | undefined) => {line: number; column: number};
	  }
	| {readonly ok: false; readonly problems: readonly YamlProblem[]};

type Frame = {node: Node | null; depth: number; exit: boolean};

/** A path into a document: keys and list indexes, like ['moves', 3] or ['goal', 'kind']. */
export type YamlPath = ReadonlyArray<string | number>;

/** A path as people read it: `moves[3]`, `goal.kind`, '' for the whole document. */
export const fieldName = (path: YamlPath): string =>
	path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${keyName(part)}` : keyName(part)), '');

/**
 * Where to show a problem with the field at `path`: the line and column (1-based) of `node` when
 * given, else of the value at `path` (1:1 when there is none), and the field's name.
 */
export function fieldPosition(
	loaded: Extract<LoadedYaml, {ok: true}>,
	path: YamlPath,
	node?: Node | null,
): {line: number; column: number; field: string} {
	const target = node ?? (loaded.doc.getIn(path, true) as Node | undefined);
	return {...loaded.at(target?.range?.[0]), field: fieldName(path)};
}

export function loadYaml(text: string): LoadedYaml {
	const lineCounter = new LineCounter();
	const at = (offset: number | undefined): {line: number; column: number} => {
		const {line, col} = lineCounter.linePos(offset ?? 0);
		return {line, column: col};
	};

	const problems: YamlProblem[] = [];
	const report = (offset: number | undefined, message: string): void => {
		if (problems.length < MAX_PROBLEMS) problems.push({...at(offset), message});
	};

	let doc: Document;
	try {
		doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error'});
	} catch (error) {
		// The parser gives up with a RangeError on absurd nesting; anything else it throws is a bug
		// of ours to hear about.
		if (!(error instanceof RangeError)) throw error;
		return {ok: false, problems: [{line: 1, column: 1, message: 'the file is nested too deeply to read'}]};
	}

	for (const error of doc.errors) {
		const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
		const quote = error.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(message)?.[1] : undefined;
		if (quote) {
			// The parser notices at the end of the file; the player needs the line the quote opened on.
			report(openingQuote(text, error.pos[0], quote), `a ${quote === '"' ? 'double' : 'single'} quote opened here is never closed`);
			continue;
		}

		report(error.pos[0], /call stack/i.test(message) ? 'the file is nested too deeply to read' : excerpt(message, 120));
	}

	if (problems.length > 0) return {ok: false, problems};

	const anchors = new Map<string, Node>(); // completed anchored nodes, by name (the last wins)
	const open = new Set<string>(); // anchors of the nodes being walked (ancestors)
	const values = new Map<Node, unknown>();
	const sizes = new Map<Node, number>();
	let expanded = 0;
	const stack: Frame[] = [{node: doc.contents as Node | null, depth: 0, exit: false}];
	const childrenOf = (node: Node): Array<Node | null> => {
		if (isMap(node)) return node.items.flatMap(pair => [pair.key as Node | null, pair.value as Node | null]);
		if (isSeq(node)) return node.items.map(item => (isPair(item) ? (item.value as Node | null) : (item as Node | null)));
		return [];
	};

	while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
		const frame = stack.pop()!;
		const {node, depth} = frame;
		if (node === null) continue;
		if (!frame.exit) {
			if (isAlias(node)) {
				const target = anchors.get(node.source);
				if (!target) {
					report(
						node.range?.[0],
						open.has(node.source)
							? `alias *${excerpt(node.source)} is inside its own anchor &${excerpt(node.source)}`
							: `alias *${excerpt(node.source)} has no anchor &${excerpt(node.source)} before it`,
					);
					continue;
				}

				expanded += sizes.get(target) ?? 1;
				if (expanded > MAX_EXPANDED) {
					report(node.range?.[0], `aliases expand to more than ${MAX_EXPANDED} values: write the values out, or use fewer aliases`);
					break;
				}

				values.set(node, values.get(target));
				sizes.set(node, sizes.get(target) ?? 1);
				continue;
			}

			if (depth > MAX_DEPTH) {
				report(node.range?.[0], `nested more than ${MAX_DEPTH} levels deep`);
				break;
			}

			if (node.anchor) open.add(node.anchor);
			if (isMap(node)) {
				const keys = new Set<string>();
				for (const pair of node.items) {
					const key = pair.key as Node | null;
					if (key !== null && !isScalar(key)) {
						report(key.range?.[0], 'a key must be plain text, not a list, a mapping or an alias');
						continue;
					}

					const name = key === null ? '' : String(key.value);
					if (keys.has(name)) report(key?.range?.[0] ?? node.range?.[0], `duplicate key "${excerpt(name)}"`);
					keys.add(name);
				}
			}

			stack.push({node, depth, exit: true});
			const children = childrenOf(node);
			for (let i = children.length - 1; i >= 0; i--) stack.push({node: children[i]!, depth: depth + 1, exit: false});
			continue;
		}

		// Leaving the node: its children have values and sizes.
		let size = 1;
		let value: unknown;
		if (isMap(node)) {
			const object: Record<string, unknown> = {};
			for (const pair of node.items) {
				const key = pair.key as Node | null;
				const child = pair.value as Node | null;
				const name = key === null ? '' : String((key as {value?: unknown}).value);
				const v = child === null ? null : values.get(child);
				size += child === null ? 1 : (sizes.get(child) ?? 1);
				Object.defineProperty(object, name, {value: v, writable: true, enumerable: true, configurable: true});
			}

			value = object;
		} else if (isSeq(node)) {
			value = childrenOf(node).map(child => {
				size += child === null ? 1 : (sizes.get(child) ?? 1);
				return child === null ? null : values.get(child);
			});
		} else if (isScalar(node)) value = node.value;
		else value = null;
		values.set(node, value);
		sizes.set(node, size);
		if (node.anchor) {
			open.delete(node.anchor);
			anchors.set(node.anchor, node);
		}
	}

	if (problems.length > 0) {
		problems.sort((a, b) => a.line - b.line || a.column - b.column);
		return {ok: false, problems};
	}

	const root = doc.contents as Node | null;
	return {ok: true, doc, data: root === null ? null : values.get(root), at};
}

/**
 * Where an unclosed quote opened: the last quote before `end` that is not escaped inside a quoted
 * text (an unclosed scalar holds no other unescaped quote of its kind, so this is its opening one).
 */
function openingQuote(text: string, end: number, quote: string): number {
	for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
		if (text[i] !== quote) continue;
		if (quote === '"' && text[i - 1] === '\\') continue;
		if (quote === "'" && text[i - 1] === "'") {
			i--;
			continue;
		}

		return i;
	}

	return end;
}

