/**
 * Two declarations that let the analysis merge more states: `scratch` (local state no step reads
 * before writing it, left out like a closed slot: rule 4 of docs/engine.md) and
 * `inputOnlyAtStart` (once started, nodes of one role are interchangeable whatever their inputs,
 * where validity cannot be broken: rule 5). These tests check ben-or's promises themselves, that
 * the merged positions really have one R, that a node that has not started keeps to its input's
 * places, and the same R as the analysis without symmetry and as the plain explorer.
 */
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {Analyzer} from '../../source/engine/analysis.js';
import {type Configuration, comparePool, messageId} from '../../source/engine/configuration.js';
import type {GameSpec} from '../../source/engine/game.js';
import {applyLegal} from '../../source/engine/moves.js';
import {PackedModel} from '../../source/engine/packed/model.js';
import {plainOutcomes} from '../../source/engine/plain.js';
import type {NodeView} from '../../source/engine/protocol.js';
import {reachable, withoutAges} from '../helpers/arbitraries.js';
import {game} from '../helpers/games.js';
import {keptAgreesAlongRuns} from '../helpers/kept.js';

const runs = {numRuns: 30, seed: 20261206};

/** The configuration with nodes a and b swapped: their blocks, their rows at every node, and their messages. */
function swap(c: Configuration, a: number, b: number): Configuration {
	expect(c.sent).toEqual([]);
	const to = (node: number): number => (node === a ? b : node === b ? a : node);
	const slots = c.setup.protocol.slots.length;
	const nodes = c.nodes.map((_, index) => {
		const source = c.nodes[to(index + 1) - 1]!;
		const received = [...source.received];
		for (let from = 1; from <= c.setup.n; from++) {
			for (let slot = 0; slot < slots; slot++) received[from * slots + slot] = source.received[to(from) * slots + slot]!;
		}

		return {...source, received};
	});
	const pool = c.pool
		.map(entry => {
			const message = {...entry.message, to: to(entry.message.to), from: entry.message.from === 0 ? 0 : to(entry.message.from)};
			return {...entry, message, id: messageId(c.setup, message)};
		})
		.sort(comparePool);
	return {...c, nodes, pool};
}

function keyOf(model: PackedModel, c: Configuration): string {
	return Buffer.from(model.key(model.encode(c), new Uint8Array(model.size))).toString('hex');
}

const mask = (c: Configuration): number => new Analyzer({symmetry: false}).analyze(c, {witnesses: false}).mask;

/** The same game without the two declarations. */
function without(c: Configuration): Configuration {
	return {...c, setup: {...c.setup, protocol: {...c.setup.protocol, scratch: undefined, inputOnlyAtStart: undefined}}};
}

const PREF = 2;

describe('scratch local state (rule 4)', () => {
	test("ben-or's preference is never read: a position with it changed takes every move to the same place, and closed slots and the slot waited on stay the same", () => {
		const specs: readonly GameSpec[] = [
			{protocol: 'ben-or', n: 4, inputs: '1100', allow: ['crash', 'lie'], rounds: 2},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: ['byzantine'], rounds: 3},
		];
		let compared = 0;
		fc.assert(
			fc.property(reachable(specs, 0, 30), ({config}) => {
				const protocol = config.setup.protocol;
				expect(protocol.scratch).toEqual([PREF]);
				const slots = protocol.slots.length;
				for (const [index, node] of config.nodes.entries()) {
					if (!node.started || !(node.corrupt === null || node.corrupt === 'lie')) continue;
					const local = [...node.local];
					local[PREF] = 1 - local[PREF]!;
					const changed: Configuration = {...config, nodes: config.nodes.map((other, k) => (k === index ? {...other, local} : other))};
					const view = (local: readonly number[]): NodeView => ({...node, n: config.setup.n, self: index + 1, input: config.setup.inputs[index]!, local, get: (from, slot) => node.received[from * slots + slot]!});
					expect(protocol.phases!.reading(local)).toBe(protocol.phases!.reading(node.local));
					for (let slot = 0; slot < slots; slot++) expect(protocol.closed(view(local), slot)).toBe(protocol.closed(view(node.local), slot));
					for (const {message} of config.pool) {
						if (message.to !== index + 1) continue;
						const blank = (c: Configuration): unknown => withoutAges({...c, nodes: c.nodes.map(n => ({...n, local: n.local.map((v, j) => (j === PREF ? 0 : v))}))});
						const next = applyLegal(config, {kind: 'deliver', message});
						const nextChanged = applyLegal(changed, {kind: 'deliver', message});
						expect(blank(nextChanged)).toEqual(blank(next));
						compared++;
					}
				}
			}),
			{...runs, numRuns: 60},
		);
		expect(compared).toBeGreaterThan(100);
	});
});

