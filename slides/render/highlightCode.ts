/**
 * Syntax highlighting at export time with highlight.js (no client-side highlighter, so the PDF and
 * a deck opened without JavaScript look the same). Only the languages a Docker course shows are
 * registered, which keeps the import fast.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import shell from 'highlight.js/lib/languages/shell';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { escapeHtml } from './escapeHtml';

const LANGUAGES = { bash, diff, dockerfile, go, ini, javascript, json, plaintext, python, shell, typescript, xml, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
hljs.registerAliases(['ts', 'tsx'], { languageName: 'typescript' });
hljs.registerAliases(['js'], { languageName: 'javascript' });
hljs.registerAliases(['sh', 'console'], { languageName: 'bash' });
hljs.registerAliases(['docker'], { languageName: 'dockerfile' });
hljs.registerAliases(['text', 'txt', 'plain'], { languageName: 'plaintext' });
hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['toml'], { languageName: 'ini' });

/** Highlighted HTML for `code`; an unknown or missing language is escaped as plain text. */
export function highlightCode(code: string, language: string | undefined): { html: string; language: string } {
  const name = language?.trim().toLowerCase() ?? '';
  if (name !== '' && hljs.getLanguage(name)) {
    return { html: hljs.highlight(code, { language: name, ignoreIllegals: true }).value, language: hljs.getLanguage(name)?.name?.toLowerCase() ?? name };
  }
  return { html: escapeHtml(code), language: 'plaintext' };
}
