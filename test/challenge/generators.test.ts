import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {instances, readChallenge} from '../../source/challenge/challenge.js';
import {hashSeed} from '../../source/challenge/random.js';

const dir = mkdtempSync(join(tmpdir(), 'flp-generators-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** A challenge file with one generated level. */
function challengeWith(name: string, generator: string): string {
	const path = join(dir, `${name}.yaml`);
	writeFileSync(path, `format: 1\nid: ${name}\ntitle: ${name}\ntimeLimit: 120\nhints: false\nlevels:\n  - generate:\n${generator}`);
	return path;
}

const NAMES = ['ada', 'bob', 'carol', 'dave', 'eve', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar'];

describe('generators (issue 20, defect 4)', () => {
	test('stall with quorum, nodes [4], [[crash]] gives every player a level the engine’s solution solves', () => {
		const path = challengeWith('stall-q4', '      goal: stall\n      protocols: [quorum]\n      nodes: [4]\n      allow: [[crash]]\n');
		const challenge = readChallenge(path);
		if (!challenge.ok) throw new Error(challenge.message);
		for (const name of NAMES) {
			const made = instances(challenge.value, hashSeed(name));
			expect(made.ok ? 'ok' : made.message).toBe('ok');
		}
	}, 60_000);

	test.each([
		['stall-leader', '      goal: stall\n      protocols: [leader]\n      nodes: [3]\n      allow: [[crash]]\n', 'stall is never solvable with leader (tried leader, n = 3, allow [crash], up to 200,000 states each): remove it from protocols'],
		['stall-wait-all', '      goal: stall\n      protocols: [quorum, wait-all]\n      nodes: [3]\n      allow: [[crash]]\n', 'stall is never solvable with wait-all (tried wait-all, n = 3, allow [crash], up to 200,000 states each): remove it from protocols'],
		['stall-n2', '      goal: stall\n      protocols: [quorum]\n      nodes: [2, 3]\n      allow: [[crash]]\n', 'stall is never solvable with n = 2 (tried quorum, n = 2, allow [crash], up to 200,000 states each): remove it from nodes'],
		['ambiguous-leader', '      goal: find-ambiguous-start\n      protocols: [leader]\n      nodes: [3]\n      allow: [[crash]]\n', 'find-ambiguous-start is never solvable with leader (tried leader, n = 3, allow [crash], up to 200,000 states each): remove it from protocols'],
	])('%s is rejected when the file is loaded, at the generator’s line', (name, generator, reason) => {
		const path = challengeWith(name, generator);
		expect(readChallenge(path)).toEqual({ok: false, code: 'invalid', message: `${path}:8:7: levels[0].generate: ${reason}`});
	});

	test('a declared protocol the checker cannot use is rejected, not silently replaced (ben-or with quorum, n = 4)', () => {
		const path = challengeWith('ben-or-4', '      goal: break-agreement\n      protocols: [ben-or, quorum]\n      nodes: [4]\n      allow: [[crash]]\n');
		const loaded = readChallenge(path);
		expect(loaded.ok ? '' : loaded.message).toContain(`${path}:8:7: levels[0].generate: break-agreement is never solvable with ben-or`);
	}, 60_000);

	test('every declared protocol is played (half the seeds each, not one protocol for everyone)', () => {
		const path = challengeWith('two', '      goal: break-agreement\n      protocols: [quorum, leader]\n      nodes: [3]\n      allow: [[], [byzantine]]\n');
		const challenge = readChallenge(path);
		if (!challenge.ok) throw new Error(challenge.message);
		const protocols = new Set<string>();
		for (const name of NAMES) {
			const made = instances(challenge.value, hashSeed(name));
			if (!made.ok) throw new Error(made.message);
			protocols.add(made.value[0]!.file.protocol);
		}

		expect([...protocols].sort()).toEqual(['leader', 'quorum']);
	}, 60_000);
});
