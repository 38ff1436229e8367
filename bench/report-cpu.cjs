// Preloaded by bench/speed-rows.ts (node --require): prints the process's CPU time (all threads) on exit, so a
// whole-process row can be read as CPU time too on a machine shared with other work.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`\nHTA_BENCH_CPU_MS ${(u.user + u.system) / 1000}\n`);
});
