/** `flp attack`: verdicts that agree with `flp analyze`, runs that really break, and that are shortest. */
import {describe, expect, test} from 'vitest';
import {type AttackReport, runAttackCommand, shortestRuns, vectorClasses} from '../../source/commands/attack.js';
import {runAnalyzeCommand} from '../../source/commands/analyze.js';
import {configKey, initialConfiguration, type Configuration} from '../../source/engine/configuration.js';
import {createSetup} from '../../source/engine/game.js';
import {applyLegal, applyMoves, legalMoves} from '../../source/engine/moves.js';
import {parseMoves} from '../../source/engine/notation.js';
import {INVALID, SPLIT, STUCK, evaluate, outcomesOf} from '../../source/engine/outcomes.js';
import {lookUpProtocol} from '../../source/protocols/registry.js';
import {runCli} from '../helpers/run-cli.js';

const now = () => performance.now();
const attack = async (protocol: string, extra: Record<string, unknown> = {}): Promise<AttackReport> => {
	const result = await runAttackCommand([], {protocol, nodes: 3, json: true, ...extra}, now);
	expect(result.stderr).toBe('');
	return JSON.parse(result.stdout) as AttackReport;
};

const BREAKS = {agreement: 'split', validity: 'invalid', termination: 'stuck'} as const;

describe('flp attack agrees with flp analyze on every initial configuration (n = 3, crash)', () => {
	test.each(['wait-all', 'quorum', 'leader', 'ben-or', 'two-phase-commit', 'paxos'])('%s', async protocol => {
		const report = await attack(protocol);
		expect(report.complete).toBe(true);
		const covered = report.vectors.flatMap(v => [v.inputs, ...v.also]).sort();
		expect(covered).toEqual(['000', '001', '010', '011', '100', '101', '110', '111']);
		for (const v of report.vectors) {
			for (const inputs of [v.inputs, ...v.also]) {
				const analysed = JSON.parse((await runAnalyzeCommand({protocol, nodes: 3, inputs, allow: 'crash', json: true}, now)).stdout) as {outcomes: string[]; complete: boolean};
				expect(analysed.complete).toBe(true);
				for (const [property, outcome] of Object.entries(BREAKS)) {
					expect(`${inputs} ${property} ${v[property as keyof typeof BREAKS].verdict}`).toBe(`${inputs} ${property} ${analysed.outcomes.includes(outcome) ? 'broken' : 'holds'}`);
				}
			}

			// Every run is legal from the start and ends quiescent with the outcome that breaks it.
			const setup = createSetup({protocol, n: 3, inputs: v.inputs, allow: ['crash']}, lookUpProtocol);
			expect(setup.ok).toBe(true);
			if (!setup.ok) return;
			for (const [property, outcome] of Object.entries(BREAKS)) {
				const verdict = v[property as keyof typeof BREAKS];
				if (verdict.verdict !== 'broken') continue;
				expect(verdict.shortest).toBe(true);
				const moves = parseMoves(setup.value, verdict.run!.join(';'));
				expect(moves.ok).toBe(true);
				if (!moves.ok) return;
				const end = applyMoves(initialConfiguration(setup.value), moves.value);
				expect(end.ok).toBe(true);
				if (!end.ok) return;
				expect(end.value.pool).toEqual([]);
				expect(outcomesOf(evaluate(end.value))).toContain(outcome);
			}
		}
	});
});

/** Plain breadth-first search over the game's own graph: the fewest moves to each outcome. */
function plainShortest(start: Configuration): Map<number, number> {
	const found = new Map<number, number>();
	const seen = new Set([configKey(start)]);
	let frontier = [start];
	for (let depth = 0; frontier.length > 0; depth++) {
		const next: Configuration[] = [];
		for (const c of frontier) {
			if (c.pool.length === 0) for (const o of [SPLIT, INVALID, STUCK]) if (evaluate(c) & o && !found.has(o)) found.set(o, depth);
			for (const move of legalMoves(c)) {
				const after = applyLegal(c, move);
				const key = configKey(after);
				if (!seen.has(key)) {
					seen.add(key);
					next.push(after);
				}
			}
		}

		frontier = next;
	}

	return found;
}

test('the runs are shortest: as short as a plain breadth-first search over every game move finds', () => {
	for (const [protocol, inputs, allow] of [
		['leader', '011', ['crash']],
		['quorum', '011', ['crash']],
		['two-phase-commit', '101', ['crash']],
		['quorum', '01', ['byzantine']],
		['leader', '01', ['byzantine']],
	] as const) {
		const setup = createSetup({protocol, n: inputs.length, inputs, allow: [...allow]}, lookUpProtocol);
		expect(setup.ok).toBe(true);
		if (!setup.ok) continue;
		const start = initialConfiguration(setup.value);
		const plain = plainShortest(start);
		const search = shortestRuns(start, SPLIT | INVALID | STUCK, () => false, 1e7);
		expect(search.complete).toBe(true);
		const lengths = new Map([...search.runs].map(([o, run]) => [o, run.length]));
		expect(`${protocol} ${inputs} ${[...lengths].sort().join(' ')}`).toBe(`${protocol} ${inputs} ${[...plain].sort().join(' ')}`);
	}
});

test('input vectors are grouped by declared roles', () => {
	expect(vectorClasses(3, () => 0).map(c => `${c.inputs}:${c.also.join(',')}`)).toEqual(['000:', '001:010,100', '011:101,110', '111:']);
	expect(vectorClasses(3, self => (self === 1 ? 1 : 0)).map(c => c.inputs)).toEqual(['000', '001', '011', '100', '101', '111']);
	expect(vectorClasses(2, undefined).map(c => c.inputs)).toEqual(['00', '01', '10', '11']);
});

describe('the command line', () => {
	test('a table, the runs, and what the theorem leaves', () => {
		const result = runCli(['attack', 'quorum', '--nodes', '3']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		expect(lines.slice(0, 7)).toEqual([
			'attack on quorum  n=3 f=1  allow: crash',
			'',
			'inputs  agreement      validity       termination',
			'000     holds          holds          holds',
			'001     holds          holds          holds   (also 010, 100)',
			'011     broken (9)     broken (10)    holds   (also 101, 110)',
			'111     holds          holds          holds',
		]);
		expect(result.stdout).toMatch(/^ {2}011 agreement {4}start 1; .*; 2<3:vote=1$/m);
		expect(result.stdout).toContain('termination holds on every run from every input vector.');
	});

	test('--help states the theorem; bad input is one line, exit 2', async () => {
		expect(runCli(['attack', '--help']).stdout).toContain('a protocol that always\n    terminates must give up agreement or validity');
		const bad = runCli(['attack', 'raft', '--nodes', '3']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/^flp: unknown protocol "raft"/);
		expect((await runAttackCommand([], {protocol: 'quorum'}, now)).stderr).toBe('flp: missing --nodes (the number of nodes, 2 to 6)\n');
	});

	test('a budget too small says so: unknown, complete false', async () => {
		const report = await attack('ben-or', {budgetStates: 50});
		expect(report.complete).toBe(false);
		expect(report.vectors.some(v => v.termination.verdict === 'unknown' || v.termination.shortest === false)).toBe(true);
	});
});
