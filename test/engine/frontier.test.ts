import {expect, test} from 'vitest';
import {outOfReach} from '../../source/engine/frontier.js';

test('the setup screen warns of the games the bench found out of reach, and only those', () => {
	expect(outOfReach({protocol: 'ben-or', n: 5, allow: []})).toContain('unknown');
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['crash'], rounds: 2})).not.toBeNull();
	expect(outOfReach({protocol: 'quorum', n: 6, allow: ['crash', 'lie']})).not.toBeNull();
	expect(outOfReach({protocol: 'quorum', n: 6, allow: ['crash']})).toBeNull();
	expect(outOfReach({protocol: 'wait-all', n: 6, allow: []})).toBeNull();
	expect(outOfReach({protocol: 'ben-or', n: 4, allow: ['crash', 'lie'], rounds: 1})).toBeNull();
	expect(outOfReach({protocol: 'leader', n: 6, allow: ['byzantine']})).toBeNull();
});
