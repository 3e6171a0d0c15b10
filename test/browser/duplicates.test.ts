/**
 * Duplicates in Chromium over the playground (issue 5): ClientBase ▸ Find
 * duplicates fills the Duplicates tab with groups and their reasons (the
 * demo plants about 20: Саша/Александр, Cyrillic/Latin, phone formats, Gmail
 * dots, swapped names…); a "merge" decision, ClientBase ▸ Merge decided
 * duplicates, the merged-away row gone from Clients and kept in Archive;
 * ClientBase ▸ Undo last merge brings it back; a "not duplicates" decision
 * is never proposed again.
 *
 * The playground's grid cannot be edited, so the Decision cell is typed in
 * through the emulator's SpreadsheetApp (typeIntoCell), as a user would type
 * it in Sheets; everything else goes through the page's menu and grid.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { TAB } from '../../src/core/schema/tabs.ts';
import {
  addClientDirectly,
  BROWSER_TIMEOUT,
  chooseMenu,
  describeBrowser,
  gridRows,
  refreshGrid,
  showSheet,
  takeAlert,
  typeIntoCell,
  usePlayground,
} from '../support/browser.ts';

interface Member {
  /** Sheet row in Duplicates (header is row 1). */
  row: number;
  group: string;
  id: string;
  name: string;
  email: string;
  phone: string;
  why: string;
  survivor: boolean;
}

