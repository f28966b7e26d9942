/**
 * Rule 12 of docs/engine.md: a protocol that reads its slots one at a time (`phases`) lets the
 * stubborn sets of rule 8 leave out the nodes that can send a node only what it will not read
 * yet. These tests check ben-or's promise itself, the same R as the search of every successor
 * and as the plain explorer, and how many states the rule saves.
 */
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {Analyzer} from '../../source/engine/analysis.js';
import type {Configuration, NodeState} from '../../source/engine/configuration.js';
import type {GameSpec} from '../../source/engine/game.js';
import {applyLegal} from '../../source/engine/moves.js';
import {PackedModel} from '../../source/engine/packed/model.js';
import {StubbornSets} from '../../source/engine/stubborn.js';
import {plainOutcomes} from '../../source/engine/plain.js';
import {reachable} from '../helpers/arbitraries.js';
import {game} from '../helpers/games.js';
import {keptAgreesAlongRuns} from '../helpers/kept.js';

const runs = {numRuns: 30, seed: 20261205};

/** How many records a node holds in a slot, its own included. */
function records(c: Configuration, node: NodeState, slot: number): number {
	const slots = c.setup.protocol.slots.length;
	let count = 0;
	for (let from = 1; from <= c.setup.n; from++) if ((node.received[from * slots + slot] ?? -1) >= 0) count++;
	return count;
}

/** The same game without the `phases` declaration: rule 8 as it was. */
function withoutPhases(c: Configuration): Configuration {
	return {...c, setup: {...c.setup, protocol: {...c.setup.protocol, phases: undefined}}};
}

