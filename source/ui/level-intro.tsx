/** A level's story and goal; for a Lemma 1 level, the choice of inputs X_0..X_n. */
import {Box, Text, useInput} from 'ink';
import React, {useMemo} from 'react';
import {lemmaInputs} from '../engine/game.js';
import type {ScenarioFile} from '../scenario/format.js';
import {goalSentence} from '../engine/goals.js';
import {goalOf, startLevel, titleOf} from '../scenario/scenario.js';
import {SelectList} from './select-list.js';
import {protocolName} from '../protocols/registry.js';

export interface LevelIntroProps {
	readonly file: ScenarioFile;
	/** Start the level (with the chosen inputs for a Lemma 1 level). */
	readonly onStart: (inputs?: string) => void;
	readonly onCancel: () => void;
	/** A line under the story, e.g. why the last choice did not solve it. */
	readonly notice?: string;
}

/** The goal in a sentence, as the play screen says it (the raw kind when no game can be made yet). */
function goalText(file: ScenarioFile): string {
	if (file.inputs === 'choose') return goalSentence({kind: 'find-ambiguous-start'});
	const level = startLevel(file);
	return level.ok ? level.value.info.goal : goalOf(file).kind;
}

export function LevelIntro({file, onStart, onCancel, notice}: LevelIntroProps): React.JSX.Element {
	const choose = file.inputs === 'choose';
	// Making the level plays its setup: once per file, not on every render.
	const goal = useMemo(() => goalText(file), [file]);
	useInput(
		(input, key) => {
			if (key.escape || input === 'q') onCancel();
			else if (key.return) onStart();
		},
		{isActive: !choose},
	);
	const allow = file.allow === undefined ? 'byzantine' : Array.isArray(file.allow) ? (file.allow.length > 0 ? file.allow.join(', ') : 'none') : 'none';
	const facts = `${protocolName(file.protocol)}${file.rounds ? ` (${file.rounds} round${file.rounds === 1 ? '' : 's'})` : ''}, n = ${file.nodes}, f = ${file.f ?? 1}, allowed: ${allow}`;
	const choices = Array.from({length: file.nodes + 1}, (_, i) => ({
		label: `X_${i} = ${lemmaInputs(file.nodes, i)}`,
		detail: i === 0 ? 'all zeros' : i === file.nodes ? 'all ones' : i === 1 ? 'node 1 holds 1' : `nodes 1 to ${i} hold 1`,
		value: lemmaInputs(file.nodes, i),
	}));
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>{titleOf(file)}</Text>
			<Text dimColor>{facts}</Text>
			<Text> </Text>
			<Text>{(file.story ?? '').trimEnd()}</Text>
			<Text> </Text>
			<Text wrap="wrap">{`Goal: ${goal}`}</Text>
			<Text dimColor>{`${file.par ? `par ${file.par}` : ''}${file.timeLimit ? `${file.par ? '   ' : ''}time ${file.timeLimit} s` : ''}`}</Text>
			{notice ? <Text color="yellow">{notice}</Text> : null}
			{choose ? (
				<SelectList title="Choose the inputs:" rows={choices.length} items={choices} onSelect={inputs => onStart(inputs)} onCancel={onCancel} />
			) : (
				<Text dimColor>[enter] play [esc] back</Text>
			)}
		</Box>
	);
}
