/** How to play: a few short pages, in our own words. */
import {Box, Text, useInput} from 'ink';
import React, {useState} from 'react';

export const HELP_PAGES: ReadonlyArray<{title: string; lines: readonly string[]}> = [
	{
		title: 'You are the network',
		lines: [
			'Some nodes each hold a private bit and must all output the same bit.',
			'They talk only by messages, and every sent message waits in the POOL',
			'until you deliver it. You choose which one, and when. Each node starts',
			'with one "start" message waiting for it.',
			'',
			'That is the asynchronous model: messages always arrive in the end, but',
			'in any order you like. You may also corrupt a node (as many as f):',
			'crash it, make it lie about its input, or make it byzantine and send',
			'whatever you want in its name.',
		],
	},
	{
		title: 'Reading the board',
		lines: [
			'NOW shows the label of the current configuration, computed exactly by',
			'looking at every way the run could still go on:',
			'  0 / 1       only that decision can still be reached',
			'  ambiguous   both decisions can still be reached: your aim',
			'  none        no run ends with the honest nodes agreeing',
			'  unknown     the search was cut short (never a guess)',
			'breakable: you can still force that property to fail; broken: it did',
			'(the run is over). The preview column shows what each delivery would',
			'lead to; ⚠split, ⚠stuck, ⚠invalid: after it you could still force a',
			'disagreement, a node that never decides, or a decision on no input',
			'(⚠spl, ⚠stk, ⚠inv where a long message leaves no room for the words).',
		],
	},
	{
		title: 'The target and the star',
		lines: [
			'The TARGET (◎) is one pending message, the oldest unless you pick',
			'another with [t]. Its preview carries a star: 0*, 1* or ambiguous*',
			'tells you what delivering the target right now would lead to.',
			'',
			'Lemma 2 says: from an ambiguous configuration you can always deliver',
			'some other messages first, then the target, and still be ambiguous.',
			'Delivering the oldest message each time, forever, is what makes the',
			'run fair, and it still never decides. That is the FLP theorem.',
		],
	},
	{
		title: 'The stall column',
		lines: [
			'When the game has a target, each other pending message shows two labels:',
			'  after it    what delivering it would leave (keep this ambiguous)',
			'  then ◎      the target\'s star after it: 0*, 1* or ambiguous*',
			'  ▸  start 3    (0)   ambiguous  0*',
			'     2<3:vote=1 (1)   ambiguous  ambiguous*   ← deliver this, then ◎',
			'A stall (Lemma 2) is a few "after it: ambiguous" moves that end where',
			'"then ◎" turns ambiguous*. Then deliver the target: still ambiguous.',
			'The column is exact, from the same analysis as the labels.',
		],
	},
	{
		title: 'The proof in four moves',
		lines: [
			'Lemma 1: line up the inputs 000…, 100…, 110…, …, 111…. The first is',
			'  a 0-configuration, the last a 1-configuration; somewhere between, one',
			'  flip of one input is pivotal, and a faulty node can hide that flip.',
			'Lemma 2: stall with harmless deliveries, then deliver the target.',
			'The diamond: two messages to different nodes commute; to the same node',
			'  order can matter, but a byzantine recipient can hide the order.',
			'The theorem: repeat Lemma 2 with the oldest message as target.',
			'Every level of the campaign is one of these steps, or a protocol flaw.',
		],
	},
	{
		title: 'Seeing the proof',
		lines: [
			'[p] show the proof: Lemma 2 run at this position: the first Y where the',
			'    target is no longer 0*, its predecessor X, and the diamond at X.',
			'[l] the ladder X_0 … X_n with labels, the pivot pair, and the two runs',
			'    that show why the pivot is ambiguous (or which assumption fails).',
			'[d] on two messages: the diamond, both orders side by side (Case 1/2).',
			'[i] a hint: the move the proof\'s strategy would make here, and why.',
			'Watch the proof (menu, or flp watch): the engine plays the whole',
			'strategy, Lemma 1 then round after round of Lemma 2, and narrates it.',
		],
	},
];

export function HelpScreen({onClose}: {readonly onClose: () => void}): React.JSX.Element {
	const [page, setPage] = useState(0);
	useInput((input, key) => {
		if (key.escape || input === 'q') onClose();
		// The last page stays: leaving is Esc's job, said on the page, never a silent page turn.
		else if (key.rightArrow || key.return || input === ' ') setPage(p => Math.min(HELP_PAGES.length - 1, p + 1));
		else if (key.leftArrow) setPage(p => Math.max(0, p - 1));
	});
	const {title, lines} = HELP_PAGES[page]!;
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>{`HOW TO PLAY  ${page + 1}/${HELP_PAGES.length}: ${title}`}</Text>
			<Text> </Text>
			{lines.map((line, i) => (
				<Text key={i}>{line || ' '}</Text>
			))}
			<Text> </Text>
			<Text dimColor>{page === HELP_PAGES.length - 1 ? '[←] page  (the last page)  [esc] back to the menu' : '[←→] page [esc] back to the menu'}</Text>
		</Box>
	);
}
