// The peer of `./mvnw verify -Dcucumber.filter.tags=@direct`: the same 8 scenarios, the same Chromium and settings
// (playwright.config at the top of the project), against the same reference app and stubs, started here from the
// project's compiled classes (bench/gate prepares bench/playwright/classpath.txt; see bench/README.md).
const { defineConfig } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

const project = path.resolve(__dirname, '..', '..');
const classpath = fs.readFileSync(path.join(__dirname, 'classpath.txt'), 'utf8').trim();
const { APP, INSTAGRAM, FACEBOOK } = require('./ports');
const java = (main, args) => `java -cp ${path.join(project, 'target', 'classes')}:${classpath} ${main} ${args}`;

module.exports = defineConfig({
  testDir: '.',
  workers: 1,          // as playwright.config's workers=1
  retries: 0,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'report' }], ['json', { outputFile: 'results.json' }]],
  use: {
    baseURL: `http://localhost:${APP}`,
    headless: true,
    viewport: { width: 1100, height: 760 },
    actionTimeout: 10_000,
    navigationTimeout: 10_000,
    // as playwright.config's use.trace=retain-on-failure with use.trace.screenshots=false (TRACE_SCREENSHOTS=1: with)
    trace: { mode: 'retain-on-failure', screenshots: process.env.TRACE_SCREENSHOTS === '1' },
    screenshot: 'off',   // the spec takes one at each documented step, as the Java steps do
    video: 'off',
    launchOptions: {
      // as the Java run picks it (browser.headlessShell=auto): Chromium's headless shell when installed, which is what
      // Playwright Test itself drives for headless Chromium; CHROMIUM=/usr/bin/chromium compares the full Chromium
      executablePath: process.env.CHROMIUM
        || (fs.existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : '/usr/bin/chromium'),
      ignoreDefaultArgs: ['--disable-popup-blocking'],
      args: ['--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run',
        '--disable-sync', '--disable-gpu'],
    },
  },
  webServer: [
    {
      command: java('com.linkwright.stubs.StubsMain', `--instagram-port ${INSTAGRAM} --facebook-port ${FACEBOOK}`
        + ` --redirect-uri http://localhost:${APP}/auth/instagram/callback`),
      cwd: project,
      port: INSTAGRAM,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: java('com.linkwright.app.AppMain', `--port ${APP} --instagram-url http://127.0.0.1:${INSTAGRAM}`
        + ` --facebook-url http://127.0.0.1:${FACEBOOK}`),
      cwd: project,
      url: `http://localhost:${APP}/signin`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
