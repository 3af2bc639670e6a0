/**
 * `npm run bench`: every benchmark in turn. Figures are medians and p99 over repeated runs
 * after warm-up; speed is measured here, never in a timed test.
 */
const SUITES = ['pipeline', 'chat', 'chat-flood', 'clean', 'repair', 'extract', 'pay', 'hostile', 'links', 'store', 'install', 'alerts', 'adapters'];
const only = process.argv.slice(2);

for (const name of SUITES) {
  if (only.length > 0 && !only.includes(name)) continue;
  let suite: { run(): Promise<void> };
  try {
    suite = (await import(`./${name}.js`)) as { run(): Promise<void> };
  } catch (err) {
    console.log(`\n## ${name}: not available (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    continue;
  }
  await suite.run();
}
