/**
 * The two real protocols shipped as modules (protocols/two-phase-commit.js, protocols/paxos.js):
 * loaded through the same loader a user's module takes, and what the analysis proves about them.
 */
import fc from 'fast-check';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {analyze} from '../../source/engine/analysis.js';
import type {Configuration} from '../../source/engine/configuration.js';
import type {GameSpec} from '../../source/engine/game.js';
import {applyLegal, legalMoves} from '../../source/engine/moves.js';
import {SHIPPED_FOLDER, loadProtocolModule} from '../../source/protocols/module.js';
import {findProtocol} from '../../source/protocols/registry.js';
import {declarationCheck} from '../../source/protocols/guard.js';
import {game} from '../helpers/games.js';

const VECTORS = ['000', '001', '010', '011', '100', '101', '110', '111'];
const outcomes = (spec: GameSpec) => {
	const result = analyze(game(spec));
	expect(result.complete).toBe(true);
	return result.outcomes;
};

describe('loaded like a user module', () => {
	test.each(['two-phase-commit', 'paxos'])('%s: its id names the module the public loader loads, and every declaration holds', async id => {
		const loaded = await loadProtocolModule(join(SHIPPED_FOLDER, `${id}.js`));
		expect(loaded.ok).toBe(true);
		if (!loaded.ok) return;
		expect(findProtocol(id)).toBe(loaded.value.protocol);
		expect(findProtocol(loaded.value.path)).toBe(loaded.value.protocol);
		expect(loaded.value.hash).toMatch(/^[0-9a-f]{64}$/);
		for (const [n, rounds] of [
			[3, 1],
			[4, 1],
			[3, 2],
		] as const) {
			const check = declarationCheck(loaded.value.protocol.instantiate(n, 1, {rounds}));
			expect(check?.notes).toEqual([]);
			expect(check?.keep).toEqual({closed: true, orderFree: id === 'two-phase-commit', role: true});
		}
	});
});

describe('two-phase-commit', () => {
	test('blocks: with the coordinator able to crash, every input vector has an undecided run, and never a split', () => {
		for (const inputs of VECTORS) {
			const found = outcomes({protocol: 'two-phase-commit', n: 3, inputs, allow: ['crash']});
			expect(found).toContain('stuck');
			expect(found).not.toContain('split');
		}

		expect(outcomes({protocol: 'two-phase-commit', n: 3, inputs: '111', allow: ['crash']})).toEqual(['one', 'stuck']);
		expect(outcomes({protocol: 'two-phase-commit', n: 3, inputs: '000', allow: ['crash']})).toEqual(['zero', 'stuck']);
		// Commit needs every vote yes: one no aborts, whatever the schedule.
		expect(outcomes({protocol: 'two-phase-commit', n: 3, inputs: '110', allow: []})).toEqual(['zero']);
	});

	test('without faults every run decides, and commits exactly when all vote yes', () => {
		for (const inputs of VECTORS) {
			expect(outcomes({protocol: 'two-phase-commit', n: 3, inputs, allow: []})).toEqual([inputs === '111' ? 'one' : 'zero']);
		}
	});

	test('the crashed coordinator is what blocks: a crashed participant only aborts or stalls nobody', () => {
		const c = game({protocol: 'two-phase-commit', n: 3, inputs: '111', allow: ['crash']}, 'corrupt 1 as crash; start 2; start 3');
		expect(analyze(c).outcomes).toEqual(['stuck']);
	});
});

describe('paxos', () => {
	test('one ballot each: under crash, agreement holds on every run, for every input vector; termination does not', () => {
		for (const inputs of VECTORS) {
			const found = outcomes({protocol: 'paxos', n: 3, inputs, allow: ['crash'], rounds: 1});
			expect(found).not.toContain('split');
			expect(found).toContain('stuck');
		}
	});

	test('validity holds whenever the inputs agree', () => {
		expect(outcomes({protocol: 'paxos', n: 3, inputs: '000', allow: ['crash'], rounds: 1})).toEqual(['zero', 'stuck']);
		expect(outcomes({protocol: 'paxos', n: 3, inputs: '111', allow: ['crash'], rounds: 1})).toEqual(['one', 'stuck']);
	});

	test('with mixed inputs a proposer that crashes after its value was chosen makes invalid reachable', () => {
		// Node 1 (input 0) gets 0 accepted by a majority, then crashes: the honest nodes hold 1s and learn 0.
		const moves = 'start 1; start 3; 3<1:prepare.1=go; 1<3:promise.1=none; 3<1:accept.1=0; 1<3:accepted.1=0; corrupt 1 as crash';
		const c = game({protocol: 'paxos', n: 3, inputs: '011', allow: ['crash'], rounds: 1}, moves);
		expect(c.nodes.map(node => node.output)).toEqual([0, null, null]);
		expect(analyze(c).outcomes).toEqual(['zero', 'invalid']);
	});

	test('without faults every run decides, even with two ballots each', () => {
		for (const [inputs, rounds] of [['001', 1], ['011', 1], ['011', 2]] as const) {
			{
				const found = outcomes({protocol: 'paxos', n: 3, inputs, allow: [], rounds});
				expect(found.every(o => o === 'zero' || o === 'one')).toBe(true);
			}
		}
	});

	test('two ballots each, under crash: agreement still holds on every run (complete)', () => {
		const found = outcomes({protocol: 'paxos', n: 3, inputs: '011', allow: ['crash'], rounds: 2});
		expect(found).toEqual(['zero', 'one', 'stuck', 'invalid']);
	});

	test('random runs with a crash: no two honest nodes ever output different values', () => {
		const spec: GameSpec = {protocol: 'paxos', n: 4, inputs: '0110', allow: ['crash'], rounds: 2};
		fc.assert(
			fc.property(fc.array(fc.nat(), {maxLength: 120}), picks => {
				let c: Configuration = game(spec);
				for (const pick of picks) {
					const moves = legalMoves(c);
					if (moves.length === 0) break;
					c = applyLegal(c, moves[pick % moves.length]!);
					const said = new Set(c.nodes.filter(node => node.corrupt === null && node.output !== null).map(node => node.output));
					expect(said.size).toBeLessThanOrEqual(1);
				}
			}),
			{numRuns: 60},
		);
	});
});
