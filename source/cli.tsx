/**
 * The command line: parse the flags, then run one command from `COMMANDS`. Each command loads
 * its own code when it runs (a dynamic `import()`), so a command that draws no screen never
 * loads Ink, React or the layout engine, and none loads what another needs. `npm run bench`
 * times the start-up (docs/performance.md); test/commands/startup.test.ts checks what each
 * command can load.
 */
import process from 'node:process';
import meow from 'meow';
import {FLAGS, HELP, flagProblem} from './cli-flags.js';
import type {CommandResult} from './commands/result.js';

const cli = meow(HELP, {importMeta: import.meta, allowUnknownFlags: true, description: false, flags: FLAGS});

/** What a command is given: the words after its name, and the flags. */
export interface Call {
	readonly args: readonly string[];
	readonly flags: typeof cli.flags;
	/** False when NO_COLOR is set. */
	readonly colour: boolean;
}

/**
 * A command: what it prints and how it exits, or nothing when it draws a screen (it then
 * prints and sets the exit code itself).
 */
type Command = (call: Call) => Promise<CommandResult | void>;

const now = (): number => performance.now();
const error = (message: string): CommandResult => ({code: 2, stdout: '', stderr: `flp: ${message}\n`});

/**
 * The commands, by name ('' is `flp` alone). To add one: its code in a file of its own under
 * source/commands/, loaded here by `import()` inside its entry, never at the top of this file.
 */
const COMMANDS: Record<string, Command> = {
	analyze: async ({args, flags}) =>
		args.length > 0 ? error(`analyze takes no arguments (got "${args[0]}")`) : (await import('./commands/analyze.js')).runAnalyze(flags, now),
	check: async ({args}) => (await import('./commands/check.js')).runCheck(args, now),
	schema: async ({args}) =>
		args.length > 0 ? error(`schema takes no arguments (got "${args[0]}")`) : {code: 0, stdout: `${JSON.stringify((await import('./scenario/schema.js')).SCHEMA, null, 2)}\n`, stderr: ''},
	results: async ({args: [verb, ...files], flags}) => {
		if (verb === 'verify') return (await import('./commands/results.js')).runVerify(files, flags.challenge);
		if (verb === 'board') return (await import('./commands/results.js')).runBoard(files, flags.challenge, flags.format);
		return error('results takes verify or board: flp results verify FILE... --challenge FILE');
	},
	challenge: async call => (await import('./commands/screens.js')).startChallenge(call),
	replay: async call =>
		call.flags.print || call.flags.svg !== undefined
			? (await import('./commands/replay.js')).runReplayExport(call.args[0], call.flags, now)
			: (await import('./commands/screens.js')).startGame('replay', call),
	watch: async call =>
		call.flags.print
			? call.args.length > 0
				? error(`watch takes no arguments (got "${call.args[0]}")`)
				: (await import('./commands/watch.js')).runWatchPrint(call.flags, now)
			: (await import('./commands/watch-app.js')).startWatch(call),
	play: async call => (await import('./commands/screens.js')).startGame('play', call),
	'': async call => (await import('./commands/screens.js')).startGame('', call),
};

function finish(result: CommandResult | void): void {
	if (!result) return;
	process.stdout.write(result.stdout);
	process.stderr.write(result.stderr);
	process.exitCode = result.code;
}

const problem = flagProblem(cli.flags as Record<string, unknown>);
const [name = '', ...args] = cli.input;
const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
if (problem) finish(error(problem));
else if (!command) finish(error(`unknown command "${name}" (see flp --help)`));
else finish(await command({args, flags: cli.flags, colour: !process.env['NO_COLOR']}));
