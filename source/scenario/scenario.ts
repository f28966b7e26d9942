/** From a validated scenario file to a game: session, goal and what the play screen shows. */
import type {GameSpec} from '../engine/game.js';
import {type GoalSpec, goalSentence} from '../engine/goals.js';
import {parseMove, parseMoves} from '../engine/notation.js';
import {type Session, newSession, playAll} from '../engine/session.js';
import {type Message, type Result, fail, ok} from '../engine/types.js';
import type {Goal, ScenarioFile} from './format.js';
import {readText} from '../files/read.js';
import {validateText} from './validate.js';
import {lookUpProtocol, protocolName} from '../protocols/registry.js';
import {changedModule} from './modules.js';
import {dirname, resolve} from 'node:path';

export interface Loaded {
	readonly path: string;
	readonly file: ScenarioFile;
	/** What the player should know before playing it (a module changed since it was saved). */
	readonly warnings: readonly string[];
}

/** Read and validate a file; the failure lists every problem as `path:line:col: field: message`. */
export function readScenario(path: string): Result<Loaded> {
	const read = readText(path);
	if (!read.ok) return read;
	const text = read.value;

	return parseScenario(text, path);
}

export function parseScenario(text: string, path: string): Result<Loaded> {
	const changed = changedModule(text, path);
	const validated = validateText(text, dirname(resolve(path)));
	if (!validated.ok) {
		const lines = validated.problems.map(p => `${path}:${p.line}:${p.column}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
		return fail('invalid', [...lines, ...(changed ? [`${path}: ${changed}`] : [])].join('\n'));
	}

	return ok({path, file: validated.file, warnings: changed ? [changed] : []});
}

export const goalOf = (file: ScenarioFile): Goal => {
	const goal = file.goal ?? {kind: 'explore'};
	return typeof goal === 'string' ? {kind: goal} : goal;
};

export function specOf(file: ScenarioFile, inputs?: string): GameSpec {
	const allow = file.allow === undefined ? undefined : (file.allow as unknown) === 'none' ? [] : file.allow;
	return {
		protocol: file.protocol,
		n: file.nodes,
		inputs: inputs ?? file.inputs,
		f: file.f,
		allow,
		rounds: file.rounds,
	};
}

export interface Level {
	/** The position the player starts from (the setup moves applied). */
	readonly session: Session;
	/** How many moves the setup made: the player's moves come after. */
	readonly start: number;
	readonly goal: GoalSpec;
	readonly info: LevelInfo;
}

/** What the play screen needs to know about the level being played (none in the sandbox). */
export interface LevelInfo {
	readonly title: string;
	/** The goal, in a sentence. */
	readonly goal: string;
	readonly par?: number;
	/** Moves counted before the first move on the board (1 when the inputs were chosen). */
	readonly counted?: number;
	/** Seconds, or undefined for no limit. */
	readonly timeLimit?: number;
	/** Whether previews may be shown. */
	readonly hints: boolean;
	/**
	 * What of the analysis is shown (a challenge's `hints:`): `none` (no label, previews, witness
	 * runs or explanations), `label` (the current label only), `full`. Default: full with hints,
	 * else label.
	 */
	readonly show?: 'none' | 'label' | 'full';
}

function message(session: Session, text: string): Message | undefined {
	const setup = session.configs[0]!.setup;
	const move = parseMove(setup, text);
	return move.ok && move.value.kind === 'deliver' ? move.value.message : undefined;
}

/** A file's title; without one (a saved sandbox game), its id, or its protocol and inputs. */
export function titleOf(file: ScenarioFile): string {
	if (file.title ?? file.id) return (file.title ?? file.id)!;
	const rounds = file.rounds ? ` (${file.rounds} round${file.rounds === 1 ? '' : 's'})` : '';
	return `${protocolName(file.protocol)}${rounds}, ${file.nodes} nodes, inputs ${file.inputs}`;
}

/**
 * The moves a player is counted for on a level: the same number for the move counter, par,
 * best scores and challenge scores. Every move after the level's setup counts one (a byzantine
 * strategy one per send, a witness run one per move); choosing the inputs of a Lemma 1 level
 * (`inputs: choose`) counts one.
 */
export function countedMoves(file: Pick<ScenarioFile, 'inputs'> | undefined, played: number): number {
	return played + (file?.inputs === 'choose' ? 1 : 0);
}

/** Start a level (inputs given for a `choose` level); the file's own moves are not played. */
export function startLevel(file: ScenarioFile, inputs?: string): Result<Level> {
	const started = newSession(specOf(file, inputs), lookUpProtocol);
	if (!started.ok) return started;
	const setup = parseMoves(started.value.configs[0]!.setup, (file.setup ?? []).join(';'));
	if (!setup.ok) return setup;
	const played = playAll(started.value, setup.value);
	if (!played.ok) return played;
	const raw = goalOf(file);
	const target = raw.target ? message(played.value, raw.target) : undefined;
	const pair = raw.pair?.map(p => message(played.value, p));
	const goal: GoalSpec = {
		kind: raw.kind,
		...(target ? {target} : {}),
		...(raw.rounds ? {rounds: raw.rounds} : {}),
		...(pair && pair[0] && pair[1] ? {pair: [pair[0], pair[1]] as const} : {}),
		...(raw.hide ? {hide: true} : {}),
		...(raw.commute ? {commute: true} : {}),
	};
	const session = target ? {...played.value, target} : played.value;
	const info: LevelInfo = {
		title: titleOf(file),
		goal: goalSentence(goal, played.value.configs.at(-1)!),
		par: file.par,
		counted: countedMoves(file, 0),
		timeLimit: file.timeLimit,
		hints: file.hints ?? true,
	};
	return ok({session: {...session, moves: session.moves, undone: []}, start: setup.value.length, goal, info});
}

/** The level with the file's moves played too (saved games and replays). */
export function playFile(file: ScenarioFile): Result<Level> {
	const level = startLevel(file);
	if (!level.ok) return level;
	const moves = parseMoves(level.value.session.configs[0]!.setup, (file.moves ?? []).join(';'));
	if (!moves.ok) return moves;
	const played = playAll(level.value.session, moves.value);
	if (!played.ok) return played;
	return ok({...level.value, session: played.value});
}
