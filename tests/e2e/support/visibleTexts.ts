/**
 * What a reader meets on a screen, collected in the page for the language walks
 * (pseudoLocale.test.ts, frenchWalk.test.ts): every text node of the body outside the exempt
 * regions, the title, the name-giving attributes and the values of input buttons, each with a
 * short path to the element so a finding can be traced to the code.
 */

export interface Found {
  where: string;
  text: string;
}

/**
 * Runs in the page (Playwright serialises it, so it uses nothing from this module): every text
 * node of the body outside the exempt regions, the title, the name-giving attributes and the
 * values of input buttons.
 */
export function collectTexts(exempt: string): Found[] {
  const one = (element: Element): string => {
    const className =
      typeof element.className === 'string' && element.className.trim()
        ? `.${element.className.trim().split(/\s+/).join('.')}`
        : '';
    return `${element.tagName.toLowerCase()}${className}`;
  };
  // The element and its nearest ancestors, so a leftover can be found in the code.
  const describe = (element: Element): string => {
    const path = [one(element)];
    for (let up = element.parentElement; up && up !== document.body && path.length < 4;) {
      path.unshift(one(up));
      up = up.parentElement;
    }
    return path.join(' > ');
  };
  const found: Found[] = [{ where: 'document.title', text: document.title }];
  const skipped = (element: Element) =>
    element.closest('script, style, template, noscript') !== null ||
    element.closest(exempt) !== null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || skipped(parent)) continue;
    const text = (node.textContent ?? '').trim();
    if (text) found.push({ where: describe(parent), text });
  }
  const attributes = [
    'aria-label',
    'aria-description',
    'aria-roledescription',
    'aria-valuetext',
    'aria-placeholder',
    'title',
    'placeholder',
    'alt',
  ];
  for (const element of document.body.querySelectorAll('*')) {
    if (skipped(element)) continue;
    for (const attribute of attributes) {
      const value = element.getAttribute(attribute)?.trim();
      if (value) found.push({ where: `${describe(element)}[${attribute}]`, text: value });
    }
    if (element instanceof HTMLInputElement && /^(button|submit|reset)$/.test(element.type)) {
      if (element.value.trim())
        found.push({ where: `${describe(element)}[value]`, text: element.value });
    }
  }
  return found;
}
