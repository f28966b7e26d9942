/** Choose a game for the sandbox: protocol, n, inputs, f, allowed behaviours, rounds. */
import {Box, Text, useInput} from 'ink';
import React from 'react';
import {useSyncState} from './use-sync-state.js';
import {type GameSpec, MAX_NODES, MIN_NODES, lemmaInputs} from '../engine/game.js';
import {basename} from 'node:path';
import {knownProtocols} from '../protocols/registry.js';
import {isModulePath} from '../protocols/module.js';
import {outOfReach} from '../engine/frontier.js';
import {wrapWords} from './wrap.js';
import {POSITION_BUDGET_MS} from '../worker/service.js';

export interface SandboxSetupProps {
	readonly initial?: GameSpec;
	readonly onStart: (spec: GameSpec) => void;
	readonly onCancel: () => void;
	/** The title (default: the sandbox's). */
	readonly title?: string;
	/** Whether the inputs can be chosen (Watch the proof leaves them to Lemma 1). */
	readonly withInputs?: boolean;
	/** What Enter does, in the key line (default "play"). */
	readonly action?: string;
	/** A line shown while the game is being started (a protocol module being tried). */
	readonly busy?: string;
	/** Why the game chosen last did not start. */
	readonly notice?: string;
}

const ALLOW_CHOICES: ReadonlyArray<readonly string[]> = [
	[],
	['crash'],
	['lie'],
	['byzantine'],
	['crash', 'lie'],
	['crash', 'byzantine'],
	['lie', 'byzantine'],
	['crash', 'lie', 'byzantine'],
];
const MAX_SANDBOX_ROUNDS = 3;

type Field = 'protocol' | 'nodes' | 'inputs' | 'f' | 'allow' | 'rounds';

export const DEFAULT_SANDBOX: GameSpec = {protocol: 'quorum', n: 3, inputs: '011', f: 1, allow: ['crash'], rounds: 1};

/** Whether the protocol named (an id, or a loaded module's path) takes the rounds parameter. */
const hasRounds = (key: string): boolean => knownProtocols().find(p => p.key === key)?.protocol.hasRounds ?? false;

const cycle = (value: number, delta: number, size: number): number => (value + delta + size) % size;

