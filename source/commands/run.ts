/**
 * The command line, short of a terminal: parse the arguments, run every command that prints and
 * exits, and say which screen to open otherwise. Each command's module is loaded only when it
 * runs. cli.tsx prints the result or draws the screen; tests call this in-process.
 */
import {readFileSync} from 'node:fs';
import type {Opening} from '../app.js';
import type {ChallengeRun} from '../challenge/run.js';
import {type FlagValue, commandHelp, commandSpec, mainHelp, options, parseCommandLine} from '../cli-flags.js';
import {excerpt} from '../files/escape.js';
import {type CommandResult, printed, usageError} from './result.js';

export type Dispatched =
	| {readonly kind: 'result'; readonly result: CommandResult}
	/** The game, with its flags; a file to open has been read and validated. */
	| {readonly kind: 'game'; readonly opening: Opening; readonly flags: Readonly<Record<string, FlagValue>>}
	| {readonly kind: 'challenge'; readonly run: ChallengeRun; readonly out: string; readonly flags: Readonly<Record<string, FlagValue>>};

const done = (result: CommandResult): Dispatched => ({kind: 'result', result});

function help(command: string, args: readonly string[]): CommandResult {
	if (command !== 'help' && command !== '') return printed(commandHelp(commandSpec(command)!));
	if (command === '' || args.length === 0) return printed(mainHelp());
	const about = commandSpec(args.join(' '));
	return about ? printed(commandHelp(about)) : usageError(`no command "${excerpt(args.join(' '))}" (see flp --help)`);
}

export async function dispatch(argv: readonly string[], now: () => number = () => performance.now()): Promise<Dispatched> {
	const parsed = parseCommandLine(argv);
	if (!parsed.ok) return done(usageError(parsed.message));
	const {command, args} = parsed;
	if (parsed.version) {
		const {version} = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};
		return done(printed(`${version}\n`));
	}

	if (parsed.help || command === 'help') return done(help(command, args));
	const flags = options(parsed.flags);
	if (args.length > 0 && (command === 'analyze' || command === 'schema')) return done(usageError(`${command} takes no arguments (got "${excerpt(args[0]!)}")`));
	switch (command) {
		case 'analyze': {
			const {runAnalyze} = await import('./analyze.js');
			return done(runAnalyze(flags, now));
		}

		case 'check': {
			const {runCheck} = await import('./check.js');
			return done(runCheck(args, now));
		}

		case 'schema': {
			const {SCHEMA} = await import('../scenario/schema.js');
			return done(printed(`${JSON.stringify(SCHEMA, null, 2)}\n`));
		}

		case 'results verify': {
			const {runVerify} = await import('./results.js');
			return done(runVerify(args, flags['challenge'] as string | undefined));
		}

		case 'results board': {
			const {runBoard} = await import('./results.js');
			return done(runBoard(args, flags['challenge'] as string | undefined, flags['format'] as string | undefined));
		}

		case 'results':
			return done(usageError('results takes verify or board: flp results verify FILE... --challenge FILE'));
		case 'challenge': {
			const {prepareChallenge} = await import('./challenge.js');
			const prepared = prepareChallenge(args, flags);
			return 'code' in prepared ? done(prepared) : {kind: 'challenge', ...prepared, flags};
		}

		case 'replay':
			if (flags['print']) {
				const {runReplayPrint} = await import('./check.js');
				return done(runReplayPrint(args[0], now));
			}

		// falls through
		case 'play': {
			if (args.length !== 1) return done(usageError(`${command} takes one file: flp ${command} FILE`));
			const {readScenario} = await import('../scenario/scenario.js');
			const loaded = readScenario(args[0]!);
			if (!loaded.ok) return done({code: 2, stdout: '', stderr: `${loaded.message}\n`});
			return {kind: 'game', opening: {kind: command === 'play' ? 'play-file' : 'replay-file', path: args[0]!}, flags};
		}

		case '':
			if (args.length > 0) return done(usageError(`unknown command "${excerpt(args[0]!)}" (see flp --help)`));
			return {kind: 'game', opening: {kind: 'menu'}, flags};
		default:
			return done(usageError(`unknown command "${excerpt(command)}" (see flp --help)`));
	}
}
