import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {Analyzer} from '../../source/engine/analysis.js';
import {PackedModel} from '../../source/engine/packed/model.js';
import {wordsOf} from '../../source/engine/state-table.js';
import {type Configuration, isQuiescent} from '../../source/engine/configuration.js';
import {applyLegal, applyMoves, legalMoves} from '../../source/engine/moves.js';
import {formatMove, parseMove} from '../../source/engine/notation.js';
import type {Behaviour, Bit} from '../../source/engine/types.js';
import {evaluate, outcomesOf} from '../../source/engine/outcomes.js';
import {plainOutcomes} from '../../source/engine/plain.js';
import {SMALL, reachable, walk, withoutAges} from '../helpers/arbitraries.js';
import {game} from '../helpers/games.js';
import {keptAgreesAlongRuns} from '../helpers/kept.js';
import {firstWinsGame} from '../helpers/toy.js';

const runs = {numRuns: 60, seed: 20261124};

/** Deeper positions for the laws of the analysis moves: ben-or with two rounds, four-node games. */
const DEEPER = [
	{protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash'], rounds: 2},
	{protocol: 'ben-or', n: 3, inputs: '011', allow: ['byzantine'], rounds: 2},
	{protocol: 'quorum', n: 4, inputs: '0011', allow: ['crash', 'lie']},
	{protocol: 'leader', n: 4, inputs: '1001', allow: ['byzantine']},
] as const;

describe('laws of the model, on random reachable configurations of small games', () => {
	test('deliveries to different recipients commute, ages aside (Case 1 of Lemma 2)', () => {
		fc.assert(
			fc.property(reachable(), fc.nat(), fc.nat(), ({config}, i, j) => {
				const pool = config.pool;
				fc.pre(pool.length >= 2);
				const a = pool[i % pool.length]!.message;
				const b = pool[j % pool.length]!.message;
				fc.pre(a.to !== b.to);
				const ab = applyLegal(applyLegal(config, {kind: 'deliver', message: a}), {kind: 'deliver', message: b});
				const ba = applyLegal(applyLegal(config, {kind: 'deliver', message: b}), {kind: 'deliver', message: a});
				expect(withoutAges(ab)).toEqual(withoutAges(ba));
			}),
			{...runs, numRuns: 200},
		);
	});

	test('valency only shrinks: R(C′) ⊆ R(C) for every successor C′', () => {
		fc.assert(
			fc.property(reachable(), ({config}) => {
				const analyzer = new Analyzer();
				const here = analyzer.analyze(config).mask;
				for (const move of legalMoves(config)) {
					const there = analyzer.analyze(applyLegal(config, move)).mask;
					expect(there & ~here).toBe(0);
				}
			}),
			runs,
		);
	});

	test('R(C) = eval(C) when quiescent, united with R of every successor', () => {
		fc.assert(
			fc.property(reachable(), ({config}) => {
				const analyzer = new Analyzer();
				let union = isQuiescent(config) ? evaluate(config) : 0;
				for (const move of legalMoves(config)) union |= analyzer.analyze(applyLegal(config, move)).mask;
				expect(outcomesOf(analyzer.analyze(config).mask)).toEqual(outcomesOf(union));
			}),
			runs,
		);
	});

	test('the reduced analysis gives the same R(C) as the plain explorer', () => {
		fc.assert(
			fc.property(reachable(SMALL, 2), ({config}) => {
				expect(outcomesOf(new Analyzer().analyze(config).mask)).toEqual(outcomesOf(plainOutcomes(config).mask));
			}),
			{...runs, numRuns: 40},
		);
	});

	test("a state's bound (rule 11, from the outputs already written) holds every outcome the plain explorer reaches, and leaves some out deep in the game", () => {
		let tighter = 0;
		fc.assert(
			fc.property(fc.oneof(reachable(SMALL, 2), reachable(SMALL, 8, 20)), ({config}) => {
				const model = new PackedModel(config.setup);
				const bound = model.bound(model.encode(config));
				const reached = plainOutcomes(config).mask;
				expect(outcomesOf(reached & ~bound)).toEqual([]);
				if (bound !== model.possible) tighter++;
			}),
			{...runs, numRuns: 60},
		);
		// The property means something only if some bounds are tighter than the game's own.
		expect(tighter).toBeGreaterThan(0);
	});

	test('the dead-state reduction is exact on ben-or with two rounds (plain explorer, deep positions)', () => {
		const twoRounds = [
			{protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash'], rounds: 2},
			{protocol: 'ben-or', n: 3, inputs: '011', allow: [], rounds: 2},
			{protocol: 'ben-or', n: 2, inputs: '01', allow: ['lie', 'byzantine'], rounds: 2},
		] as const;
		fc.assert(
			fc.property(reachable(twoRounds, 13, 18), ({config}) => {
				expect(outcomesOf(new Analyzer().analyze(config).mask)).toEqual(outcomesOf(plainOutcomes(config).mask));
			}),
			{...runs, numRuns: 25},
		);
	});

	test('the symmetry reduction is exact on four-node games with interchangeable nodes', () => {
		const symmetric = [
			{protocol: 'quorum', n: 4, inputs: '0011', allow: ['crash']},
			{protocol: 'wait-all', n: 4, inputs: '0000', allow: ['lie']},
			{protocol: 'leader', n: 4, inputs: '1001', allow: ['byzantine']},
			{protocol: 'ben-or', n: 4, inputs: '1100', allow: ['crash'], rounds: 1},
		] as const;
		fc.assert(
			fc.property(reachable(symmetric, 14, 20), ({config}) => {
				expect(outcomesOf(new Analyzer().analyze(config).mask)).toEqual(outcomesOf(plainOutcomes(config).mask));
			}),
			{...runs, numRuns: 25},
		);
	});

	test('analysis moves that commute reach the same state in either order, when both orders are possible', () => {
		// Every built-in protocol declares itself order-free, so this covers two moves on one node
		// too; deeper positions of ben-or with two rounds and four-node games are added.
		let pairs = 0;
		fc.assert(
			fc.property(fc.oneof(reachable(), reachable(DEEPER, 4, 16)), ({config}) => {
				const model = new PackedModel(config.setup, false);
				const state = model.encode(config);
				const moves = model.moves(state);
				for (const a of moves) {
					const afterA = model.apply(state, a);
					const fromA = model.moves(afterA);
					for (const b of moves) {
						if (a === b || !model.commute(a, b) || !fromA.includes(b)) continue;
						const afterB = model.apply(state, b);
						if (!model.moves(afterB).includes(a)) continue;
						pairs++;
						expect([...model.apply(afterA, b)]).toEqual([...model.apply(afterB, a)]);
					}
				}
			}),
			{...runs, numRuns: 300},
		);
		// The property must have been exercised, not passed vacuously.
		expect(pairs).toBeGreaterThan(2000);
	});

	test("a step read from the model's step cache is the step computed afresh", () => {
		// One model per game, kept over every run, answers from its cache once a node's block and
		// a message come again; a model without the cache computes every step. Both must give the
		// same successor, for every move of every position.
		const kept = new Map<string, {cached: PackedModel; fresh: PackedModel}>();
		let steps = 0;
		fc.assert(
			fc.property(fc.oneof(reachable(), reachable(DEEPER, 2, 16)), ({config}) => {
				const setup = config.setup;
				const name = JSON.stringify([setup.protocol.id, setup.n, setup.inputs, setup.allowed, setup.protocol.params]);
				const models = kept.get(name) ?? {cached: new PackedModel(setup, false), fresh: new PackedModel(setup, false, false)};
				kept.set(name, models);
				const state = models.cached.encode(config);
				for (const move of models.cached.moves(state)) {
					steps++;
					expect([...models.cached.apply(state, move)]).toEqual([...models.fresh.apply(state, move)]);
				}
			}),
			{...runs, numRuns: 600},
		);
		// The cache must have answered most of them, not been passed by.
		const cached = [...kept.values()].reduce((sum, {cached}) => sum + cached.stepsCached, 0);
		expect(steps).toBeGreaterThan(2000);
		expect(cached).toBeGreaterThan(steps / 2);
	});

	test("the search's moves are the model's moves, corruptions first (every byzantine one, then the others in order), less the byzantine sends that cannot count yet", () => {
		// searchMovesInto reads the pool a word at a time; moves reads it a byte at a time. Rule 13:
		// with `phases` (ben-or), a byzantine send to a started node is searched only in a slot
		// where the node's records, its own included, and the send reach the quorum.
		let injections = 0;
		let waiting = 0;
		fc.assert(
			fc.property(fc.oneof(reachable(), reachable(DEEPER, 2, 16)), ({config}) => {
				const model = new PackedModel(config.setup, false);
				const state = model.encode(config);
				const moves = model.moves(state);
				const m = model.messages;
				const {phases, slots} = config.setup.protocol;
				const counts = (move: number): boolean => {
					const decoded = model.decode(move);
					if (decoded.kind !== 'inject' || !phases) return true;
					const {to, slot} = decoded.message;
					const node = config.nodes[to - 1]!;
					if (!node.started) return true;
					let records = 0;
					for (let from = 1; from <= config.setup.n; from++) if (node.received[from * slots.length + slot]! >= 0) records++;
					if (records + 1 >= phases.quorum) return true;
					waiting++;
					return false;
				};

				// A corruption is 2m + 4 node + kind (3 byzantine).
				const byzantine = (move: number): boolean => ((move - 2 * m) & 3) === 3;
				const corruptions = [...moves.filter(move => move >= 2 * m && byzantine(move)), ...moves.filter(move => move >= 2 * m && !byzantine(move))];
				const expected = [...corruptions, ...moves.filter(move => move < m), ...moves.filter(move => move >= m && move < 2 * m && counts(move))];
				injections += expected.filter(move => move >= m && move < 2 * m).length;
				const out = new Int32Array(model.maxMoves);
				const count = model.searchMovesInto(state, out, new Int32Array(state.buffer, 0, state.length >> 2));
				expect([...out.subarray(0, count)]).toEqual(expected);
			}),
			{...runs, numRuns: 400},
		);
		expect(injections).toBeGreaterThan(500);
		expect(waiting).toBeGreaterThan(20);
	});

	test('a corruption absorbs a delivery to its node that sent nothing: P·a·c = P·c', () => {
		// absorber(a, P, P·a) names the node a delivery acted on when it sent nothing; crashing
		// that node (or making it byzantine) must then reach P·c exactly. Where it sent something,
		// the two states must differ, or the rule would miss merges it could make.
		let absorbed = 0;
		let kept = 0;
		fc.assert(
			fc.property(fc.oneof(reachable(), reachable(DEEPER, 2, 12)), ({config}) => {
				const model = new PackedModel(config.setup, false);
				const state = model.encode(config);
				const moves = model.moves(state);
				for (const a of moves) {
					if (a >= 2 * model.messages) continue; // a corruption, not a delivery
					const afterA = model.apply(state, a);
					const node = model.absorber(a, wordsOf(state), wordsOf(afterA));
					for (const c of model.moves(afterA)) {
						if (!moves.includes(c) || !model.blanks(c, model.nodeOf(a))) continue;
						const same = [...model.apply(afterA, c)].join() === [...model.apply(state, c)].join();
						if (node !== 0) absorbed++;
						else kept++;
						expect(same).toBe(node !== 0);
					}
				}
			}),
			{...runs, numRuns: 600},
		);
		// Both sides must have been exercised, not passed vacuously.
		expect(absorbed).toBeGreaterThan(50);
		expect(kept).toBeGreaterThan(120);
	});

	test("a successor's key from its parent's signatures is the key computed from scratch", () => {
		// keyAfter reads only the moved node's block and the pool's changes; key reads everything.
		// Chains of successors: each state's signatures come from keyAfter, as in the search.
		const specs = [
			{protocol: 'ben-or', n: 4, inputs: '1000', allow: ['crash'], rounds: 2},
			{protocol: 'ben-or', n: 4, inputs: '1100', allow: ['byzantine']},
			{protocol: 'quorum', n: 4, inputs: '0001', allow: ['crash', 'lie']},
			{protocol: 'leader', n: 4, inputs: '1001', allow: ['byzantine']},
			{protocol: 'wait-all', n: 4, inputs: '0011', allow: ['crash']},
		] as const;
		let renumbered = 0;
		fc.assert(
			fc.property(fc.constantFrom(...specs), fc.array(fc.nat(1000), {minLength: 1, maxLength: 30}), (spec, picks) => {
				const model = new PackedModel(game(spec).setup, true);
				expect(model.renumbers).toBe(true);
				const width = model.n + 1;
				let parent = {sigs: new Int32Array(width), blocks: new Int32Array(width)};
				let state = model.encode(game(spec));
				model.signatures(state, parent.sigs, parent.blocks, 0);
				for (const pick of picks) {
					const moves = model.moves(state);
					if (moves.length === 0) break;
					const children = {sigs: new Int32Array(width * moves.length), blocks: new Int32Array(width * moves.length)};
					for (const [i, move] of moves.entries()) {
						const child = model.apply(state, move);
						const fast = [...model.keyAfter(state, parent.sigs, parent.blocks, 0, child, model.nodeOf(move), new Uint8Array(model.size), children.sigs, children.blocks, i * width)];
						const fastPerm = model.lastPerm;
						expect([...model.key(child, new Uint8Array(model.size))]).toEqual(fast);
						expect(model.lastPerm).toBe(fastPerm);
						if (fastPerm !== 0) renumbered++;
					}

					const i = pick % moves.length;
					state = model.apply(state, moves[i]!);
					parent = {sigs: children.sigs.slice(i * width, (i + 1) * width), blocks: children.blocks.slice(i * width, (i + 1) * width)};
				}
			}),
			{...runs, numRuns: 100},
		);
		expect(renumbered).toBeGreaterThan(500);
	});

	test('where arrival order matters, two messages to one node are not taken to commute', () => {
		const model = new PackedModel(firstWinsGame([0, 1, 1]).setup, false);
		// Start every node: node 2 then has 0 (from node 1) and 1 (from node 3) pending.
		let state = model.encode(firstWinsGame([0, 1, 1]));
		for (const start of model.moves(state).slice(0, 3)) state = model.apply(state, start);
		const toTwo = model.moves(state).filter(move => model.decode(move).kind === 'deliver' && (model.decode(move) as {message: {to: number}}).message.to === 2);
		expect(toTwo).toHaveLength(2);
		const [a, b] = toTwo as [number, number];
		expect([...model.apply(model.apply(state, a), b)]).not.toEqual([...model.apply(model.apply(state, b), a)]);
		expect(model.commute(a, b)).toBe(false);
	});

	test('one analyzer kept over a whole run, its previews included, answers as a fresh one does at every position', () => {
		// A kept analyzer reuses its memo and the links between stored states; a fresh one starts
		// empty (and is checked against the plain explorer above).
		const specs = [...SMALL, {protocol: 'ben-or', n: 3, inputs: '110', allow: ['crash'], rounds: 2}, {protocol: 'quorum', n: 4, inputs: '0011', allow: ['crash']}] as const;
		fc.assert(
			fc.property(fc.constantFrom(...specs), fc.array(fc.nat(1000), {minLength: 4, maxLength: 16}), fc.boolean(), (spec, picks, symmetry) => {
				const kept = new Analyzer({symmetry});
				const ask = (c: Configuration): void => {
					expect(kept.analyze(c, {witnesses: false}).mask).toBe(new Analyzer({symmetry}).analyze(c, {witnesses: false}).mask);
				};

				let config = game(spec);
				for (const pick of picks) {
					ask(config);
					const options = legalMoves(config);
					for (const move of options) ask(applyLegal(config, move));
					if (options.length === 0) break;
					config = applyLegal(config, options[pick % options.length]!);
				}
			}),
			{...runs, numRuns: 40},
		);
	});

	test('with symmetry, a kept analyzer answers every position as the analysis without symmetry does', () => {
		// Links of a renumbered state are kept in its key's numbering and carry renumberings, which
		// compose along the search: games with a class of three and with two classes of two.
		const specs = [
			{protocol: 'quorum', n: 4, inputs: '0001', allow: ['crash']},
			{protocol: 'wait-all', n: 4, inputs: '0011', allow: ['crash']},
			{protocol: 'wait-all', n: 4, inputs: '0111', allow: ['byzantine']},
			{protocol: 'ben-or', n: 3, inputs: '111', allow: ['crash'], rounds: 2},
		] as const;
		keptAgreesAlongRuns(specs, {symmetry: true}, {symmetry: false}, {...runs, numRuns: 30});
	});

	test('where arrival order matters at a node, a kept analyzer still agrees with the plain explorer', () => {
		// In first-wins two messages to one node stay deliverable in either order and lead to
		// different configurations: only moves on different nodes may be taken to commute.
		fc.assert(
			fc.property(fc.array(fc.nat(1000), {minLength: 0, maxLength: 10}), fc.constantFrom<[Bit[], Behaviour[]]>([[0, 1, 1], []], [[0, 1, 1], ['crash']], [[0, 1], ['byzantine']]), (picks, [inputs, allowed]) => {
				const kept = new Analyzer({symmetry: false});
				let config = firstWinsGame(inputs, allowed);
				for (const pick of [...picks, -1]) {
					expect(kept.analyze(config, {witnesses: false}).mask).toBe(plainOutcomes(config).mask);
					const options = legalMoves(config);
					if (pick < 0 || options.length === 0) break;
					config = applyLegal(config, options[pick % options.length]!);
				}
			}),
			{...runs, numRuns: 40},
		);
	});

	test('a complete answer has the same witnesses whatever the memo held and whether symmetry is on', () => {
		// The search tries corruptions first, but a complete answer's witness is read off the memo
		// in the game's move order: the first run there is, the same for every analyzer. The
		// kept analyzer has seen a successor (so its search starts half done), then the position
		// itself (so its answer is read from the memo alone).
		fc.assert(
			fc.property(reachable(), fc.nat(1000), ({config}, pick) => {
				const fresh = new Analyzer({symmetry: false}).analyze(config);
				const kept = new Analyzer();
				const options = legalMoves(config);
				if (options.length > 0) kept.analyze(applyLegal(config, options[pick % options.length]!));
				expect(kept.analyze(config).witnesses).toEqual(fresh.witnesses);
				expect(kept.analyze(config).witnesses).toEqual(fresh.witnesses);
			}),
			runs,
		);
	});

	test('every witness replays from C to a quiescent configuration with its outcome', () => {
		fc.assert(
			fc.property(reachable(), ({config}) => {
				const result = new Analyzer().analyze(config);
				expect(Object.keys(result.witnesses).sort()).toEqual([...result.outcomes].sort());
				for (const outcome of result.outcomes) {
					const end = applyMoves(config, result.witnesses[outcome]!);
					expect(end.ok).toBe(true);
					if (!end.ok) return;
					expect(isQuiescent(end.value)).toBe(true);
					expect(outcomesOf(evaluate(end.value))).toContain(outcome);
				}
			}),
			runs,
		);
	});

	test('the notation of every legal move round-trips exactly', () => {
		fc.assert(
			fc.property(reachable(), ({config}) => {
				for (const move of legalMoves(config)) {
					const text = formatMove(config.setup, move);
					expect(parseMove(config.setup, text)).toEqual({ok: true, value: move});
				}
			}),
			{...runs, numRuns: 200},
		);
	});

	test('replaying the same moves gives the same configuration', () => {
		fc.assert(
			fc.property(reachable(), ({spec, moves, config}) => {
				const again = applyMoves(game(spec), moves);
				expect(again.ok).toBe(true);
				if (!again.ok) return;
				const {setup: _a, ...replayed} = again.value;
				const {setup: _b, ...original} = config;
				expect(replayed).toEqual(original);
			}),
			{...runs, numRuns: 200},
		);
	});
});

describe('the plain explorer itself, on a tiny model', () => {
	test('wait-all, n = 2, no corruption: exactly the configurations counted by hand', () => {
		// Counted by hand (ages aside): the start; after start 1; after start 2; both started with
		// both votes pending; node 2 woken by node 1's vote (start 2 still pending); its mirror;
		// one vote delivered after both started, two ways; both decided with start 2 pending; its
		// mirror; and the quiescent end where both decided 0 (1 + 0 is a tie). 11 in all.
		const c = walk({protocol: 'wait-all', n: 2, inputs: '01', allow: []}, []).config;
		const result = plainOutcomes(c);
		expect(outcomesOf(result.mask)).toEqual(['zero']);
		expect(result.states).toBe(11);
	});
});
