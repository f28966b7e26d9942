/**
 * `flp challenge check FILE [--roster FILE] [--answers]`: before class, make every student's
 * levels (the roster's names, or a sample of seeds), fail on any seed that gets none, and show
 * per slot how the puzzles vary (protocol, n, par), so the instructor sees whether they are
 * equally hard. `--answers` prints a solution per student and level: an answer key.
 */
import {type Challenge, type Instance, instances} from '../challenge/challenge.js';
import {hashSeed} from '../challenge/random.js';
import {escapeControls} from '../challenge/result.js';
import {loadChallenge, noChallenge} from './results.js';
import {type CommandResult, failed, usageError} from './result.js';

export interface CheckOptions {
	readonly roster?: string;
	readonly answers?: boolean;
}

/** Seeds checked when there is no roster: players named student-1 .. student-N (or seeds 0..N-1). */
export const SAMPLE = 20;

const counts = (values: readonly string[]): string => {
	const tally = new Map<string, number>();
	for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
	return [...tally].map(([v, n]) => `${v} ×${n}`).join(', ');
};

export function runChallengeCheck(args: readonly string[], options: CheckOptions): CommandResult {
	if (args.length !== 1) return usageError('challenge check takes one file: flp challenge check FILE [--roster FILE] [--answers]');
	if (!args[0]) return noChallenge('challenge check');
	const loaded = loadChallenge(args[0], options.roster);
	if (!loaded.ok) return failed(loaded);
	const challenge: Challenge = loaded.value;
	const free = challenge.file.seeds === 'free';
	const players: Array<{name: string; seed: number}> = challenge.roster
		? challenge.roster.map(name => ({name, seed: hashSeed(name)}))
		: Array.from({length: SAMPLE}, (_, i) => (free ? {name: `seed ${i}`, seed: i} : {name: `student-${i + 1}`, seed: hashSeed(`student-${i + 1}`)}));
	const lines: string[] = [];
	const problems: string[] = [];
	const made: Array<{name: string; seed: number; levels: readonly Instance[]}> = [];
	for (const {name, seed} of players) {
		const levels = instances(challenge, seed);
		if (levels.ok) made.push({name, seed, levels: levels.value});
		else problems.push(`${escapeControls(name)} (seed ${seed}): ${levels.message}`);
	}

	const who = challenge.roster ? `${players.length} students on the roster` : free ? `${SAMPLE} sample seeds (0 to ${SAMPLE - 1})` : `${SAMPLE} sample players (student-1 to student-${SAMPLE})`;
	lines.push(`${escapeControls(challenge.file.title)}: ${challenge.file.levels.length} levels, ${who}, ${made.length} with every level made`);
	for (const [slot, level] of challenge.file.levels.entries()) {
		const here = made.map(m => m.levels.find(l => l.index === slot)!.file);
		const pars = here.map(f => f.par).filter((p): p is number => p !== undefined);
		const low = Math.min(...pars);
		const high = Math.max(...pars);
		const par = pars.length === 0 ? 'no par' : low === high ? `par ${low}` : `par ${low}-${high}`;
		if ('file' in level) {
			lines.push(`  level ${slot + 1}  fixed ${escapeControls(level.file)}: ${here[0]?.protocol ?? '?'}, n = ${here[0]?.nodes ?? '?'}, ${par}`);
			continue;
		}

		const g = level.generate;
		lines.push(`  level ${slot + 1}  ${g.goal}: protocol ${counts(here.map(f => f.protocol))}; n ${counts(here.map(f => String(f.nodes)))}; ${par}`);
		if (g.parSpread !== undefined && pars.length > 0 && high - low > g.parSpread) {
			problems.push(`level ${slot + 1}: par varies from ${low} to ${high}, more than parSpread ${g.parSpread} allows (set par: to give every student the same, or allow more)`);
		}
	}

	if (options.answers) {
		lines.push('', 'Answer key (one solution each; other solutions may score as well or better):');
		for (const {name, seed, levels} of made) {
			lines.push(`  ${escapeControls(name)} (seed ${seed})`);
			for (const level of levels) {
				const answer = level.solution
					? level.file.inputs === 'choose'
						? `choose ${level.solution[0]}`
						: level.solution.join('; ')
					: 'a fixed level: the same for everyone (see its own file)';
				lines.push(`    level ${level.index + 1}: ${answer}`);
			}
		}
	}

	const out = `${lines.join('\n')}\n`;
	if (problems.length > 0) return {code: 1, stdout: out, stderr: `${problems.map(p => `flp: ${p}`).join('\n')}\n`};
	return {code: 0, stdout: out, stderr: ''};
}
