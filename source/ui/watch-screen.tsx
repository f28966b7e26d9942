/**
 * "Watch the proof": the engine plays the theorem's strategy (Lemma 1 picks C_0; each round the
 * target is the oldest pending message; stall as long as needed, then deliver it) and narrates
 * each move in one line, with the board and a timeline of rounds. Space pauses, → steps, + and -
 * set the speed, Esc leaves.
 */
import {Box, Text, useInput} from 'ink';
import React, {useEffect, useMemo, useState} from 'react';
import {type Configuration, initialConfiguration} from '../engine/configuration.js';
import {type GameSpec, createSetup, factsLine} from '../engine/game.js';
import {applyMove} from '../engine/moves.js';
import {parseMove} from '../engine/notation.js';
import type {Bit} from '../engine/types.js';
import {lookUpProtocol} from '../protocols/registry.js';
import type {WatchAnswer} from '../worker/proof.js';
import type {AnalysisService} from '../worker/service.js';
import {ColumnRule, Nodes, Pool} from './board.js';
import {findProtocol} from '../protocols/registry.js';
import {wrapWords} from './wrap.js';
import {labelColour} from './theme.js';

/** Milliseconds per move, slowest first. */
export const SPEEDS = [3000, 2000, 1200, 700, 400, 200] as const;
const DEFAULT_SPEED = 2;

export interface WatchScreenProps {
	readonly service: AnalysisService;
	/** Protocol, n, f, faults (and rounds); the inputs are Lemma 1's to choose. */
	readonly spec: Omit<GameSpec, 'inputs'>;
	readonly colour: boolean;
	readonly rows: number;
	readonly onExit: () => void;
	/** Start paused (tests step with →). */
	readonly paused?: boolean;
}

/** The timeline: per round its stall moves (·) and its target (●). */
export function timeline(answer: WatchAnswer, shown: number): string {
	const parts: string[] = [];
	for (const move of answer.moves.slice(0, shown)) {
		if (parts.length < move.round) parts.push('');
		parts[move.round - 1] += move.role === 'stall' ? '·' : '●';
	}

	return parts.map((part, i) => `${i + 1}${part}`).join(' ');
}

/** The configurations of the watched run: C_0, then one per move. */
function replay(spec: Omit<GameSpec, 'inputs'>, answer: WatchAnswer | undefined): Configuration[] {
	if (!answer?.inputs) return [];
	const setup = createSetup({...spec, inputs: answer.inputs}, lookUpProtocol);
	if (!setup.ok) return [];
	const configs = [initialConfiguration({...setup.value, inputs: [...answer.inputs].map(ch => Number(ch) as Bit)})];
	for (const {move} of answer.moves) {
		const parsed = parseMove(setup.value, move);
		const next = parsed.ok ? applyMove(configs.at(-1)!, parsed.value) : parsed;
		if (!next.ok) break;
		configs.push(next.value);
	}

	return configs;
}