describe('inputs as well as roles (rule 5)', () => {
	// ben-or, n = 4, inputs 1100, two rounds, no faults: validity cannot be broken.
	const spec: GameSpec = {protocol: 'ben-or', n: 4, inputs: '1100', allow: [], rounds: 2};

	test('two started nodes with different inputs are interchangeable: one key, one R', () => {
		const started = game(spec, 'start 1; start 2; start 3; start 4; 1<2:p1.1=1');
		const swapped = swap(started, 1, 3);
		const model = new PackedModel(started.setup);
		expect(keyOf(model, swapped)).toBe(keyOf(model, started));
		expect(mask(swapped)).toBe(mask(started));
		// Without the declaration, nodes of different inputs are never renumbered onto each other.
		const plain = new PackedModel(without(started).setup);
		expect(keyOf(plain, swapped)).not.toBe(keyOf(plain, started));
	});

	test('a node that has not started keeps to the places of its own input', () => {
		// Node 1 (input 1) has not started: put in node 3's place it would start with 0.
		const waiting = game(spec, 'start 2; start 3; start 4');
		const model = new PackedModel(waiting.setup);
		expect(keyOf(model, swap(waiting, 1, 3))).not.toBe(keyOf(model, waiting));
		// Nodes 1 and 2 (both input 1) may trade places.
		const two = game(spec, 'start 1; start 3; start 4');
		expect(keyOf(model, swap(two, 1, 2))).toBe(keyOf(model, two));
	});

	test('where validity can be broken, inputs still tell nodes apart', () => {
		// Inputs 1000 with a crash: crashing node 1 leaves only 0 inputs, and a 1 output breaks validity.
		const breakable = game({protocol: 'ben-or', n: 4, inputs: '1000', allow: ['crash'], rounds: 2}, 'start 1; start 2; start 3; start 4');
		const model = new PackedModel(breakable.setup);
		expect(keyOf(model, swap(breakable, 1, 2))).not.toBe(keyOf(model, breakable));
	});

	test('swapping any two started nodes leaves R as it is, at random positions', () => {
		const specs: readonly GameSpec[] = [
			{protocol: 'ben-or', n: 4, inputs: '1100', allow: ['crash', 'lie'], rounds: 1},
			{protocol: 'wait-all', n: 4, inputs: '0011', allow: ['crash']},
			{protocol: 'leader', n: 4, inputs: '0101', allow: ['crash']},
		];
		let swaps = 0;
		fc.assert(
			fc.property(reachable(specs, 4, 16), fc.nat(100), ({config}, pick) => {
				// Started nodes of role 0: every node, or leader's followers.
				const started = config.nodes.flatMap((node, index) => (node.started && config.setup.protocol.role!(index + 1) === 0 ? [index + 1] : []));
				if (started.length < 2) return;
				const a = started[pick % started.length]!;
				const b = started[(pick + 1) % started.length]!;
				expect(mask(swap(config, a, b))).toBe(mask(config));
				swaps++;
			}),
			{...runs, numRuns: 40},
		);
		expect(swaps).toBeGreaterThan(20);
	}, 60_000);

	test('a kept analyzer answers every position, and every successor, as the analysis without symmetry does', () => {
		const specs: readonly GameSpec[] = [
			{protocol: 'ben-or', n: 4, inputs: '1100', allow: ['crash', 'lie'], rounds: 1},
			{protocol: 'quorum', n: 4, inputs: '0011', allow: ['crash', 'lie', 'byzantine']},
			{protocol: 'wait-all', n: 4, inputs: '1100', allow: ['crash']},
			{protocol: 'leader', n: 4, inputs: '0011', allow: ['crash', 'lie']},
			// Validity can be broken: the rule is off.
			{protocol: 'ben-or', n: 4, inputs: '1000', allow: ['crash'], rounds: 1},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: ['crash', 'lie', 'byzantine'], rounds: 1},
		];
		keptAgreesAlongRuns(specs, {}, {symmetry: false}, {...runs, numRuns: 16}, 12);
		// Two rounds (where a preference may differ from the input) from a few moves in: the
		// analysis without symmetry takes a second from the start.
		fc.assert(
			fc.property(reachable([{protocol: 'ben-or', n: 4, inputs: '0011', allow: ['crash'], rounds: 2}], 10, 18), ({config}) => {
				expect(new Analyzer().analyze(config, {witnesses: false}).mask).toBe(mask(config));
			}),
			{...runs, numRuns: 20},
		);
	}, 120_000);

	test('the same R as the plain explorer, at deep positions of four-node games', () => {
		const specs: readonly GameSpec[] = [
			{protocol: 'ben-or', n: 4, inputs: '0011', allow: ['crash'], rounds: 1},
			{protocol: 'wait-all', n: 4, inputs: '1100', allow: ['crash', 'lie']},
			{protocol: 'leader', n: 4, inputs: '1010', allow: ['crash']},
		];
		fc.assert(
			fc.property(reachable(specs, 12, 20), ({config}) => {
				expect(new Analyzer().analyze(config, {witnesses: false}).mask).toBe(plainOutcomes(config).mask);
			}),
			{...runs, numRuns: 12},
		);
	}, 120_000);

	test('exact counts: fewer states, the same answer', () => {
		const count = (c: Configuration): [string, number] => {
			const answer = new Analyzer().analyze(c, {witnesses: false});
			return [answer.label, answer.states];
		};

		// ben-or, two rounds, n = 4, crash: without either; scratch alone (on its own it merges
		// nothing in this game);
		// inputs alone; both.
		const r2 = game({protocol: 'ben-or', n: 4, inputs: '1100', allow: ['crash'], rounds: 2});
		const dropping = (declaration: 'scratch' | 'inputOnlyAtStart'): Configuration => ({...r2, setup: {...r2.setup, protocol: {...r2.setup.protocol, [declaration]: undefined}}});
		expect([count(without(r2)), count(dropping('inputOnlyAtStart')), count(dropping('scratch')), count(r2)]).toEqual([
			['0', 16_978],
			['0', 16_978],
			['0', 12_018],
			['0', 9123],
		]);
	});
});
