/** The command line's flags and the checks meow leaves to us: unknown flags and bad numbers. */

export const HELP = `
  Play the adversary of the FLP impossibility proof.

  Usage
    $ flp                      open the game
    $ flp analyze [options]    analyse a configuration (see below)
    $ flp play FILE            play a level or a saved game
    $ flp replay FILE          step through a saved game (--print: a transcript)
    $ flp replay FILE --svg OUT.svg
                               draw the run as a space-time diagram (SVG)
    $ flp replay FILE --print --format markdown
                               the transcript as Markdown, with the timeline
    $ flp check FILE...        verify scenario files: moves, checkpoints, goal
    $ flp schema               print the JSON Schema of scenario files
    $ flp challenge FILE [--player NAME] [--seed N] [--out PATH]
                               play a timed classroom challenge
    $ flp results verify FILE... --challenge FILE
                               replay students' result files and recompute their scores
    $ flp results board FILE... --challenge FILE [--format table|csv|markdown|json]
                               rank the verified results

  Analyze options
    --protocol ID        wait-all, quorum, leader or ben-or
    --nodes N            number of nodes, 2 to 6
    --inputs BITS        one input per node, node 1 first, e.g. 011
    --rounds R           ben-or rounds (default 1)
    --f F                most corrupt nodes (default 1)
    --allow LIST         none, or a comma list of crash, lie, byzantine (default byzantine)
    --moves "M1; M2"     moves to make first, in move notation
    --target MOVE        a pending delivery: also give the starred label for it
    --budget-states K    explore at most K states (the answer then says complete: false)
    --budget-ms MS       stop after MS milliseconds (default 60000)
    --json               print one JSON object

  Move notation
    start 2              deliver start(2)
    2<1:vote=0           deliver node 1's vote 0 to node 2
    corrupt 3 as crash   corrupt node 3 (crash, lie or byzantine)
    3>1:vote=1           byzantine node 3 sends vote 1 to node 1

  Examples
    $ flp analyze --protocol quorum --nodes 3 --inputs 011 --allow crash
    $ flp analyze --protocol quorum --nodes 3 --inputs 011 --allow crash \\
        --moves "start 2; start 3; 1<2:vote=1" --target "2<3:vote=1" --json
`;

export const FLAGS = {
	protocol: {type: 'string'},
	nodes: {type: 'number'},
	inputs: {type: 'string'},
	rounds: {type: 'number'},
	f: {type: 'number'},
	allow: {type: 'string'},
	moves: {type: 'string'},
	target: {type: 'string'},
	budgetStates: {type: 'number'},
	budgetMs: {type: 'number'},
	json: {type: 'boolean'},
	print: {type: 'boolean'},
	player: {type: 'string'},
	seed: {type: 'number'},
	out: {type: 'string'},
	challenge: {type: 'string'},
	format: {type: 'string'},
	svg: {type: 'string'},
} as const;

const kebab = (name: string): string => name.replace(/[A-Z]/g, ch => `-${ch.toLowerCase()}`);

/** The first problem with the parsed flags, or null. */
export function flagProblem(flags: Record<string, unknown>): string | null {
	for (const [name, value] of Object.entries(flags)) {
		const known = FLAGS[name as keyof typeof FLAGS];
		const flag = name.length === 1 && !known ? `-${name}` : `--${kebab(name)}`;
		if (!known) return `unknown flag ${flag} (see flp --help)`;
		if (known.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) return `${flag} needs a number`;
		if (known.type === 'string' && (value === '' || typeof value !== 'string')) return `${flag} needs a value`;
	}

	return null;
}
