/**
 * The command line: parse the flags (cli-flags.ts), then run one command from `COMMANDS`. Each
 * command loads its own code when it runs (a dynamic `import()`), so a command that draws no
 * screen never loads Ink, React or the layout engine, and none loads what another needs.
 * `npm run bench` times the start-up (docs/performance.md); test/commands/startup.test.ts checks
 * what each command can load. bin.ts calls `main`; tests call `runCommandLine` in-process.
 */
import process from 'node:process';
import {type CliOptions, commandHelp, commandSpec, mainHelp, options, parseCommandLine} from './cli-flags.js';
import type {CommandResult} from './commands/result.js';
import type {Failure, Result} from './engine/types.js';
import {excerpt, terminalSafe} from './files/escape.js';

/** What a command is given: its name, the words after it, and the flags. */
export interface Call {
	/** As in cli-flags.ts's COMMANDS: `analyze`, `results verify`, '' for the game. */
	readonly command: string;
	readonly args: readonly string[];
	readonly flags: CliOptions;
	/** False when NO_COLOR is set. */
	readonly colour: boolean;
}

/**
 * A command: what it prints and how it exits, or nothing when it draws a screen (it then
 * prints and sets the exit code itself).
 */
type Command = (call: Call) => Promise<CommandResult | void>;

let clock = (): number => performance.now();
const now = (): number => clock();
const error = (message: string): CommandResult => ({code: 2, stdout: '', stderr: `flp: ${message}\n`});
const printed = (stdout: string): CommandResult => ({code: 0, stdout, stderr: ''});
const noArguments = (name: string, args: readonly string[]): CommandResult | undefined =>
	args.length > 0 ? error(`${name} takes no arguments (got "${excerpt(args[0]!)}")`) : undefined;

/** The protocol modules a challenge's levels name, loaded (with --trust): a note for each file that runs one, or why not. */
const modulesOf = async (challenge: string | undefined, flags: CliOptions): Promise<Result<readonly string[]>> =>
	(await import('./commands/modules.js')).challengeModules(challenge, flags.trust === true);

/** A failure as the command's end (commands/result.ts, loaded only when one fails). */
const failed = async (failure: Failure): Promise<CommandResult> => (await import('./commands/result.js')).failed(failure);

/** A command's result with notes (the modules it ran) on stderr first. */
const noted = (notes: readonly string[], result: CommandResult): CommandResult =>
	notes.length === 0 ? result : {...result, stderr: `${notes.join('\n')}\n${result.stderr}`};

/**
 * The commands, by their first word ('' is `flp` alone). To add one: its usage and flags in
 * cli-flags.ts's COMMANDS, its code in a file of its own under source/commands/, loaded here by
 * `import()` inside its entry, never at the top of this file.
 */
const COMMANDS: Record<string, Command> = {
	analyze: async ({args, flags}) => noArguments('analyze', args) ?? (await import('./commands/analyze.js')).runAnalyzeCommand(flags, now),
	attack: async ({args, flags}) => (await import('./commands/attack.js')).runAttackCommand(args, flags, now),
	check: async ({args, flags}) => (await import('./commands/check.js')).runCheck(args, now, flags.trust === true),
	schema: async ({command, args}) =>
		command === 'schema challenge'
			? (noArguments('schema challenge', args) ?? printed(`${JSON.stringify((await import('./challenge/schema.js')).CHALLENGE_SCHEMA, null, 2)}\n`))
			: (noArguments('schema', args) ?? printed(`${JSON.stringify((await import('./scenario/schema.js')).SCHEMA, null, 2)}\n`)),
	results: async ({command, args, flags}) => {
		const modules = await modulesOf(flags.challenge, flags);
		if (!modules.ok) return failed(modules);
		if (command === 'results verify') return noted(modules.value, (await import('./commands/results.js')).runVerify(args, flags));
		if (command === 'results board') return noted(modules.value, (await import('./commands/results.js')).runBoard(args, flags));
		if (command === 'results watch') return (await import('./commands/results-watch.js')).startWatch(args, flags);
		return error('results takes verify or board: flp results verify FILE... --challenge FILE');
	},
	challenge: async call => {
		const modules = await modulesOf(call.args[0], call.flags);
		if (!modules.ok) return failed(modules);
		return call.command === 'challenge check'
			? noted(modules.value, (await import('./commands/challenge-check.js')).runChallengeCheck(call.args, call.flags))
			: (await import('./commands/screens.js')).startChallenge(call);
	},
	replay: async call =>
		call.flags.print || call.flags.svg !== undefined
			? (await import('./commands/replay.js')).runReplayExport(call.args[0], call.flags, now)
			: (await import('./commands/screens.js')).startGame('replay', call),
	watch: async call => {
		const refused = noArguments('watch', call.args);
		if (refused) return refused;
		// A module named by --protocol is loaded (trusted: the user named it) and goes by its path.
		const named = await (await import('./commands/modules.js')).protocolFlag(call.flags.protocol, call.flags);
		if (!named.ok) return error(named.message);
		const flags = {...call.flags, ...(named.value === undefined ? {} : {protocol: named.value})};
		return flags.print ? (await import('./commands/watch.js')).runWatchPrint(flags, now) : (await import('./commands/watch-app.js')).startWatch({...call, flags});
	},
	play: async call => (await import('./commands/screens.js')).startGame('play', call),
	'': async call => (call.args.length > 0 ? error(`unknown command "${excerpt(call.args[0]!)}" (see flp --help)`) : (await import('./commands/screens.js')).startGame('', call)),
	help: async ({args}) => {
		if (args.length === 0) return printed(mainHelp());
		const about = commandSpec(args.join(' '));
		return about ? printed(commandHelp(about)) : error(`no command "${excerpt(args.join(' '))}" (see flp --help)`);
	},
};

/** Run the command line `argv` (the words after `flp`); `time` is the clock of its budgets (tests). */
export async function runCommandLine(argv: readonly string[], colour = !process.env['NO_COLOR'], time: () => number = () => performance.now()): Promise<CommandResult | void> {
	clock = time;
	const parsed = parseCommandLine(argv);
	if (!parsed.ok) return error(parsed.message);
	const {command, args, help, version} = parsed.value;
	if (version) {
		const {readFileSync} = await import('node:fs');
		return printed(`${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version}\n`);
	}

	if (help && command !== 'help') return printed(command === '' ? mainHelp() : commandHelp(commandSpec(command)!));
	const run = COMMANDS[command.split(' ')[0]!];
	if (!run) return error(`unknown command "${excerpt(command)}" (see flp --help)`);
	const flags = options(parsed.value.flags);
	(await import('./memory-budget.js')).setMemoryBudget(flags.budgetMb);
	return run({command, args, flags, colour});
}

/** Print what a command returned (control characters escaped) and set the exit code. */
export function finish(result: CommandResult | void): void {
	if (!result) return;
	process.stdout.write(terminalSafe(result.stdout));
	process.stderr.write(terminalSafe(result.stderr));
	process.exitCode = result.code;
}

export async function main(): Promise<void> {
	finish(await runCommandLine(process.argv.slice(2)));
}
