/**
 * Validation of scenario files: every problem at once, each with line, column and field.
 * Works on the parsed YAML document (JSON is read by the same parser), so positions are exact.
 */
import {existsSync} from 'node:fs';
import process from 'node:process';
import {type Document, type Node, isMap, isScalar} from 'yaml';
import {excerpt, hasControl} from '../files/escape.js';
import {MAX_PROBLEMS, type YamlPath, fieldPosition, loadYaml} from '../files/yaml.js';
import {ANALYSIS_LABELS} from '../engine/analysis.js';
import {MAX_NODES, MAX_ROUNDS, MIN_NODES, createSetup} from '../engine/game.js';
import {GOAL_KINDS} from '../engine/goals.js';
import {initialConfiguration} from '../engine/configuration.js';
import {applyMove} from '../engine/moves.js';
import {parseMove} from '../engine/notation.js';
import {BEHAVIOURS} from '../engine/types.js';
import {findProtocol, knownProtocols, lookUpProtocol, protocolIds} from '../protocols/registry.js';
import {isModulePath, resolveModule} from '../protocols/module.js';
import {CHECKPOINT_GOALS, FORMAT_VERSION, type ScenarioFile} from './format.js';

const PROTOCOLS_WITH_ROUNDS = (): string => knownProtocols().filter(p => p.protocol.hasRounds && !isModulePath(p.key)).map(p => p.key).join(' and ');

export interface Problem {
	readonly line: number;
	readonly column: number;
	/** The field's path, like `moves[3]` or `goal.kind`. */
	readonly field: string;
	readonly message: string;
}

export const TOP_FIELDS = [
	'format',
	'id',
	'title',
	'story',
	'protocol',
	'protocolHash',
	'rounds',
	'nodes',
	'inputs',
	'f',
	'allow',
	'goal',
	'par',
	'hints',
	'timeLimit',
	'setup',
	'moves',
	'expect',
] as const;
export const GOAL_FIELDS = ['kind', 'target', 'rounds', 'pair', 'hide', 'commute'] as const;
export const CHECKPOINT_FIELDS = ['after', 'label', 'star', 'flags', 'goal'] as const;

export type Validated = {readonly ok: true; readonly file: ScenarioFile} | {readonly ok: false; readonly problems: Problem[]};

/**
 * Validate a scenario file's text. `folder` is the file's folder: a `protocol:` that names a
 * module is resolved against it, and must have been loaded before (scenario/modules.ts); the
 * file comes back naming it by its absolute path.
 */
export function validateText(text: string, folder = process.cwd()): Validated {
	const loaded = loadYaml(text);
	if (!loaded.ok) return {ok: false, problems: loaded.problems.map(p => ({...p, field: ''}))};
	const {doc} = loaded;
	const root = doc.contents;
	if (!isMap(root)) {
		return {ok: false, problems: [{line: 1, column: 1, field: '', message: 'not a scenario file: a scenario file is a mapping of fields (format, protocol, nodes, ...)'}]};
	}

	// A file none of whose keys is a scenario field is some other file: say so, and quote none of it.
	if (!root.items.some(pair => isScalar(pair.key) && (TOP_FIELDS as readonly unknown[]).includes(String(pair.key.value)))) {
		return {ok: false, problems: [{line: 1, column: 1, field: '', message: 'not a scenario file: it has none of the fields format, protocol, nodes, inputs'}]};
	}

	const problems: Problem[] = [];
	const report = (path: YamlPath, message: string, node?: Node | null): void => {
		problems.push({...fieldPosition(loaded, path, node), message});
	};

	checkFields(doc, [], TOP_FIELDS, report);
	const data = loaded.data as Record<string, unknown>;
	const sourceOf = (path: YamlPath): string => {
		const range = (doc.getIn(path, true) as Node | undefined)?.range;
		return range ? excerpt(text.slice(range[0], range[1]).trim()) : '';
	};
	checkFile(doc, data, report, sourceOf, folder);
	if (problems.length > 0) {
		problems.sort((a, b) => a.line - b.line || a.column - b.column);
		if (problems.length > MAX_PROBLEMS) {
			const last = problems[MAX_PROBLEMS - 1]!;
			const more = problems.length - MAX_PROBLEMS;
			problems.length = MAX_PROBLEMS;
			problems[MAX_PROBLEMS - 1] = {...last, message: `${last.message} (and ${more} more problem${more === 1 ? '' : 's'} not shown)`};
		}

		return {ok: false, problems};
	}

	return {ok: true, file: data as unknown as ScenarioFile};
}

