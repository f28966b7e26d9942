/** Result files as the game writes them, for tests of verify and board. */
import {type Challenge, instances} from '../../source/challenge/challenge.js';
import {type ChallengeResult, judgeLevel} from '../../source/challenge/result.js';
import {newRun, toResult} from '../../source/challenge/run.js';
import {parseMoves} from '../../source/engine/notation.js';
import {playAll} from '../../source/engine/session.js';
import {startLevel} from '../../source/scenario/scenario.js';

/** A result as the game writes it, with the given moves per level (solving what they solve). */
export function resultFor(challenge: Challenge, seed: number, moves: Record<number, {moves: string[]; inputs?: string}>, timeMs = 60_000, player = 'ada'): ChallengeResult {
	const made = instances(challenge, seed);
	if (!made.ok) throw new Error(made.message);
	let run = newRun(challenge, made.value, player, seed);
	run = {
		...run,
		levels: run.levels.map((state, i) => {
			const entry = moves[i];
			if (!entry) return state;
			const level = startLevel(made.value[i]!.file, entry.inputs);
			if (!level.ok) throw new Error(level.message);
			const parsed = parseMoves(level.value.session.configs[0]!.setup, entry.moves.join(';'));
			if (!parsed.ok) throw new Error(parsed.message);
			const session = playAll(level.value.session, parsed.value);
			if (!session.ok) throw new Error(session.message);
			const judged = judgeLevel(made.value[i]!, entry.moves, entry.inputs);
			return {...state, session: session.value, start: level.value.start, inputs: entry.inputs, solved: judged.ok && judged.value, timeMs: 1000};
		}),
	};
	return toResult(run, timeMs, true);
}

