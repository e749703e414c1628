// Reads Playwright's JSON report (results.json) and prints the same phase line as the gate's run summary, for bench/gate.
const fs = require('fs');
const path = require('path');

const report = JSON.parse(fs.readFileSync(path.join(__dirname, 'results.json'), 'utf8'));
const results = [];
const walk = suite => {
  (suite.specs || []).forEach(spec => spec.tests.forEach(t => t.results.forEach(r => results.push(r))));
  (suite.suites || []).forEach(walk);
};
report.suites.forEach(walk);
results.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
const seconds = results.map(r => r.duration / 1000);
const rest = seconds.slice(1).sort((a, b) => a - b);
const median = rest.length % 2 ? rest[(rest.length - 1) / 2] : (rest[rest.length / 2 - 1] + rest[rest.length / 2]) / 2;
const failed = results.filter(r => r.status !== 'passed').length;
console.log(`[peer] tests: ${results.length - failed} passed, ${failed} failed`);
console.log(`[peer] phases: first scenario ${seconds[0].toFixed(2)} s; the rest ${median.toFixed(2)} s a scenario (median of ${rest.length})`);
