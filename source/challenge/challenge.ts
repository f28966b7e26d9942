/** Loading challenge files and making their levels for a seed. */
import {createHash} from 'node:crypto';
import {dirname, resolve} from 'node:path';
import {type Node, isMap, isScalar} from 'yaml';
import {excerpt} from '../files/escape.js';
import {fieldPosition, loadYaml} from '../files/yaml.js';
import type {ScenarioFile} from '../scenario/format.js';
import {readText} from '../files/read.js';
import {readScenario} from '../scenario/scenario.js';
import {type Result, fail, ok} from '../engine/types.js';
import {protocolIds} from '../protocols/registry.js';
import {BEHAVIOURS} from '../engine/types.js';
import {CHALLENGE_FORMAT, type ChallengeFile, DEFAULT_SCORING, type Generator, HINTS, type HintsMode, type Scoring} from './format.js';
import {generate, surveyGenerator} from './generate.js';
import {seeded} from './random.js';

export interface Challenge {
	readonly path: string;
	readonly file: ChallengeFile;
	/** sha256 of the challenge file and every level file it names, in order. */
	readonly hash: string;
	/** The fixed levels' files, by their index in `levels`. */
	readonly fixed: ReadonlyMap<number, ScenarioFile>;
	readonly scoring: Scoring;
	/** The names allowed to hand in (the file's `roster:`), if it has one. */
	readonly roster?: readonly string[];
}

export const TOP_FIELDS = ['format', 'id', 'title', 'timeLimit', 'hints', 'scoring', 'seeds', 'roster', 'levels'];
export const GENERATOR_FIELDS = ['goal', 'protocols', 'nodes', 'allow', 'par', 'parSpread'];

/** A known field that differs from `key` only in case, dashes, underscores or one letter. */
function nearest(key: string, known: readonly string[]): string | undefined {
	if (key.length > 40) return undefined;
	const plain = (k: string): string => k.toLowerCase().replace(/[-_ ]/g, '');
	const same = known.find(k => plain(k) === plain(key));
	if (same) return same;
	const oneOff = (a: string, b: string): boolean => {
		if (Math.abs(a.length - b.length) > 1) return false;
		let i = 0;
		while (i < a.length && a[i] === b[i]) i++;
		return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
	};
	return known.find(k => oneOff(plain(k), plain(key)));
}

