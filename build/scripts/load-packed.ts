// Starts a packed app folder (extracted app.asar) under the Chromium-backed stand-in for
// 'electron' and checks its first screen: the templates and the bundled samples.
// Usage: tsx build/scripts/load-packed.ts <app folder> <resources folder>
import { startDesktopApp } from '../../electron/main/testing/desktop-harness';

const [appDir, resources] = process.argv.slice(2);
if (!appDir || !resources) throw new Error('usage: load-packed.ts <app folder> <resources folder>');
const app = await startDesktopApp({
  mainFile: `${appDir}/dist/electron/main.cjs`,
  appPath: appDir,
  resourcesPath: resources,
});
try {
  const page = await app.mainPage();
  await page.getByRole('radio').first().waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { name: 'Samples' }).waitFor({ timeout: 30_000 });
  const templates = await page.getByRole('radio').count();
  const samples = await page.locator('ul.file-list').last().getByRole('button').count();
  if (templates < 1 || samples !== 5)
    throw new Error(`The packed app's first screen shows ${templates} templates and ${samples} samples.`);
  console.log(`The packed app started under the stand-in: ${templates} templates, ${samples} samples.`);
} finally {
  await app.close();
}
