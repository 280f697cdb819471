import { inspect } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { show, setDisplaySink, inTslab } from '../../../kernel-lib/src/view/display/show';
import { historyTable, diffText } from '../../../kernel-lib/src/view/display/cliViews';
import { Figure, svgFromFigureHtml, setFigureEmbedding } from '../../../kernel-lib/src/view/display/Figure';
import { cacheWalk } from '../../../kernel-lib/src/view/diagram/cacheWalk';
import { practice2Rebuild } from './samples';

const NOW = '2024-06-01T12:00:00Z';
const rows = [{ Id: '<missing>', Created: '2024-06-01T11:00:00Z', CreatedBy: 'RUN /bin/sh -c echo "<b>" # buildkit', Size: 45, Comment: 'buildkit.dockerfile.v0' }];

afterEach(() => { setDisplaySink(undefined); setFigureEmbedding('img'); delete (globalThis as { __tslab__?: unknown }).__tslab__; });

describe('display', () => {
  test('a table prints as the CLI (util.inspect, String) and shows as an HTML table', () => {
    const v = historyTable(rows, { now: NOW, image: 'layer-test' });
    const cli = 'IMAGE       CREATED             CREATED BY                             SIZE      COMMENT\n<missing>   About an hour ago   RUN /bin/sh -c echo "<b>" # buildkit   45B       buildkit.dockerfile.v0';
    expect(inspect(v)).toBe(cli);
    expect(String(v)).toBe(cli);
    const html = v.html();
    expect(html).toMatch(/^<table class="layerlab-cli-table"/);
    expect(html).toContain('<th style="text-align: left;');
    expect(html).toContain('RUN /bin/sh -c echo &quot;&lt;b&gt;&quot; # buildkit');
    expect(html).toContain('$ docker history layer-test');
    expect(html).not.toContain('<style');
  });

  test('outside a kernel, show prints the text form', () => {
    const printed: string[] = [];
    const orig = console.log;
    console.log = (s: unknown) => { printed.push(String(s)); };
    try { show(diffText([{ kind: 'A', path: '/test.txt' }]), 'done'); } finally { console.log = orig; }
    expect(inTslab()).toBe(false);
    expect(printed).toEqual(['A /test.txt', 'done']);
  });

  test("inside tslab, show sends one text/html display through the kernel's own module", () => {
    const sent: Array<[string, string]> = [];
    (globalThis as { __tslab__?: unknown }).__tslab__ = {
      require: (id: string) => (id === 'tslab' ? { display: { html: (s: string) => sent.push(['text/html', s]), text: (s: string) => sent.push(['text/plain', s]) } } : undefined),
    };
    expect(inTslab()).toBe(true);
    show(diffText([{ kind: 'C', path: '/etc' }], 'cow-test'), 'note');
    expect(sent).toEqual([['text/html', '<pre class="layerlab-cli" style="' + sent[0]![1].split('style="')[1]!.split('"')[0] + '"><span style="color: #6e7781;">$ docker diff cow-test</span>\nC /etc</pre>'], ['text/plain', 'note']]);
  });

  test('figures embed as <img> data URIs by default (render when untrusted), inline on request', () => {
    const f = cacheWalk(practice2Rebuild);
    expect(f).toBeInstanceOf(Figure);
    const img = f.html();
    expect(img).toMatch(/^<img class="layerlab-figure" alt="빌드 캐시 확인 순서" width="\d+" style="max-width: 100%; height: auto;" src="data:image\/svg\+xml;base64,/);
    expect(svgFromFigureHtml(img)).toBe(f.svg);
    setFigureEmbedding('inline');
    expect(svgFromFigureHtml(f.html())).toBe(f.svg);
    expect(inspect(f)).toBe(f.text.replace(/\n$/, ''));
  });

  test('a sink receives what show sends (for tests and the slides exporter)', () => {
    const got: string[] = [];
    setDisplaySink({ html: (h) => got.push(h.slice(0, 6)), text: (t) => got.push(t) });
    show(diffText([]), 'x');
    expect(got).toEqual(['<pre c', 'x']);
  });
});