/** Names in a roster file: one a line; blank lines and # comments skipped. */
export function parseRoster(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map(line => line.replace(/#.*$/, '').trim())
		.filter(line => line !== '');
}

/** The roster at `path` (names, one a line), or why it cannot be read. */
export function readRoster(path: string): Result<string[]> {
	const read = readText(path);
	if (!read.ok) return read;
	const names = parseRoster(read.value);
	if (names.length === 0) return fail('invalid', `${excerpt(path, 300)}: the roster lists no names (one name a line)`);
	return ok(names);
}
export const GENERATED_GOALS = ['break-agreement', 'break-validity', 'break-termination', 'stall', 'find-ambiguous-start'];

export function readChallenge(path: string): Result<Challenge> {
	const read = readText(path);
	if (!read.ok) return read;
	const text = read.value;

	const shownPath = excerpt(path, 300);
	const loaded = loadYaml(text);
	if (!loaded.ok) return fail('invalid', loaded.problems.map(p => `${shownPath}:${p.line}:${p.column}: ${p.message}`).join('\n'));
	const {doc} = loaded;
	const problems: string[] = [];
	const report = (at: Array<string | number>, message: string, node?: unknown): void => {
		const {line, column, field} = fieldPosition(loaded, at, node as Node | undefined);
		if (problems.length < 10) problems.push(`${shownPath}:${line}:${column}: ${field ? `${field}: ` : ''}${message}`);
	};

	if (!isMap(doc.contents) || !doc.contents.items.some(pair => isScalar(pair.key) && TOP_FIELDS.includes(String(pair.key.value)))) {
		report([], 'not a challenge file: a challenge file is a mapping of fields (format, id, title, timeLimit, levels, ...)');
		return fail('invalid', problems.join('\n'));
	}

	const unknown = (at: Array<string | number>, known: readonly string[]): void => {
		const map = at.length === 0 ? doc.contents : doc.getIn(at, true);
		if (!isMap(map)) return;
		for (const pair of map.items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
			if (!known.includes(key)) {
				const hint = nearest(key, known);
				report([...at, key], `unknown field "${excerpt(key)}"${hint ? ` (did you mean "${hint}"?)` : ` (known: ${known.join(', ')})`}`, pair.key);
			}
		}
	};

	unknown([], TOP_FIELDS);
	const data = loaded.data as Record<string, unknown>;
	const whole = (v: unknown, min: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min;
	if (data['format'] === undefined) report([], `missing field "format" (write format: ${CHALLENGE_FORMAT})`);
	else if (data['format'] !== CHALLENGE_FORMAT) {
		report(['format'], whole(data['format'], 2) ? `format ${String(data['format'])} is newer than this flp understands (${CHALLENGE_FORMAT}): update flp-adversary` : `format must be ${CHALLENGE_FORMAT}`);
	}

	if (typeof data['id'] !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(data['id'])) report(data['id'] === undefined ? [] : ['id'], 'id must be lower-case letters, digits and dashes');
	if (typeof data['title'] !== 'string') report(data['title'] === undefined ? [] : ['title'], 'title must be text');
	if (!whole(data['timeLimit'], 1)) report(data['timeLimit'] === undefined ? [] : ['timeLimit'], 'timeLimit must be a whole number of seconds ≥ 1');
	if (data['hints'] !== undefined && typeof data['hints'] !== 'boolean' && !(HINTS as readonly unknown[]).includes(data['hints'])) {
		report(['hints'], 'hints must be none, label or full (or false = none, true = full)');
	}
	if (data['seeds'] !== undefined && data['seeds'] !== 'player' && data['seeds'] !== 'free') report(['seeds'], 'seeds must be player or free');
	let roster: string[] | undefined;
	if (data['roster'] !== undefined) {
		if (typeof data['roster'] !== 'string' || data['roster'].trim() === '') report(['roster'], 'roster must be the path of a file of names, one a line');
		else {
			const names = readRoster(resolve(dirname(path), data['roster']));
			if (names.ok) roster = names.value;
			else report(['roster'], names.message);
		}
	}
	if ('scoring' in data) {
		const scoring = data['scoring'];
		if (typeof scoring !== 'object' || scoring === null || Array.isArray(scoring)) {
			report(['scoring'], `scoring must be a mapping of points (${Object.keys(DEFAULT_SCORING).join(', ')}), or left out for the defaults`);
		} else {
			unknown(['scoring'], Object.keys(DEFAULT_SCORING));
			for (const [k, v] of Object.entries(scoring)) if (!whole(v, 0)) report(['scoring', k], `${k} must be a whole number ≥ 0`);
		}
	}

	const fixed = new Map<number, ScenarioFile>();
	const texts = [text];
	const levels = data['levels'];
	if (!Array.isArray(levels) || levels.length === 0) report(levels === undefined ? [] : ['levels'], 'levels must be a list of - file: PATH or - generate: {...}');
	else {
		for (const [i, level] of levels.entries()) {
			unknown(['levels', i], ['file', 'generate']);
			const entry = (level ?? {}) as Record<string, unknown>;
			if (typeof entry['file'] === 'string') {
				const levelPath = resolve(dirname(path), entry['file']);
				const loaded = readScenario(levelPath);
				if (!loaded.ok) report(['levels', i, 'file'], loaded.message.split('\n')[0]!);
				else {
					fixed.set(i, loaded.value.file);
					const levelText = readText(levelPath);
					if (levelText.ok) texts.push(levelText.value);
				}
			} else if (entry['generate'] && typeof entry['generate'] === 'object') {
				const g = entry['generate'] as Record<string, unknown>;
				unknown(['levels', i, 'generate'], GENERATOR_FIELDS);
				if (!GENERATED_GOALS.includes(String(g['goal']))) report(['levels', i, 'generate', 'goal'], `goal must be one of ${GENERATED_GOALS.join(', ')}`);
				const list = (name: string, valid: (v: unknown) => boolean, what: string): void => {
					const v = g[name];
					if (!Array.isArray(v) || v.length === 0 || !v.every(valid)) report(['levels', i, 'generate', name], `${name} must be a non-empty list of ${what}`);
				};
				list('protocols', v => protocolIds().includes(String(v)), protocolIds().join(', '));
				list('nodes', v => whole(v, 2) && (v as number) <= 4, 'node counts from 2 to 4');
				list('allow', v => Array.isArray(v) && v.every(b => (BEHAVIOURS as readonly unknown[]).includes(b)), 'behaviour lists like [crash] or []');
				if (g['par'] !== undefined && !whole(g['par'], 1)) report(['levels', i, 'generate', 'par'], 'par must be a whole number ≥ 1');
				if (g['parSpread'] !== undefined && !whole(g['parSpread'], 0)) report(['levels', i, 'generate', 'parSpread'], 'parSpread must be a whole number ≥ 0 (how far par may vary between students; flp challenge check enforces it)');
				if (problems.length === 0) {
					// Every declared choice must give some seed a level: checked now, not when a student starts.
					for (const problem of surveyGenerator(g as unknown as Generator).problems) report(['levels', i, 'generate'], problem);
				}
			} else report(['levels', i], 'a level is - file: PATH (a scenario file) or - generate: {goal, protocols, nodes, allow}');
		}
	}

	if (problems.length > 0) return fail('invalid', problems.join('\n'));
	// Line endings are not content: a CRLF copy of the same files has the same hash.
	const hash = createHash('sha256');
	for (const t of texts) hash.update(t.replace(/\r\n?/g, '\n')).update('\0');
	const file = data as unknown as ChallengeFile;
	return ok({path, file, hash: hash.digest('hex'), fixed, scoring: {...DEFAULT_SCORING, ...file.scoring}, ...(roster ? {roster} : {})});
}

/** What a challenge shows of the analysis: nothing, the current label only, or everything. */
export function hintsMode(file: ChallengeFile): HintsMode {
	if (file.hints === true) return 'full';
	if (file.hints === false || file.hints === undefined) return 'none';
	return file.hints;
}

export interface Instance {
	readonly index: number;
	readonly file: ScenarioFile;
	/** A generated level: the engine's own solution (moves; for a choose level, the inputs). */
	readonly solution?: readonly string[];
}

/** Generated levels, per challenge (by content hash) and seed: generating is pure, and not cheap. */
const made = new Map<string, Map<number, Result<Instance[]>>>();

/** The challenge's levels for a seed: fixed levels as they are, generated ones from the seed. */
export function instances(challenge: Challenge, seed: number): Result<Instance[]> {
	let bySeed = made.get(challenge.hash);
	if (!bySeed) made.set(challenge.hash, (bySeed = new Map()));
	const known = bySeed.get(seed);
	if (known) return known;
	const result = generateAll(challenge, seed);
	bySeed.set(seed, result);
	return result;
}

function generateAll(challenge: Challenge, seed: number): Result<Instance[]> {
	let random = seeded(seed);
	const list: Instance[] = [];
	for (const [index, level] of challenge.file.levels.entries()) {
		const fixed = challenge.fixed.get(index);
		if (fixed) {
			// Titled by its slot in the challenge, not by its number in the campaign.
			const title = (fixed.title ?? fixed.id ?? '').replace(/^\d+\.\s*/, '');
			list.push({index, file: {...fixed, title: `Level ${index + 1}: ${title}`}});
			continue;
		}

		if (!('generate' in level)) continue;
		const [made, after] = generate(level.generate, random, `${challenge.file.id}-${index + 1}`, `Level ${index + 1}: ${level.generate.goal}`);
		random = after;
		if (!made) return fail('no-instance', `level ${index + 1}: the generator found no solvable ${level.generate.goal} level for seed ${seed}`);
		list.push({index, file: made.file, solution: made.solution});
	}

	return ok(list);
}

/** A level's score: points for the goal, adjusted by the moves against par. */
export function scoreLevel(scoring: Scoring, par: number | undefined, solved: boolean, moves: number): number {
	if (!solved) return 0;
	if (par === undefined) return scoring.solved;
	const adjusted = scoring.solved + scoring.underPar * Math.max(0, par - moves) - scoring.overPar * Math.max(0, moves - par);
	return Math.max(scoring.floor, adjusted);
}