describe('nodes that read their slots one at a time (rule 12)', () => {
	test('ben-or keeps its promise: a node acts only on the delivery that brings the slot it reads to the quorum, then waits where its records fall short', () => {
		const specs: readonly GameSpec[] = [
			{protocol: 'ben-or', n: 4, inputs: '1100', allow: ['crash', 'lie'], rounds: 2},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: ['byzantine'], rounds: 3},
			{protocol: 'ben-or', n: 5, inputs: '11000', allow: ['crash'], rounds: 1},
		];
		let acted = 0;
		let recorded = 0;
		fc.assert(
			fc.property(reachable(specs, 0, 30), ({config}) => {
				const phases = config.setup.protocol.phases!;
				const slots = config.setup.protocol.slots.length;
				for (const {message} of config.pool) {
					const node = config.nodes[message.to - 1]!;
					const runs = node.corrupt === null || node.corrupt === 'lie';
					if (message.slot < 0 || !node.started || !runs || node.received[message.from * slots + message.slot]! >= 0) continue;
					const reading = phases.reading(node.local);
					const next = applyLegal(config, {kind: 'deliver', message});
					const after = next.nodes[message.to - 1]!;
					if (message.slot !== reading || records(config, node, reading) + 1 < phases.quorum) {
						recorded++;
						expect(after.local).toEqual(node.local);
						expect(after.output).toBe(node.output);
						expect(next.pool.length).toBe(config.pool.length - 1);
						continue;
					}

					acted++;
					const now = phases.reading(after.local);
					expect(now === -1 || now > reading).toBe(true);
					for (let slot = reading + 1; slot < (now === -1 ? slots : now); slot++) expect(records(next, after, slot)).toBeGreaterThanOrEqual(phases.quorum);
					if (now >= 0) expect(records(next, after, now)).toBeLessThan(phases.quorum);
				}
			}),
			{...runs, numRuns: 60},
		);
		// Both kinds of delivery were met.
		expect(acted).toBeGreaterThan(20);
		expect(recorded).toBeGreaterThan(20);
	});

	test('a kept analyzer answers every position and successor as the search of every successor does', () => {
		const specs: readonly GameSpec[] = [
			{protocol: 'ben-or', n: 4, inputs: '1100', allow: [], rounds: 1},
			{protocol: 'ben-or', n: 4, inputs: '0011', allow: ['crash'], rounds: 1},
			{protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash'], rounds: 2},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: ['lie'], rounds: 2},
			{protocol: 'ben-or', n: 3, inputs: '100', allow: ['byzantine'], rounds: 1},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: ['crash', 'lie', 'byzantine'], rounds: 1},
			{protocol: 'ben-or', n: 2, inputs: '01', allow: ['crash', 'byzantine'], rounds: 3},
			{protocol: 'ben-or', n: 3, inputs: '110', allow: [], rounds: 3},
		];
		keptAgreesAlongRuns(specs, {}, {partialOrder: false}, {...runs, numRuns: 24}, 20);
	}, 120_000);

	test('the same R as the plain explorer, at deep positions of small games', () => {
		const specs: readonly GameSpec[] = [
			{protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash'], rounds: 1},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: ['crash', 'byzantine'], rounds: 1},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: ['lie'], rounds: 2},
			{protocol: 'ben-or', n: 4, inputs: '0111', allow: [], rounds: 1},
		];
		fc.assert(
			fc.property(reachable(specs, 14, 22), ({config}) => {
				expect(new Analyzer().analyze(config, {witnesses: false}).mask).toBe(plainOutcomes(config).mask);
			}),
			{...runs, numRuns: 12},
		);
	}, 120_000);

	test('byzantine sends searched only where they count (rule 13): the same R as with every one searched', () => {
		// Without `phases` every byzantine send is searched (and rule 12 is off too).
		const specs: readonly GameSpec[] = [
			{protocol: 'ben-or', n: 3, inputs: '011', allow: ['byzantine'], rounds: 1},
			{protocol: 'ben-or', n: 3, inputs: '001', allow: ['crash', 'byzantine'], rounds: 2},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: ['lie', 'byzantine'], rounds: 2},
		];
		fc.assert(
			fc.property(reachable(specs, 0, 24), ({config}) => {
				expect(new Analyzer().analyze(config, {witnesses: false}).mask).toBe(new Analyzer().analyze(withoutPhases(config), {witnesses: false}).mask);
			}),
			{...runs, numRuns: 40},
		);
	}, 120_000);

	test('a message in a slot the node reads as soon as it acts stays in the set, pending or not', () => {
		// ben-or, n = 3, quorum 2: node 1 holds only its own p1.1; nodes 2 and 3 heard each other
		// and sent p2.1. One p1.1 message completes node 1's phase 1, and it then reads p2.1 at
		// once, so the p2.1 messages on their way to it can change what it reads there.
		const c = game({protocol: 'ben-or', n: 3, inputs: '011', allow: [], rounds: 1}, 'start 1; start 2; start 3; 2<3:p1.1=1; 3<2:p1.1=1');
		const model = new PackedModel(c.setup, false);
		const state = model.encode(c);
		const moves = Int32Array.from(model.moves(state));
		const kept = new StubbornSets(model).reduce(state, moves, moves.length, 0);
		const names = [...moves.subarray(0, kept)].map(move => {
			const decoded = model.decode(move);
			if (decoded.kind === 'corrupt') return 'corrupt';
			const {to, from, slot, value} = decoded.message;
			return `${to}<${from}:${c.setup.protocol.slots[slot]!.name}=${value}`;
		});
		expect(names).toEqual(['1<2:p1.1=1', '1<2:p2.1=1', '1<3:p1.1=1', '1<3:p2.1=1']);
	});

	test('exact counts: fewer states, the same answer', () => {
		const count = (c: Configuration) => {
			const answer = new Analyzer().analyze(c, {witnesses: false});
			return [answer.label, answer.states];
		};

		// No fault, three rounds; crash, two rounds (rule 8 then applies before the corruption too).
		const r3 = game({protocol: 'ben-or', n: 3, inputs: '100', allow: [], rounds: 3});
		expect([count(withoutPhases(r3)), count(r3)]).toEqual([
			['0', 8605],
			['0', 3530],
		]);
		const r2 = game({protocol: 'ben-or', n: 3, inputs: '100', allow: ['crash'], rounds: 2});
		expect([count(withoutPhases(r2)), count(r2)]).toEqual([
			['0', 2345],
			['0', 1830],
		]);
	});
});
