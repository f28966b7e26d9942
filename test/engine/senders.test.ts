/**
 * Rule 10 of docs/engine.md: for a sender-blind protocol, keys forget who sent what. These tests
 * check that the key really forgets it where it may, keeps it where it must (a node that may send
 * as a byzantine node), and that answers stay exact: the same R as the analysis without keys that
 * forget anything (symmetry off), and as the plain explorer on the smallest games.
 */
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {Analyzer} from '../../source/engine/analysis.js';
import type {Configuration} from '../../source/engine/configuration.js';
import type {GameSpec} from '../../source/engine/game.js';
import {applyLegal, legalMoves} from '../../source/engine/moves.js';
import {PackedModel} from '../../source/engine/packed/model.js';
import {plainOutcomes} from '../../source/engine/plain.js';
import {game} from '../helpers/games.js';
import {keptAgreesAlongRuns} from '../helpers/kept.js';

const runs = {numRuns: 25, seed: 20261204};

/** The key of a configuration's state, as bytes to compare. */
function keyOf(model: PackedModel, c: Configuration): string {
	return Buffer.from(model.key(model.encode(c), new Uint8Array(model.size))).toString('hex');
}

// ben-or, n = 4, inputs 0001, one round: nodes 1 to 3 send p1.1 = 0, node 4 sends 1.
const START = 'start 1; start 2; start 3; start 4';
const spec: GameSpec = {protocol: 'ben-or', n: 4, inputs: '0001', allow: ['crash'], rounds: 1};
// Node 1 heard node 2 and node 4 heard node 2, or node 1 heard node 3 and node 4 heard node 2: no
// renumbering of nodes maps one onto the other, but every node holds the same values and has the
// same values on their way.
const heardTwoMoves = `${START}; 1<2:p1.1=0; 4<2:p1.1=0`;
const heardThreeMoves = `${START}; 1<3:p1.1=0; 4<2:p1.1=0`;
const heardTwo = game(spec, heardTwoMoves);
const heardThree = game(spec, heardThreeMoves);

describe('keys that forget who sent what (rule 10)', () => {
	test('two positions that differ only in who sent the values a node holds get one key', () => {
		const model = new PackedModel(heardTwo.setup, true, true, 0);
		expect(model.symmetry.anonymous).toBe(true);
		expect(keyOf(model, heardTwo)).toBe(keyOf(model, heardThree));
		// They do have the same R (here computed without the rule).
		const plain = new Analyzer({symmetry: false});
		expect(plain.analyze(heardTwo, {witnesses: false}).mask).toBe(new Analyzer({symmetry: false}).analyze(heardThree, {witnesses: false}).mask);
	});

	test('keys keep senders where the rule is off: symmetry off, or two nodes may turn byzantine (-1)', () => {
		expect(keyOf(new PackedModel(heardTwo.setup, false, true, 0), heardTwo)).not.toBe(keyOf(new PackedModel(heardTwo.setup, false, true, 0), heardThree));
		const everyone = new PackedModel(heardTwo.setup, true, true, -1);
		expect(everyone.symmetry.anonymous).toBe(false);
		expect(keyOf(everyone, heardTwo)).not.toBe(keyOf(everyone, heardThree));
	});

	test("the node that may turn byzantine keeps its messages' sender", () => {
		// Node 3 kept: in heardThree node 1 holds node 3's value; in heardTwo node 3's message to
		// node 1 is still on its way, so node 3, turned byzantine, could send node 1 the other value
		// first. The keys must differ. With node 4 kept instead, nothing tells them apart.
		expect(keyOf(new PackedModel(heardTwo.setup, true, true, 3), heardTwo)).not.toBe(keyOf(new PackedModel(heardTwo.setup, true, true, 3), heardThree));
		expect(keyOf(new PackedModel(heardTwo.setup, true, true, 4), heardTwo)).toBe(keyOf(new PackedModel(heardTwo.setup, true, true, 4), heardThree));
	});

	test('where any node may turn byzantine (the whole game at f = 1), keys forget senders only once the corruption is made', () => {
		const byzantine: GameSpec = {...spec, allow: ['crash', 'byzantine']};
		const two = game(byzantine, heardTwoMoves);
		const three = game(byzantine, heardThreeMoves);
		const model = new PackedModel(two.setup, true, true, -2);
		// Before the corruption node 3 could still turn byzantine: the keys keep every sender.
		expect(keyOf(model, two)).not.toBe(keyOf(model, three));
		// Node 4 crashed: no node can turn byzantine any more, and nothing tells them apart.
		const after = (moves: string, corruption: string): string => keyOf(model, game(byzantine, `${moves}; ${corruption}`));
		expect(after(heardTwoMoves, 'corrupt 4 as crash')).toBe(after(heardThreeMoves, 'corrupt 4 as crash'));
		// Node 3 byzantine: its messages keep their sender, and node 1 holds its value in one only.
		expect(after(heardTwoMoves, 'corrupt 3 as byzantine')).not.toBe(after(heardThreeMoves, 'corrupt 3 as byzantine'));
		// Node 4 byzantine: node 4 heard node 2 in both, and the rest is forgotten.
		expect(after(heardTwoMoves, 'corrupt 4 as byzantine')).toBe(after(heardThreeMoves, 'corrupt 4 as byzantine'));
	});

	test('a protocol that reads senders (leader) never gets such keys', () => {
		const leader = game({protocol: 'leader', n: 3, inputs: '011', allow: ['crash']});
		expect(new PackedModel(leader.setup, true, true, 0).symmetry.anonymous).toBe(false);
	});

	test('a kept analyzer answers every position, and every successor, as the analysis without the rule does', () => {
		// Games where the rule acts in each of its cases: no byzantine node possible (keep 0), a
		// byzantine node's own game (its node kept), any node able to turn byzantine (rule off),
		// and f = 2 (rule off while two corruptions can make byzantine nodes).
		const specs: GameSpec[] = [
			{protocol: 'ben-or', n: 4, inputs: '0111', allow: [], rounds: 1},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: ['crash'], rounds: 2},
			{protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash', 'lie', 'byzantine'], rounds: 1},
			{protocol: 'quorum', n: 4, inputs: '0011', allow: ['crash', 'lie', 'byzantine']},
			{protocol: 'wait-all', n: 4, inputs: '0001', allow: ['byzantine']},
			{protocol: 'wait-all', n: 3, inputs: '011', allow: ['crash', 'byzantine'], f: 2},
		];
		keptAgreesAlongRuns(specs, {}, {symmetry: false}, runs, 14);
		// About 10 s on the 2-core machine: room for a busy one.
	}, 60_000);

	test('on the smallest games the answers are the plain explorer’s, with every behaviour', () => {
		// (The plain explorer takes seconds from the start of these games: positions a few moves in.)
		const specs: GameSpec[] = [
			{protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash', 'lie'], rounds: 1},
			{protocol: 'quorum', n: 3, inputs: '011', allow: ['crash', 'lie', 'byzantine']},
			{protocol: 'wait-all', n: 3, inputs: '001', allow: ['lie', 'byzantine']},
		];
		fc.assert(
			fc.property(fc.constantFrom(...specs), fc.array(fc.nat(1000), {minLength: 3, maxLength: 10}), (spec, picks) => {
				let config = game(spec);
				for (const pick of picks) {
					const options = legalMoves(config);
					if (options.length === 0) break;
					config = applyLegal(config, options[pick % options.length]!);
				}

				expect(new Analyzer().analyze(config, {witnesses: false}).mask).toBe(plainOutcomes(config).mask);
			}),
			{...runs, numRuns: 40},
		);
	});
});
