/**
 * `npm run campaign -- --schedules N --seed S [--lanes L] [--blob-share F] [--break <bug>]`
 * (bugs: test/campaign/laneFaults.ts)
 * Runs N randomized fault schedules against the real bot wiring and prints what it injected and what it found.
 * Exits 1 on any violation; each violation names the seed that re-runs its schedule alone (--schedules 1 --seed X).
 */
import { BROKEN } from '../test/campaign/lane';
import { runCampaign } from '../test/campaign/runCampaign';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const schedules = Number(option('schedules', '10000'));
  const seed = Number(option('seed', String(Date.now() % 1_000_000_000)));
  const lanes = Number(option('lanes', '4'));
  const blobShare = Number(option('blob-share', '0.25'));
  const asked = option('break', '');
  const broken = BROKEN.find((one) => one === asked);
  if (asked && !broken) throw new Error(`--break ${asked}: use one of ${BROKEN.join(', ')}`);
  console.log(
    `fault campaign: ${schedules} schedules from seed ${seed}, ${lanes} lanes, ${Math.round(blobShare * 100)}% of two-instance schedules on Azurite${broken ? `, BROKEN VARIANT ${broken}` : ''}`,
  );
  let last = 0;
  const report = await runCampaign({
    schedules,
    seed,
    lanes,
    blobShare,
    ...(broken ? { broken } : {}),
    onProgress: (done) => {
      if (done - last >= 500 || done === schedules) {
        last = done;
        console.log(`  ${done} / ${schedules}`);
      }
    },
  });
  console.log(
    `\nschedules run: ${report.schedules} (seeds ${report.seeds.first}..${report.seeds.last}); not started because storage did not answer at set-up (the bot said so): ${report.notStarted}`,
  );
  console.log('faults injected, by kind:');
  for (const [kind, count] of Object.entries(report.faults).sort()) console.log(`  ${kind.padEnd(24)} ${count}`);
  const byInvariant = new Map<string, number>();
  for (const violation of report.violations)
    byInvariant.set(violation.invariant, (byInvariant.get(violation.invariant) ?? 0) + 1);
  console.log(`violations: ${report.violations.length}`);
  for (const [invariant, count] of byInvariant) console.log(`  ${invariant.padEnd(48)} ${count}`);
  console.log(
    `invoke answers: ${report.invoke.count}, p50 ${report.invoke.p50} ms, p99 ${report.invoke.p99} ms, max ${report.invoke.max} ms (CARD_ANSWER_DEADLINE_MS 100 in the campaign)`,
  );
  console.log(`unhandled rejections: ${report.unhandledRejections}`);
  console.log(
    `reclassified timing events (not violations; each with the times it was judged by): ${report.reclassified.length}`,
  );
  for (const event of report.reclassified)
    console.log(`  seed ${event.seed}: ${event.invariant}: ${event.as} ${JSON.stringify(event.evidence)}`);
  console.log(`wall time: ${(report.wallMs / 1000).toFixed(1)} s`);
  for (const violation of report.violations) {
    console.log(
      `  seed ${violation.seed}: ${violation.invariant}: ${violation.detail}  (re-run: npm run campaign -- --schedules 1 --seed ${violation.seed})`,
    );
  }
  process.exitCode = report.violations.length > 0 ? 1 : 0;
}

void main();