type Report = (path: YamlPath, message: string, node?: Node | null) => void;

/** Unknown fields of the mapping at `path`, each reported at its key. */
function checkFields(doc: Document, path: YamlPath, known: readonly string[], report: Report): void {
	const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
	if (!isMap(map)) return;
	for (const pair of map.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
		if (!known.includes(key)) {
			const hint = key.length <= 40 ? known.find(k => k.toLowerCase() === key.toLowerCase().replace(/[-_]/g, '')) : undefined;
			report([...path, key], `unknown field "${excerpt(key)}"${hint ? ` (did you mean "${hint}"?)` : ` (known: ${known.join(', ')})`}`, pair.key as Node);
		}
	}
}

/** The longest move text: the longest move in any notation is about 30 characters. */
const MAX_MOVE_LENGTH = 80;

/** What is wrong with a move list entry before its notation is read: one move, one line. */
function moveTextProblem(m: unknown): string | null {
	if (typeof m !== 'string') return 'a move is text in move notation, like 2<1:vote=0';
	if (hasControl(m)) return 'a move is one line of move notation, without line breaks or control characters';
	if (m.includes(';')) return 'one move per entry: put each move on its own line, - start 1';
	if (m.length > MAX_MOVE_LENGTH) return `a move is at most ${MAX_MOVE_LENGTH} characters of move notation`;
	return null;
}

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function checkFile(doc: Document, data: Record<string, unknown>, report: Report, sourceOf: (path: YamlPath) => string, folder: string): void {
	const {format} = data;
	if (format === undefined) report(['format'], `missing field "format" (write format: ${FORMAT_VERSION})`, doc.contents as Node);
	else if (!isWhole(format) || format < 1) report(['format'], `format must be a whole number (${FORMAT_VERSION})`);
	else if (format > FORMAT_VERSION) {
		report(['format'], `format ${format} is newer than this flp understands (${FORMAT_VERSION}): update flp-adversary`);
	}

	for (const name of ['id', 'title', 'story'] as const) {
		const value = data[name];
		if (value === undefined) continue;
		if (typeof value !== 'string') report([name], `${name} must be text`);
		// Text the screens show: no escape sequences, and a title on one line.
		else if (name === 'story' ? hasControl(value.replace(/[\n\t]/g, ' ')) : hasControl(value)) {
			report([name], name === 'story' ? 'story must be plain text: no control characters (escape sequences) but line breaks' : `${name} must be one line of plain text, without control characters`);
		}
	}

	if (typeof data['id'] === 'string' && !/^[a-z0-9][a-z0-9-]*$/.test(data['id'])) {
		report(['id'], 'id must be lower-case letters, digits and dashes, like "quorum-split"');
	}

	const {protocol} = data;
	if (protocol === undefined) report(['protocol'], `missing field "protocol" (one of ${protocolIds().join(', ')}, or a module's path)`, doc.contents as Node);
	else if (typeof protocol === 'string' && isModulePath(protocol) && !hasControl(protocol)) {
		const full = resolveModule(protocol, folder);
		if (findProtocol(full)) data['protocol'] = full;
		else {
			report(
				['protocol'],
				existsSync(full)
					? `the protocol module ${excerpt(full, 300)} is code that would run on this machine: it runs only with --trust, or once you say yes when the game asks`
					: `no protocol module at ${excerpt(full, 300)}`,
			);
		}
	} else if (typeof protocol !== 'string' || !protocolIds().includes(protocol)) {
		report(['protocol'], `unknown protocol "${excerpt(String(protocol))}" (one of ${protocolIds().join(', ')}, or a module's path like ./my-protocol.js)`);
	}

	const hash = data['protocolHash'];
	if (hash !== undefined) {
		if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) report(['protocolHash'], 'protocolHash is the sha256 of the module\'s source: 64 hex digits');
		else if (typeof protocol !== 'string' || !isModulePath(protocol)) report(['protocolHash'], 'protocolHash goes with a protocol module (a path), not a built-in protocol');
	}

	const {nodes} = data;
	if (nodes === undefined) report(['nodes'], 'missing field "nodes" (the number of nodes)', doc.contents as Node);
	else if (!isWhole(nodes) || nodes < MIN_NODES || nodes > MAX_NODES) report(['nodes'], `nodes must be a whole number from ${MIN_NODES} to ${MAX_NODES}`);
	const n = isWhole(nodes) ? nodes : undefined;

	const {inputs} = data;
	const goalKind = typeof data['goal'] === 'string' ? data['goal'] : (data['goal'] as {kind?: unknown} | undefined)?.kind;
	if (inputs === undefined) report(['inputs'], 'missing field "inputs" (one bit per node in quotes, like "011", or choose)', doc.contents as Node);
	else if (typeof inputs === 'number') report(['inputs'], `inputs must be quoted, like "${sourceOf(['inputs'])}": unquoted, YAML reads it as a number`);
	else if (inputs === 'choose') {
		if (goalKind !== 'find-ambiguous-start') report(['inputs'], 'inputs: choose goes with the goal find-ambiguous-start');
	} else if (typeof inputs !== 'string' || !/^[01]+$/.test(inputs)) report(['inputs'], 'inputs must be a string of 0s and 1s, or choose');
	else if (n !== undefined && inputs.length !== n) report(['inputs'], `inputs has ${inputs.length} bits but nodes is ${n}`);

	if (data['f'] !== undefined && (!isWhole(data['f']) || data['f'] < 0 || (n !== undefined && data['f'] >= n))) {
		report(['f'], `f must be a whole number from 0 to ${n === undefined ? 'nodes - 1' : n - 1}`);
	}

	const {allow} = data;
	if (allow !== undefined && allow !== 'none') {
		if (!Array.isArray(allow)) report(['allow'], 'allow must be none, or a list of crash, lie, byzantine');
		else {
			for (const [i, b] of allow.entries()) {
				if (!(BEHAVIOURS as readonly unknown[]).includes(b)) report(['allow', i], `unknown behaviour "${excerpt(String(b))}" (crash, lie or byzantine)`);
			}
		}
	}

	if (data['rounds'] !== undefined) {
		const takesRounds = typeof protocol === 'string' && (isModulePath(protocol) || findProtocol(protocol)?.hasRounds === true);
		if (!takesRounds) report(['rounds'], `rounds is a parameter of ${PROTOCOLS_WITH_ROUNDS()} only`);
		else if (!isWhole(data['rounds']) || data['rounds'] < 1 || data['rounds'] > MAX_ROUNDS) report(['rounds'], `rounds must be a whole number from 1 to ${MAX_ROUNDS}`);
	}

	for (const name of ['par', 'timeLimit'] as const) {
		if (data[name] !== undefined && (!isWhole(data[name]) || (data[name] as number) < 1)) report([name], `${name} must be a whole number ≥ 1`);
	}

	if (data['hints'] !== undefined && typeof data['hints'] !== 'boolean') report(['hints'], 'hints must be true or false');
	checkGoal(doc, data, report);
	for (const name of ['setup', 'moves'] as const) {
		const list = data[name];
		if (list === undefined) continue;
		if (!Array.isArray(list)) report([name], `${name} must be a list of moves, like - start 1`);
		else {
			for (const [i, m] of list.entries()) {
				const problem = moveTextProblem(m);
				if (problem) report([name, i], problem);
			}
		}
	}

	checkExpect(doc, data, report);
	checkMoves(data, report);
}

