/**
 * Discord's message limits, written out independently of adapters/discord/render.ts so the
 * tests check the renderer against the documented numbers rather than against itself.
 * Returns every violation found (empty when the message is acceptable to Discord).
 */
export function limitProblems(message: { content?: string; embeds?: any[]; components?: any[] }): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check((message.content ?? '').length <= 2000, 'content over 2000');
  const embeds = message.embeds ?? [];
  check(embeds.length <= 10, 'more than 10 embeds');
  let total = 0;
  for (const e of embeds) {
    const title = e.title ?? '';
    const description = e.description ?? '';
    const footer = e.footer?.text ?? '';
    const fields: any[] = e.fields ?? [];
    check(title.length <= 256, `title ${title.length} > 256`);
    check(description.length <= 4096, `description ${description.length} > 4096`);
    check(footer.length <= 2048, `footer ${footer.length} > 2048`);
    check(fields.length <= 25, `${fields.length} fields > 25`);
    for (const f of fields) {
      check(typeof f.name === 'string' && f.name.length >= 1 && f.name.length <= 256, `field name "${f.name}" empty or > 256`);
      check(typeof f.value === 'string' && f.value.length >= 1 && f.value.length <= 1024, `field "${f.name}" value ${f.value?.length} not in 1..1024`);
      total += (f.name?.length ?? 0) + (f.value?.length ?? 0);
    }
    total += title.length + description.length + footer.length + (e.author?.name?.length ?? 0);
  }
  check(total <= 6000, `embeds total ${total} > 6000`);

  const rows = message.components ?? [];
  check(rows.length <= 5, `${rows.length} rows > 5`);
  const customIds = new Set<string>();
  for (const row of rows) {
    check(row.type === 1, 'top-level component is not an action row');
    const items: any[] = row.components ?? [];
    const buttons = items.filter((c) => c.type === 2);
    const selects = items.filter((c) => c.type === 3);
    check(items.length >= 1, 'empty action row');
    check(buttons.length <= 5, `${buttons.length} buttons in a row > 5`);
    check(selects.length === 0 || items.length === 1, 'a select menu shares its row');
    for (const b of buttons) {
      check(typeof b.label === 'string' && b.label.length >= 1 && b.label.length <= 80, `button label "${b.label}" not in 1..80`);
      if (b.style === 5) check(typeof b.url === 'string' && /^https?:\/\//.test(b.url) && b.url.length <= 512 && b.custom_id === undefined, `bad link button ${b.url}`);
      else check(typeof b.custom_id === 'string' && b.custom_id.length >= 1 && b.custom_id.length <= 100, `custom_id "${b.custom_id}" not in 1..100`);
    }
    for (const s of selects) {
      check(typeof s.custom_id === 'string' && s.custom_id.length <= 100, `select custom_id "${s.custom_id}" > 100`);
      check(s.options.length >= 1 && s.options.length <= 25, `${s.options.length} select options not in 1..25`);
      check((s.placeholder ?? '').length <= 150, 'placeholder > 150');
      for (const o of s.options) {
        check(o.label.length >= 1 && o.label.length <= 100, `option label "${o.label}" not in 1..100`);
        check(o.value.length >= 1 && o.value.length <= 100, `option value "${o.value}" not in 1..100`);
      }
      const values = new Set(s.options.map((o: any) => o.value));
      check(values.size === s.options.length, 'duplicate select option values');
    }
    for (const c of items)
      if (c.custom_id !== undefined) {
        check(!customIds.has(c.custom_id), `duplicate custom_id ${c.custom_id}`);
        customIds.add(c.custom_id);
      }
  }
  return problems;
}
