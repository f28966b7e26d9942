import {describe, expect, test} from 'vitest';
import {parseScenario} from '../../source/scenario/scenario.js';
import {SCHEMA} from '../../source/scenario/schema.js';
import {CHECKPOINT_FIELDS, GOAL_FIELDS, TOP_FIELDS, validateText} from '../../source/scenario/validate.js';

const problems = (text: string): string[] => {
	const result = parseScenario(text, 'level.yaml');
	return result.ok ? [] : result.message.split('\n');
};

describe('loading scenario files', () => {
	test('a good level loads', () => {
		const text = ['format: 1', 'protocol: quorum', 'nodes: 3', 'inputs: "011"', 'allow: [crash]', 'goal: break-agreement'].join('\n');
		expect(validateText(text)).toMatchObject({ok: true, file: {protocol: 'quorum', nodes: 3, inputs: '011', goal: 'break-agreement'}});
	});

	test('every problem is reported at once, each with line, column and field', () => {
		const text = [
			'format: 1', //          1
			'protocol: raft', //    2
			'nodes: 9', //           3
			'inputs: 011', //        4
			'allow: [crash, evil]', // 5
			'colour: blue', //       6
			'par: 0', //             7
		].join('\n');
		expect(problems(text)).toEqual([
			'level.yaml:2:11: protocol: unknown protocol "raft" (one of wait-all, quorum, leader, ben-or, two-phase-commit, paxos, or a module\'s path like ./my-protocol.js)',
			'level.yaml:3:8: nodes: nodes must be a whole number from 2 to 6',
			'level.yaml:4:9: inputs: inputs must be quoted, like "011": unquoted, YAML reads it as a number',
			'level.yaml:5:16: allow[1]: unknown behaviour "evil" (crash, lie or byzantine)',
			'level.yaml:6:1: colour: unknown field "colour" (known: format, id, title, story, protocol, protocolHash, rounds, nodes, inputs, f, allow, goal, par, hints, timeLimit, setup, moves, expect)',
			'level.yaml:7:6: par: par must be a whole number ≥ 1',
		]);
	});

	test('a newer format version is refused with a clear message', () => {
		expect(problems('format: 2\nprotocol: quorum\nnodes: 3\ninputs: "011"')).toEqual([
			'level.yaml:1:9: format: format 2 is newer than this flp understands (1): update flp-adversary',
		]);
	});

	test('a near-miss field name gets a suggestion', () => {
		expect(problems('format: 1\nprotocol: quorum\nnodes: 3\ninputs: "011"\ntime-limit: 60')).toEqual([
			'level.yaml:5:1: time-limit: unknown field "time-limit" (did you mean "timeLimit"?)',
		]);
	});

	test('an illegal move is reported at its own line with the reason', () => {
		const text = ['format: 1', 'protocol: quorum', 'nodes: 3', 'inputs: "011"', 'allow: none', 'moves:', '  - start 1', '  - 2<3:vote=1'].join('\n');
		expect(problems(text)).toEqual(['level.yaml:8:5: moves[1]: move 2 is illegal here: 2<3:vote=1: no such message is pending']);
	});

	test('bad notation, a bad goal and a checkpoint past the end are all named', () => {
		const text = [
			'format: 1',
			'protocol: quorum',
			'nodes: 3',
			'inputs: "011"',
			'goal: {kind: stall, target: 2<9:vote=1, extra: 1}',
			'moves: [start 1]',
			'expect:',
			'  - {after: 5, label: maybe}',
		].join('\n');
		expect(problems(text)).toEqual([
			'level.yaml:5:29: goal.target: "2<9:vote=1": node 9 does not exist (nodes are 1..3)',
			'level.yaml:5:41: goal.extra: unknown field "extra" (known: kind, target, rounds, pair, hide, commute)',
			'level.yaml:8:13: expect[0].after: after 5 moves, but the file has 1',
			'level.yaml:8:23: expect[0].label: label must be one of 0, 1, ambiguous, none, unknown',
		]);
	});

	test('YAML syntax errors come with their position', () => {
		expect(problems('format: 1\nprotocol: [quorum\nnodes: 3')[0]).toMatch(/^level\.yaml:\d+:\d+: /);
	});

	test('JSON files use the same schema', () => {
		const json = JSON.stringify({format: 1, protocol: 'leader', nodes: 3, inputs: '011', allow: ['crash'], goal: 'break-termination', moves: ['corrupt 1 as crash']});
		expect(validateText(json).ok).toBe(true);
		expect(problems(JSON.stringify({format: 1, protocol: 'leader', nodes: 3, inputs: '011', wrong: true}))).toEqual([
			'level.yaml:1:58: wrong: unknown field "wrong" (known: format, id, title, story, protocol, protocolHash, rounds, nodes, inputs, f, allow, goal, par, hints, timeLimit, setup, moves, expect)',
		]);
	});

	test('inputs: choose only goes with a Lemma 1 goal', () => {
		expect(problems('format: 1\nprotocol: quorum\nnodes: 3\ninputs: choose\ngoal: stall')).toEqual([
			'level.yaml:4:9: inputs: inputs: choose goes with the goal find-ambiguous-start',
		]);
	});
});

describe('the JSON Schema', () => {
	test('names exactly the fields the loader knows', () => {
		expect(Object.keys(SCHEMA.properties)).toEqual([...TOP_FIELDS]);
		expect(Object.keys(SCHEMA.properties.goal.oneOf[1].properties)).toEqual([...GOAL_FIELDS]);
		expect(Object.keys(SCHEMA.properties.expect.items.properties)).toEqual([...CHECKPOINT_FIELDS]);
	});
});
