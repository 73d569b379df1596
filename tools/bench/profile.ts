/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- benchmark tooling runs outside n8n and prints a report */
/**
 * Repeats one kind of trigger poll so a profiler sees only that work (BENCHMARKS.md, "Profiling"):
 *
 *   npx tsc -p tools/bench/tsconfig.json
 *   node --expose-gc --cpu-prof --cpu-prof-dir=.cache/prof .cache/bench/tools/bench/profile.js quiet 50000 5
 *
 * Kinds: quiet, busy, baseline, parse. The scenario is built first (and appears in the profile as
 * buildTriggerScenario; ignore it).
 */
import { forceGc, measure } from './stats';
import { buildTriggerScenario, poll, snapshotOf } from './triggerCore';

const [kind = 'quiet', sizeText = '50000', runsText = '5'] = process.argv.slice(2);
const scenario = buildTriggerScenario(Number(sizeText));
forceGc();
for (let run = 0; run < Number(runsText); run++) {
	const previous = kind === 'baseline' ? undefined : snapshotOf(scenario.snapshotJson);
	const body = kind === 'busy' ? scenario.busyBody : scenario.quietBody;
	const { sample } = measure((probe) =>
		kind === 'parse' ? JSON.parse(body) : poll(body, previous, probe),
	);
	console.log(`${kind} ${sizeText}: ${sample.cpuMs.toFixed(0)} ms CPU`);
}
