/**
 * The command line: which commands exist, their usage text and flags, and the parser that turns
 * `process.argv` into a command, its arguments and checked flag values.
 *
 * Adding a command: add one entry to COMMANDS (its name, a one-line summary, its usage text and
 * the flags it takes; new flags go in FLAGS). `flp --help` lists it, `flp NAME --help` prints its
 * usage, and the parser refuses flags it does not take. The code that runs it stays in its own
 * file under source/commands/, dispatched from cli.tsx.
 *
 * The parser is our own (not meow): every usage error is one line and exit 2 (a repeated flag,
 * an empty or out-of-range value, a flag the command does not take), and a flag's value is the
 * next argument whatever it starts with, so `--moves "- start 1"` works.
 */
import {excerpt as shown} from './files/escape.js';
import type {Failure, Result, Success} from './engine/types.js';

/** Flag values: text, a whole number within bounds, or a switch. */
export type FlagSpec =
	| {readonly type: 'string'; readonly value: string}
	| {readonly type: 'integer'; readonly value: string; readonly min: number; readonly max: number}
	| {readonly type: 'boolean'};

/** Every flag any command takes, by its name on the command line (kebab-case). */
export const FLAGS = {
	protocol: {type: 'string', value: 'ID'},
	nodes: {type: 'integer', value: 'N', min: 0, max: 1000},
	inputs: {type: 'string', value: 'BITS'},
	rounds: {type: 'integer', value: 'R', min: 0, max: 1000},
	f: {type: 'integer', value: 'F', min: 0, max: 1000},
	allow: {type: 'string', value: 'LIST'},
	moves: {type: 'string', value: 'MOVES'},
	target: {type: 'string', value: 'MOVE'},
	'budget-states': {type: 'integer', value: 'K', min: 1, max: Number.MAX_SAFE_INTEGER},
	'budget-ms': {type: 'integer', value: 'MS', min: 1, max: Number.MAX_SAFE_INTEGER},
	'budget-mb': {type: 'integer', value: 'MB', min: 64, max: 1_048_576},
	json: {type: 'boolean'},
	print: {type: 'boolean'},
	player: {type: 'string', value: 'NAME'},
	seed: {type: 'integer', value: 'N', min: 0, max: 4_294_967_295},
	out: {type: 'string', value: 'PATH'},
	challenge: {type: 'string', value: 'FILE'},
	format: {type: 'string', value: 'FORMAT'},
	svg: {type: 'string', value: 'OUT.svg'},
	roster: {type: 'string', value: 'FILE'},
	answers: {type: 'boolean'},
	rejected: {type: 'string', value: 'FILE'},
	trust: {type: 'boolean'},
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;
export type FlagValue = string | number | boolean;

/** A command (or a command and its verb, like `results verify`). */
export interface CommandSpec {
	/** As typed: `analyze`, `results verify`; '' is `flp` alone (the game). */
	readonly name: string;
	/** One line for `flp --help`. */
	readonly summary: string;
	/** The usage line(s) after `flp ` (the command's name included). */
	readonly usage: string;
	/** What follows the usage in `flp NAME --help`: options, notes, examples. */
	readonly details?: string;
	readonly flags: readonly FlagName[];
	/** Listed in `flp --help` (false for a group's own entry such as `results`). */
	readonly listed?: boolean;
}

const MOVE_NOTATION = `
  Move notation
    start 2              deliver start(2)
    2<1:vote=0           deliver node 1's vote 0 to node 2
    corrupt 3 as crash   corrupt node 3 (crash, lie or byzantine)
    3>1:vote=1           byzantine node 3 sends vote 1 to node 1`;

const TRUST = `    --trust              run the protocol modules the files name (code: read them first);
                         without it, the game asks, and other commands refuse`;

const BUDGET_MB = `    --budget-mb MB       memory the analysis may use, in MB (default 2048, at least 64):
                         past it the answer is unknown, with what was found`;

/** Every command, in the order `flp --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
	{
		name: '',
		summary: 'open the game',
		usage: '[--protocol PATH] [--budget-mb MB]',
		details: `  Options
    --protocol PATH      open the sandbox on a protocol module (docs/protocols.md)
${BUDGET_MB}`,
		flags: ['protocol', 'budget-mb'],
	},
	{
		name: 'analyze',
		summary: 'analyse a configuration',
		usage: `analyze --protocol ID --nodes N --inputs BITS [--rounds R] [--f F]
                [--allow LIST] [--moves "M1; M2"] [--target MOVE]
                [--budget-states K] [--budget-ms MS] [--budget-mb MB] [--json]`,
		details: `  Options
    --protocol ID|PATH   wait-all, quorum, leader, ben-or, two-phase-commit, paxos,
                         or a protocol module's path (docs/protocols.md)
    --nodes N            number of nodes, 2 to 6
    --inputs BITS        one input per node, node 1 first, e.g. 011
    --rounds R           ben-or rounds, paxos ballots per proposer (default 1)
    --f F                most corrupt nodes (default 1)
    --allow LIST         none, or a comma list of crash, lie, byzantine (default byzantine)
    --moves "M1; M2"     moves to make first, in move notation
    --target MOVE        a pending delivery: also give the starred label for it
    --budget-states K    explore at most K states (the answer then says complete: false)
    --budget-ms MS       stop after MS milliseconds (default 60000)
${BUDGET_MB}
    --json               print one JSON object
${MOVE_NOTATION}

  Examples
    $ flp analyze --protocol quorum --nodes 3 --inputs 011 --allow crash
    $ flp analyze --protocol quorum --nodes 3 --inputs 011 --allow crash \\
        --moves "start 2; start 3; 1<2:vote=1" --target "2<3:vote=1" --json`,
		flags: ['protocol', 'nodes', 'inputs', 'rounds', 'f', 'allow', 'moves', 'target', 'budget-states', 'budget-ms', 'budget-mb', 'json'],
	},
	{
		name: 'attack',
		summary: 'which properties the adversary breaks, with shortest runs',
		usage: `attack PROTOCOL --nodes N [--f F] [--allow LIST] [--rounds R]
                [--budget-states K] [--budget-ms MS] [--json]`,
		details: `  For every input vector (one per class the protocol's declared symmetry makes
  equivalent): which of agreement, validity and termination the adversary can break,
  each with a shortest breaking run (fewest moves), and which hold on every run.

  The theorem, as a tool
    By the FLP theorem, under --allow crash with f = 1 a protocol that always
    terminates must give up agreement or validity, and one that keeps both must
    leave a run undecided. flp attack shows which, with the shortest run.

  Options
    PROTOCOL             wait-all, quorum, leader, ben-or, two-phase-commit, paxos,
                         or a protocol module's path (docs/protocols.md)
    --nodes N            number of nodes, 2 to 6
    --f F                most corrupt nodes (default 1)
    --allow LIST         none, or a comma list of crash, lie, byzantine (default crash)
    --rounds R           ben-or rounds, paxos ballots per proposer (default 1)
    --budget-states K    states to explore in all (default 3000000)
    --budget-ms MS       stop after MS milliseconds (default 120000)
    --json               print one JSON object

  Examples
    $ flp attack quorum --nodes 3
    $ flp attack ./my-protocol.mjs --nodes 3 --json`,
		flags: ['protocol', 'nodes', 'f', 'allow', 'rounds', 'budget-states', 'budget-ms', 'json'],
	},
	{
		name: 'play',
		summary: 'play a level or a saved game',
		usage: `play FILE [--trust] [--budget-mb MB]
    $ flp play --protocol PATH [--budget-mb MB]`,
		details: `  FILE is a scenario file (YAML or JSON): a level, or a game saved with s. A file may
  name a protocol module (protocol: ./my-protocol.js): the game shows its path and asks
  before running it, unless --trust is given. With --protocol PATH and no file: the sandbox
  on that module.

  Options
    --protocol PATH      a protocol module for the sandbox (docs/protocols.md)
${TRUST}
${BUDGET_MB}`,
		flags: ['protocol', 'trust', 'budget-mb'],
	},
	{
		name: 'replay',
		summary: 'step through a saved game (--print: a transcript, --svg: a diagram)',
		usage: `replay FILE [--print [--format text|markdown]] [--svg OUT.svg] [--trust] [--budget-mb MB]`,
		details: `  Options
    --print              print a transcript (label, starred label, what can still break) and exit
    --format FORMAT      with --print: text (default) or markdown (the transcript with its timeline)
    --svg OUT.svg        draw the run as a space-time diagram (SVG) into OUT.svg and exit
${TRUST}
${BUDGET_MB}`,
		flags: ['print', 'format', 'svg', 'trust', 'budget-mb'],
	},
	{
		name: 'watch',
		summary: 'watch the FLP adversary\'s strategy play itself against a protocol',
		usage: `watch --protocol ID|PATH --nodes N [--rounds R] [--f F] [--allow LIST] [--print]
                [--budget-ms MS] [--budget-states K]`,
		details: `  Lemma 1 picks an ambiguous start C_0; then, round after round, the target is the oldest
  pending message, and the adversary stalls (Lemma 2) as long as needed, then delivers it,
  keeping every configuration ambiguous. Each move is narrated in one line. On a terminal:
  space pauses, → steps, + and - set the speed, Esc leaves.

  Options
    --protocol ID|PATH   wait-all, quorum, leader, ben-or, two-phase-commit, paxos,
                         or a protocol module's path (docs/protocols.md)
    --nodes N            number of nodes, 2 to 6
    --rounds R           ben-or rounds (default 1)
    --f F                most corrupt nodes (default 1)
    --allow LIST         none, or a comma list of crash, lie, byzantine (default crash)
    --print              print the narration as plain text and exit
    --budget-ms MS       with --print: stop after MS milliseconds (default 60000)
    --budget-states K    with --print: explore at most K states per question

  Example
    $ flp watch --protocol ben-or --rounds 2 --nodes 3 --print`,
		flags: ['protocol', 'nodes', 'rounds', 'f', 'allow', 'print', 'budget-ms', 'budget-states'],
	},
	{
		name: 'check',
		summary: 'verify scenario files: moves, checkpoints, goal',
		usage: 'check FILE... [--trust] [--budget-mb MB]',
		details: `  One line per file: ok, FAIL (a checkpoint or the goal does not hold) or ERROR (the file
  cannot be read or is invalid; the problems go to stderr as FILE:LINE:COL: field: problem).
  A file that names a protocol module gets a line "runs module PATH (sha256 ...)" first;
  without --trust it is not run, and the file is an ERROR.
  Exit 0 when every file holds, 1 when a check fails, 2 when a file is unreadable or invalid.

  Options
${TRUST}
${BUDGET_MB}`,
		flags: ['trust', 'budget-mb'],
	},
	{
		name: 'schema',
		summary: 'print the JSON Schema of scenario files',
		usage: 'schema',
		flags: [],
	},
	{
		name: 'schema challenge',
		summary: 'print the JSON Schema of challenge files',
		usage: 'schema challenge',
		flags: [],
	},
	{
		name: 'challenge',
		summary: 'play a timed classroom challenge',
		usage: 'challenge FILE [--player NAME] [--seed N] [--out PATH]',
		details: `  Options
    --player NAME        your name as the instructor should see it (default: your login)
    --seed N             the puzzles' seed, 0 to 4294967295 (only for seeds: free challenges)
    --out PATH           where the result file goes (default flp-result-ID-NAME.json)
${TRUST}`,
		flags: ['player', 'seed', 'out', 'trust'],
	},
	{
		name: 'challenge check',
		summary: 'before class: make every student\'s levels and show how they vary',
		usage: 'challenge check FILE [--roster FILE] [--answers]',
		details: `  Makes the levels of every student on the roster (or of 20 sample players), fails on any
  seed that gets none, and prints per level the protocols, n and par the students get. Exit 0
  when every student gets every level (and par varies no more than each parSpread allows), 1
  when not, 2 when the challenge file cannot be used.

  Options
    --roster FILE        names, one a line (default: the challenge's roster:, else a sample)
    --answers            also print a solution per student and level (an answer key)
${TRUST}`,
		flags: ['roster', 'answers', 'trust'],
	},
	{
		name: 'results',
		summary: 'check and rank students\' result files (verify, board)',
		usage: `results verify FILE... --challenge FILE
    $ flp results board FILE... --challenge FILE [--format table|csv|markdown|json]
    $ flp results watch DIR --challenge FILE`,
		flags: [],
		listed: false,
	},
	{
		name: 'results verify',
		summary: 'replay students\' result files and recompute their scores',
		usage: 'results verify FILE... --challenge FILE [--roster FILE]',
		details: `  One line per file: ok, or REJECTED with the reason (WARNING lines: two players with the
  same moves). Exit 0 when every file is accepted, 1 when one is rejected, 2 when the
  challenge file cannot be used.

  Options
    --challenge FILE     the challenge file the results were made for
    --roster FILE        names, one a line: other names are rejected (default: the challenge's roster:)
${TRUST}`,
		flags: ['challenge', 'roster', 'trust'],
	},
	{
		name: 'results board',
		summary: 'rank the verified results',
		usage: 'results board FILE... --challenge FILE [--format table|csv|markdown|json] [--roster FILE] [--rejected FILE]',
		details: `  Options
    --challenge FILE     the challenge file the results were made for
    --format FORMAT      table (default), csv, markdown or json; csv is one table (the
                         rejected files go to stderr)
    --roster FILE        names, one a line: other names are rejected (default: the challenge's roster:)
    --rejected FILE      write the rejected files' lines to FILE instead
${TRUST}`,
		flags: ['challenge', 'format', 'roster', 'rejected', 'trust'],
	},
	{
		name: 'results watch',
		summary: 'a live board: verify and rank result files as they arrive in DIR',
		usage: 'results watch DIR --challenge FILE [--roster FILE]',
		details: `  Checks DIR every second; each new or changed *.json file is verified, and the board
  ranked again. In a terminal it is a screen (q quits); otherwise one line per file as it
  is verified. Ctrl-C ends it (exit 130).

  Options
    --challenge FILE     the challenge file the results are for
    --roster FILE        names, one a line: other names are rejected (default: the challenge's roster:)
${TRUST}`,
		flags: ['challenge', 'roster', 'trust'],
	},
	{
		name: 'help',
		summary: 'print the usage of a command',
		usage: 'help [COMMAND]',
		flags: [],
	},
];

const byName = new Map(COMMANDS.map(c => [c.name, c]));

export const commandSpec = (name: string): CommandSpec | undefined => byName.get(name);

const INTRO = '  Play the adversary of the FLP impossibility proof.';

/** `flp --help`: every listed command, one line each. */
export function mainHelp(): string {
	const rows = COMMANDS.filter(c => c.listed !== false).map(c => {
		const words = c.usage.split('\n')[0]!.split(/\s+/).slice(c.name ? c.name.split(' ').length : 0);
		const end = words.findIndex(w => w.startsWith('-') || w.startsWith('['));
		const args = end < 0 ? words : words.slice(0, end);
		const head = ['$ flp', c.name, ...args, c.flags.length > 0 ? '[options]' : ''].filter(Boolean).join(' ');
		return head.length < 31 ? `    ${head.padEnd(31)}${c.summary}` : `    ${head}\n${' '.repeat(35)}${c.summary}`;
	});
	return `\n${INTRO}\n\n  Usage\n${rows.join('\n')}\n\n  Every command prints its own usage with --help (or -h), e.g. flp analyze --help.\n  Exit codes: 0 ok, 1 a check failed, 2 bad input (a usage error or an unusable file).\n${MOVE_NOTATION}\n\n`;
}

/** `flp NAME --help`. */
export function commandHelp(spec: CommandSpec): string {
	const usage = `flp ${spec.usage}`.replace(/^flp \[/, 'flp [');
	return `\n  ${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.\n\n  Usage\n    $ ${usage}\n${spec.details ? `\n${spec.details}\n` : ''}\n`;
}

/** A command line, parsed. */
export interface CommandLine {
	/** The command's name as in COMMANDS ('' for the game). */
	readonly command: string;
	readonly args: readonly string[];
	readonly flags: Readonly<Partial<Record<FlagName, FlagValue>>>;
	/** --help or -h was given: print the command's usage, run nothing. */
	readonly help: boolean;
	readonly version: boolean;
}

// Built here rather than with engine/types.ts's ok and fail: cli.tsx loads this file alone.
const success = <T>(value: T): Success<T> => ({ok: true, value});
const refused = (code: 'bad-command' | 'bad-flag', message: string): Failure => ({ok: false, code, message});

const camel = (name: string): string => name.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
const kebab = (name: string): string => name.replace(/[A-Z]/g, ch => `-${ch.toLowerCase()}`);

function flagValue(name: FlagName, text: string): Result<FlagValue> {
	const spec: FlagSpec = FLAGS[name];
	if (spec.type === 'string') {
		return text.trim() === '' ? refused('bad-flag', `--${name} needs a value (${spec.value})`) : success(text);
	}

	if (spec.type === 'boolean') return success(true);
	if (text.trim() === '') return refused('bad-flag', `--${name} needs a number (${spec.value})`);
	if (!/^\s*[+-]?\d+\s*$/.test(text)) {
		return /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text)
			? refused('bad-flag', `--${name} must be a whole number from ${spec.min} to ${spec.max}`)
			: refused('bad-flag', `--${name} needs a number`);
	}

	const value = Number(text);
	if (!Number.isSafeInteger(value) || value < spec.min || value > spec.max) return refused('bad-flag', `--${name} must be a whole number from ${spec.min} to ${spec.max}`);
	return success(value);
}

/** Parse the arguments after `flp`. The failure is one line, without the `flp: ` prefix. */
export function parseCommandLine(argv: readonly string[]): Result<CommandLine> {
	const positional: string[] = [];
	const given: Array<{name: FlagName; value: FlagValue}> = [];
	const seen = new Set<string>();
	let help = false;
	let version = false;
	let error: string | undefined;
	const fail = (message: string): void => {
		error ??= message;
	};

	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') {
			positional.push(...argv.slice(i + 1));
			break;
		}

		if (arg === '--help' || arg === '-h') {
			help = true;
			continue;
		}

		if (arg === '--version') {
			version = true;
			continue;
		}

		if (!arg.startsWith('-') || arg === '-') {
			positional.push(arg);
			continue;
		}

		if (!arg.startsWith('--')) {
			fail(`unknown flag ${shown(arg)}`);
			continue;
		}

		const eq = arg.indexOf('=');
		const raw = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
		if (!Object.hasOwn(FLAGS, raw)) {
			const near = kebab(raw);
			fail(`unknown flag --${shown(raw)}${near !== raw && Object.hasOwn(FLAGS, near) ? ` (did you mean --${near}?)` : ''}`);
			if (eq < 0 && i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) i++; // its value, probably
			continue;
		}

		const name = raw as FlagName;
		const spec: FlagSpec = FLAGS[name];
		let text: string;
		if (spec.type === 'boolean') {
			if (eq >= 0) {
				fail(`--${name} takes no value`);
				continue;
			}

			text = '';
		} else if (eq >= 0) text = arg.slice(eq + 1);
		else if (i + 1 < argv.length && argv[i + 1] !== '--help' && argv[i + 1] !== '-h') text = argv[++i]!;
		else {
			fail(`--${name} needs a value (${spec.value})`);
			continue;
		}

		if (seen.has(name)) {
			fail(`--${name} is given twice; give it once`);
			continue;
		}

		seen.add(name);
		const value = flagValue(name, text);
		if (!value.ok) fail(value.message);
		else given.push({name, value: value.value});
	}

	const pair = positional.length >= 2 ? `${positional[0]} ${positional[1]}` : undefined;
	const command = pair && byName.has(pair) ? pair : (positional[0] ?? '');
	const args = positional.slice(command === '' ? 0 : command.split(' ').length);
	const spec = byName.get(command);
	if (!spec) return refused('bad-command', `unknown command "${shown(command)}" (see flp --help)`);
	if (help || version) return success({command, args, flags: {}, help, version});
	if (error) return refused('bad-flag', error.startsWith('unknown flag') ? `${error} (see flp ${command ? `${command} ` : ''}--help)` : error);
	const flags: Partial<Record<FlagName, FlagValue>> = {};
	for (const {name, value} of given) {
		if (!spec.flags.includes(name)) return refused('bad-flag', `${command || 'the game'} does not take --${name} (see flp ${command ? `${command} ` : ''}--help)`);
		flags[name] = value;
	}

	return success({command, args, flags, help, version});
}

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
type ValueOf<F> = F extends {type: 'string'} ? string : F extends {type: 'integer'} ? number : boolean;

/** The flags as commands take them: camelCase (budgetMs), each of its type. */
export type CliOptions = {readonly [K in FlagName as CamelCase<K>]?: ValueOf<(typeof FLAGS)[K]>};

/** Flags as the commands' option objects name them (camelCase: budgetMs). */
export function options(flags: Readonly<Partial<Record<FlagName, FlagValue>>>): CliOptions {
	return Object.fromEntries(Object.entries(flags).map(([name, value]) => [camel(name), value])) as CliOptions;
}