function checkGoal(doc: Document, data: Record<string, unknown>, report: Report): void {
	const goal = data['goal'];
	if (goal === undefined) return;
	if (typeof goal === 'string') {
		if (!(GOAL_KINDS as readonly string[]).includes(goal)) report(['goal'], `unknown goal "${excerpt(goal)}" (one of ${GOAL_KINDS.join(', ')})`);
		return;
	}

	if (typeof goal !== 'object' || goal === null || Array.isArray(goal)) {
		report(['goal'], 'goal is a goal name, or a mapping with kind (and target, rounds, pair, hide)');
		return;
	}

	checkFields(doc, ['goal'], GOAL_FIELDS, report);
	const g = goal as Record<string, unknown>;
	if (g['kind'] === undefined) report(['goal'], 'missing goal.kind');
	else if (!(GOAL_KINDS as readonly unknown[]).includes(g['kind'])) report(['goal', 'kind'], `unknown goal "${excerpt(String(g['kind']))}" (one of ${GOAL_KINDS.join(', ')})`);
	if (g['rounds'] !== undefined && (!isWhole(g['rounds']) || g['rounds'] < 1)) report(['goal', 'rounds'], 'goal.rounds must be a whole number ≥ 1');
	if (g['target'] !== undefined && (typeof g['target'] !== 'string' || moveTextProblem(g['target']))) report(['goal', 'target'], 'goal.target is a delivery in move notation, like 2<3:vote=1');
	for (const flag of ['hide', 'commute'] as const) {
		if (g[flag] !== undefined && typeof g[flag] !== 'boolean') report(['goal', flag], `goal.${flag} must be true or false`);
	}
	if (g['pair'] !== undefined && (!Array.isArray(g['pair']) || g['pair'].length !== 2 || g['pair'].some(p => moveTextProblem(p) !== null))) {
		report(['goal', 'pair'], 'goal.pair is a list of two deliveries in move notation');
	}

	if (g['hide'] === true && g['pair'] === undefined) report(['goal'], 'a diamond goal with hide: true needs a pair');
}

