/**
 * Markdown cells → HTML through `marked` (GFM: tables, strikethrough, task lists), with three
 * changes for a deck that must work offline:
 * - ```mermaid fences become `<pre class="mermaid">`, rendered in the browser by the bundled
 *   mermaid before reveal.js starts (the same element nbconvert ≥7.5 emits, minus its CDN import);
 * - other fences are highlighted at export time;
 * - images are inlined as data: URLs — `attachment:` images from the cell, and relative paths read
 *   from the notebook's folder — so a deck is one file plus the shared vendor folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { Marked, type Tokens } from 'marked';
import type { MimeData } from '../notebook/types';
import { escapeHtml } from './escapeHtml';
import { highlightCode } from './highlightCode';

export interface MarkdownContext {
  /** The notebook's folder: relative image paths are read from here. */
  readonly baseDir: string;
  readonly attachments?: { readonly [name: string]: MimeData };
  /** Collects problems worth a warning (an image that cannot be found). */
  readonly warn: (message: string) => void;
}

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

export function renderMarkdown(source: string, context: MarkdownContext): string {
  const marked = new Marked({
    gfm: true,
    async: false,
    renderer: {
      code({ text, lang }: Tokens.Code): string {
        const language = (lang ?? '').trim().split(/\s+/)[0] ?? '';
        if (language === 'mermaid') return `<pre class="mermaid">${escapeHtml(text)}</pre>\n`;
        const { html, language: used } = highlightCode(text, language);
        return `<pre class="code-block"><code class="hljs language-${used}">${html}</code></pre>\n`;
      },
      image({ href, title, text }: Tokens.Image): string {
        const src = inlineImage(href, context);
        return `<img src="${escapeHtml(src)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`;
      },
    },
  });
  return marked.parse(source) as string;
}

/** The first heading of a markdown text, as plain text (for titles and outlines). */
export function firstHeading(source: string, maxDepth = 6): { depth: number; text: string } | undefined {
  const marked = new Marked({ gfm: true });
  for (const token of marked.lexer(source)) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth <= maxDepth) {
      const heading = token as Tokens.Heading;
      return { depth: heading.depth, text: plainText(heading.text) };
    }
  }
  return undefined;
}

/** Inline markdown (emphasis, code spans, links) reduced to its text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function inlineImage(href: string, context: MarkdownContext): string {
  if (href.startsWith('attachment:')) {
    const name = decodeURIComponent(href.slice('attachment:'.length));
    const bundle = context.attachments?.[name];
    const mime = bundle ? Object.keys(bundle).find((type) => type.startsWith('image/')) : undefined;
    if (bundle && mime) {
      const value = String(bundle[mime]);
      return mime === 'image/svg+xml' ? `data:${mime};base64,${Buffer.from(value).toString('base64')}` : `data:${mime};base64,${value.replace(/\s+/g, '')}`;
    }
    context.warn(`image ${href} is not among the cell's attachments`);
    return href;
  }
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href)) return href;
  const path = isAbsolute(href) ? href : resolve(context.baseDir, decodeURIComponent(href.split(/[?#]/)[0] ?? href));
  const mime = IMAGE_TYPES[extname(path).toLowerCase()];
  if (!mime || !existsSync(path)) {
    context.warn(`image ${href} was not found next to the notebook (${path})`);
    return href;
  }
  return `data:${mime};base64,${readFileSync(path).toString('base64')}`;
}
