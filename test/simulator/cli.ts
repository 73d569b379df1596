/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test tooling: the standalone CLI reads process.argv, prints its URL and credentials, handles signals and exits */
/**
 * Standalone simulator: `npm run simulator -- --port 4010 --employees 500 --seed 7 [--today 2026-11-21]
 * [--no-rate-limit] [--cursor-key cursor] [--named-lists array] [--bulk-paging employees] [--freeze-clock] [--control-key KEY]
 * [--service-user-id ID --token TOKEN]`.
 */
import { startSimulator, type StartOptions } from './server';

function parseArgs(argv: string[]): StartOptions {
	const options: StartOptions = { port: 4010, employees: 500, seed: 7 };
	const value = (i: number, flag: string): string => {
		const v = argv[i + 1];
		if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
		return v;
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		switch (flag) {
			case '--port':
				options.port = Number(value(i++, flag));
				break;
			case '--host':
				options.host = value(i++, flag);
				break;
			case '--employees':
				options.employees = Number(value(i++, flag));
				break;
			case '--seed':
				options.seed = Number(value(i++, flag));
				break;
			case '--today':
				options.today = value(i++, flag);
				break;
			case '--no-rate-limit':
				options.rateLimit = false;
				break;
			case '--rate-limit':
				options.rateLimit = { perMinute: Number(value(i++, flag)) };
				break;
			case '--retry-after':
				options.rateLimit = { ...(options.rateLimit || { perMinute: 50 }), retryAfter: true };
				break;
			case '--cursor-key':
				options.cursorKey = value(i++, flag) as StartOptions['cursorKey'];
				break;
			case '--named-lists':
				options.namedListsShape = value(i++, flag) as StartOptions['namedListsShape'];
				break;
			case '--bulk-paging':
				options.bulkPaging = value(i++, flag) as StartOptions['bulkPaging'];
				break;
			case '--freeze-clock':
				options.freezeClock = true;
				break;
			case '--control-key':
				options.controlKey = value(i++, flag);
				break;
			case '--service-user-id':
				options.serviceUser = { ...options.serviceUser, id: value(i++, flag) };
				break;
			case '--token':
				options.serviceUser = { ...options.serviceUser, token: value(i++, flag) };
				break;
			default:
				throw new Error(`Unknown option ${flag}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const sim = await startSimulator(options);
	const state = sim.control.state();
	console.log(
		`HiBob simulator listening on ${sim.url}  (${state.employees} employees, seed ${options.seed}, today ${state.today}, ready in ${Date.now() - started} ms)`,
	);
	console.log(`  API base URL:     ${sim.url}/v1`);
	console.log(`  Service user ID:  ${sim.serviceUser.id}`);
	console.log(`  Token:            ${sim.serviceUser.token}`);
	console.log(
		`  Control API:      ${sim.url}/__control  (e.g. curl -X POST ${sim.url}/__control/advanceDays -d '{"days":1}')`,
	);
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: stopping`);
		void sim.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
