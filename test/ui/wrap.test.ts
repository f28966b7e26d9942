import {expect, test} from 'vitest';
import {wrapWords} from '../../source/ui/wrap.js';

test('words wrap at the width; a line that fills the width exactly does not push a space onto the next', () => {
	expect(wrapWords('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
	expect(wrapWords('aaa bbb', 3)).toEqual(['aaa', 'bbb']);
	expect(wrapWords('a  b', 10)).toEqual(['a b']);
	expect(wrapWords('averylongword b', 4)).toEqual(['averylongword', 'b']);
	expect(wrapWords('', 4)).toEqual(['']);
});