function checkExpect(doc: Document, data: Record<string, unknown>, report: Report): void {
	const list = data['expect'];
	if (list === undefined) return;
	if (!Array.isArray(list)) {
		report(['expect'], 'expect must be a list of checkpoints, like - {after: 3, label: ambiguous}');
		return;
	}

	for (const [i, item] of list.entries()) {
		if (typeof item !== 'object' || item === null || Array.isArray(item)) {
			report(['expect', i], 'a checkpoint is a mapping: after, and label, star, flags or goal');
			continue;
		}

		checkFields(doc, ['expect', i], CHECKPOINT_FIELDS, report);
		const c = item as Record<string, unknown>;
		if (!isWhole(c['after']) || c['after'] < 0) report(['expect', i, 'after'], 'after must be a whole number of moves ≥ 0');
		for (const name of ['label', 'star'] as const) {
			if (c[name] !== undefined && !(ANALYSIS_LABELS as readonly unknown[]).includes(String(c[name]))) report(['expect', i, name], `${name} must be one of ${ANALYSIS_LABELS.join(', ')}`);
		}

		if (c['goal'] !== undefined && !(CHECKPOINT_GOALS as readonly string[]).includes(String(c['goal']))) report(['expect', i, 'goal'], 'goal must be reached, open or failed');
		if (c['flags'] !== undefined) {
			if (typeof c['flags'] !== 'object' || c['flags'] === null || Array.isArray(c['flags'])) report(['expect', i, 'flags'], 'flags is a mapping of agreement, termination, validity to true or false');
			else {
				checkFields(doc, ['expect', i, 'flags'], ['agreement', 'termination', 'validity'], report);
				for (const [k, v] of Object.entries(c['flags'])) if (typeof v !== 'boolean') report(['expect', i, 'flags', k], `flags.${k} must be true or false`);
			}
		}
	}
}

/** Moves, targets and checkpoints against the game itself: notation and legality. */
function checkMoves(data: Record<string, unknown>, report: Report): void {
	if (typeof data['inputs'] !== 'string' || data['inputs'] === 'choose') return;
	const allow = data['allow'] === 'none' ? [] : Array.isArray(data['allow']) ? (data['allow'] as string[]) : undefined;
	const setup = createSetup(
		{
			protocol: String(data['protocol']),
			n: Number(data['nodes']),
			inputs: data['inputs'],
			f: data['f'] as number | undefined,
			allow,
			rounds: data['rounds'] as number | undefined,
		},
		lookUpProtocol,
	);
	if (!setup.ok) return; // already reported field by field
	let config = initialConfiguration(setup.value);
	let count = 0;
	for (const name of ['setup', 'moves'] as const) {
		const list = data[name];
		if (!Array.isArray(list)) continue;
		for (const [i, text] of list.entries()) {
			if (typeof text !== 'string' || moveTextProblem(text)) return;
			const move = parseMove(setup.value, text);
			if (!move.ok) return report([name, i], move.message);
			const next = applyMove(config, move.value);
			if (!next.ok) return report([name, i], `move ${count + 1} is illegal here: ${next.message}`);
			config = next.value;
			count++;
		}
	}

	const goal = data['goal'] as Record<string, unknown> | undefined;
	if (goal && typeof goal === 'object') {
		const texts: Array<[YamlPath, unknown]> = [[['goal', 'target'], goal['target']]];
		if (Array.isArray(goal['pair'])) goal['pair'].forEach((p, i) => texts.push([['goal', 'pair', i], p]));
		for (const [path, text] of texts) {
			if (typeof text !== 'string' || moveTextProblem(text)) continue;
			const move = parseMove(setup.value, text);
			if (!move.ok) report(path, move.message);
			else if (move.value.kind !== 'deliver') report(path, `"${text}" is not a delivery`);
		}
	}

	const expect = data['expect'];
	if (Array.isArray(expect)) {
		for (const [i, c] of expect.entries()) {
			const after = (c as {after?: unknown})?.after;
			if (isWhole(after) && after > count) report(['expect', i, 'after'], `after ${after} moves, but the file has ${count}`);
		}
	}
}
