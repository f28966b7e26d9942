/**
 * Everything the game reads and writes, in one object the app is given: the campaign, the
 * player's progress, saved games and autosaves, challenge files and results. Screens get plain
 * values and callbacks; tests hand the app a temporary folder or a fake.
 */
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {readChallenge} from './challenge/challenge.js';
import {type ChallengeResult} from './challenge/result.js';
import {type ChallengeRun, saveResult} from './challenge/run.js';
import {nextAttempt, recordAttempt} from './challenge/attempts.js';
import {isModulePath, loadedModule} from './protocols/module.js';
import {loadIsolated, tryModule} from './protocols/isolate.js';
import {fileModule, loadFileModules} from './scenario/modules.js';
import type {GameSpec} from './engine/game.js';
import {prepareChallenge} from './challenge/prepare.js';
import type {Result} from './engine/types.js';
import {fail, ok} from './engine/types.js';
import {type CampaignLevel, campaignFile, loadCampaign} from './scenario/campaign.js';
import type {ScenarioFile} from './scenario/format.js';
import {EMPTY_PROGRESS, type LoadedProgress, type Progress, loadProgress, saveProgress} from './scenario/progress.js';
import {type SaveTarget, freshPath, makeFolder, saveFile, saveTarget} from './scenario/save.js';
import {type Loaded, readScenario} from './scenario/scenario.js';

/** An autosaved game the main menu can offer to continue. */
export interface Autosave {
	readonly path: string;
	/** Milliseconds since the epoch, when it was written. */
	readonly savedAt: number;
}

export interface AppFiles {
	/** The shipped levels, in order. */
	campaign(): readonly CampaignLevel[];
	/** The campaign level a path names (its file, the same object), if it is one. */
	campaignFile(path: string, campaign: readonly CampaignLevel[]): ScenarioFile | undefined;
	loadProgress(): LoadedProgress;
	/** Write the progress (merged with what the file holds now): what was written, or why not. */
	saveProgress(progress: Progress): Result<Progress>;
	readScenario(path: string): Result<Loaded>;
	/** A file name for the save prompt that does not exist yet. */
	suggestSave(): string;
	/** Where a name typed at the save prompt would go, or why it cannot. */
	checkSave(typed: string): SaveTarget;
	/** Write a game to a full path the player chose (its folder must exist). */
	save(file: ScenarioFile, path: string): Result<string>;
	/**
	 * Save a game being left (or interrupted) under the state folder, as `name-stamp.yaml`, or
	 * over `reuse` (the autosave it was continued from). The path, or why not; undefined when the
	 * game keeps no state (tests, no home folder).
	 */
	autosave(name: string, file: ScenarioFile, reuse?: string): Result<string> | undefined;
	/** The newest autosave, if any. */
	lastAutosave(): Autosave | undefined;
	/** Check a challenge file; the message says what is wrong. */
	readChallenge(path: string): Result<unknown>;
	/** The run for a player, and where its result goes; or the message for the player. */
	prepareChallenge(path: string, player: string): Result<{run: ChallengeRun; out: string}>;
	/** Write a challenge's result; the sentence says where, or why not. */
	saveResult(out: string, result: ChallengeResult): string;
	/** Record that a run's clock started (its attempt number), as `flp challenge` does. */
	recordAttempt(run: ChallengeRun): void;
	/**
	 * Before a game on a protocol module starts at a size not played yet: the module tried at it
	 * in a worker (a step that never returns is stopped there, not in the screen's thread).
	 */
	tryProtocol(spec: GameSpec): Promise<Result<void>>;
	/** The protocol module a file names that has not been allowed to run yet: its path and hash. */
	moduleToTrust(path: string): {readonly module: string; readonly hash: string} | undefined;
	/** Run the modules a file names, the user having said yes (tried in a worker first). */
	trustModules(path: string): Promise<Result<void>>;
}

export interface DiskOptions {
	/** Where progress and autosaves live; none: nothing is written there. */
	readonly stateDir?: string;
	/** Where the save prompt's suggestion starts: a path without extension (default: ./flp-game). */
	readonly saveBase?: string;
	readonly clock?: () => number;
}

const stampOf = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** The state folder may be several folders deep that do not exist yet (~/.local/state/...). */
const STATE_FOLDER_DEPTH = 4;

/** The game's files on disk. */
export function diskFiles({stateDir, saveBase = 'flp-game', clock = Date.now}: DiskOptions = {}): AppFiles {
	const savesDir = stateDir ? join(stateDir, 'saves') : undefined;
	return {
		campaign: () => loadCampaign(),
		campaignFile,
		loadProgress: () => (stateDir ? loadProgress(stateDir, stampOf(clock())) : {progress: EMPTY_PROGRESS}),
		saveProgress(progress) {
			if (!stateDir) return ok(progress);
			try {
				makeFolder(stateDir, STATE_FOLDER_DEPTH);
				return ok(saveProgress(stateDir, progress));
			} catch (error) {
				return fail('write-failed', `Could not save your progress: ${(error as Error).message}.`);
			}
		},
		readScenario,
		suggestSave: () => freshPath(saveBase),
		checkSave: typed => saveTarget(typed),
		save: (file, path) => saveFile(file, path),
		autosave(name, file, reuse) {
			if (!savesDir) return undefined;
			try {
				makeFolder(savesDir, STATE_FOLDER_DEPTH);
			} catch (error) {
				return fail('write-failed', `Your game could not be saved: ${(error as Error).message}.`);
			}

			const path = reuse ?? freshPath(join(savesDir, `${name.replace(/[^\w.-]+/g, '_')}-${stampOf(clock())}`));
			const saved = saveFile(file, path);
			return saved.ok ? ok(path) : fail(saved.code, `Your game could not be saved: ${saved.reason}.`);
		},
		lastAutosave() {
			if (!savesDir) return undefined;
			let newest: Autosave | undefined;
			try {
				for (const name of readdirSync(savesDir)) {
					if (!name.endsWith('.yaml')) continue;
					const path = join(savesDir, name);
					const savedAt = statSync(path).mtimeMs;
					if (!newest || savedAt > newest.savedAt) newest = {path, savedAt};
				}
			} catch {
				return undefined;
			}

			return newest;
		},
		readChallenge: path => readChallenge(path),
		prepareChallenge(path, player) {
			const prepared = prepareChallenge([path], {player});
			if (!prepared.ok) return prepared;
			// A restart under the same name counts, from the menu as from `flp challenge`.
			const attempt = stateDir ? nextAttempt(stateDir, prepared.value.run.challenge.file.id, player) : 1;
			return ok({...prepared.value, run: {...prepared.value.run, attempt}});
		},
		saveResult,
		moduleToTrust(path) {
			const named = fileModule(path);
			return named && named.hash !== undefined && !loadedModule(named.module) ? {module: named.module, hash: named.hash} : undefined;
		},
		async trustModules(path) {
			const loaded = await loadFileModules([path], {trusted: true}, loadIsolated);
			return loaded.ok ? ok(undefined) : loaded;
		},
		tryProtocol: async spec => (isModulePath(spec.protocol) ? tryModule(spec.protocol, [{n: spec.n, f: spec.f ?? 1, rounds: spec.rounds ?? 1}]) : ok(undefined)),
		recordAttempt(run) {
			if (stateDir) recordAttempt(stateDir, run.challenge.file.id, run.player, run.attempt);
		},
	};
}
