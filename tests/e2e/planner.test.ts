import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { AppShell } from './pages/AppShell';
import { SettingsPage, type ThemeChoice } from './pages/SettingsPage';
import { expectNoAxeViolations } from './support/axe';
import { describe, expect, test } from './support/fixtures';
import { AddToPlanDialog } from './support/pages/AddToPlanDialog';
import { AssessmentScreen } from './support/pages/AssessmentScreen';
import { PlanScreen } from './support/pages/PlanScreen';
import { PlannerHomeScreen } from './support/pages/PlannerHomeScreen';
import { SEED_OVERDUE_TASK_ID, SEED_PLAN_ID, seededBackup } from './support/pages/plannerFixtures';
import { storedPlanner } from './support/storedPlanner';

async function downloadedText(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** Brings a backup into the planner through "Import plan" and the chosen button. */
async function importBackup(page: Page, text: string, mode: 'Merge' | 'Replace'): Promise<void> {
  const home = new PlannerHomeScreen(page);
  await home.chooseImportFile('backup.json', text);
  await page.getByRole('button', { name: mode, exact: true }).click();
  await page.getByText('All changes saved', { exact: true }).waitFor();
}

const PLAN = 'Online building permits';

describe('planner', () => {
  test('assessment, a guide plan, a case study added to it, a keyboard move, reload, export and import', async ({
    app,
    browser,
  }) => {
    const page = app.page;
    const assessment = new AssessmentScreen(page);
    const home = new PlannerHomeScreen(page);
    const plan = new PlanScreen(page);
    const dialog = new AddToPlanDialog(page);

    // 1. The self-assessment, saved with its date, shown as a chart with a table.
    await app.open('/planner/assessment');
    await assessment.waitUntilReady();
    await assessment.answerAndSave([2, 1, 3, 2, 1, 3, 2, 4]);
    await expect.poll(() => assessment.radarChart.count()).toBe(1);
    const table = assessment.results.getByRole('table');
    await expect
      .poll(() => table.getByRole('row', { name: /Connectivity/ }).textContent())
      .toContain('1');

    // 2. A plan from the how-to guide template: one phase per guide step, actions as tasks.
    await app.open('/planner');
    await home.waitUntilReady();
    await home.createPlan(PLAN, 'guide');
    expect(await page.getByRole('heading', { level: 2, name: /^Step 1:/ }).count()).toBe(1);
    const guideTasks = await page.locator('.task-table tbody tr').count();
    expect(guideTasks).toBeGreaterThan(40);

    // 3. "Add to plan" on a recommended case study.
    await app.open('/planner/assessment');
    await assessment.waitUntilReady();
    const [caseStudy] = await assessment.caseStudyTitles();
    expect(caseStudy).toBeTruthy();
    const title = caseStudy as string;
    await dialog.open(assessment.recommendation(title));
    expect(await dialog.addTo(PLAN)).toContain(`Added “${title}” to “${PLAN}”`);
    await dialog.close();

    // 4. On the board, the new task moves to "In progress" with the keyboard.
    await home.page.getByRole('link', { name: 'Back to the Planner' }).click();
    await home.planLink(PLAN).click();
    await plan.openView('Board');
    const card = plan.card(title);
    await expect
      .poll(() =>
        plan.column('Not started').locator('.board-card').filter({ hasText: title }).count(),
      )
      .toBe(1);
    await card.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() =>
        plan.column('In progress').locator('.board-card').filter({ hasText: title }).count(),
      )
      .toBe(1);
    await expect
      .poll(() => plan.announcement().textContent())
      .toContain(`Moved “${title}” to In progress`);
    // Focus stays on the moved card, so the next arrow key moves it again.
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('data-task-id')),
    ).toBeTruthy();
    await plan.waitUntilSaved();

    // 5. After a reload everything is still there.
    await page.reload();
    await plan.column('In progress').waitFor();
    expect(
      await plan.column('In progress').locator('.board-card').filter({ hasText: title }).count(),
    ).toBe(1);
    await plan.openView('List');
    expect(await page.locator('.task-table tbody tr').count()).toBe(guideTasks + 1);
    await app.open('/planner/assessment');
    await assessment.results.waitFor();
    const before = await storedPlanner(page);
    expect(before).toContain(title);

    // 6. Exports: the tasks as CSV (UTF-8 with BOM) and the whole planner as JSON.
    await app.open('/planner');
    await home.waitUntilReady();
    const csv = await downloadedText(await home.download('Download tasks (CSV)'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]?.slice(0, 4)).toEqual(['Plan', 'Phase', 'Task', 'Status']);
    expect(rows.find((row) => row[2] === title)?.[3]).toBe('In progress');
    expect(rows.length).toBe(guideTasks + 2);
    const jsonDownload = await home.download('Download backup (JSON)');
    expect(jsonDownload.suggestedFilename()).toMatch(
      /^onmuni-planner-backup-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const backup = await downloadedText(jsonDownload);

    // 7. The backup into fresh storage (a new browser context) gives the same planner back.
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const freshPage = await fresh.newPage();
      await freshPage.goto(app.urlFor('/planner'));
      const freshHome = new PlannerHomeScreen(freshPage);
      await freshHome.waitUntilReady();
      expect(await freshHome.planLink(PLAN).count()).toBe(0);
      await freshHome.chooseImportFile('backup.json', backup);
      await freshPage.getByRole('heading', { name: 'Import “backup.json”?' }).waitFor();
      await freshPage.getByRole('button', { name: 'Merge', exact: true }).click();
      await freshPage.getByText('All changes saved', { exact: true }).waitFor();
      await freshHome.planLink(PLAN).waitFor();
      // Its own backup holds the same planner (stored records differ: they carry this browser's
      // stamps).
      const again = await downloadedText(await freshHome.download('Download backup (JSON)'));
      const planner = (text: string) => (JSON.parse(text) as { planner: unknown }).planner;
      expect(planner(again)).toEqual(planner(backup));
    } finally {
      await fresh.close();
    }
  });

  test.for([
    ['an empty file', ''],
    ['a truncated file', seededBackup().slice(0, 400)],
    [
      'a file with a __proto__ key',
      seededBackup().replace('"planner": {', '"planner": {"__proto__": {"x": 1},'),
    ],
    [
      'a file from a newer version',
      seededBackup().replace(/"schemaVersion": \d+/, '"schemaVersion": 99'),
    ],
    ['a file of another kind', JSON.stringify({ kind: 'something-else' })],
  ] as const)('importing %s shows an alert and changes nothing', async ([, text], { app }) => {
    const page = app.page;
    const home = new PlannerHomeScreen(page);
    await app.open('/planner');
    await home.waitUntilReady();
    await home.createPlan('Keep me', 'empty');
    await new PlanScreen(page).waitUntilSaved();
    await app.open('/planner');
    await home.waitUntilReady();
    const before = await storedPlanner(page);

    await home.chooseImportFile('bad.json', text);
    await home.alert.waitFor({ state: 'visible' });
    expect(await home.alert.textContent()).toContain('nothing was changed');
    expect(await page.getByRole('button', { name: 'Merge', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Replace', exact: true }).count()).toBe(0);
    expect(await storedPlanner(page)).toBe(before);
    expect(await home.planLink('Keep me').count()).toBe(1);
  });

  test('a task moves on the board with the mouse (drag and drop) and the move is saved', async ({
    app,
  }) => {
    const page = app.page;
    const plan = new PlanScreen(page);
    await app.open('/planner');
    await new PlannerHomeScreen(page).waitUntilReady();
    await importBackup(page, seededBackup(), 'Replace');
    await app.open(`/planner/plan/${SEED_PLAN_ID}/board`);
    await plan.card('Tell residents').dragTo(plan.column('Done'));
    await expect
      .poll(() =>
        plan.column('Done').locator('.board-card').filter({ hasText: 'Tell residents' }).count(),
      )
      .toBe(1);
    await plan.waitUntilSaved();
    // Stored: after a reload, read back from storage, the card is still done.
    await page.reload();
    await plan
      .column('Done')
      .locator('.board-card')
      .filter({ hasText: 'Tell residents' })
      .waitFor();
  });

  test('a deleted task comes back with Undo', async ({ app }) => {
    const page = app.page;
    await app.open('/planner');
    await new PlannerHomeScreen(page).waitUntilReady();
    await importBackup(page, seededBackup(), 'Replace');
    await app.open(`/planner/plan/${SEED_PLAN_ID}/task/${SEED_OVERDUE_TASK_ID}`);
    await page.getByRole('button', { name: 'Delete task' }).click();
    await page.getByText('Deleted the task “Survey applicants”.').waitFor();
    expect(await page.getByRole('link', { name: 'Survey applicants' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByRole('link', { name: 'Survey applicants' }).waitFor();
    await new PlanScreen(page).waitUntilSaved();
    expect(await storedPlanner(page)).toContain('Survey applicants');
  });

  test('a task edit is saved automatically and the save state is shown', async ({ app }) => {
    const page = app.page;
    await app.open('/planner');
    await new PlannerHomeScreen(page).waitUntilReady();
    await importBackup(page, seededBackup(), 'Replace');
    await app.open(`/planner/plan/${SEED_PLAN_ID}/task/${SEED_OVERDUE_TASK_ID}`);
    await page.getByLabel('Owner', { exact: true }).fill('Aurélie Tremblay');
    await page.getByText('All changes saved', { exact: true }).waitFor();
    expect(await storedPlanner(page)).toContain('Aurélie Tremblay');
    await page.getByLabel('Title', { exact: true }).fill('');
    expect(await page.getByRole('alert').textContent()).toContain('needs a title');
  });
});

const THEMES: readonly ThemeChoice[] = ['Light', 'Dark'];
const SCREENS = [
  ['Planner home', '/planner'],
  ['Self-assessment', '/planner/assessment'],
  ['Plan list', `/planner/plan/${SEED_PLAN_ID}`],
  ['Board', `/planner/plan/${SEED_PLAN_ID}/board`],
  ['Timeline', `/planner/plan/${SEED_PLAN_ID}/timeline`],
  ['Summary', `/planner/plan/${SEED_PLAN_ID}/summary`],
  ['Plan details', `/planner/plan/${SEED_PLAN_ID}/details`],
  ['Task editor', `/planner/plan/${SEED_PLAN_ID}/task/${SEED_OVERDUE_TASK_ID}`],
  ['Council report', `/planner/plan/${SEED_PLAN_ID}/report`],
] as const;

describe.each(THEMES)('planner axe-core, %s theme', (theme) => {
  test('every planner screen, the Add to plan dialog and the import states have no violations', async ({
    app,
  }) => {
    const page = app.page;
    const settings = new SettingsPage(page);
    await app.open('/settings');
    await settings.waitUntilReady();
    await settings.chooseTheme(theme);
    await settings.waitForThemeAttribute(theme.toLowerCase());
    await app.open('/planner');
    await new PlannerHomeScreen(page).waitUntilReady();
    await importBackup(page, seededBackup(), 'Replace');

    for (const [name, route] of SCREENS) {
      await app.open(route);
      await new AppShell(page).waitUntilReady();
      await page.locator('.planner-save, .report').first().waitFor();
      if (name === 'Self-assessment') {
        await page
          .getByRole('button', { name: /^Add to plan/ })
          .first()
          .waitFor();
      }
      await expectNoAxeViolations(page, `${name} (${theme} theme)`);
    }

    // The dialog, open over the assessment's recommendations.
    await app.open('/planner/assessment');
    const dialog = new AddToPlanDialog(page);
    await dialog.open(page.locator('.recommendations__item').first());
    await expectNoAxeViolations(page, `Add to plan dialog (${theme} theme)`);
    await page.keyboard.press('Escape');
    await dialog.dialog.waitFor({ state: 'hidden' });

    // The import preview and a refusal.
    await app.open('/planner');
    const home = new PlannerHomeScreen(page);
    await home.waitUntilReady();
    await home.chooseImportFile('backup.json', seededBackup());
    await page.getByRole('button', { name: 'Replace', exact: true }).waitFor();
    await expectNoAxeViolations(page, `Import preview (${theme} theme)`);
    await home.chooseImportFile('bad.json', '{"truncated": ');
    await home.alert.waitFor();
    await expectNoAxeViolations(page, `Import refusal (${theme} theme)`);
  });
});