export function SandboxSetup({initial = DEFAULT_SANDBOX, onStart, onCancel, title = 'SANDBOX: choose a game', withInputs = true, action = 'play', busy, notice}: SandboxSetupProps): React.JSX.Element {
	const [spec, setSpec, specRef] = useSyncState<Required<GameSpec>>({f: 1, allow: [], rounds: 1, ...initial} as Required<GameSpec>);
	const [field, setField, fieldRef] = useSyncState<Field>('protocol');
	const fieldsOf = (s: GameSpec): Field[] => ['protocol', 'nodes', ...(withInputs ? (['inputs'] as const) : []), 'f', 'allow', ...(hasRounds(s.protocol) ? (['rounds'] as const) : [])];

	const change = (delta: number): void => {
		setSpec(s => {
			switch (fieldRef.current) {
				case 'protocol': {
					// The built-ins, the shipped modules, then any module named on the command line.
					const known = knownProtocols();
					const i = known.findIndex(p => p.key === s.protocol);
					return {...s, protocol: known[cycle(i, delta, known.length)]!.key};
				}

				case 'nodes': {
					const n = Math.min(MAX_NODES, Math.max(MIN_NODES, s.n + delta));
					const ones = Math.min(n, [...s.inputs].filter(ch => ch === '1').length);
					return {...s, n, inputs: lemmaInputs(n, ones), f: Math.min(s.f, n - 1)};
				}

				case 'inputs': {
					const ones = [...s.inputs].filter(ch => ch === '1').length;
					const isLemma = s.inputs === lemmaInputs(s.n, ones);
					const next = isLemma ? cycle(ones, delta, s.n + 1) : delta > 0 ? 0 : s.n;
					return {...s, inputs: lemmaInputs(s.n, next)};
				}

				case 'f':
					return {...s, f: cycle(s.f, delta, s.n)};
				case 'allow': {
					const i = ALLOW_CHOICES.findIndex(a => a.join() === s.allow.join());
					return {...s, allow: ALLOW_CHOICES[cycle(Math.max(0, i), delta, ALLOW_CHOICES.length)]!};
				}

				case 'rounds':
					return {...s, rounds: Math.min(MAX_SANDBOX_ROUNDS, Math.max(1, s.rounds + delta))};
			}
		});
	};

	useInput((input, key) => {
		if (busy) return;
		if (key.escape || input === 'q') return onCancel();
		const s = specRef.current;
		const fields = fieldsOf(s);
		if (key.return) return onStart(hasRounds(s.protocol) ? s : {...s, rounds: 1});
		if (key.upArrow) return setField(f => fields[Math.max(0, fields.indexOf(f) - 1)]!);
		if (key.downArrow) return setField(f => fields[Math.min(fields.length - 1, fields.indexOf(f) + 1)]!);
		if (key.leftArrow) return change(-1);
		if (key.rightArrow) return change(1);
		const k = Number(input);
		if (fieldRef.current === 'inputs' && Number.isInteger(k) && k >= 1 && k <= s.n) {
			setSpec(s => ({...s, inputs: [...s.inputs].map((ch, i) => (i === k - 1 ? (ch === '1' ? '0' : '1') : ch)).join('')}));
		}
	});

	const protocol = knownProtocols().find(p => p.key === spec.protocol)!.protocol;
	// A module the player brought goes by its id and file name; what it is, in the note below.
	const module = isModulePath(spec.protocol);
	const about = [protocol.title, protocol.flaw ? `flaw: ${protocol.flaw}` : '', module ? `module ${spec.protocol}` : ''].filter(Boolean).join('; ');
	const ones = [...spec.inputs].filter(ch => ch === '1').length;
	const lemma = spec.inputs === lemmaInputs(spec.n, ones) ? `  (X_${ones} of Lemma 1)` : '';
	const rows: Array<[Field, string, string, string]> = [
		['protocol', 'Protocol', module ? `${protocol.id} (${basename(spec.protocol)})` : spec.protocol, about],
		['nodes', 'Nodes', `n = ${spec.n}`, `${MIN_NODES} to ${MAX_NODES}`],
		...(withInputs ? [['inputs', 'Inputs', spec.inputs + lemma, `[1-${spec.n}] flip a node's input, [←→] X_0..X_${spec.n}`] as [Field, string, string, string]] : []),
		['f', 'Faults', `f = ${spec.f}`, 'the most nodes you may corrupt'],
		['allow', 'Allowed', spec.allow.length === 0 ? 'none' : spec.allow.join(', '), 'crash, lie, byzantine'],
	];
	const reach = outOfReach(spec, POSITION_BUDGET_MS / 1000);
	if (protocol.hasRounds) rows.push(['rounds', 'Rounds', String(spec.rounds), `1 to ${MAX_SANDBOX_ROUNDS}: each round more multiplies the positions the analysis searches (a note says when the first answer will take over 5 s)`]);
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>{title}</Text>
			<Text> </Text>
			{rows.map(([name, title, value]) => (
				<Text key={name} wrap="truncate" inverse={field === name}>
					{`${field === name ? '▸' : ' '} ${title.padEnd(9)} ${value}`}
				</Text>
			))}
			<Text> </Text>
			{/* What the picked field means, whole (wrapped), under the fields. */}
			{wrapWords(rows.find(([name]) => name === field)?.[3] ?? '', 78).map((line, i) => (
				<Text key={`hint${i}`} dimColor>
					{line}
				</Text>
			))}
			<Text> </Text>
			{notice
				? wrapWords(notice, 78).map((line, i) => (
						<Text key={`notice${i}`} color="yellow">
							{line}
						</Text>
					))
				: null}
			{reach ? wrapWords(`Note: ${reach}`, 78).map((line, i) => <Text key={`reach${i}`}>{line}</Text>) : null}
			{busy ? <Text>{busy}</Text> : <Text dimColor>{`[↑↓] field [←→] change [enter] ${action} [esc] back`}</Text>}
		</Box>
	);
}
