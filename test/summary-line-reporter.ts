import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the closing line CI reads: "N passed, N failed" (with REGIOSIM_TEST_COUNTS set, appends
 * the counts to that file instead and labels its line with the set).
 * A module that fails to load counts as one failure, so a broken import cannot pass silently.
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const module of testModules) {
      let moduleTests = 0;
      for (const test of module.children.allTests()) {
        moduleTests++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
      }
      if (moduleTests === 0 && module.state() === 'failed') failed++;
    }
    // Under `npm test -- --all` scripts/test.sh adds the sets up and prints the one closing line.
    const counts = process.env.REGIOSIM_TEST_COUNTS;
    if (counts) {
      appendFileSync(counts, `${passed} ${failed}\n`);
      process.stdout.write(`\n${process.env.REGIOSIM_TEST_SET} set: ${passed} passed, ${failed} failed\n`);
    } else process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
