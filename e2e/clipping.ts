import type { Page } from '@playwright/test';

export interface Clipped {
  /** A short CSS-like path to the element, for the failure message. */
  where: string;
  text: string;
  why: string;
}

/**
 * Every piece of text on the page that is cut off: an element whose content is wider (or, for a
 * box that clips, taller) than its box, unless it ends in a visible ellipsis (text-overflow:
 * ellipsis or a line clamp) and carries its full text in its title or aria-label. Text that
 * spills out of its box without being clipped counts too: it runs over its neighbours. Scrolling
 * boxes (the matrix) are not clipping: their content is reached by scrolling them.
 */
export function clippedText(page: Page): Promise<Clipped[]> {
  return page.evaluate(() => {
    const found: { where: string; text: string; why: string }[] = [];
    const path = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) {
        parts.unshift(e.tagName.toLowerCase() + (e.classList.length ? `.${[...e.classList].join('.')}` : '') + (e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''));
      }
      return parts.join(' > ');
    };
    const textField = 'input:not([type=range]):not([type=file]):not([type=checkbox]):not([type=radio]):not([type=color])';
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.visually-hidden, dialog:not([open]), canvas, svg, select, script, style, [aria-hidden="true"]')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.display === 'contents' || style.visibility === 'hidden' || style.display.startsWith('inline') && !style.display.includes('-')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const isField = el.matches(textField);
      const ownText = isField || [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '') || [...el.children].some((c) => getComputedStyle(c).display === 'inline');
      const text = isField ? (el as HTMLInputElement).value : (el.textContent ?? '').trim();
      if (!ownText || text === '') continue;
      const clips = style.overflowX !== 'visible' || isField;
      const scrolls = !isField && (style.overflowX === 'auto' || style.overflowX === 'scroll');
      if (scrolls) continue;
      const wide = el.scrollWidth > el.clientWidth + 1;
      // Half a line of slack: a one-line button a pixel or two short of its line height cuts nothing.
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
      const tall = clips && !isField && el.scrollHeight - el.clientHeight > lineHeight / 2;
      if (!wide && !tall) continue;
      const ellipsis = clips && (style.textOverflow === 'ellipsis' || (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== ''));
      if (!ellipsis) {
        found.push({ where: path(el), text: text.slice(0, 80), why: clips ? 'cut off without an ellipsis' : 'spills out of its box' });
        continue;
      }
      const full = [el.getAttribute('title'), el.getAttribute('aria-label')].filter(Boolean).join(' ');
      if (!full.includes(text)) found.push({ where: path(el), text: text.slice(0, 80), why: 'ellipsized without its full text in title or aria-label' });
    }
    return found;
  });
}

/** How far the page scrolls sideways (0 when it does not). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Which edges of a chart's canvas have ink on them: a label that runs past the canvas is cut at
 * its edge, so a chart whose labels all fit (wrapped or ended in "…") leaves its outermost pixels
 * blank. Returns the inked edges ([] when none).
 */
export function inkedCanvasEdges(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d')!;
    const { width, height } = canvas;
    const inked = (x: number, y: number, w: number, h: number) => {
      const data = ctx.getImageData(x, y, w, h).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
      return false;
    };
    const edges: Record<string, [number, number, number, number]> = {
      left: [0, 0, 1, height],
      right: [width - 1, 0, 1, height],
      top: [0, 0, width, 1],
      bottom: [0, height - 1, width, 1],
    };
    return Object.entries(edges)
      .filter(([, box]) => inked(...box))
      .map(([edge]) => edge);
  });
}