describeBrowser('duplicates: find, merge, undo, not duplicates', () => {
  const pg = usePlayground();
  let groupsFound = 0;

  /** The Duplicates tab as the grid shows it, one entry per member row. */
  async function duplicatesTab(page: Page): Promise<Member[]> {
    await showSheet(page, TAB.duplicates);
    const [header, ...rows] = await gridRows(page);
    const col = (name: string) => header.indexOf(name);
    return rows
      .map((r, i) => ({
        row: i + 2,
        group: r[col('Group')],
        id: r[col('Client ID')],
        name: r[col('Name')],
        email: r[col('Email')],
        phone: r[col('Phone')],
        why: r[col('Why')],
        survivor: r[col('Survivor')] === 'TRUE',
      }))
      .filter((m) => m.group !== '');
  }

  const groupsOf = (members: Member[]): Map<string, Member[]> => {
    const groups = new Map<string, Member[]>();
    for (const m of members) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
    return groups;
  };

  async function clientIds(page: Page): Promise<string[]> {
    await showSheet(page, TAB.clients);
    const [header, ...rows] = await gridRows(page);
    return rows.map((r) => r[header.indexOf('ID')]);
  }

  async function findDuplicates(page: Page): Promise<string> {
    await chooseMenu(page, 'Find duplicates');
    return takeAlert(page);
  }

  it(
    'ClientBase ▸ Find duplicates lists groups in the Duplicates tab, each with reasons in plain words',
    async () => {
      const page = await pg().page();
      const alert = await findDuplicates(page);
      const [, groups, clients] = /^(\d+) groups of likely duplicates among (\d+) clients/.exec(alert) ?? [];
      groupsFound = Number(groups);
      expect(groupsFound).toBeGreaterThanOrEqual(20);
      expect(alert).toContain('Merge decided duplicates');

      const members = await duplicatesTab(page);
      const groupsShown = groupsOf(members);
      expect(groupsShown.size).toBe(groupsFound);
      expect(Number(clients)).toBe((await clientIds(page)).length);
      for (const [, group] of groupsShown) {
        expect(group.length).toBeGreaterThanOrEqual(2);
        expect(group.filter((m) => m.survivor)).toHaveLength(1);
        for (const m of group.slice(1)) expect(m.why).not.toBe('');
      }
      const reasons = members.map((m) => m.why).join('\n');
      // The kinds the demo plants, each explained.
      expect(reasons).toMatch(/nickname match on first name \((Александр = Саша|Саша = Александр)\)/);
      expect(reasons).toMatch(/Cyrillic\/Latin spelling of (first|last) name/);
      expect(reasons).toContain('first and last name swapped');
      // Same phone although written differently; same email although the Gmail dots differ.
      const samePhone = [...groupsShown.values()].some((g) =>
        g.some((m) => /\bsame phone\b/.test(m.why) && m.phone !== '' && g.some((o) => o.phone !== '' && o.phone !== m.phone)),
      );
      expect(samePhone).toBe(true);
      const gmailDots = [...groupsShown.values()].some((g) =>
        g.some(
          (m) =>
            /\bsame email\b/.test(m.why) &&
            m.email.endsWith('@gmail.com') &&
            g.some((o) => o.email.endsWith('@gmail.com') && o.email !== m.email && o.email.replace(/\./g, '') === m.email.replace(/\./g, '')),
        ),
      );
      expect(gmailDots).toBe(true);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'merges a group decided "merge": the merged-away client leaves Clients, Archive keeps it; Undo last merge brings it back',
    async () => {
      const page = await pg().page();
      const groups = groupsOf(await duplicatesTab(page));
      const sasha = [...groups.values()].find((g) => g.some((m) => m.name.startsWith('Саша ')) && g.some((m) => m.name.startsWith('Александр ')));
      expect(sasha, 'the Саша/Александр group').toBeDefined();
      const survivor = sasha!.find((m) => m.survivor)!;
      const away = sasha!.filter((m) => !m.survivor).map((m) => m.id);
      const idsBefore = await clientIds(page);
      expect(idsBefore).toEqual(expect.arrayContaining([survivor.id, ...away]));

      typeIntoCell(pg(), TAB.duplicates, 'Decision', sasha![0].row, 'merge');
      await showSheet(page, TAB.duplicates);
      await refreshGrid(page);
      expect((await gridRows(page))[sasha![0].row - 1]).toContain('merge');

      await chooseMenu(page, 'Merge decided duplicates');
      const merged = await takeAlert(page);
      expect(merged).toMatch(new RegExp(`^Merged 1 groups \\(${away.length} clients? merged into survivors\\)\\.`));
      expect(merged).toMatch(/Undo with ClientBase ▸ Undo last merge/);

      const idsAfter = await clientIds(page);
      expect(idsAfter).toContain(survivor.id);
      for (const id of away) expect(idsAfter).not.toContain(id);
      expect(idsAfter.length).toBe(idsBefore.length - away.length);

      await showSheet(page, TAB.archive);
      const [archiveHeader, ...archived] = await gridRows(page);
      const archivedIds = archived.map((r) => r[archiveHeader.indexOf('Client ID')]);
      for (const id of away) expect(archivedIds).toContain(id);
      expect(
        archived.filter((r) => away.includes(r[archiveHeader.indexOf('Client ID')])).every((r) => r[archiveHeader.indexOf('Survivor ID')] === survivor.id),
      ).toBe(true);

      await chooseMenu(page, 'Undo last merge');
      const undone = await takeAlert(page);
      expect(undone).toMatch(/^Undid merge \S+: /);
      for (const id of away) expect(undone).toContain(id);
      const idsUndone = await clientIds(page);
      expect([...idsUndone].sort()).toEqual([...idsBefore].sort());
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a group decided "not duplicates" is remembered and not proposed again by Find duplicates',
    async () => {
      const page = await pg().page();
      await findDuplicates(page);
      const groups = groupsOf(await duplicatesTab(page));
      const before = groups.size;
      // A pair of two, so the whole group is the decision (a bigger group could come back as a smaller one).
      const pair = [...groups.values()].find((g) => g.length === 2)!;
      expect(pair).toBeDefined();
      const ids = pair.map((m) => m.id).sort();

      typeIntoCell(pg(), TAB.duplicates, 'Decision', pair[0].row, 'not duplicates');
      await chooseMenu(page, 'Merge decided duplicates');
      expect(await takeAlert(page)).toMatch(/^Merged 0 groups[^\n]*\n1 groups remembered as not duplicates: they will not be proposed again\./);

      const again = await findDuplicates(page);
      // The pair's members may still group with someone else (groups are built by average linkage), never with each other.
      const after = groupsOf(await duplicatesTab(page));
      expect(again).toMatch(new RegExp(`^${after.size} groups of likely duplicates`));
      expect(after.size).toBeLessThanOrEqual(before);
      const proposedTogether = [...after.values()].some((g) => ids.every((id) => g.some((m) => m.id === id)));
      expect(proposedTogether).toBe(false);
      // Both clients are still in the base: nothing was merged.
      expect(await clientIds(page)).toEqual(expect.arrayContaining(ids));
    },
    BROWSER_TIMEOUT,
  );

  // Once a bug: Find duplicates activates the Duplicates tab, as Sheets would show it, but the page
  // stayed on the tab it was showing, so the user read "In the Duplicates tab, set Decision…" while
  // looking at Clients. The page now follows a tab the add-on activates.
  it(
    'after Find duplicates the page shows the Duplicates tab the add-on activated',
    async () => {
      const page = await pg().page();
      await showSheet(page, TAB.clients);
      await findDuplicates(page);
      await expect.poll(() => page.locator('#tabs button.active').textContent(), { timeout: 3000 }).toBe(TAB.duplicates);
    },
    BROWSER_TIMEOUT,
  );

  // Two different people who share only a first name, a last name and a city, with a different
  // email, a different phone and a different address: merging them on trust would lose a client.
  it(
    'does not call two clients with only name and city in common, and a different email, phone and address, a sure duplicate',
    async () => {
      const page = await pg().page();
      const common = { 'First name': 'Zamfira', 'Last name': 'Ungureanu', City: 'Chișinău', Country: 'Moldova', Region: 'Chișinău' };
      const a = await addClientDirectly(pg(), { ...common, Email: 'zamfira.u@example.md', Phone: '+373 69 111 222', Address: 'str. Ismail 10' });
      const b = await addClientDirectly(pg(), { ...common, Email: 'z.ungureanu@example.org', Phone: '+373 79 333 444', Address: 'bd. Dacia 55' });
      await findDuplicates(page);
      const group = [...groupsOf(await duplicatesTab(page)).values()].find((g) => g.some((m) => m.id === a.id) && g.some((m) => m.id === b.id));
      expect(group?.[0].why ?? 'not listed').not.toMatch(/^sure /);
    },
    BROWSER_TIMEOUT,
  );

  it('raised no uncaught error and opened no browser dialog', () => {
    expect(pg().pageErrors).toEqual([]);
    expect(pg().dialogs).toEqual([]);
  });
});