export function WatchScreen({service, spec, colour, rows, onExit, paused: startPaused = false}: WatchScreenProps): React.JSX.Element {
	const [answer, setAnswer] = useState<WatchAnswer | undefined>(undefined);
	const [error, setError] = useState<string | undefined>(undefined);
	const [shown, setShown] = useState(0);
	const [paused, setPaused] = useState(startPaused);
	const [speed, setSpeed] = useState(DEFAULT_SPEED);
	useEffect(() => {
		const inputs = '0'.repeat(spec.n);
		service.request(
			{id: 2_000_000_000, spec: {...spec, inputs}, moves: [], proof: {kind: 'watch'}},
			{
				report(report) {
					if (report.error) setError(report.error);
					else if (report.proof?.kind === 'watch') setAnswer(report.proof);
					else if (report.proof?.kind === 'error') setError(report.proof.message);
				},
			},
		);
		// One question per screen: asked once, when it opens.
	}, [service]);
	const total = answer ? answer.moves.length + 1 : 0; // the moves, then the end
	useEffect(() => {
		if (!answer || paused || shown >= total) return;
		const timer = setTimeout(() => setShown(k => Math.min(total, k + 1)), SPEEDS[speed]);
		return () => clearTimeout(timer);
	}, [answer, paused, shown, speed, total]);
	useInput((input, key) => {
		if (key.escape || input === 'q') onExit();
		else if (input === ' ') setPaused(p => !p);
		else if (key.rightArrow) {
			setPaused(true);
			setShown(k => Math.min(total, k + 1));
		} else if (key.leftArrow) {
			setPaused(true);
			setShown(k => Math.max(0, k - 1));
		} else if (input === '+' || input === '=') setSpeed(s => Math.min(SPEEDS.length - 1, s + 1));
		else if (input === '-') setSpeed(s => Math.max(0, s - 1));
	});
	const configs = useMemo(() => replay(spec, answer), [spec, answer]);
	const moves = Math.min(shown, answer?.moves.length ?? 0);
	const config = configs[moves];
	const current = moves > 0 ? answer!.moves[moves - 1] : undefined;
	const round = current ? current.round : 0;
	const ended = answer !== undefined && shown >= total;
	const lines = answer ? [...answer.intro, ...answer.moves.slice(0, moves).map(m => m.text)] : [];
	// The end's sentences get the rows they need, taken from the board (all of it when there is
	// no run to show): cut, they would lose the end of the argument.
	const endNeeds = ended && answer ? answer.end.sentences.reduce((sum, line) => sum + wrapWords(line, 77).length, 0) : 7;
	const room = Math.max(5, rows - 16);
	const endRows = Math.max(7, Math.min(endNeeds, 7 + room - (config ? 5 : 1)));
	const bodyRows = room - (endRows - 7);
	const rule = <Text dimColor>{'─'.repeat(78)}</Text>;
	const f = spec.f ?? 1;
	const allow = (spec.allow ?? []).length > 0 && f > 0 ? (spec.allow ?? []).join(',') : 'none';
	const setupFacts = factsLine({protocol: findProtocol(spec.protocol)?.id ?? spec.protocol, n: spec.n, f, rounds: findProtocol(spec.protocol)?.hasRounds ? (spec.rounds ?? 1) : undefined, allow}, {rounds: 'after-protocol'});
	return (
		<Box flexDirection="column" width={80}>
			<Box>
				<Text bold wrap="truncate">{` WATCH THE PROOF  ${setupFacts}`}</Text>
				<Box flexGrow={1} />
				<Text>{answer?.inputs ? `C_0 = ${answer.inputs}  round ${round} ` : ''}</Text>
			</Box>
			{rule}
			{config ? (
				<Box height={bodyRows}>
					<Nodes config={config} colour={colour} rows={bodyRows} />
					<ColumnRule rows={bodyRows} />
					<Pool config={config} cursor={-1} target={config.pool.length > 0 ? 0 : -1} previews={undefined} hints={false} rows={bodyRows} colour={colour} />
				</Box>
			) : (
				<Box height={bodyRows}>
					<Text dimColor>{error ? ` ${error}` : answer ? ' No initial configuration is ambiguous: there is no run to watch.' : ' The engine is working out the proof’s run…'}</Text>
				</Box>
			)}
			{rule}
			<Text wrap="truncate">
				<Text bold>{' ROUNDS '}</Text>
				<Text color={colour ? labelColour('ambiguous') : undefined}>{answer ? timeline(answer, moves) : ''}</Text>
				{ended && answer?.end.reason === 'no-stall' ? <Text color={colour ? 'red' : undefined}>{' ✗'}</Text> : null}
				<Text dimColor>{'   ● target delivered  · stall'}</Text>
			</Text>
			{rule}
			<Box flexDirection="column" height={endRows} overflow="hidden">
				{ended && answer
					? // The end: what it means for the protocol, in full.
						answer.end.sentences.map((line, i) => (
							<Box key={`end-${i}`} paddingLeft={1}>
								<Text wrap="wrap">{line}</Text>
							</Box>
						))
					: [
							...lines.slice(Math.max(0, lines.length - 4), -1).map((line, i) => (
								<Text key={`${lines.length}-${i}`} dimColor wrap="truncate">
									{` ${line}`}
								</Text>
							)),
							lines.length > 0 ? (
								<Box key="newest" paddingLeft={1}>
									<Text wrap="wrap">{lines.at(-1)}</Text>
								</Box>
							) : null,
						]}
			</Box>
			{rule}
			<Text dimColor wrap="truncate">{` [space] ${paused ? 'play' : 'pause'} [←→] step [+/-] speed ${((SPEEDS[speed] ?? 1000) / 1000).toFixed(1)} s a move [esc] leave${ended ? '   (the end)' : ''}`}</Text>
		</Box>
	);
}
